// A roll call's table: each eligible member in the one order of names (register, then pinyin, as
// on the sign-in sheet and in the printed record), the choice recorded, and the buttons to enter it.
import { useTranslation } from 'react-i18next'
import { idsInListedOrder } from '../../../shared/domain/nameOrder'
import { CHOICES } from '../../../shared/domain/votes'
import type { Vote } from '../../../shared/doc/votes'
import { useEnv } from '../../kit/env'
import { useMeeting } from '../../kit/MeetingContext'
import { enterRollCall } from './actions'
import type { Run } from './floorTypes'
import type { SessionView } from './useSession'

export function RollCallTable({ vote, view, live, run }: { vote: Vote; view: SessionView; live: boolean; run: Run }) {
  const { t } = useTranslation(['session', 'votes'])
  const env = useEnv()
  const { handle } = useMeeting()
  const name = (id: string) => view.names.get(id) ?? id
  return (
    <table aria-label={t('session:vote.rollCallTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('session:vote.rollCallName')}</th>
          <th scope="col">{t('session:vote.rollCallRecorded')}</th>
          <th scope="col">{t('session:vote.rollCallEnter')}</th>
        </tr>
      </thead>
      <tbody>
        {idsInListedOrder(vote.eligible, new Map(view.attendance.map((a) => [a.memberId, a]))).map((id) => {
          const decision = vote.decisions.find((d) => d.memberId === id)
          return (
            <tr key={id} aria-label={name(id)}>
              <th scope="row">{name(id)}</th>
              <td>{decision ? t(`votes:counts.${decision.choice}`) : t('session:vote.notYet')}</td>
              <td>
                {decision && decision.conflicting.length ? <strong className="warn">{t('session:vote.conflict')}</strong> : null}
                <div className="row tight">
                  {CHOICES.map((c) => (
                    <button
                      key={c}
                      className={`small${decision?.choice === c ? ' primary' : ''}`}
                      disabled={!live}
                      aria-pressed={decision?.choice === c}
                      aria-label={t('session:vote.rollCallChoice', { name: name(id), choice: t(`votes:counts.${c}`) })}
                      onClick={() => void run(() => enterRollCall(env, handle, vote.id, id, c))}
                    >
                      {t(`votes:counts.${c}`)}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
