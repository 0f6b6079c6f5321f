// A meeting before it opens: its details, its agenda, and issuing the notice (通知), after
// which the agenda, time and place are fixed and the printable notice is ready.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import { readAgenda } from '../../../shared/doc/meeting'
import { canEditAgenda } from '../../../shared/domain/meeting'
import { expectedFromRegister } from '../../../shared/doc/attendance'
import { dateOf, yearOf } from '../../../shared/domain/dates'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useErrors } from '../../kit/errors'
import { assertNothingUnsaved } from '../../kit/unsaved'
import { formatDateTime } from '../../kit/format'
import { href, navigate } from '../../kit/router'
import { Banner } from '../../ui/Banner'
import { StatusPill } from '../../ui/StatusPill'
import { useCouncil } from '../../kit/CouncilContext'
import { AgendaEditor } from './AgendaEditor'
import { MeetingForm } from './MeetingForm'
import { NoticeSection } from './NoticeSection'
import { useMeeting } from '../../kit/MeetingContext'
import { MeetingMatterSteps } from '../../kit/MeetingMatterSteps'
import { issueNotice, saveMeetingFields } from './actions'

export function MeetingScreen() {
  const { t, i18n } = useTranslation(['meetings', 'minutes', 'common'])
  const errs = useErrors()
  const env = useEnv()
  const { council, handle: councilHandle } = useCouncil()
  const { handle, meeting } = useMeeting()
  const items = useDocValue(handle.doc, readAgenda) ?? []
  const members = useDocValue(councilHandle.doc, readMembers) ?? []
  const [failure, setFailure] = useState<string | null>(null)
  const draft = canEditAgenda(meeting.status) && !handle.readOnly
  const expected = expectedFromRegister(members, dateOf(meeting.startsAt))

  /** Issues the notice and opens it; false (with the failure shown) when it was refused. */
  async function issue(): Promise<boolean> {
    setFailure(null)
    try {
      // The notice fixes what residents are told: never issued over details still being typed.
      assertNothingUnsaved()
      await issueNotice(env, handle)
      navigate({ name: 'notice', councilId: council.id, meetingId: meeting.id })
      return true
    } catch (e) {
      setFailure(errs.message(e))
      return false
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
      <MeetingMatterSteps meetingId={meeting.id} year={yearOf(meeting.startsAt)} meetingDoc={handle.doc} />
      <NoticeSection itemsCount={items.length} onIssue={issue} />
    </>
  )
}
