// The sign-in table: find a name, mark each member of the day's roster, record leave with its
// reason. The reason leaves the unsaved list as it is submitted and comes back, with its form, if
// the write is refused (kit/useDraft.ts).
import { useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttendanceRow } from '../../../shared/doc/attendance'
import type { MemberId } from '../../../shared/domain/ids'
import { nameMatches } from '../../../shared/domain/nameFind'
import { useAnnounce } from '../../kit/announce'
import { useEnv } from '../../kit/env'
import { formatTime } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useMeeting } from '../../kit/MeetingContext'
import { onLeave, present } from './actions'
import { AttendanceActions } from './AttendanceActions'
import type { Run } from './floorTypes'
import type { SessionView } from './useSession'
import { Table } from '../../ui/Table'

export function AttendanceTable({ view, editable, inSession, run }: { view: SessionView; editable: boolean; inSession: boolean; run: Run }) {
  const { t, i18n } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle } = useMeeting()
  const [leaveFor, setLeaveFor] = useState<MemberId | null>(null)
  const reason = useDraft('', (r) => (r.trim() ? [t('session:signIn.leaveReason')] : []))
  const [query, setQuery] = useState('')
  const findBox = useRef<HTMLInputElement>(null)
  const say = useAnnounce()
  const shown = view.attendance.filter((a) => nameMatches(a.name, query))
  const findable = editable && !inSession ? shown.filter((a) => a.status !== 'present') : []

  // After 到会 the focus goes on to the next person not yet signed in (Enter, Enter, Enter signs a
  // queue in); after a find, back to the search box, emptied, for the next name.
  // The focus moves at once, before the write lands, so a quick second Enter signs in the next
  // person rather than falling on a button about to disappear.
  async function markPresent(a: AttendanceRow) {
    if (!query) {
      const i = view.attendance.indexOf(a)
      const waiting = [...view.attendance.slice(i + 1), ...view.attendance.slice(0, i)].find((b) => b.status !== 'present')
      const next = waiting ? document.querySelector<HTMLButtonElement>(`button[data-present="${waiting.memberId}"]`) : null
      ;(next ?? findBox.current)?.focus()
    }
    const ok = await run(() => present(env, handle, a.memberId))
    if (!ok) return
    say(t('session:signIn.signedIn', { name: a.name }))
    if (query) {
      setQuery('')
      findBox.current?.focus()
    }
  }

  // The form closes as it is submitted and opens again, the reason back in it, if the write is refused.
  const leaveForm = (a: AttendanceRow) => (
    <LeaveForm
      value={reason.value}
      onChange={reason.set}
      onSubmit={() => {
        setLeaveFor(null)
        void reason.submit((r) => run(() => onLeave(env, handle, a.memberId, r))).then((ok) => ok || setLeaveFor(a.memberId))
      }}
    />
  )

  return (
    <>
      <FindBox
        query={query}
        onQuery={setQuery}
        inputRef={findBox}
        noMatch={query !== '' && shown.length === 0}
        onEnter={() => {
          if (query && findable.length === 1) {
            void markPresent(findable[0]!)
            return true
          }
          return false
        }}
      />
      <Table labelledBy="signin-title" columns={(['name', 'role', 'status', 'events', 'actions'] as const).map((k) => t(`session:signIn.${k}`))}>
        {shown.map((a) => (
          <tr key={a.memberId} aria-label={a.name}>
            <td>{a.name}</td>
            <td>{t(`common:enums.role.${a.role}`)}</td>
            <td>
              {t(`session:attendance.${a.status}`)}
              {a.status === 'leave' && a.reason ? t('session:signIn.reason', { reason: a.reason }) : null}
            </td>
            <td>{a.events.map((e) => t(`session:signIn.event.${e.kind}`, { time: formatTime(i18n.language, e.at) })).join(t('session:listSep'))}</td>
            <td>
              {editable ? (
                <AttendanceActions
                  a={a}
                  inSession={inSession}
                  run={run}
                  markPresent={(m) => void markPresent(m)}
                  leaveForm={leaveFor === a.memberId ? leaveForm(a) : null}
                  openLeave={() => setLeaveFor(a.memberId)}
                />
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
    </>
  )
}

/** The search box above the table: Enter on a single match signs that person in (`onEnter`). */
function FindBox({ query, onQuery, inputRef, noMatch, onEnter }: { query: string; onQuery: (q: string) => void; inputRef: RefObject<HTMLInputElement | null>; noMatch: boolean; onEnter: () => boolean }) {
  const { t } = useTranslation('session')
  return (
    <div className="field find-box">
      <label className="label" htmlFor="signin-find">
        {t('signIn.find')}
      </label>
      <input
        id="signin-find"
        ref={inputRef}
        type="search"
        value={query}
        autoComplete="off"
        aria-describedby="signin-find-hint"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter()) e.preventDefault()
        }}
      />
      <span className="hint" id="signin-find-hint">
        {t('signIn.findHint')}
      </span>
      {noMatch ? <p>{t('signIn.noMatch', { query })}</p> : null}
    </div>
  )
}

/** The reason for a member's leave, typed in the member's row. */
function LeaveForm({ value, onChange, onSubmit }: { value: string; onChange: (value: string) => void; onSubmit: () => void }) {
  const { t } = useTranslation(['session', 'common'])
  return (
    <form
      className="row tight"
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <label className="field">
        <span className="label">{t('session:signIn.leaveReason')}</span>
        <input value={value} onChange={(e) => onChange(e.target.value)} autoFocus />
      </label>
      <button className="small primary" type="submit">
        {t('common:actions.save')}
      </button>
    </form>
  )
}
