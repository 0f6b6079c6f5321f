// The follow-up's owner and deadline: opening it once the resolution is made, and changing them
// later. What is typed stays a draft until saved; leaving before asks, naming the fields.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { readFollowUp } from '../../../shared/doc/mattersFollowUp'
import type { IsoDate } from '../../../shared/domain/dates'
import { useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import { useUnsavedFields } from '../../kit/unsaved'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import type { DocHandle } from '../../sync/docs'
import { changeFollowUp, startFollowUp, useFollowUpErrors } from './followUpActions'

export function OpenFollowUpForm({ handle, matterId, resolvedOn }: { handle: DocHandle; matterId: string; resolvedOn: string }) {
  const { t, i18n } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const labels = { owner: t('matters:followUp.owner'), deadline: t('matters:followUp.deadline') }
  const draft = useDraft({ owner: '', deadline: '' }, (v) => [v.owner.trim() && labels.owner, v.deadline && labels.deadline].filter((x): x is string => !!x))
  const { errors, failure, busy, submit } = useFormAction(useFollowUpErrors())
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void draft.submit((v) => submit(() => startFollowUp(env, handle, matterId, v, resolvedOn as IsoDate)))
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:followUp.open')} noValidate>
      <p className="muted">{t('matters:followUp.resolvedOn', { date: formatDate(i18n.language, resolvedOn) })}</p>
      <div className="row">
        <TextField label={labels.owner} hint={t('matters:followUp.ownerHint')} value={draft.value.owner} onChange={(e) => draft.set((v) => ({ ...v, owner: e.target.value }))} error={errors.owner} maxLength={200} />
        <TextField label={labels.deadline} type="date" value={draft.value.deadline} onChange={(e) => draft.set((v) => ({ ...v, deadline: e.target.value }))} error={errors.deadline} />
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={t('matters:followUp.open')} busy={busy} />
    </form>
  )
}

export function EditFollowUpForm({ handle, matterId }: { handle: DocHandle; matterId: string }) {
  const f = useDocValue(handle.doc, (d) => readFollowUp(d, matterId))
  // Keyed by what is stored: a change from another laptop shows once nothing here is being typed.
  return f ? <EditFields key={`${f.owner}\u0000${f.deadline}`} handle={handle} matterId={matterId} stored={f} /> : null
}

function EditFields({ handle, matterId, stored }: { handle: DocHandle; matterId: string; stored: { owner: string; deadline: string } }) {
  const { t } = useTranslation(['matters', 'common'])
  const env = useEnv()
  const [owner, setOwner] = useState(stored.owner)
  const [deadline, setDeadline] = useState(stored.deadline)
  const [saved, setSaved] = useState(false)
  const { errors, failure, busy, submit } = useFormAction(useFollowUpErrors())
  const labels = { owner: t('matters:followUp.owner'), deadline: t('matters:followUp.deadline') }
  useUnsavedFields([owner.trim() !== stored.owner && labels.owner, deadline !== stored.deadline && labels.deadline].filter((x): x is string => !!x))
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setSaved(false)
    void submit(() => changeFollowUp(env, handle, matterId, { owner, deadline })).then(setSaved)
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('matters:followUp.edit')} noValidate>
      <div className="row">
        <TextField label={labels.owner} value={owner} onChange={(e) => setOwner(e.target.value)} error={errors.owner} maxLength={200} />
        <TextField label={labels.deadline} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} error={errors.deadline} />
      </div>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FormActions submitLabel={t('matters:followUp.saveOwner')} busy={busy} saved={saved} />
    </form>
  )
}
