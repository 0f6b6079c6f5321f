// The printable notice of a meeting (会议通知): the agenda as residents will see it on the
// notice board. Printing uses the platform (system print dialog in both builds).
import { useTranslation } from 'react-i18next'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { readAgenda } from '../../../shared/doc/meeting'
import { agendaMinutes } from '../../../shared/domain/meeting'
import { useDocValue } from '../../kit/docHooks'
import { localToday, useEnv } from '../../kit/env'
import { formatDate, formatDateTime } from '../../kit/format'
import { href } from '../../kit/router'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'

/** 清风社区居民议事会-2026-12-05-会议通知: council, meeting date, document kind. */
export const noticeFileName = (council: string, startsAt: string, kind: string): string =>
  [council, startsAt.slice(0, 10), kind].join('-').replace(/[\\/:*?"<>|]/g, '_').replace(/\p{Cc}/gu, '_').slice(0, 150)

export function NoticeScreen() {
  const { t, i18n } = useTranslation(['meetings', 'common'])
  const { platform } = useEnv()
  const { council } = useCouncil()
  const { handle, meeting } = useMeeting()
  const items = useDocValue(handle.doc, readAgenda) ?? []
  // The local calendar day the notice went out (noticedAt is a UTC instant).
  const issued = meeting.noticedAt ? localToday(new Date(meeting.noticedAt)) : null
  const { failure, run } = useAction()
  const savePdf = platform.capability('savePdf')
  return (
    <>
      <div className="row no-print">
        <a href={href({ name: 'meeting', councilId: council.id, meetingId: meeting.id })}>{t('meetings:notice.backToMeeting')}</a>
        <span className="spacer" />
        {savePdf ? (
          <button onClick={() => void run(() => savePdf(noticeFileName(council.name, meeting.startsAt, t('meetings:notice.heading'))))}>
            {t('common:actions.savePdf')}
          </button>
        ) : null}
        <button className="primary" onClick={() => void run(() => platform.print())}>
          {t('common:actions.print')}
        </button>
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {meeting.status === 'draft' ? <p className="banner info no-print">{t('meetings:notice.draftPreview')}</p> : null}
      <article className="notice-sheet" aria-label={t('meetings:notice.heading')}>
        <h1>{t('meetings:notice.heading')}</h1>
        <p>{t('meetings:notice.to', { council: council.name })}</p>
        <p>
          {t('meetings:notice.body', {
            when: formatDateTime(i18n.language, meeting.startsAt),
            place: meeting.place || t('meetings:noPlace'),
            title: meeting.title,
          })}
        </p>
        <h2>{t('meetings:notice.agenda', { minutes: agendaMinutes(items) })}</h2>
        <ol>
          {items.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong>
              {item.description ? <div className="pre">{item.description}</div> : null}
              <div className="muted">
                {t('meetings:agenda.meta', { proposer: item.proposer || t('meetings:agenda.noProposer'), source: t(`common:enums.source.${item.source}`) })}
                {' · '}
                {t('meetings:agenda.minutes', { count: item.expectedMinutes })}
              </div>
              {item.attachments.length ? (
                <div>
                  {t('meetings:agenda.attachmentsList', { list: item.attachments.join(t('meetings:agenda.listSep')) })}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        <p>{t('meetings:notice.closing')}</p>
        <div className="sign">
          <p>{council.name}</p>
          {meeting.convener ? <p>{t('meetings:notice.convener', { name: meeting.convener })}</p> : null}
          <p>{issued ? formatDate(i18n.language, issued) : t('meetings:notice.notIssued')}</p>
        </div>
      </article>
    </>
  )
}
