// Sign-in (签到): each member on the roster of the meeting's day marked present, on leave (with a
// reason) or absent; arrivals and departures during the session with their times; observers; and
// the voter codes members take to vote from their phones (VoterSlips).
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { beginSignIn } from './actions'
import { AttendanceTable } from './AttendanceTable'
import { ObserversSection } from './ObserversSection'
import type { SessionView } from './useSession'
import { VoterSlips } from './VoterSlips'

export function SignInPanel({ view }: { view: SessionView }) {
  const { t } = useTranslation(['session', 'common'])
  const env = useEnv()
  const { handle: councilHandle } = useCouncil()
  const { handle, meeting } = useMeeting()
  const register = useDocValue(councilHandle.doc, readMembers)
  const { failure, run } = useAction()
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

  return (
    <section aria-labelledby="signin-title">
      <h2 id="signin-title">{t('session:signIn.title')}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <AttendanceTable view={view} editable={editable} inSession={inSession} run={run} />
      <ObserversSection view={view} editable={editable} run={run} />
      {editable ? <VoterSlips view={view} editable={editable} /> : null}
    </section>
  )
}
