// Who asked: a member from the council's register, a household from the household register (its
// building, unit and room fill the place), or a resident, an organisation or the party branch by
// name. Choosing from a register fills the fields; each stays editable, and is kept as typed.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { readMembers } from '../../../shared/doc/council'
import { readHouseholds } from '../../../shared/doc/households'
import { householdsDocName } from '../../../shared/doc/names'
import { isMemberOn } from '../../../shared/domain/member'
import { REQUESTER_KINDS, type RequesterKind } from '../../../shared/matters/requests'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'
import { SelectField, TextField } from '../../ui/Field'
import type { RequestText } from './requestText'

interface Option {
  id: string
  label: string
  fill: Partial<RequestText>
}

const address = (t: TFunction<['matters', 'households', 'common']>, a: { building: string; unit: string; room: string }) =>
  (['building', 'unit', 'room'] as const)
    .filter((k) => a[k].trim())
    .map((k) => t(`households:parts.${k}`, { v: a[k] }))
    .join(t('households:partsSep'))

/** The register's people for the chosen kind, each with what choosing them fills in. */
function useRegisterOptions(kind: RequesterKind): Option[] | null {
  const { t } = useTranslation(['matters', 'households', 'common'])
  const env = useEnv()
  const { council, handle } = useCouncil()
  const members = useDocValue(handle.doc, readMembers)
  const hh = useDocHandle(kind === 'household' ? householdsDocName(council.id) : null)
  const households = useDocValue(hh.status === 'ready' ? hh.handle.doc : null, readHouseholds)
  const today = env.today()
  return useMemo(() => {
    const option = (id: string, name: string, a: { building: string; unit: string; room: string }, phone: string): Option => ({
      id,
      label: t('matters:req.registerOption', { name, place: address(t, a) || t('matters:req.noAddress') }),
      fill: { refId: id, name, contact: phone, building: a.building, unit: a.unit, room: a.room },
    })
    if (kind === 'member') return (members ?? []).filter((m) => isMemberOn(m, today)).map((m) => option(m.id, m.name, m, m.phone))
    if (kind === 'household') {
      if (!households) return null
      return households.filter((h) => h.removedOn === null || h.removedOn > today).map((h) => option(h.id, h.owner || h.tenant, h, h.phone))
    }
    return null
  }, [kind, members, households, today, t])
}

export function RequesterFields({
  value,
  set,
  setMany,
  errors,
  disabled,
}: {
  value: (k: keyof RequestText) => string
  set: (k: keyof RequestText, v: string) => void
  setMany: (patch: Partial<RequestText>) => void
  errors: Record<string, string>
  disabled: boolean
}) {
  const { t } = useTranslation(['matters', 'households', 'common'])
  const kind = value('kind') as RequesterKind
  const options = useRegisterOptions(kind)
  const fromRegister = kind === 'member' || kind === 'household'
  const refId = value('refId')
  const choices = options ? [{ value: '', label: t('matters:req.chooseFromRegister') }, ...options.map((o) => ({ value: o.id, label: o.label }))] : []
  // A stored choice no longer on the register (a member who left) stays shown by its name.
  if (refId && options && !options.some((o) => o.id === refId)) choices.push({ value: refId, label: value('name') })
  return (
    <fieldset className="grid" disabled={disabled}>
      <legend>{t('matters:req.who')}</legend>
      <SelectField
        label={t('matters:req.field.kind')}
        value={kind}
        onChange={(e) => setMany({ kind: e.target.value as RequesterKind, refId: '' })}
        options={REQUESTER_KINDS.map((k) => ({ value: k, label: t(`matters:requesterKind.${k}`) }))}
      />
      {fromRegister ? (
        <SelectField
          label={t(kind === 'member' ? 'matters:req.field.fromMembers' : 'matters:req.field.fromHouseholds')}
          hint={options && options.length === 0 ? t('matters:req.registerEmpty') : undefined}
          value={refId}
          onChange={(e) => {
            const o = options?.find((x) => x.id === e.target.value)
            setMany(o ? o.fill : { refId: '' })
          }}
          options={choices}
        />
      ) : null}
      <TextField
        label={t(kind === 'organisation' ? 'matters:req.field.orgName' : kind === 'partyBranch' ? 'matters:req.field.branchName' : 'matters:req.field.name')}
        value={value('name')}
        error={errors.requester}
        required
        onChange={(e) => set('name', e.target.value)}
      />
      <TextField label={t('matters:req.field.contact')} hint={t('matters:req.contactHint')} value={value('contact')} onChange={(e) => set('contact', e.target.value)} />
    </fieldset>
  )
}
