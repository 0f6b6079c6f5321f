// Creating a meeting; it starts as a draft whose agenda can still change.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { readMembers } from '../../../shared/doc/council'
import { isMemberOn } from '../../../shared/domain/member'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { navigate } from '../../kit/router'
import { useCouncil } from '../../kit/CouncilContext'
import { MeetingForm } from './MeetingForm'
import { createMeeting } from './actions'

/** Three days ahead at 19:00: notices go out two to three days before (practice). */
function defaultStart(today: string): string {
  const d = new Date(`${today}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 3)
  return `${d.toISOString().slice(0, 10)}T19:00`
}

export function NewMeetingScreen() {
  const { t } = useTranslation(['meetings', 'common'])
  const env = useEnv()
  const { handle, council } = useCouncil()
  const members = useDocValue(handle.doc, readMembers) ?? []
  const today = env.today()
  const current = members.filter((m) => isMemberOn(m, today))
  const chair = current.find((m) => m.role === 'chair')?.name ?? ''
  const initial = useMemo(() => ({ title: '', startsAt: defaultStart(today), place: '', convener: chair }), [today, chair])
  return (
    <>
      <h1>{t('newTitle')}</h1>
      <div className="card">
        {handle.readOnly ? (
          // A read-only device creates nothing: the server would refuse it and this copy would drift.
          <p>{t(handle.readOnlyReason === 'access' ? 'common:status.readOnlyAccess' : 'common:status.readOnly')}</p>
        ) : (
        <MeetingForm
          key={chair}
          initial={initial}
          submitLabel={t('create')}
          conveners={current.filter((m) => m.role === 'chair').concat(current.filter((m) => m.role !== 'chair')).map((m) => m.name)}
          onCancel={() => navigate({ name: 'council', councilId: council.id, tab: 'meetings' })}
          onSubmit={async (f) => {
            const meetingId = await createMeeting(env, handle, council.id, f)
            navigate({ name: 'meeting', councilId: council.id, meetingId })
          }}
        />
        )}
      </div>
    </>
  )
}
