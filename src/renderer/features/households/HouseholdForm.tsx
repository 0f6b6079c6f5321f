// Adding or editing one household. Leaving the register is a date, never a deletion. The fields
// are checked here with the rules the document applies (validateHousehold), so every message is
// the household's own ("the owner is missing"), not a member's. Saves only what the secretary
// changed and shows other devices' changes to untouched fields (app/docForm.ts).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { HouseholdFields } from '../../../shared/domain/household'
import { HOUSEHOLD_FIELD_LABEL_KEYS, householdRowErrorKey } from '../../../shared/import/labels'
import type { HouseholdRowErrorCode } from '../../../shared/import/parseHouseholdTable'
import { useEditForm } from '../../kit/docForm'
import { useErrors } from '../../kit/errors'
import { FieldConflicts } from '../../ui/FieldConflicts'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { checkedFields, FieldsInvalid, textOf, type HouseholdText } from './householdText'

export function HouseholdForm({
  initial,
  title,
  withBy = false,
  by = '',
  duplicate,
  onSubmit,
  onCancel,
}: {
  initial: HouseholdFields
  title: string
  /** Editing: ask who makes the change, for the history. */
  withBy?: boolean
  by?: string
  /** Whether another household on the register has this address. */
  duplicate: (f: HouseholdFields) => boolean
  onSubmit: (f: HouseholdFields, by: string) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useTranslation(['households', 'common'])
  const errs = useErrors()
  const message = (code: HouseholdRowErrorCode) => t(householdRowErrorKey(code))
  const label = (k: keyof typeof HOUSEHOLD_FIELD_LABEL_KEYS) => t(HOUSEHOLD_FIELD_LABEL_KEYS[k])
  /** `initial` is the household as stored now (re-read as other devices change it). */
  // The same object while no field changes (a new `initial` object each render must not look like an edit).
  const storedKey = JSON.stringify(textOf(initial, by))
  const stored = useMemo(() => JSON.parse(storedKey) as HouseholdText, [storedKey])
  const labels: Record<keyof HouseholdText, string> = {
    building: label('building'),
    unit: label('unit'),
    room: label('room'),
    owner: label('owner'),
    tenant: label('tenant'),
    area: label('areaCentiM2'),
    phone: label('phone'),
    addedOn: label('addedOn'),
    removed: label('removedOn'),
    by: t('form.by'),
  }
  const f = useEditForm<HouseholdText>(
    stored,
    labels,
    async (v) => {
      await onSubmit(checkedFields(v, duplicate, message), v.by)
    },
    { describe: (e) => (e instanceof FieldsInvalid ? { fields: e.fields, banner: t('common:errors.fixFields') } : errs.describe(e)) },
  )
  const v = f.merged()
  const { errors, failure, busy, set, submit } = f

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FieldConflicts conflicts={f.shownConflicts} onKeepMine={f.keepMine} onTakeTheirs={f.takeTheirs} />
      <p className="muted">{t('hints.address')}</p>
      <div className="grid">
        <TextField label={label('building')} value={v.building} error={errors.building} onChange={(e) => set('building', e.target.value)} autoFocus />
        <TextField label={label('unit')} value={v.unit} error={errors.unit} onChange={(e) => set('unit', e.target.value)} />
        <TextField label={label('room')} value={v.room} error={errors.room} onChange={(e) => set('room', e.target.value)} />
        <TextField label={label('owner')} value={v.owner} error={errors.owner} onChange={(e) => set('owner', e.target.value)} required />
        <TextField label={label('tenant')} value={v.tenant} error={errors.tenant} onChange={(e) => set('tenant', e.target.value)} />
        <TextField label={label('areaCentiM2')} hint={t('hints.area')} inputMode="decimal" value={v.area} error={errors.areaCentiM2} onChange={(e) => set('area', e.target.value)} />
        <TextField label={label('phone')} type="tel" value={v.phone} error={errors.phone} onChange={(e) => set('phone', e.target.value)} />
        <TextField label={label('addedOn')} type="date" value={v.addedOn} error={errors.addedOn} onChange={(e) => set('addedOn', e.target.value)} />
        <TextField label={label('removedOn')} hint={t('hints.removedOn')} type="date" value={v.removed} error={errors.removedOn} onChange={(e) => set('removed', e.target.value)} />
        {withBy ? <TextField label={t('form.by')} hint={t('hints.by')} value={v.by} maxLength={60} onChange={(e) => set('by', e.target.value)} /> : null}
      </div>
      <FormActions
        submitLabel={t('common:actions.save')}
        busy={busy}
        onCancel={f.discardThen(onCancel)}
      />
    </form>
  )
}
