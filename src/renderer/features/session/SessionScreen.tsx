// The meeting in the room: sign-in and quorum, opening the session, the agenda, the floor with
// motions, speeches and votes, the projector, and closing (散会).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { formatInstant } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { href } from '../../kit/router'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Banner } from '../../ui/Banner'
import { StatusPill } from '../../ui/StatusPill'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { close } from './actions'
import { AgendaRail } from './AgendaRail'
import { FloorPanel } from './FloorPanel'
import { OpenSessionPanel } from './OpenSessionPanel'
import { QuorumBar } from './QuorumBar'
import { SignInPanel } from './SignInPanel'
import { useSessionView } from './useSession'
import { announceMeetingClosed } from '../backup/useAutoBackup'

export function SessionScreen({ tab }: { tab: 'signin' | 'floor' }) {
  const { t, i18n } = useTranslation(['session', 'minutes', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const view = useSessionView(handle.doc)
  const { failure, run } = useAction()
  const [confirmClose, setConfirmClose] = useState(false)
  if (!view) return null
  const base = { councilId: council.id, meetingId: meeting.id }
  const inSession = meeting.status === 'in_session'

  const openProjector = () => run(() => env.platform.openProjector(href({ name: 'projector', ...base })))
  const closeMeeting = () =>
    run(() => close(env, handle)).then((ok) => {
      if (!ok) return
      setConfirmClose(false)
      announceMeetingClosed()
    })

  return (
    <>
      <p>
        <a href={href({ name: 'meeting', ...base })}>{t('session:backToMeeting')}</a>
      </p>
      <div className="row">
        <h1>{meeting.title}</h1>
        <StatusPill status={meeting.status} label={t(`common:enums.meetingStatus.${meeting.status}`)} />
        <span className="spacer" />
        <button data-command="openProjector" onClick={() => void openProjector()}>
          {t('session:projector.open')}
        </button>
      </div>
      <QuorumBar doc={handle.doc} council={council} version={view} />
      {view.session.override ? (
        <Banner kind="info">{t('session:open.overridden', { by: view.session.override.by, reason: view.session.override.reason })}</Banner>
      ) : null}
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <nav className="tabs" aria-label={t('session:tabs.label')}>
        {(['signin', 'floor'] as const).map((k) => (
          <a key={k} href={href({ name: 'session', ...base, tab: k })} aria-current={k === tab ? 'page' : undefined}>
            {t(`session:tabs.${k}`)}
          </a>
        ))}
      </nav>
      {tab === 'signin' ? (
        <>
          {meeting.status === 'noticed' && view.session.signInStartedAt ? <OpenSessionPanel /> : null}
          <SignInPanel view={view} />
        </>
      ) : (
        <div className="floor-layout">
          <AgendaRail view={view} />
          <div>
            {meeting.status === 'noticed' ? <p className="card">{t('session:floor.notOpen')}</p> : <FloorPanel view={view} />}
          </div>
        </div>
      )}
      {inSession && !handle.readOnly ? (
        <section className="card" aria-label={t('session:close.title')}>
          {confirmClose ? (
            <ConfirmDialog question={t('session:close.confirm')} confirmLabel={t('session:close.yes')} onConfirm={() => void closeMeeting()} onCancel={() => setConfirmClose(false)} />
          ) : (
            <button onClick={() => setConfirmClose(true)}>{t('session:close.button')}</button>
          )}
        </section>
      ) : null}
      {meeting.status !== 'noticed' && meeting.status !== 'in_session' && view.session.closedAt ? (
        <Banner kind="ok">
          {t('session:close.closedAt', { time: formatInstant(i18n.language, view.session.closedAt) })}{' '}
          <a href={href({ name: 'minutes', ...base, tab: 'draft' })}>{t('minutes:open')}</a>
        </Banner>
      ) : null}
    </>
  )
}
