// The buttons on one member's row of the sign-in table: present (before the opening) or a late
// arrival, departure and return during the session, leave (with the reason form) and absent.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttendanceRow } from '../../../shared/doc/attendance'
import { useEnv } from '../../kit/env'
import { useMeeting } from '../../kit/MeetingContext'
import { absent, arrives, departs } from './actions'
import type { Run } from './floorTypes'

/** In the room now: present, and not departed since the last arrival. */
const isIn = (a: AttendanceRow) => a.status === 'present' && (a.events.at(-1)?.kind ?? 'arrive') === 'arrive'

interface Props {
  a: AttendanceRow
  inSession: boolean
  run: Run
  markPresent: (a: AttendanceRow) => void
  /** The leave form for this row when it is open, else null (the button opens it). */
  leaveForm: ReactNode
  openLeave: () => void
}

export function AttendanceActions({ a, inSession, run, markPresent, leaveForm, openLeave }: Props) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const button = (label: string, aria: string, onClick: () => void, present?: string) => (
    <button className="small" data-present={present} onClick={onClick} aria-label={aria}>
      {label}
    </button>
  )
  let move: ReactNode = null
  if (a.status !== 'present') {
    // After the opening, a member who comes is a late arrival, present from now.
    move = inSession
      ? button(t('session:signIn.arriveLate'), t('session:signIn.arrivesLate', { name: a.name }), () => void run(() => arrives(env, handle, a.memberId)))
      : button(t('session:attendance.present'), t('session:signIn.markPresent', { name: a.name }), () => markPresent(a), a.memberId)
  } else if (inSession) {
    move = isIn(a)
      ? button(t('session:signIn.depart'), t('session:signIn.departs', { name: a.name }), () => void run(() => departs(env, handle, a.memberId)))
      : button(t('session:signIn.return'), t('session:signIn.returns', { name: a.name }), () => void run(() => arrives(env, handle, a.memberId)))
  }
  return (
    <div className="row tight">
      {move}
      {a.status !== 'leave' ? (leaveForm ?? button(t('session:attendance.leave'), t('session:signIn.markLeave', { name: a.name }), openLeave)) : null}
      {a.status !== 'absent' && !inSession ? button(t('session:attendance.absent'), t('session:signIn.markAbsent', { name: a.name }), () => void run(() => absent(env, handle, a.memberId))) : null}
    </div>
  )
}
