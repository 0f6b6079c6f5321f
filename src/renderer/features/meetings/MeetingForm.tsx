// A meeting's title, date and time, place and convener.
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingFields } from '../../../shared/domain/meeting'
import { TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useFormAction } from '../../app/useFormAction'

export function MeetingForm({
  initial,
  submitLabel,
  conveners,
  lockedSchedule = false,
  onSubmit,
  onCancel,
}: {
  initial: MeetingFields
  submitLabel: string
  conveners: readonly string[]
  /** After the notice, the date and place residents were told cannot change. */
  lockedSchedule?: boolean
  onSubmit: (f: MeetingFields) => Promise<void>
  onCancel?: () => void
}) {
  const { t } = useTranslation(['meetings', 'common'])
  const listId = useId()
  const [v, setV] = useState(initial)
  const { errors, failure, busy, submit: save } = useFormAction()
  const [saved, setSaved] = useState(false)
  const set = (k: keyof MeetingFields, value: string) => {
    setV((old) => ({ ...old, [k]: value }))
    setSaved(false)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (await save(() => onSubmit(v))) setSaved(true)
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <TextField label={t('meetings:fields.title')} hint={t('meetings:hints.title')} value={v.title} error={errors.title} onChange={(e) => set('title', e.target.value)} required />
      <div className="grid">
        <TextField
          label={t('meetings:fields.startsAt')}
          type="datetime-local"
          value={v.startsAt}
          error={errors.startsAt}
          disabled={lockedSchedule}
          onChange={(e) => set('startsAt', e.target.value)}
          required
        />
        <TextField label={t('meetings:fields.place')} value={v.place} error={errors.place} disabled={lockedSchedule} onChange={(e) => set('place', e.target.value)} />
        <TextField label={t('meetings:fields.convener')} list={listId} value={v.convener} error={errors.convener} onChange={(e) => set('convener', e.target.value)} />
        <datalist id={listId}>
          {conveners.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <FormActions submitLabel={submitLabel} busy={busy} saved={saved} onCancel={onCancel} />
    </form>
  )
}
