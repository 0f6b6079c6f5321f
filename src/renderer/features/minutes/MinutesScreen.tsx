// The minutes after the meeting closes: draft, sign and seal, the printed documents, the public
// notice (公示) with its objections, and sending to the street office and reading its answer.
import { useTranslation } from 'react-i18next'
import { MINUTES_TABS, href, type MinutesTab } from '../../kit/router'
import { StatusPill } from '../../ui/StatusPill'
import { Banner } from '../../ui/Banner'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { DraftPanel } from './DraftPanel'
import { SignPanel } from './SignPanel'
import { DocumentsPanel } from './DocumentsPanel'
import { NoticePanel } from './NoticePanel'
import { SubmitPanel } from './SubmitPanel'
import type { MeetingStatus } from '../../../shared/domain/meeting'

/** Where the minutes are, in the order a secretary goes through them. */
const STEPS: { status: MeetingStatus[]; key: 'draft' | 'sign' | 'notice' | 'submit' | 'answer' }[] = [
  { status: ['closed'], key: 'draft' },
  { status: ['minutes_drafted'], key: 'sign' },
  { status: ['signed'], key: 'notice' },
  { status: ['published'], key: 'submit' },
  { status: ['submitted', 'accepted', 'returned'], key: 'answer' },
]

export function MinutesScreen({ tab }: { tab: MinutesTab }) {
  const { t } = useTranslation(['minutes', 'common'])
  const { council } = useCouncil()
  const { meeting } = useMeeting()
  const base = { councilId: council.id, meetingId: meeting.id }
  const stepIndex = STEPS.findIndex((s) => s.status.includes(meeting.status))
  const before = ['draft', 'noticed', 'in_session'].includes(meeting.status)

  return (
    <>
      <p className="no-print">
        <a href={href({ name: 'meeting', ...base })}>{t('minutes:backToMeeting')}</a>
      </p>
      <div className="row no-print">
        <h1>{t('minutes:heading', { title: meeting.title })}</h1>
        <StatusPill status={meeting.status} label={t(`common:enums.meetingStatus.${meeting.status}`)} />
      </div>
      {before ? (
        <Banner kind="info">{t('minutes:notClosed')}</Banner>
      ) : (
        <>
          <ol className="steps no-print" aria-label={t('minutes:steps.label')}>
            {STEPS.map((s, i) => (
              <li key={s.key} className={i < stepIndex ? 'done' : i === stepIndex ? 'current' : ''} aria-current={i === stepIndex ? 'step' : undefined}>
                {t(`minutes:steps.${s.key}`)}
              </li>
            ))}
          </ol>
          <nav className="tabs no-print" aria-label={t('minutes:tabs.label')}>
            {MINUTES_TABS.map((k) => (
              <a key={k} href={href({ name: 'minutes', ...base, tab: k })} aria-current={k === tab ? 'page' : undefined}>
                {t(`minutes:tabs.${k}`)}
              </a>
            ))}
          </nav>
          {tab === 'draft' ? <DraftPanel /> : null}
          {tab === 'sign' ? <SignPanel /> : null}
          {tab === 'documents' ? <DocumentsPanel /> : null}
          {tab === 'notice' ? <NoticePanel /> : null}
          {tab === 'submit' ? <SubmitPanel /> : null}
        </>
      )}
    </>
  )
}
