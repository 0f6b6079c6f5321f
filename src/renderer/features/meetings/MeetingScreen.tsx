// A meeting before it opens: its details, its agenda, and issuing the notice (通知), after
// which the agenda, time and place are fixed and the printable notice is ready.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import { readAgenda } from '../../../shared/doc/meeting'
import { canEditAgenda } from '../../../shared/domain/meeting'
import { expectedFromRegister } from '../../../shared/doc/attendance'
import { dateOf } from '../../../shared/domain/dates'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { assertNothingUnsaved } from '../../kit/unsaved'
import { formatDateTime, formatInstant } from '../../kit/format'
import { href, navigate } from '../../kit/router'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Banner } from '../../ui/Banner'
import { StatusPill } from '../../ui/StatusPill'
import { useCouncil } from '../../kit/CouncilContext'
import { AgendaEditor } from './AgendaEditor'
import { MeetingForm } from './MeetingForm'
import { useMeeting } from '../../kit/MeetingContext'
import { issueNotice, saveMeetingFields } from './actions'

export function MeetingScreen() {
  const { t, i18n } = useTranslation(['meetings', 'minutes', 'common'])
  const errs = useErrors()
  const env = useEnv()
  const { council, handle: councilHandle } = useCouncil()
  const { handle, meeting } = useMeeting()
  const items = useDocValue(handle.doc, readAgenda) ?? []
  const members = useDocValue(councilHandle.doc, readMembers) ?? []
  const [confirming, setConfirming] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const draft = canEditAgenda(meeting.status) && !handle.readOnly
  const expected = expectedFromRegister(members, dateOf(meeting.startsAt))

  async function issue() {
    setFailure(null)
    try {
      // The notice fixes what residents are told: never issued over details still being typed.
      assertNothingUnsaved()
      await issueNotice(env, handle)
      setConfirming(false)
      navigate({ name: 'notice', councilId: council.id, meetingId: meeting.id })
    } catch (e) {
      setFailure(errs.message(e))
    }
  }

  return (
    <>
      <p>
        <a href={href({ name: 'council', councilId: council.id, tab: 'meetings' })}>{t('meetings:backToList')}</a>
      </p>
      <div className="row">
        <h1>{meeting.title}</h1>
        <StatusPill status={meeting.status} label={t(`common:enums.meetingStatus.${meeting.status}`)} />
      </div>
      <p className="muted">
        {t('meetings:when', { when: formatDateTime(i18n.language, meeting.startsAt), place: meeting.place || t('meetings:noPlace') })}
        {' · '}
        {t('meetings:expected', { count: expected })}
      </p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <details className="card" open={draft && items.length === 0}>
        <summary>{t('meetings:detailsTitle')}</summary>
        <MeetingForm
          key={meeting.id}
          initial={{ title: meeting.title, startsAt: meeting.startsAt, place: meeting.place, convener: meeting.convener }}
          submitLabel={t('common:actions.save')}
          conveners={members.filter((m) => m.role === 'chair').map((m) => m.name)}
          lockedSchedule={!draft}
          readOnly={handle.readOnly}
          onSubmit={(f) => saveMeetingFields(env, handle, f)}
        />
      </details>
      <AgendaEditor handle={handle} items={items} editable={draft} />
      <section className="card" aria-labelledby="notice-title">
        <h2 id="notice-title">{t('meetings:notice.title')}</h2>
        {meeting.status === 'draft' ? (
          confirming ? (
            <ConfirmDialog
              question={t('meetings:notice.confirm', { count: items.length })}
              confirmLabel={t('meetings:notice.yesIssue')}
              onConfirm={() => void issue()}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <>
              <p className="muted" id="notice-why">
                {/* Why the button below is disabled, when it is because this device may only read. */}
                {handle.readOnly
                  ? t(handle.readOnlyReason === 'access' ? 'common:status.readOnlyDevice' : 'common:status.readOnly')
                  : items.length === 0
                    ? t('meetings:notice.needItems')
                    : t('meetings:notice.explain')}
              </p>
              <button className="primary" disabled={items.length === 0 || handle.readOnly} aria-describedby="notice-why" onClick={() => setConfirming(true)}>
                {t('meetings:notice.issue')}
              </button>
            </>
          )
        ) : (
          <>
            <p>{meeting.noticedAt ? t('meetings:notice.issuedAt', { when: formatInstant(i18n.language, meeting.noticedAt) }) : null}</p>
            <div className="row">
              <a className="button" href={href({ name: 'notice', councilId: council.id, meetingId: meeting.id })}>
                {t('meetings:notice.open')}
              </a>
              <a
                className={['noticed', 'in_session'].includes(meeting.status) ? 'button primary' : 'button'}
                href={href({ name: 'session', councilId: council.id, meetingId: meeting.id, tab: meeting.status === 'noticed' ? 'signin' : 'floor' })}
              >
                {meeting.status === 'noticed' ? t('meetings:session.enter') : meeting.status === 'in_session' ? t('meetings:session.back') : t('meetings:session.view')}
              </a>
              {['noticed', 'in_session'].includes(meeting.status) ? null : (
                <a className="button primary" href={href({ name: 'minutes', councilId: council.id, meetingId: meeting.id, tab: meeting.status === 'closed' ? 'draft' : meeting.status === 'minutes_drafted' ? 'sign' : meeting.status === 'signed' ? 'notice' : 'submit' })}>
                  {t('minutes:open')}
                </a>
              )}
            </div>
          </>
        )}
      </section>
    </>
  )
}
