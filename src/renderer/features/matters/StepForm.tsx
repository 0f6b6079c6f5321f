// Recording one step of a matter's path: in a Yishi meeting (its agenda item and motion, the
// outcome from the motion's vote), in a body outside Yishi (date, body, outcome, attendance, note,
// the scanned record), or skipped with its reason. Refusals are the shared rule's, in words.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { StepTemplate } from '../../../shared/matters/matterPath'
import { useEditForm } from '../../kit/docForm'
import { useEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { recordMatterStep } from './actions'
import { useMatterErrors } from './errors'
import { MeetingStepFields } from './MeetingStepFields'
import { OutsideStepFields } from './OutsideStepFields'
import { emptyStep, modesOf, recordOf, type StepMode, type StepValues } from './stepValues'
import { useMeetingChoice } from './useMeetingChoice'

interface Props {
  handle: DocHandle
  matterId: string
  template: StepTemplate
  onDone: () => void
}

export function StepForm({ handle, matterId, template, onDone }: Props) {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const errs = useMatterErrors()
  const today = env.today()
  const stored = useMemo(() => emptyStep(template, today), [template, today])
  const labels: Partial<Record<keyof StepValues, string>> = {
    date: t('matters:stepForm.date'),
    body: t('matters:stepForm.body'),
    note: t('matters:stepForm.note'),
    present: t('matters:stepForm.present'),
    due: t('matters:stepForm.due'),
    until: t('matters:stepForm.until'),
    reason: t('matters:stepForm.reason'),
    meetingId: t('matters:stepForm.meeting'),
    files: t('matters:stepForm.scanList'),
  }
  const f = useEditForm<StepValues>(
    stored,
    labels,
    async (v) => {
      const { record, moreFiles } = recordOf(v, v.mode === 'meeting' ? choice.vote.outcome : null)
      await recordMatterStep(env, handle, matterId, template.key, record, moreFiles)
      onDone()
    },
    { describe: errs.describe, show: (k, v) => (k === 'files' ? (v as StepValues['files']).map((x) => x.name).join(t('common:unsaved.separator')) : String(v)) },
  )
  const v = f.merged()
  const choice = useMeetingChoice(v.mode === 'meeting' ? v.meetingId : '', v.agendaItemId, v.motionId)
  const step = t(`matters:step.${template.key}`)
  return (
    <form onSubmit={(e) => void f.submit(e)} noValidate aria-label={t('matters:stepView.recordNamed', { step })} className="card">
      {f.failure ? <Banner kind="error">{f.failure}</Banner> : null}
      <div className="grid">
        <SelectField
          label={t('matters:stepForm.mode')}
          value={v.mode}
          onChange={(e) => f.set('mode', e.target.value as StepMode)}
          options={modesOf(template).map((m) => ({ value: m, label: t(`matters:stepMode.${m}`) }))}
        />
        <TextField label={t('matters:stepForm.date')} type="date" value={v.date} error={f.errors.date} onChange={(e) => f.set('date', e.target.value)} required />
      </div>
      {v.mode === 'meeting' ? <MeetingStepFields v={v} template={template} choice={choice} setMany={f.setMany} /> : null}
      {v.mode === 'outside' ? <OutsideStepFields v={v} template={template} set={f.set} /> : null}
      {v.mode === 'skipped' ? <TextAreaField label={t('matters:stepForm.reason')} value={v.reason} rows={2} onChange={(e) => f.set('reason', e.target.value)} required /> : null}
      <FormActions submitLabel={t('matters:stepForm.submit')} busy={f.busy} onCancel={f.discardThen(onDone)} />
    </form>
  )
}
