// parseHouseholdTable: rows of a household register (readTable's output) -> a preview of households
// with per-row errors; pure, writes nothing. Mirrors parseMemberTable: the same header folding,
// address splitting, area parsing and designator cleaning, with owner and tenant columns.
import type { IsoDate } from '../domain/dates'
import { validateHousehold, type HouseholdError, type HouseholdFields } from '../domain/household'
import { householdKey, parseArea } from '../domain/member'
import { headerField, normaliseHeader } from './headers'
import { isBlankRow } from './text'
import { cleanDesignator, cleanName, cleanPhone, splitAddress, type Household as Address } from './values'

/** What a household register column can hold: a HouseholdFields key, or a whole address to split. */
export type HouseholdColumnField = 'building' | 'unit' | 'room' | 'owner' | 'tenant' | 'areaCentiM2' | 'phone' | 'address'

// Owner and tenant in zh-CN, zh-TW and English. The member headers (姓名, 户主姓名, 业主姓名…) also
// name the owner here: a household register's name column is the owner's.
const OWN_SYNONYMS: Record<'owner' | 'tenant', readonly string[]> = {
  owner: [
    '产权人', '产权人姓名', '业主', '房主', '屋主', '户主', '所有权人', '房屋所有权人', '产权所有人', '权利人', '产权人（业主）',
    '產權人', '產權人姓名', '業主', '所有權人', '房屋所有權人', '產權所有人', '權利人', '戶主',
    'owner', 'owner name', 'property owner', 'homeowner', 'householder', 'head of household',
  ],
  tenant: [
    '承租人', '承租人姓名', '承租户', '公房承租人', '租户', '租户姓名', '租客', '承租方',
    '承租戶', '租戶', '租戶姓名',
    'tenant', 'tenant name', 'lessee', 'renter',
  ],
}
const OWN = new Map<string, 'owner' | 'tenant'>()
for (const [field, words] of Object.entries(OWN_SYNONYMS) as ['owner' | 'tenant', readonly string[]][]) for (const w of words) OWN.set(normaliseHeader(w), field)

export function householdHeaderField(text: string): HouseholdColumnField | null {
  const key = normaliseHeader(text)
  if (key === '') return null
  const own = OWN.get(key)
  if (own) return own
  const f = headerField(text)
  if (f === 'name') return 'owner'
  if (f === 'building' || f === 'unit' || f === 'room' || f === 'areaCentiM2' || f === 'phone' || f === 'address') return f
  return null
}

export interface HouseholdImportColumn {
  /** 0-based column index (0 is column A). */
  index: number
  header: string
  field: HouseholdColumnField
}

export interface HouseholdImportColumns {
  headerRowNumber: number
  /** Columns read, in column order; several may feed one field (the first non-empty wins, row by row). */
  mapped: HouseholdImportColumn[]
  /** Headers not recognised, or not used (an address column beside building/unit/room columns). */
  unrecognised: Array<{ index: number; header: string }>
  missing: Array<Exclude<HouseholdColumnField, 'owner' | 'address'>>
  addressSplit: boolean
}

export type HouseholdRowErrorCode = HouseholdError | 'duplicateInFile' | 'duplicateExisting'

export interface HouseholdRowError {
  field: keyof HouseholdFields | 'row'
  code: HouseholdRowErrorCode
  /** duplicateInFile: the row number of the earlier row with the same address. */
  params?: { row: number }
}

export interface HouseholdImportRow {
  rowNumber: number
  /** The household as it would be imported (area null where the area has an error). */
  fields: HouseholdFields
  raw: Partial<Record<HouseholdColumnField, string>>
  /** At most one error per field, in field order, then row errors. Empty when the row is ready. */
  errors: HouseholdRowError[]
}

export type HouseholdImportPreview =
  | { ok: false; error: 'noHeader' | 'noRows' }
  | { ok: true; columns: HouseholdImportColumns; rows: HouseholdImportRow[]; errorCount: number; skippedRows: number[] }

export interface HouseholdImportContext {
  /** The register now, to find addresses already on it. */
  existing: readonly HouseholdFields[]
  /** The day the imported households enter the register (usually today); also the day "on the register" is judged on. */
  addedOn: IsoDate
}

const FIELD_ORDER: readonly (keyof HouseholdFields)[] = ['building', 'unit', 'room', 'owner', 'tenant', 'areaCentiM2', 'phone', 'addedOn', 'removedOn']

/** The key duplicates are found by: the normalised address over bare designators (3栋 and 3 are one building). */
export function householdImportKey(h: Pick<HouseholdFields, 'building' | 'unit' | 'room'>): string {
  return householdKey({ building: cleanDesignator(h.building, 'building'), unit: cleanDesignator(h.unit, 'unit'), room: cleanDesignator(h.room, 'room') })
}

/** Index of the header row among the first `scan` rows: the first with an owner column. */
export function findHouseholdHeaderRow(rows: readonly (readonly string[])[], scan = 10): number {
  const n = Math.min(rows.length, scan)
  for (let i = 0; i < n; i++) if ((rows[i] ?? []).some((cell) => householdHeaderField(cell) === 'owner')) return i
  return -1
}

