// One motion (or amendment) on the floor: its text and versions, proposer and seconders, status,
// the actions its status allows, its speeches, its votes; amendments nested under their motion.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ThresholdRule } from '../../../shared/domain/council'
import { isMeetingRule, rulesForMethod } from '../../../shared/domain/votes'
import type { MemberId } from '../../../shared/domain/ids'
import type { Motion } from '../../../shared/doc/motions'
import { VOTE_METHODS, type VoteMethod } from '../../../shared/doc/votes'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { SelectField, TextAreaField } from '../../ui/Field'
import { StatusPill } from '../../ui/StatusPill'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { moveTo, propose, second, startVote } from './actions'
import { presentMembers } from './FloorPanel'
import { usePhoneHost } from './usePhoneHost'
import { SpeechPanel } from './SpeechPanel'
import { VotePanel } from './VotePanel'
import { VoteResultView } from './VoteResultView'
import { VoteFixPanel } from './VoteFixPanel'
import { CancelledNote, CorrectionList, RevoteNote } from './VoteHistory'
import type { SessionView } from './useSession'
import { useUnsavedFields } from '../../kit/unsaved'

export function MotionCard({ motion, view }: { motion: Motion; view: SessionView }) {
  const { t } = useTranslation(['session', 'common', 'votes'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const { failure, run } = useAction()
  const [seconder, setSeconder] = useState('')
  const [amendment, setAmendment] = useState({ proposerId: '', text: '' })
  useUnsavedFields(amendment.text.trim() ? [t('session:amendment.text')] : [])
  // The owners' rules are offered only where their figures can exist (shared/domain/votes/meetingRules.ts).
  const defaultRule = motion.parentId ? 'simple_majority' : council.defaultThreshold
  const [voteSetup, setVoteSetup] = useState<{ method: VoteMethod; rule: ThresholdRule | ''; phones: boolean }>({
    method: 'hands',
    rule: defaultRule,
    phones: false,
  })
  const host = usePhoneHost(council.id)
  // Phones vote by secret ballot (drawn codes) or roll call (named codes); hands are counted in the room.
  const phonesApply = voteSetup.method !== 'hands'
  const live = meeting.status === 'in_session' && !handle.readOnly
  const kind = motion.parentId ? 'amendment' : 'motion'
  const here = presentMembers(view)
  const amendments = view.motions.filter((m) => m.parentId === motion.id)
  const amendmentOnFloor = amendments.some((a) => ['proposed', 'seconded', 'debating', 'voting'].includes(a.status))
  const votes = view.votes.filter((v) => v.motionId === motion.id)
  const openVote = votes.find((v) => v.closedAt === null)
  const name = (id: string) => view.names.get(id) ?? id
  // Corrections may be recorded after the session closed (before the minutes are drafted); re-votes only in session.
  const fixLive = (meeting.status === 'in_session' || meeting.status === 'closed') && !handle.readOnly
  const lastAnnounced = votes.filter((v) => v.result && !v.cancelled).at(-1)
  const laterVote = lastAnnounced ? votes.some((v) => v.openedAt > lastAnnounced.openedAt && !v.cancelled) : false
  const chairName = view.attendance.find((a) => a.role === 'chair')?.name ?? ''
  const memberOptions = [{ value: '', label: t('session:floor.choose') }, ...here.map((m) => ({ value: m.memberId, label: m.name }))]


  const canDebate = motion.status === 'seconded' || (motion.status === 'proposed' && !council.secondingRequired)
  const canLeave = ['proposed', 'seconded', 'debating'].includes(motion.status)

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

      {live && (motion.status === 'proposed' || motion.status === 'seconded') ? (
        <form
          className="row"
          aria-label={t('session:motion.secondTitle')}
          onSubmit={(e) => {
            e.preventDefault()
            void run(() => second(env, handle, motion.id, seconder as MemberId)).then((ok) => ok && setSeconder(''))
          }}
        >
          <SelectField label={t('session:motion.seconder')} value={seconder} onChange={(e) => setSeconder(e.target.value)} options={memberOptions.filter((o) => o.value !== motion.proposerId)} />
          <button type="submit" disabled={!seconder}>
            {t('session:motion.second')}
          </button>
        </form>
      ) : null}

      {live ? (
        <div className="row">
          {canDebate ? (
            <button className="primary" onClick={() => void run(() => moveTo(env, handle, council, motion.id, 'debating'))}>
              {t('session:motion.debate')}
            </button>
          ) : null}
          {canLeave ? (
            <>
              <button onClick={() => void run(() => moveTo(env, handle, council, motion.id, 'withdrawn'))}>{t('session:motion.withdraw')}</button>
              <button onClick={() => void run(() => moveTo(env, handle, council, motion.id, 'deferred'))}>{t('session:motion.defer')}</button>
            </>
          ) : null}
        </div>
      ) : null}

      {motion.status === 'debating' ? <SpeechPanel motion={motion} view={view} /> : null}

      {live && motion.status === 'debating' && !motion.parentId && !amendmentOnFloor ? (
        <details className="card">
          <summary>{t('session:amendment.proposeTitle')}</summary>
          <form
            aria-label={t('session:amendment.proposeTitle')}
            onSubmit={(e) => {
              e.preventDefault()
              void run(() => propose(env, handle, { itemId: motion.itemId, proposerId: amendment.proposerId as MemberId, text: amendment.text, parentId: motion.id })).then(
                (ok) => ok && setAmendment({ proposerId: '', text: '' }),
              )
            }}
          >
            <SelectField label={t('session:motion.proposer')} value={amendment.proposerId} onChange={(e) => setAmendment((a) => ({ ...a, proposerId: e.target.value }))} options={memberOptions} />
            <TextAreaField label={t('session:amendment.text')} hint={t('session:amendment.hint')} value={amendment.text} onChange={(e) => setAmendment((a) => ({ ...a, text: e.target.value }))} />
            <button type="submit" disabled={!amendment.proposerId}>
              {t('session:amendment.propose')}
            </button>
          </form>
        </details>
      ) : null}

      {live && motion.status === 'debating' && !amendmentOnFloor ? (
        <form
          className="row vote-setup"
          aria-label={t('session:vote.setupTitle')}
          onSubmit={(e) => {
            e.preventDefault()
            const rule = voteSetup.rule
            if (rule) void run(() => startVote(env, handle, motion.id, voteSetup.method, rule, phonesApply && voteSetup.phones && Boolean(host)))
          }}
        >
          <SelectField
            label={t('session:vote.method')}
            value={voteSetup.method}
            onChange={(e) => {
              const method = e.target.value as VoteMethod
              // A rule the new method cannot use (an owners' rule in a secret ballot) is chosen again.
              setVoteSetup((v) => ({ ...v, method, rule: v.rule && isMeetingRule(v.rule, method) ? v.rule : '' }))
            }}
            options={VOTE_METHODS.map((m) => ({ value: m, label: t(`session:vote.methods.${m}`) }))}
          />
          <SelectField
            label={t('session:vote.rule')}
            value={voteSetup.rule}
            onChange={(e) => setVoteSetup((v) => ({ ...v, rule: e.target.value as ThresholdRule }))}
            options={[...(voteSetup.rule ? [] : [{ value: '', label: t('session:floor.choose') }]), ...rulesForMethod(voteSetup.method).map((r) => ({ value: r, label: t(`common:enums.threshold.${r}`) }))]}
            hint={voteSetup.method === 'secret' ? t('session:voteFix.ownersNotOffered') : undefined}
          />
          {phonesApply ? (
            <div className="phones-option">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={voteSetup.phones && Boolean(host)}
                  disabled={!host}
                  onChange={(e) => setVoteSetup((v) => ({ ...v, phones: e.target.checked }))}
                  aria-describedby={`phones-why-${motion.id}`}
                />
                <span>{t('session:phones.option')}</span>
              </label>
              <span className="hint" id={`phones-why-${motion.id}`}>
                {host ? t('session:phones.optionHint') : host === null ? t('session:phones.needsServer') : null}
              </span>
            </div>
          ) : null}
          <button type="submit" className="primary" data-command="openVote" disabled={!voteSetup.rule}>
            {t('session:vote.open')}
          </button>
        </form>
      ) : null}

      {openVote ? <VotePanel vote={openVote} motion={motion} view={view} /> : null}
      {votes
        .filter((v) => v.closedAt !== null)
        .map((v) => (
          <div key={v.id} className="vote-closed">
            <RevoteNote vote={v} />
            {v.cancelled ? (
              <section className="card vote-result cancelled" aria-label={t('session:voteFix.cancelledTitle')}>
                <h4>{t('session:voteFix.cancelledTitle')}</h4>
                <CancelledNote vote={v} />
              </section>
            ) : (
              <VoteResultView vote={v} />
            )}
            <CorrectionList vote={v} />
            {fixLive && v.id === lastAnnounced?.id && !laterVote ? <VoteFixPanel vote={v} chairName={chairName} canRevote={live && !motion.parentId && !openVote} /> : null}
          </div>
        ))}

      {amendments.map((a) => (
        <MotionCard key={a.id} motion={a} view={view} />
      ))}
    </article>
  )
}
