// One motion (or amendment) on the floor: its text and versions, proposer and seconders, status,
// the actions its status allows, its speeches, its votes; amendments nested under their motion.
import { useTranslation } from 'react-i18next'
import type { Motion } from '../../../shared/doc/motions'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { StatusPill } from '../../ui/StatusPill'
import { useMeeting } from '../../kit/MeetingContext'
import { FundVoteLine } from '../../kit/fundVote'
import { ClosedVotes } from './ClosedVotes'
import { MotionMoves, SecondForm } from './MotionActions'
import { ProposeForm } from './ProposeForm'
import { SpeechPanel } from './SpeechPanel'
import { VotePanel } from './VotePanel'
import { VoteSetupForm } from './VoteSetupForm'
import { presentMembers, type SessionView } from './useSession'

export function MotionCard({ motion, view }: { motion: Motion; view: SessionView }) {
  const { t } = useTranslation(['session', 'common', 'votes'])
  const { handle, meeting } = useMeeting()
  const { failure, run } = useAction()
  const live = meeting.status === 'in_session' && !handle.readOnly
  const kind = motion.parentId ? 'amendment' : 'motion'
  const amendments = view.motions.filter((m) => m.parentId === motion.id)
  const amendmentOnFloor = amendments.some((a) => ['proposed', 'seconded', 'debating', 'voting'].includes(a.status))
  const votes = view.votes.filter((v) => v.motionId === motion.id)
  const openVote = votes.find((v) => v.closedAt === null)
  const name = (id: string) => view.names.get(id) ?? id
  const memberOptions = [{ value: '', label: t('session:floor.choose') }, ...presentMembers(view).map((m) => ({ value: m.memberId, label: m.name }))]
  const debating = live && motion.status === 'debating'

  return (
    <article className={`card motion ${kind}`} aria-label={t(`session:${kind}.label`, { text: motion.text })}>
      <div className="row">
        <h3>{t(`session:${kind}.heading`)}</h3>
        <StatusPill status={motion.status} label={t(`session:motionStatus.${motion.status}`)} />
      </div>
      <p className="motion-text pre">{motion.text}</p>
      {motion.textVersions.length > 1 ? (
        <details>
          <summary>{t('session:motion.versions', { count: motion.textVersions.length })}</summary>
          <ol>
            {motion.textVersions.map((v, i) => (
              <li key={i} className="pre">
                {v.amendmentId ? t('session:motion.versionAmended', { text: v.text }) : v.text}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <p className="muted">
        {t('session:motion.by', { name: name(motion.proposerId) })}
        {motion.seconders.length ? t('session:motion.seconders', { names: motion.seconders.map(name).join(t('session:listSep')) }) : null}
      </p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {live && (motion.status === 'proposed' || motion.status === 'seconded') ? <SecondForm motion={motion} memberOptions={memberOptions} run={run} /> : null}
      {live ? <MotionMoves motion={motion} run={run} /> : null}
      {motion.status === 'debating' ? <SpeechPanel motion={motion} view={view} /> : null}
      {debating && !motion.parentId && !amendmentOnFloor ? (
        <details className="card">
          <summary>{t('session:amendment.proposeTitle')}</summary>
          <ProposeForm itemId={motion.itemId} parent={motion} memberOptions={memberOptions} run={run} />
        </details>
      ) : null}
      {/* A fund project's vote: whether approving it still fits the money available, said before the vote. */}
      {!motion.parentId && ((debating && !amendmentOnFloor) || openVote) ? <FundVoteLine motion={motion} /> : null}
      {debating && !amendmentOnFloor ? <VoteSetupForm motion={motion} run={run} /> : null}
      {openVote ? <VotePanel vote={openVote} motion={motion} view={view} /> : null}
      <ClosedVotes motion={motion} votes={votes} view={view} live={live} openVote={openVote} />
      {amendments.map((a) => (
        <MotionCard key={a.id} motion={a} view={view} />
      ))}
    </article>
  )
}
