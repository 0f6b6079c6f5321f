// The household form's text fields and the household they say: trimmed as the document holds it,
// checked with the document's own rules (validateHousehold) and the register's duplicate test.
import { validateHousehold, type HouseholdError, type HouseholdFields } from '../../../shared/domain/household'
import { areaToText, parseArea } from '../../../shared/domain/member'
import type { HouseholdRowErrorCode } from '../../../shared/import/parseHouseholdTable'

/** The fields as the document will hold them (trimmed), to check exactly what will be written. */
export const trimmed = (f: HouseholdFields): HouseholdFields => ({
  ...f,
  building: f.building.trim(),
  unit: f.unit.trim(),
  room: f.room.trim(),
  owner: f.owner.trim(),
  tenant: f.tenant.trim(),
  phone: f.phone.trim(),
})

/** The household as the form's text fields, with who makes the change. */
export interface HouseholdText {
  building: string
  unit: string
  room: string
  owner: string
  tenant: string
  area: string
  phone: string
  addedOn: string
  removed: string
  by: string
}

/** What the checks found, each field's message. */
export class FieldsInvalid extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('invalid household fields')
  }
}

/** The household the form's text says, checked as the document will check it, or FieldsInvalid. */
export function checkedFields(v: HouseholdText, duplicate: (f: HouseholdFields) => boolean, message: (code: HouseholdRowErrorCode) => string): HouseholdFields {
  const area = parseArea(v.area)
  const fields = trimmed({
    building: v.building,
    unit: v.unit,
    room: v.room,
    owner: v.owner,
    tenant: v.tenant,
    areaCentiM2: area.ok ? area.value : null,
    phone: v.phone,
    addedOn: v.addedOn,
    removedOn: v.removed.trim() ? v.removed : null,
  })
  const found: Record<string, string> = {}
  for (const [field, code] of Object.entries(validateHousehold(fields)) as [keyof HouseholdFields, HouseholdError][]) found[field] = message(code)
  // parseArea's codes are the area codes of HouseholdError (areaNotNumber, areaNegative…).
  if (!area.ok) found.areaCentiM2 = message(area.error as HouseholdError)
  if (Object.keys(found).length === 0 && duplicate(fields)) found.room = message('duplicateExisting')
  if (Object.keys(found).length > 0) throw new FieldsInvalid(found)
  return fields
}

/** The household as stored, as the form's text, with who makes the change. */
export function textOf(initial: HouseholdFields, by: string): HouseholdText {
  return {
    building: initial.building,
    unit: initial.unit,
    room: initial.room,
    owner: initial.owner,
    tenant: initial.tenant,
    area: areaToText(initial.areaCentiM2),
    phone: initial.phone,
    addedOn: initial.addedOn,
    removed: initial.removedOn ?? '',
    by,
  }
}
