// A secret ballot on this laptop: how many have voted, and each eligible member with a button to
// step into the booth (or "voted"). With phones, drawn codes name no one, so the laptop's box
// closes once the ballots reach the eligible count (`full`).
import { useTranslation } from 'react-i18next'
import type { MemberId } from '../../../shared/domain/ids'
import { idsInListedOrder } from '../../../shared/domain/nameOrder'
import { ballotBoxFull, ballotBoxOf } from '../../../shared/domain/votes'
import type { Vote } from '../../../shared/doc/votes'
import type { SessionView } from './useSession'

export function SecretVoters({ vote, view, live, onBooth }: { vote: Vote; view: SessionView; live: boolean; onBooth: (id: MemberId) => void }) {
  const { t } = useTranslation('session')
  const name = (id: string) => view.names.get(id) ?? id
  const full = vote.phone !== null && ballotBoxFull(ballotBoxOf(vote))
  return (
    <>
      <p role="status">{vote.phone ? t('phones.laptopProgress', { cast: vote.checkedOff.length }) : t('ballot.progress', { cast: vote.checkedOff.length, eligible: vote.eligible.length })}</p>
      <ul className="plain voters" aria-label={t('ballot.voters')}>
        {idsInListedOrder(vote.eligible, new Map(view.attendance.map((a) => [a.memberId, a]))).map((id) => (
          <li key={id} className="row tight">
            <span>{name(id)}</span>
            {vote.checkedOff.includes(id) ? (
              <span className="saved">{t('ballot.voted')}</span>
            ) : (
              <button className="small" disabled={!live || full} onClick={() => onBooth(id)} aria-label={t('ballot.checkIn', { name: name(id) })}>
                {t('ballot.checkInShort')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
