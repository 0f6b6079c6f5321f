// The projector (a second window or tab): the current item, the motion on the floor, the speaking
// timer and the last announced result, in large type, with no controls. It follows the
// secretary's window live. After a vote with phones, the receipts phones were given are published
// beside the result, or below it when there are many (sorted, never with a name, paged when they
// do not all fit: ProjectorReceipts.tsx), so each resident can find theirs.
import { useTranslation } from 'react-i18next'
import { useCouncil } from '../../kit/CouncilContext'
import { ballotPage } from './phoneActions'
import { QrCode } from '../../kit/QrCode'
import { MANY_RECEIPTS, ProjectorReceipts } from './ProjectorReceipts'
import { usePhoneHost } from '../../kit/phoneHost'
import { useMeeting } from '../../kit/MeetingContext'
import { SpeakingTimer } from './SpeakingTimer'
import { ResultText } from './VoteResultView'
import { CorrectionList } from './VoteHistory'
import { useSessionView } from './useSession'
import type { Vote } from '../../../shared/doc/votes'
import type { VoteResult } from '../../../shared/domain/votes'

export function ProjectorScreen() {
  const { t } = useTranslation(['session', 'common'])
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const view = useSessionView(handle.doc)
  const host = usePhoneHost(council.id)
  if (!view) return null
  const item = view.agenda.find((i) => i.id === view.session.currentItemId)
  const onFloor = view.motions.filter((m) => m.itemId === item?.id && ['proposed', 'seconded', 'debating', 'voting'].includes(m.status))
  const motion = onFloor.find((m) => m.parentId !== null) ?? onFloor[0]
  const running = view.speeches.find((s) => s.endedAt === null)
  // While a vote takes phone ballots, the room sees where to vote and how many ballots are in (never who).
  const phoneVote = view.votes.find((v) => v.closedAt === null && v.phone && v.phone.sealedAt === null)
  const lastResult = [...view.votes].filter((v) => v.closedAt && v.result).sort((a, b) => (a.closedAt! < b.closedAt! ? 1 : -1))[0]
  const phones = phoneVote?.phone && host ? phoneVote : null
  const floor = Boolean(motion || running)
  const side = Boolean(phones || lastResult?.result)
  // Long motions get smaller type and are cut to a few lines so nothing falls off the screen; the
  // whole text stays in the title (and to screen readers) and on the secretary's screen.
  const long = (motion?.text.length ?? 0) > 90
  return (
    <div className="projector" aria-label={t('session:projector.title')}>
      <header className="projector-head">
        <p className="council">{council.name}</p>
        <h1>{meeting.title}</h1>
      </header>
      {/* On a landscape screen, what is on the floor sits beside the ballot page or the result. */}
      <div className={`projector-body${floor && side ? ' two-col' : ''}`}>
        <div className="projector-floor">
          {item ? (
            <section aria-label={t('session:projector.item')}>
              <p className="label">{t('session:projector.item')}</p>
              <p className="item">{item.title}</p>
            </section>
          ) : (
            <p className="item">{t('session:projector.waiting')}</p>
          )}
          {motion ? (
            <section aria-label={t('session:projector.motion')}>
              <p className="label">{motion.parentId ? t('session:amendment.heading') : t('session:motion.heading')}</p>
              <p className={`motion-text pre${long ? ' long' : ''}`} title={motion.text}>
                {motion.text}
              </p>
            </section>
          ) : null}
          {running ? (
            <section aria-label={t('session:projector.speaking')}>
              <p className="label">{t('session:speech.running', { name: view.names.get(running.speakerId) ?? '' })}</p>
              <SpeakingTimer startedAt={running.startedAt} limitSeconds={council.speechSeconds} large />
            </section>
          ) : null}
        </div>
        {side ? (
          <div className="projector-side">
            {phones?.phone && host ? (
              <section className="projector-phones" aria-label={t('session:phones.title')}>
                <QrCode text={ballotPage(host, handle.name)} label={t('session:phones.qr')} className="qr-code projector-qr" />
                <div>
                  <p className="label">{t('session:phones.title')}</p>
                  <p className="phone-count" data-testid="projector-phone-count">
                    {t('session:projector.ballotsIn', { total: phones.checkedOff.length + phones.phone.received, eligible: phones.eligible.length })}
                  </p>
                  <p className="phone-scan">{t('session:projector.phoneScan')}</p>
                </div>
              </section>
            ) : null}
            {lastResult?.result && !phones ? <ProjectorResult vote={lastResult} result={lastResult.result} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  )
}

/** The last announced result, its corrections beside it, and the receipts phones were given once sealed. */
function ProjectorResult({ vote, result }: { vote: Vote; result: VoteResult }) {
  const { t } = useTranslation(['session'])
  // More receipts than fit in a column beside the result: they go below it, across the screen.
  return (
    <div className={`projector-result${(vote.phone?.receipts.length ?? 0) > MANY_RECEIPTS ? ' many' : ''}`}>
      <section aria-label={t('session:projector.result')}>
        <p className="label">{t('session:projector.result')}</p>
        {/* A correction is shown beside the announced result, never in its place. */}
        <div className="result-pair">
          <ResultText result={result} large />
          <CorrectionList vote={vote} large />
        </div>
      </section>
      {vote.phone?.sealedAt ? (
        <section className="receipts" aria-labelledby="receipts-title">
          <p className="label">
            <span id="receipts-title">{t('session:projector.receipts')}</span>
            <span className="receipts-count">{t('session:phones.receiptsCount', { count: vote.phone.receipts.length })}</span>
          </p>
          <p className="receipts-hint">{t('session:phones.receiptsHint')}</p>
          {/* Many receipts (a residents' meeting of 60) page automatically: ProjectorReceipts.tsx says why. */}
          <ProjectorReceipts receipts={vote.phone.receipts} labelledBy="receipts-title" />
        </section>
      ) : null}
    </div>
  )
}
