// One agenda item: title, description, proposer, source, expected minutes, attachments by name.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PROPOSAL_SOURCES, type AgendaItemFields, type ProposalSource } from '../../../shared/domain/meeting'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useFormAction } from '../../app/useFormAction'

export const blankItem: AgendaItemFields = { title: '', description: '', proposer: '', source: 'residents', expectedMinutes: 15, attachments: [] }

export function AgendaItemForm({
  initial,
  title,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: AgendaItemFields
  title: string
  submitLabel: string
  onSubmit: (f: AgendaItemFields) => Promise<void>
  onCancel?: () => void
}) {
  const { t } = useTranslation(['meetings', 'common'])
  const [v, setV] = useState({ ...initial, minutes: String(initial.expectedMinutes), files: initial.attachments.join('\n') })
  const { errors, failure, busy, submit: save } = useFormAction()
  const set = (k: 'title' | 'description' | 'proposer' | 'minutes' | 'files', value: string) => setV((old) => ({ ...old, [k]: value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const minutes = /^\d{1,4}$/.test(v.minutes.trim()) ? Number(v.minutes.trim()) : Number.NaN
    const fields: AgendaItemFields = {
      title: v.title,
      description: v.description,
      proposer: v.proposer,
      source: v.source,
      expectedMinutes: minutes,
      attachments: v.files.split('\n').map((s) => s.trim()).filter(Boolean),
    }
    const submitted = v
    if ((await save(() => onSubmit(fields))) && !onCancel) {
      // The save resolves once stored; a secretary may already be typing the next item. Clear only
      // what still holds the submitted values, never what was typed since.
      const blank = { ...blankItem, minutes: String(blankItem.expectedMinutes), files: '' }
      setV((current) => {
        const next = { ...current }
        for (const k of Object.keys(blank) as (keyof typeof blank)[]) if (current[k] === submitted[k]) Object.assign(next, { [k]: blank[k] })
        return next
      })
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <TextField label={t('meetings:item.title')} value={v.title} error={errors.title} onChange={(e) => set('title', e.target.value)} required />
      <TextAreaField label={t('meetings:item.description')} value={v.description} error={errors.description} onChange={(e) => set('description', e.target.value)} />
      <div className="grid">
        <TextField label={t('meetings:item.proposer')} value={v.proposer} error={errors.proposer} onChange={(e) => set('proposer', e.target.value)} />
        <SelectField
          label={t('meetings:item.source')}
          value={v.source}
          error={errors.source}
          onChange={(e) => setV((old) => ({ ...old, source: e.target.value as ProposalSource }))}
          options={PROPOSAL_SOURCES.map((s) => ({ value: s, label: t(`common:enums.source.${s}`) }))}
        />
        <TextField label={t('meetings:item.minutes')} inputMode="numeric" value={v.minutes} error={errors.expectedMinutes} onChange={(e) => set('minutes', e.target.value)} />
      </div>
      <TextAreaField label={t('meetings:item.attachments')} hint={t('meetings:item.attachmentsHint')} value={v.files} error={errors.attachments} onChange={(e) => set('files', e.target.value)} />
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  )
}
