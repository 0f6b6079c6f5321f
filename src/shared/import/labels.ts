// Keys of the `import` i18n namespace for each error code and field, so the preview never builds key strings by hand.
import type { HouseholdFields } from '../domain/household'
import type { MemberFields, MemberRole } from '../domain/member'
import type { ImportColumnField } from './headers'
import type { MemberRowErrorCode } from './members'
import type { HouseholdColumnField, HouseholdRowErrorCode } from './parseHouseholdTable'
import type { ImportFileError } from './table'
import type { TextEncodingLabel } from './text'

/** Label keys for preview columns and error fields ('row' labels an error about the whole row). */
export const FIELD_LABEL_KEYS = {
  name: 'fields.name',
  role: 'fields.role',
  building: 'fields.building',
  unit: 'fields.unit',
  room: 'fields.room',
  areaCentiM2: 'fields.area',
  phone: 'fields.phone',
  joinedOn: 'fields.joined',
  leftOn: 'fields.left',
  address: 'fields.address',
  row: 'fields.row',
} as const satisfies Record<keyof MemberFields | ImportColumnField | 'row', `fields.${string}`>

/** t(rowErrorKey(e.code), e.params) — duplicateInFile interpolates {{row}}. */
export const rowErrorKey = (code: MemberRowErrorCode): `rowErrors.${MemberRowErrorCode}` => `rowErrors.${code}`
export const fileErrorKey = (code: ImportFileError): `fileErrors.${ImportFileError}` => `fileErrors.${code}`
export const tableErrorKey = (code: 'noHeader' | 'noRows'): `tableErrors.${'noHeader' | 'noRows'}` => `tableErrors.${code}`

/** t(ENCODING_LABEL_KEYS[table.encoding]) for the "Encoding: {{encoding}}" line. */
export const ENCODING_LABEL_KEYS = {
  'utf-8': 'encodings.utf8',
  gb18030: 'encodings.gb18030',
  'utf-16le': 'encodings.utf16le',
  'utf-16be': 'encodings.utf16be',
  big5: 'encodings.big5',
} as const satisfies Record<TextEncodingLabel, `encodings.${string}`>

/** t(ROLE_LABEL_KEYS[fields.role]) in the preview table. */
export const ROLE_LABEL_KEYS = {
  chair: 'roles.chair',
  recorder: 'roles.recorder',
  councillor: 'roles.councillor',
  observer: 'roles.observer',
  supervisor: 'roles.supervisor',
} as const satisfies Record<MemberRole, `roles.${string}`>

// ---- the household register (issue 7): keys under `households.` in the `import` namespace ----

/** Label keys for household preview columns and error fields. */
export const HOUSEHOLD_FIELD_LABEL_KEYS = {
  building: 'fields.building',
  unit: 'fields.unit',
  room: 'fields.room',
  owner: 'households.fields.owner',
  tenant: 'households.fields.tenant',
  areaCentiM2: 'fields.area',
  phone: 'fields.phone',
  addedOn: 'households.fields.added',
  removedOn: 'households.fields.removed',
  address: 'fields.address',
  row: 'fields.row',
} as const satisfies Record<keyof HouseholdFields | HouseholdColumnField | 'row', `fields.${string}` | `households.fields.${string}`>

/** t(householdRowErrorKey(e.code), e.params) — duplicateInFile interpolates {{row}}. */
export const householdRowErrorKey = (code: HouseholdRowErrorCode): `households.rowErrors.${HouseholdRowErrorCode}` => `households.rowErrors.${code}`
/** noHeader: no owner column (产权人 / 户主 / 姓名) in the first 10 rows. */
export const householdTableErrorKey = (code: 'noHeader' | 'noRows'): `households.tableErrors.${'noHeader' | 'noRows'}` => `households.tableErrors.${code}`