export function mapHouseholdColumns(header: readonly string[], headerIndex: number): HouseholdImportColumns {
  const found: HouseholdImportColumn[] = []
  const unrecognised: Array<{ index: number; header: string }> = []
  header.forEach((raw, index) => {
    const text = raw.trim()
    if (text === '') return
    const field = householdHeaderField(text)
    if (field) found.push({ index, header: text, field })
    else unrecognised.push({ index, header: text })
  })
  const has = (f: HouseholdColumnField) => found.some((c) => c.field === f)
  const separate = has('building') || has('unit') || has('room')
  const mapped = separate ? found.filter((c) => c.field !== 'address') : found
  if (separate) for (const c of found) if (c.field === 'address') unrecognised.push({ index: c.index, header: c.header })
  unrecognised.sort((a, b) => a.index - b.index)
  const addressSplit = !separate && has('address')
  const optional = ['building', 'unit', 'room', 'tenant', 'areaCentiM2', 'phone'] as const
  const missing = optional.filter((f) => !has(f) && !(addressSplit && (f === 'building' || f === 'unit' || f === 'room')))
  return { headerRowNumber: headerIndex + 1, mapped, unrecognised, missing, addressSplit }
}

export function parseHouseholdTable(rows: readonly (readonly string[])[], ctx: HouseholdImportContext): HouseholdImportPreview {
  const headerIndex = findHouseholdHeaderRow(rows)
  if (headerIndex < 0) return { ok: false, error: 'noHeader' }
  const columns = mapHouseholdColumns(rows[headerIndex] ?? [], headerIndex)
  const byField = new Map<HouseholdColumnField, number[]>()
  for (const c of columns.mapped) byField.set(c.field, [...(byField.get(c.field) ?? []), c.index])
  const mappedIndexes = columns.mapped.map((c) => c.index)

  const existing = new Set<string>()
  for (const h of ctx.existing) if (h.removedOn === null || h.removedOn > ctx.addedOn) existing.add(householdImportKey(h))
  const seen = new Map<string, number>()
  const out: HouseholdImportRow[] = []
  const skippedRows: number[] = []
  let errorCount = 0

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] ?? []
    if (isBlankRow(row)) continue
    const rowNumber = i + 1
    if (mappedIndexes.every((c) => (row[c] ?? '').trim() === '')) {
      skippedRows.push(rowNumber)
      continue
    }
    const raw: Partial<Record<HouseholdColumnField, string>> = {}
    for (const [field, indexes] of byField) raw[field] = indexes.map((c) => (row[c] ?? '').trim()).find((t) => t !== '') ?? ''
    const parsed = parseRow(raw, ctx.addedOn)
    const f = parsed.fields
    if (f.building !== '' || f.unit !== '' || f.room !== '') {
      const key = householdImportKey(f)
      const earlier = seen.get(key)
      if (earlier !== undefined) parsed.errors.push({ field: 'row', code: 'duplicateInFile', params: { row: earlier } })
      else seen.set(key, rowNumber)
      if (existing.has(key)) parsed.errors.push({ field: 'row', code: 'duplicateExisting' })
    }
    if (parsed.errors.length > 0) errorCount++
    out.push({ rowNumber, fields: f, raw, errors: parsed.errors })
  }
  if (out.length === 0) return { ok: false, error: 'noRows' }
  return { ok: true, columns, rows: out, errorCount, skippedRows }
}

function parseRow(raw: Partial<Record<HouseholdColumnField, string>>, addedOn: IsoDate): { fields: HouseholdFields; errors: HouseholdRowError[] } {
  const found = new Map<keyof HouseholdFields, HouseholdRowErrorCode>()
  const address: Address =
    raw.address !== undefined
      ? splitAddress(raw.address)
      : { building: cleanDesignator(raw.building ?? '', 'building'), unit: cleanDesignator(raw.unit ?? '', 'unit'), room: cleanDesignator(raw.room ?? '', 'room') }
  const area = parseArea((raw.areaCentiM2 ?? '').normalize('NFKC'))
  if (!area.ok) found.set('areaCentiM2', area.error as HouseholdError)
  const fields: HouseholdFields = {
    ...address,
    owner: cleanName(raw.owner ?? ''),
    tenant: cleanName(raw.tenant ?? ''),
    areaCentiM2: area.ok ? area.value : null,
    phone: cleanPhone(raw.phone ?? ''),
    addedOn,
    removedOn: null,
  }
  const checked = validateHousehold(fields)
  for (const f of FIELD_ORDER) {
    const code = checked[f]
    if (code !== undefined && !found.has(f)) found.set(f, code)
  }
  return { fields, errors: FIELD_ORDER.filter((f) => found.has(f)).map((f) => ({ field: f, code: found.get(f) as HouseholdRowErrorCode })) }
}

/** The households to write, all or nothing: null while any row has an error (or there is nothing to import). */
export function householdsToImport(preview: HouseholdImportPreview): HouseholdFields[] | null {
  if (!preview.ok || preview.errorCount > 0 || preview.rows.length === 0) return null
  return preview.rows.map((r) => r.fields)
}
