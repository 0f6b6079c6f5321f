// The part of a step form for a step carried by a Yishi meeting: the meeting, its agenda item and
// motion; the outcome is the motion's vote result where it has one, else the secretary's choice.
import { useTranslation } from 'react-i18next'
import { dateOf } from '../../../shared/domain/dates'
import type { StepOutcome, StepTemplate } from '../../../shared/matters/matterPath'
import { formatDateTime } from '../../kit/format'
import { SelectField } from '../../ui/Field'
import { outcomesOf, type StepValues } from './stepValues'
import type { MeetingChoice } from './useMeetingChoice'

interface Props {
  v: StepValues
  template: StepTemplate
  choice: MeetingChoice
  setMany: (patch: Partial<StepValues>) => void
}

export function MeetingStepFields({ v, template, choice, setMany }: Props) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  if (choice.meetings.length === 0) return <p className="muted">{t('matters:stepForm.noMeetings')}</p>
  const voted = choice.vote.outcome
  return (
    <div className="grid">
      <SelectField
        label={t('matters:stepForm.meeting')}
        value={v.meetingId}
        onChange={(e) => {
          const row = choice.meetings.find((m) => m.id === e.target.value)
          // The step happened on the meeting's day unless the secretary says otherwise.
          setMany({ meetingId: e.target.value, agendaItemId: '', motionId: '', ...(row ? { date: dateOf(row.startsAt) } : {}) })
        }}
        options={[{ value: '', label: t('matters:stepForm.chooseMeeting') }, ...choice.meetings.map((m) => ({ value: m.id, label: `${formatDateTime(i18n.language, m.startsAt)} ${m.title}` }))]}
      />
      {v.meetingId ? (
        <SelectField
          label={t('matters:stepForm.item')}
          value={v.agendaItemId}
          onChange={(e) => setMany({ agendaItemId: e.target.value, motionId: '' })}
          options={[{ value: '', label: t('matters:stepForm.chooseItem') }, ...choice.items.map((i) => ({ value: i.id, label: i.title }))]}
        />
      ) : null}
      {v.agendaItemId ? (
        <SelectField
          label={t('matters:stepForm.motion')}
          value={v.motionId}
          onChange={(e) => setMany({ motionId: e.target.value })}
          options={[{ value: '', label: t('matters:stepForm.noMotion') }, ...choice.motions.map((m) => ({ value: m.id, label: m.text }))]}
        />
      ) : null}
      {voted ? (
        <p role="status">{t('matters:stepForm.fromVote', { outcome: t(`matters:stepOutcome.${voted}`) })}</p>
      ) : (
        <SelectField
          label={t('matters:stepForm.outcome')}
          value={v.outcome}
          hint={v.motionId ? t('matters:stepForm.noVote') : undefined}
          onChange={(e) => setMany({ outcome: e.target.value as StepOutcome })}
          options={outcomesOf(template).map((o) => ({ value: o, label: t(`matters:stepOutcome.${o}`) }))}
        />
      )}
    </div>
  )
}
