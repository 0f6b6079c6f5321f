// The follow-up's milestones (节点) in their order, each with its due date, the day it was done,
// a note and photos; and the form that adds one.
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { readFollowUp, readMilestones } from '../../../shared/doc/mattersFollowUp'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import type { DocHandle } from '../../sync/docs'
import { newMilestone, useFollowUpErrors } from './followUpActions'
import { MilestoneRow } from './FollowUpMilestoneRow'

export function FollowUpMilestones({ handle, matterId }: { handle: DocHandle; year: number; matterId: string }) {
  const { t } = useTranslation(['matters'])
  const milestones = useDocValue(handle.doc, (d) => readMilestones(d, matterId)) ?? []
  const completed = useDocValue(handle.doc, (d) => readFollowUp(d, matterId)?.completedOn ?? null)
  const editable = !handle.readOnly && !completed
  return (
    <section aria-labelledby="milestones-title">
      <h3 id="milestones-title">{t('matters:followUp.milestones')}</h3>
      {milestones.length === 0 ? <p className="muted">{t('matters:followUp.noMilestones')}</p> : null}
      <ol className="plain milestones">
        {milestones.map((m) => (
          <MilestoneRow key={`${m.id}\u0000${m.doneOn ?? ''}\u0000${m.note}`} handle={handle} milestone={m} editable={editable} />
        ))}
      </ol>
      {editable ? <AddMilestoneForm handle={handle} matterId={matterId} /> : null}
    </section>
  )
}

function AddMilestoneForm({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const { t } = useTranslation(['matters'])
  const env = useEnv()
  const labels = { title: t('matters:followUp.milestoneTitle'), due: t('matters:followUp.milestoneDue') }
  const draft = useDraft({ title: '', due: '' }, (v) => [v.title.trim() && labels.title, v.due && labels.due].filter((x): x is string => !!x))
  const { errors, failure, busy, submit } = useFormAction(useFollowUpErrors())
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void draft.submit((v) => submit(() => newMilestone(env, handle, matterId, v)))
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:followUp.addMilestone')} noValidate>
      <div className="row">
        <TextField label={labels.title} value={draft.value.title} onChange={(e) => draft.set((v) => ({ ...v, title: e.target.value }))} error={errors.title} maxLength={200} />
        <TextField label={labels.due} type="date" value={draft.value.due} onChange={(e) => draft.set((v) => ({ ...v, due: e.target.value }))} error={errors.due} />
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={t('matters:followUp.addMilestone')} busy={busy} />
    </form>
  )
}
