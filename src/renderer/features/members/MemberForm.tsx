// Adding or editing one member. Leaving the council is a date, never a deletion. Saves only what
// the secretary changed and shows other devices' changes to untouched fields (app/docForm.ts).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { MEMBER_ROLES, type MemberFields, type MemberRole } from '../../../shared/domain/member'
import { SelectField, TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useEditForm } from '../../kit/docForm'
import { useErrors } from '../../kit/errors'
import { FieldConflicts } from '../../ui/FieldConflicts'
import { AreaInvalid, fieldsOf, textOf, type MemberText } from './memberText'

export function MemberForm({
  initial,
  title,
  onSubmit,
  onCancel,
}: {
  initial: MemberFields
  title: string
  onSubmit: (f: MemberFields) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useTranslation(['members', 'common'])
  const errs = useErrors()
  /** `initial` is the member as stored now (re-read as other devices change it). */
  // The same object while no field changes (a new `initial` object each render must not look like an edit).
  const storedKey = JSON.stringify(textOf(initial))
  const stored = useMemo(() => JSON.parse(storedKey) as MemberText, [storedKey])
  const labels: Record<keyof MemberText, string> = {
    name: t('members:fields.name'),
    role: t('members:fields.role'),
    building: t('members:fields.building'),
    unit: t('members:fields.unit'),
    room: t('members:fields.room'),
    area: t('members:fields.area'),
    phone: t('members:fields.phone'),
    joinedOn: t('members:fields.joinedOn'),
    left: t('members:fields.leftOn'),
  }
  const f = useEditForm<MemberText>(
    stored,
    labels,
    (v) => onSubmit(fieldsOf(v, (code) => t(`common:errors.field.${code}`))),
    {
      show: (k, value) => (k === 'role' ? t(`common:enums.role.${value as MemberRole}`) : value),
      describe: (e) => (e instanceof AreaInvalid ? { fields: { areaCentiM2: e.message }, banner: t('common:errors.fixFields') } : errs.describe(e)),
    },
  )
  const v = f.merged()
  const { errors, failure, busy, set, submit } = f

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <FieldConflicts conflicts={f.shownConflicts} onKeepMine={f.keepMine} onTakeTheirs={f.takeTheirs} />
      <div className="grid">
        <TextField label={t('members:fields.name')} value={v.name} error={errors.name} onChange={(e) => set('name', e.target.value)} required autoFocus />
        <SelectField
          label={t('members:fields.role')}
          value={v.role}
          error={errors.role}
          onChange={(e) => set('role', e.target.value as MemberRole)}
          options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`common:enums.role.${r}`) }))}
        />
        <TextField label={t('members:fields.building')} value={v.building} error={errors.building} onChange={(e) => set('building', e.target.value)} />
        <TextField label={t('members:fields.unit')} value={v.unit} error={errors.unit} onChange={(e) => set('unit', e.target.value)} />
        <TextField label={t('members:fields.room')} value={v.room} error={errors.room} onChange={(e) => set('room', e.target.value)} />
        <TextField label={t('members:fields.area')} hint={t('members:hints.area')} inputMode="decimal" value={v.area} error={errors.areaCentiM2} onChange={(e) => set('area', e.target.value)} />
        <TextField label={t('members:fields.phone')} type="tel" value={v.phone} error={errors.phone} onChange={(e) => set('phone', e.target.value)} />
        <TextField label={t('members:fields.joinedOn')} type="date" value={v.joinedOn} error={errors.joinedOn} onChange={(e) => set('joinedOn', e.target.value)} />
        <TextField label={t('members:fields.leftOn')} hint={t('members:hints.leftOn')} type="date" value={v.left} error={errors.leftOn} onChange={(e) => set('left', e.target.value)} />
      </div>
      <FormActions
        submitLabel={t('common:actions.save')}
        busy={busy}
        onCancel={f.discardThen(onCancel)}
      />
    </form>
  )
}
