// Adding or editing one member. Leaving the council is a date, never a deletion.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { areaToText, MEMBER_ROLES, parseArea, type MemberFields, type MemberRole } from '../../../shared/domain/member'
import { SelectField, TextField } from '../../ui/Field'
import { Banner } from '../../ui/Banner'
import { FormActions } from '../../ui/FormActions'
import { useFormAction } from '../../app/useFormAction'

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
  const [v, setV] = useState({ ...initial, area: areaToText(initial.areaCentiM2), left: initial.leftOn ?? '' })
  const { errors, setErrors, failure, setFailure, busy, submit: save } = useFormAction()
  const set = (k: keyof typeof v, value: string) => setV((old) => ({ ...old, [k]: value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const area = parseArea(v.area)
    if (!area.ok) {
      setErrors({ areaCentiM2: t(`common:errors.field.${area.error}`) })
      setFailure(t('common:errors.fixFields'))
      return
    }
    const fields: MemberFields = {
      name: v.name,
      role: v.role,
      building: v.building,
      unit: v.unit,
      room: v.room,
      areaCentiM2: area.value,
      phone: v.phone,
      joinedOn: v.joinedOn,
      leftOn: v.left.trim() ? v.left : null,
    }
    await save(() => onSubmit(fields))
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="grid">
        <TextField label={t('members:fields.name')} value={v.name} error={errors.name} onChange={(e) => set('name', e.target.value)} required autoFocus />
        <SelectField
          label={t('members:fields.role')}
          value={v.role}
          error={errors.role}
          onChange={(e) => setV((old) => ({ ...old, role: e.target.value as MemberRole }))}
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
      <FormActions submitLabel={t('common:actions.save')} busy={busy} onCancel={onCancel} />
    </form>
  )
}
