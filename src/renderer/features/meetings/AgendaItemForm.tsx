// One agenda item: title, description, proposer, source, expected minutes, attachments by name.
// Editing shows other devices' changes to untouched fields and saves only what changed
// (app/docForm.ts); the form for a new item stays open for the next one.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { PROPOSAL_SOURCES, type AgendaItemFields, type ProposalSource } from '../../../shared/domain/meeting'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useEditForm } from '../../kit/docForm'
import { FieldConflicts } from '../../ui/FieldConflicts'

/** The item as the form's text fields. */
interface ItemText {
  title: string
  description: string
  proposer: string
  source: ProposalSource
  minutes: string
  files: string
}

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
  const stored = useMemo<ItemText>(
    () => ({ title: initial.title, description: initial.description, proposer: initial.proposer, source: initial.source, minutes: String(initial.expectedMinutes), files: initial.attachments.join('\n') }),
    [initial.title, initial.description, initial.proposer, initial.source, initial.expectedMinutes, initial.attachments],
  )
  const labels: Record<keyof ItemText, string> = {
    title: t('meetings:item.title'),
    description: t('meetings:item.description'),
    proposer: t('meetings:item.proposer'),
    source: t('meetings:item.source'),
    minutes: t('meetings:item.minutes'),
    files: t('meetings:item.attachments'),
  }
  const f = useEditForm<ItemText>(
    stored,
    labels,
    (v) =>
      onSubmit({
        title: v.title,
        description: v.description,
        proposer: v.proposer,
        source: v.source,
        expectedMinutes: /^\d{1,4}$/.test(v.minutes.trim()) ? Number(v.minutes.trim()) : Number.NaN,
        attachments: v.files.split('\n').map((s) => s.trim()).filter(Boolean),
      }),
    // Without a cancel this is the form for the next new item: a secretary may already be typing it.
    { staysOpen: !onCancel, show: (k, value) => (k === 'source' ? t(`common:enums.source.${value as ProposalSource}`) : value) },
  )
  const v = f.merged()
  const { errors, failure, busy, set, submit } = f

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h3>{title}</h3>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FieldConflicts conflicts={f.shownConflicts} onKeepMine={f.keepMine} onTakeTheirs={f.takeTheirs} />
      <TextField label={t('meetings:item.title')} value={v.title} error={errors.title} onChange={(e) => set('title', e.target.value)} required />
      <TextAreaField label={t('meetings:item.description')} value={v.description} error={errors.description} onChange={(e) => set('description', e.target.value)} />
      <div className="grid">
        <TextField label={t('meetings:item.proposer')} value={v.proposer} error={errors.proposer} onChange={(e) => set('proposer', e.target.value)} />
        <SelectField
          label={t('meetings:item.source')}
          value={v.source}
          error={errors.source}
          onChange={(e) => set('source', e.target.value as ProposalSource)}
          options={PROPOSAL_SOURCES.map((s) => ({ value: s, label: t(`common:enums.source.${s}`) }))}
        />
        <TextField label={t('meetings:item.minutes')} inputMode="numeric" value={v.minutes} error={errors.expectedMinutes} onChange={(e) => set('minutes', e.target.value)} />
      </div>
      <TextAreaField label={t('meetings:item.attachments')} hint={t('meetings:item.attachmentsHint')} value={v.files} error={errors.attachments} onChange={(e) => set('files', e.target.value)} />
      <FormActions
        submitLabel={submitLabel}
        busy={busy}
        onCancel={f.discardThen(onCancel)}
      />
    </form>
  )
}
