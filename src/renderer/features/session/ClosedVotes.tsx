// A motion's closed votes, oldest first: each announced result (or its cancellation), the
// corrections recorded on it, and, on the last announced vote, what may still be fixed.
import { useTranslation } from 'react-i18next'
import type { Motion } from '../../../shared/doc/motions'
import { useMeeting } from '../../kit/MeetingContext'
import { VoteResultView } from './VoteResultView'
import { VoteFixPanel } from './VoteFixPanel'
import { CancelledNote, CorrectionList, RevoteNote } from './VoteHistory'
import type { SessionView } from './useSession'

type Vote = SessionView['votes'][number]

export function ClosedVotes({ motion, votes, view, live, openVote }: { motion: Motion; votes: Vote[]; view: SessionView; live: boolean; openVote: Vote | undefined }) {
  const { t } = useTranslation(['session', 'common', 'votes'])
  const { handle, meeting } = useMeeting()
  // Corrections may be recorded after the session closed (before the minutes are drafted); re-votes only in session.
  const fixLive = (meeting.status === 'in_session' || meeting.status === 'closed') && !handle.readOnly
  const lastAnnounced = votes.filter((v) => v.result && !v.cancelled).at(-1)
  const laterVote = lastAnnounced ? votes.some((v) => v.openedAt > lastAnnounced.openedAt && !v.cancelled) : false
  const chairName = view.attendance.find((a) => a.role === 'chair')?.name ?? ''
  return votes
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
    ))
}
