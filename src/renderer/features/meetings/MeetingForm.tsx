// A meeting's title, date and time, place and convener. Shows what is stored for every field the
// secretary has not touched (another laptop's change appears as it arrives) and saves only the
// fields the secretary changed (app/docForm.ts).
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingFields } from '../../../shared/domain/meeting'
import { TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useEditForm } from '../../kit/docForm'
import { FieldConflicts } from '../../ui/FieldConflicts'

export function MeetingForm({
  initial,
  submitLabel,
  conveners,
  lockedSchedule = false,
  readOnly = false,
  onSubmit,
  onCancel,
}: {
  initial: MeetingFields
  submitLabel: string
  conveners: readonly string[]
  /** After the notice, the date and place residents were told cannot change. */
  lockedSchedule?: boolean
  /** A read-only device shows the details and offers no way to change them. */
  readOnly?: boolean
  onSubmit: (f: MeetingFields) => Promise<void>
  onCancel?: () => void
}) {
  const { t } = useTranslation(['meetings', 'common'])
  const listId = useId()
  const labels = {
    title: t('meetings:fields.title'),
    startsAt: t('meetings:fields.startsAt'),
    place: t('meetings:fields.place'),
    convener: t('meetings:fields.convener'),
  }
  const f = useEditForm<MeetingFields>(initial, labels, (merged) => onSubmit(merged))
  const v = { title: f.value('title'), startsAt: f.value('startsAt'), place: f.value('place'), convener: f.value('convener') }
  const { errors, failure, busy, saved, set, submit } = f

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={submitLabel}>
      <fieldset disabled={readOnly} className="bare">
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FieldConflicts conflicts={f.shownConflicts} onKeepMine={f.keepMine} onTakeTheirs={f.takeTheirs} />
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
      {readOnly ? null : (
        <FormActions
          submitLabel={submitLabel}
          busy={busy}
          saved={saved}
          onCancel={f.discardThen(onCancel)}
        />
      )}
      </fieldset>
    </form>
  )
}
