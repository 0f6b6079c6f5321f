// The fields of a request, the same for recording a new one and correcting one still open:
// when and how it came, its category, who asked, where, and what they asked.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_REQUEST_TEXT, MAX_SHORT_TEXT, REQUEST_CATEGORIES, REQUEST_CHANNELS, type RequestCategory, type RequestChannel } from '../../../shared/matters/requests'
import { Banner } from '../../ui/Banner'
import { FieldConflicts } from '../../ui/FieldConflicts'
import { FormActions } from '../../ui/FormActions'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import type { useEditForm } from '../../kit/docForm'
import { RequesterFields } from './RequesterFields'
import type { RequestText } from './requestText'

export type RequestEditForm = ReturnType<typeof useEditForm<RequestText>>

export function RequestForm({
  f,
  title,
  submitLabel,
  disabled = false,
  year,
  onCancel,
  children,
}: {
  f: RequestEditForm
  title: string
  submitLabel: string
  disabled?: boolean
  /** The year the request belongs to, when it cannot move (a recorded request's date stays in its year). */
  year?: number
  onCancel?: () => void
  /** Extra fields before the buttons (files, who records). */
  children?: ReactNode
}) {
  const { t } = useTranslation(['matters', 'common'])
  const { errors } = f
  const value = (k: keyof RequestText) => f.value(k)
  const set = (k: keyof RequestText, v: string) => f.set(k, v as never)
  return (
    <form className="card" onSubmit={(e) => void f.submit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      {f.failure ? <Banner kind="error">{f.failure}</Banner> : null}
      <FieldConflicts conflicts={f.shownConflicts} onKeepMine={f.keepMine} onTakeTheirs={f.takeTheirs} />
      <fieldset className="grid" disabled={disabled}>
        <legend>{t('matters:req.how')}</legend>
        <TextField
          label={t('matters:req.field.receivedOn')}
          type="date"
          value={value('receivedOn')}
          error={errors.receivedOn}
          required
          {...(year ? { min: `${year}-01-01`, max: `${year}-12-31` } : {})}
          onChange={(e) => set('receivedOn', e.target.value)}
        />
        <SelectField
          label={t('matters:req.field.channel')}
          value={value('channel')}
          error={errors.channel}
          onChange={(e) => set('channel', e.target.value as RequestChannel)}
          options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`matters:channel.${c}`) }))}
        />
        <SelectField
          label={t('matters:req.field.category')}
          value={value('category')}
          error={errors.category}
          onChange={(e) => set('category', e.target.value as RequestCategory)}
          options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(`matters:category.${c}`) }))}
        />
      </fieldset>
      <RequesterFields value={value} set={set} setMany={(p) => f.setMany(p)} errors={errors} disabled={disabled} />
      <PlaceFields value={value} set={set} error={errors.place} disabled={disabled} />
      <TextAreaField
        label={t('matters:req.field.text')}
        value={value('text')}
        error={errors.text}
        required
        rows={5}
        maxLength={MAX_REQUEST_TEXT}
        disabled={disabled}
        onChange={(e) => set('text', e.target.value)}
      />
      {children}
      {disabled ? null : <FormActions submitLabel={submitLabel} busy={f.busy} saved={f.saved} onCancel={f.discardThen(onCancel)} />}
    </form>
  )
}

/** Where: building, unit and room (filled from a register's choice) or a place in words. */
function PlaceFields({ value, set, error, disabled }: { value: (k: keyof RequestText) => string; set: (k: keyof RequestText, v: string) => void; error: string | undefined; disabled: boolean }) {
  const { t } = useTranslation(['matters', 'common'])
  return (
    <fieldset className="grid" disabled={disabled}>
      <legend>{t('matters:req.where')}</legend>
      <TextField label={t('matters:req.field.building')} value={value('building')} maxLength={MAX_SHORT_TEXT} onChange={(e) => set('building', e.target.value)} />
      <TextField label={t('matters:req.field.unit')} value={value('unit')} maxLength={MAX_SHORT_TEXT} onChange={(e) => set('unit', e.target.value)} />
      <TextField label={t('matters:req.field.room')} value={value('room')} maxLength={MAX_SHORT_TEXT} onChange={(e) => set('room', e.target.value)} />
      <TextField
        label={t('matters:req.field.placeText')}
        hint={t('matters:req.placeHint')}
        value={value('placeText')}
        error={error}
        maxLength={MAX_SHORT_TEXT}
        onChange={(e) => set('placeText', e.target.value)}
      />
    </fieldset>
  )
}
