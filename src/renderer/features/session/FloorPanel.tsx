// The current agenda item on the floor: recusals, motions and amendments, speeches and votes.
import { useTranslation } from 'react-i18next'
import type { AgendaItemId } from '../../../shared/domain/ids'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { useMeeting } from '../../kit/MeetingContext'
import { MotionCard } from './MotionCard'
import { ProposeForm } from './ProposeForm'
import { RecusalsPanel } from './RecusalsPanel'
import { presentMembers, type SessionView } from './useSession'

export function FloorPanel({ view }: { view: SessionView }) {
  const { t } = useTranslation(['session', 'common'])
  const { handle, meeting } = useMeeting()
  const { failure, run } = useAction()
  const item = view.agenda.find((i) => i.id === view.session.currentItemId)
  const live = meeting.status === 'in_session' && !handle.readOnly
  if (!item) return <p className="card">{t('session:floor.noItem')}</p>
  const itemId = item.id as AgendaItemId
  const motions = view.motions.filter((m) => m.itemId === itemId && m.parentId === null)
  const onFloor = motions.some((m) => ['proposed', 'seconded', 'debating', 'voting'].includes(m.status))
  const memberOptions = [{ value: '', label: t('session:floor.choose') }, ...presentMembers(view).map((m) => ({ value: m.memberId, label: m.name }))]

  return (
    <section aria-labelledby="floor-title">
      {/* After 散会 no item is "current": the heading says which was discussed last. */}
      <h2 id="floor-title">{t(meeting.status === 'in_session' ? 'session:floor.title' : 'session:floor.lastTitle', { title: item.title })}</h2>
      {item.description ? <p className="pre">{item.description}</p> : null}
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <RecusalsPanel view={view} itemId={itemId} live={live} memberOptions={memberOptions} run={run} />
      {motions.map((m) => (
        <MotionCard key={m.id} motion={m} view={view} />
      ))}
      {live && !onFloor ? <ProposeForm itemId={itemId} memberOptions={memberOptions} run={run} /> : null}
    </section>
  )
}
