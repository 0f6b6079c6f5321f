// A meeting's notice (通知) section: issuing it (after a confirmation), or, once issued, when it
// was and the ways on (the printable notice, the session, the minutes).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCouncil } from '../../kit/CouncilContext'
import { formatInstant } from '../../kit/format'
import { useMeeting } from '../../kit/MeetingContext'
import { href } from '../../kit/router'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

export function NoticeSection({ itemsCount, onIssue }: { itemsCount: number; onIssue: () => Promise<boolean> }) {
  const { t, i18n } = useTranslation(['meetings', 'minutes', 'common'])
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const [confirming, setConfirming] = useState(false)
  return (
    <section className="card" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('meetings:notice.title')}</h2>
      {meeting.status === 'draft' ? (
        confirming ? (
          <ConfirmDialog
            question={t('meetings:notice.confirm', { count: itemsCount })}
            confirmLabel={t('meetings:notice.yesIssue')}
            onConfirm={() => void onIssue().then((issued) => issued && setConfirming(false))}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <>
            <p className="muted" id="notice-why">
              {/* Why the button below is disabled, when it is because this device may only read. */}
              {handle.readOnly
                ? t(handle.readOnlyReason === 'access' ? 'common:status.readOnlyDevice' : 'common:status.readOnly')
                : itemsCount === 0
                  ? t('meetings:notice.needItems')
                  : t('meetings:notice.explain')}
            </p>
            <button className="primary" disabled={itemsCount === 0 || handle.readOnly} aria-describedby="notice-why" onClick={() => setConfirming(true)}>
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
  )
}
