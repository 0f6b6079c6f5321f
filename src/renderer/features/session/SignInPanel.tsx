// Sign-in (签到): each member on the roster of the meeting's day marked present, on leave (with a
// reason) or absent; arrivals and departures during the session with their times; observers; and
// the voter codes members take to vote from their phones (VoterSlips).
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import type { AttendanceRow } from '../../../shared/doc/attendance'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatTime } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { useAnnounce } from '../../kit/announce'
import { nameMatches } from '../../../shared/domain/nameFind'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { absent, arrives, beginSignIn, departs, dropObserver, newObserver, onLeave, present } from './actions'
import type { SessionView } from './useSession'
import { VoterSlips } from './VoterSlips'
import { useUnsavedFields } from '../../kit/unsaved'

const time = formatTime

export function SignInPanel({ view }: { view: SessionView }) {
  const { t, i18n } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle: councilHandle } = useCouncil()
  const { handle, meeting } = useMeeting()
  const register = useDocValue(councilHandle.doc, readMembers)
  const { failure, run } = useAction()
  const [leaveFor, setLeaveFor] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [observer, setObserver] = useState({ name: '', note: '' })
  const [query, setQuery] = useState('')
  const findBox = useRef<HTMLInputElement>(null)
  const say = useAnnounce()
  useUnsavedFields([reason.trim() ? t('session:signIn.leaveReason') : '', observer.name.trim() ? t('session:observers.name') : ''].filter(Boolean))
  const inSession = meeting.status === 'in_session'
  const editable = (meeting.status === 'noticed' || inSession) && !handle.readOnly


  if (!view.session.signInStartedAt) {
    return (
      <section className="card" aria-labelledby="signin-title">
        <h2 id="signin-title">{t('session:signIn.title')}</h2>
        {failure ? <Banner kind="error">{failure}</Banner> : null}
        <p>{t('session:signIn.explain')}</p>
        <button className="primary" disabled={!editable || !register} onClick={() => void run(() => beginSignIn(env, handle, register ?? []))}>
          {t('session:signIn.start')}
        </button>
      </section>
    )
  }

  const isIn = (a: AttendanceRow) => {
    if (a.status !== 'present') return false
    const last = a.events.at(-1)
    return !last || last.kind === 'arrive'
  }
  // Observers on the register (role 列席) who signed in: listed with the observers added here,
  // as the printed record lists them (register first, in the one order of names).
  const registerObservers = view.attendance.filter((a) => !a.counts && a.status === 'present')
  const shown = view.attendance.filter((a) => nameMatches(a.name, query))

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
  const findable = editable && !inSession ? shown.filter((a) => a.status !== 'present') : []

  return (
    <section aria-labelledby="signin-title">
      <h2 id="signin-title">{t('session:signIn.title')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="field find-box">
        <label className="label" htmlFor="signin-find">
          {t('session:signIn.find')}
        </label>
        <input
          id="signin-find"
          ref={findBox}
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby="signin-find-hint"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && query && findable.length === 1) {
              e.preventDefault()
              void markPresent(findable[0]!)
            }
          }}
        />
        <span className="hint" id="signin-find-hint">
          {t('session:signIn.findHint')}
        </span>
        {query && shown.length === 0 ? <p>{t('session:signIn.noMatch', { query })}</p> : null}
      </div>
      <div className="table-wrap">
        <table aria-labelledby="signin-title">
          <thead>
            <tr>
              <th scope="col">{t('session:signIn.name')}</th>
              <th scope="col">{t('session:signIn.role')}</th>
              <th scope="col">{t('session:signIn.status')}</th>
              <th scope="col">{t('session:signIn.events')}</th>
              <th scope="col">{t('session:signIn.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.memberId} aria-label={a.name}>
                <td>{a.name}</td>
                <td>{t(`common:enums.role.${a.role}`)}</td>
                <td>
                  {t(`session:attendance.${a.status}`)}
                  {a.status === 'leave' && a.reason ? t('session:signIn.reason', { reason: a.reason }) : null}
                </td>
                <td>
                  {a.events.map((e) => t(`session:signIn.event.${e.kind}`, { time: time(i18n.language, e.at) })).join(t('session:listSep'))}
                </td>
                <td>
                  {editable ? (
                    <div className="row tight">
                      {a.status !== 'present' ? (
                        inSession ? (
                          // After the opening, a member who comes is a late arrival, present from now.
                          <button className="small" onClick={() => void run(() => arrives(env, handle, a.memberId))} aria-label={t('session:signIn.arrivesLate', { name: a.name })}>
                            {t('session:signIn.arriveLate')}
                          </button>
                        ) : (
                          <button className="small" data-present={a.memberId} onClick={() => void markPresent(a)} aria-label={t('session:signIn.markPresent', { name: a.name })}>
                            {t('session:attendance.present')}
                          </button>
                        )
                      ) : inSession ? (
                        isIn(a) ? (
                          <button className="small" onClick={() => void run(() => departs(env, handle, a.memberId))} aria-label={t('session:signIn.departs', { name: a.name })}>
                            {t('session:signIn.depart')}
                          </button>
                        ) : (
                          <button className="small" onClick={() => void run(() => arrives(env, handle, a.memberId))} aria-label={t('session:signIn.returns', { name: a.name })}>
                            {t('session:signIn.return')}
                          </button>
                        )
                      ) : null}
                      {a.status !== 'leave' ? (
                        leaveFor === a.memberId ? (
                          <form
                            className="row tight"
                            onSubmit={(e) => {
                              e.preventDefault()
                              void run(() => onLeave(env, handle, a.memberId, reason)).then((ok) => ok && (setLeaveFor(null), setReason('')))
                            }}
                          >
                            <label className="field">
                              <span className="label">{t('session:signIn.leaveReason')}</span>
                              <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
                            </label>
                            <button className="small primary" type="submit">
                              {t('common:actions.save')}
                            </button>
                          </form>
                        ) : (
                          <button className="small" onClick={() => setLeaveFor(a.memberId)} aria-label={t('session:signIn.markLeave', { name: a.name })}>
                            {t('session:attendance.leave')}
                          </button>
                        )
                      ) : null}
                      {a.status !== 'absent' && !inSession ? (
                        <button className="small" onClick={() => void run(() => absent(env, handle, a.memberId))} aria-label={t('session:signIn.markAbsent', { name: a.name })}>
                          {t('session:attendance.absent')}
                        </button>
                      ) : null}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('session:observers.title')}</h3>
      {view.observers.length === 0 && registerObservers.length === 0 ? <p className="muted">{t('session:observers.none')}</p> : null}
      <ul aria-label={t('session:observers.title')}>
        {registerObservers.map((a) => (
          <li key={a.memberId}>{t('session:observers.fromRegister', { name: a.name })}</li>
        ))}
        {view.observers.map((o) => (
          <li key={o.id}>
            {o.note ? t('session:observers.withNote', { name: o.name, note: o.note }) : o.name}{' '}
            {editable ? (
              <button className="small" onClick={() => void run(() => dropObserver(env, handle, o.id))} aria-label={t('session:observers.remove', { name: o.name })}>
                {t('common:actions.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          className="row"
          aria-label={t('session:observers.add')}
          onSubmit={(e) => {
            e.preventDefault()
            void run(() => newObserver(env, handle, observer.name, observer.note)).then((ok) => ok && setObserver({ name: '', note: '' }))
          }}
        >
          <label className="field">
            <span className="label">{t('session:observers.name')}</span>
            <input value={observer.name} onChange={(e) => setObserver((o) => ({ ...o, name: e.target.value }))} />
          </label>
          <label className="field">
            <span className="label">{t('session:observers.note')}</span>
            <input value={observer.note} onChange={(e) => setObserver((o) => ({ ...o, note: e.target.value }))} />
          </label>
          <button type="submit">{t('session:observers.add')}</button>
        </form>
      ) : null}
      {editable ? <VoterSlips view={view} editable={editable} /> : null}
    </section>
  )
}
