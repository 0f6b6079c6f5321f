// parseMemberTable: rows of a register file -> a preview of members with per-row errors; pure, writes nothing.
import type { IsoDate } from '../domain/dates'
import { parseArea, personKey, validateMember, type MemberError, type MemberFields } from '../domain/member'
import { findHeaderRow, mapColumns, type ImportColumnField, type MemberImportColumns } from './headers'
import { isBlankRow } from './text'
import { cleanDesignator, cleanName, cleanPhone, parseDate, parseRole, splitAddress, type Household } from './values'

export type MemberRowErrorCode = MemberError | 'roleUnknown' | 'dateInvalid' | 'duplicateInFile' | 'duplicateExisting'

export interface MemberRowError {
  /** The field at fault, or 'row' for the row as a whole (duplicates). */
  field: keyof MemberFields | 'row'
  code: MemberRowErrorCode
  /** duplicateInFile: the row number of the earlier row with the same person. */
  params?: { row: number }
}

export interface MemberImportRow {
  /** The row number the spreadsheet shows (1-based, header and blank rows counted). */
  rowNumber: number
  /** The member as it would be imported. Where a field has an error it holds a placeholder (role councillor, area null, the date text as written). */
  fields: MemberFields
  /** The cell texts as written in the file, by field, for the columns the file has. */
  raw: Partial<Record<ImportColumnField, string>>
  /** At most one error per field, in field order, then row errors. Empty when the row is ready. */
  errors: MemberRowError[]
}

export type MemberImportPreview =
  | { ok: false; error: 'noHeader' | 'noRows' }
  | {
      ok: true
      columns: MemberImportColumns
      rows: MemberImportRow[]
      /** Rows with at least one error. Import only when this is 0. */
      errorCount: number
      /** Row numbers of rows with text only in columns that are not imported (序号, 备注, a 合计 line): left out. */
      skippedRows: number[]
    }

export interface MemberImportContext {
  /** The council's register now, to find people already on it. */
  existing: readonly MemberFields[]
  /** The join date of rows that give none (usually today). Also the day "current member" is judged on. */
  defaultJoinedOn: IsoDate
}

export const TABLE_ERRORS = ['noHeader', 'noRows'] as const

const FIELD_ORDER: readonly (keyof MemberFields)[] = ['name', 'role', 'building', 'unit', 'room', 'areaCentiM2', 'phone', 'joinedOn', 'leftOn']

/** The key duplicates are found by: personKey over the bare designators (3栋 and 3 are one building). */
export function importKey(m: Pick<MemberFields, 'name' | 'building' | 'unit' | 'room'>): string {
  return personKey({
    name: cleanName(m.name),
    building: cleanDesignator(m.building, 'building'),
    unit: cleanDesignator(m.unit, 'unit'),
    room: cleanDesignator(m.room, 'room'),
  })
}

export function parseMemberTable(rows: readonly (readonly string[])[], ctx: MemberImportContext): MemberImportPreview {
  const headerIndex = findHeaderRow(rows)
  if (headerIndex < 0) return { ok: false, error: 'noHeader' }
  const columns = mapColumns(rows[headerIndex] ?? [], headerIndex)
  const byField = new Map<ImportColumnField, number[]>()
  for (const c of columns.mapped) byField.set(c.field, [...(byField.get(c.field) ?? []), c.index])
  const mappedIndexes = columns.mapped.map((c) => c.index)

  const existing = new Set<string>()
  for (const m of ctx.existing) {
    if (m.leftOn === null || m.leftOn > ctx.defaultJoinedOn) existing.add(importKey(m))
  }
  const seen = new Map<string, number>()
  const out: MemberImportRow[] = []
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
    const raw: Partial<Record<ImportColumnField, string>> = {}
    for (const [field, indexes] of byField) {
      raw[field] = indexes.map((c) => (row[c] ?? '').trim()).find((t) => t !== '') ?? ''
    }
    const parsed = parseRow(raw, ctx.defaultJoinedOn)
    if (parsed.fields.name !== '') {
      const key = importKey(parsed.fields)
      const earlier = seen.get(key)
      if (earlier !== undefined) parsed.errors.push({ field: 'row', code: 'duplicateInFile', params: { row: earlier } })
      else seen.set(key, rowNumber)
      if (existing.has(key)) parsed.errors.push({ field: 'row', code: 'duplicateExisting' })
    }
    if (parsed.errors.length > 0) errorCount++
    out.push({ rowNumber, fields: parsed.fields, raw, errors: parsed.errors })
  }
  if (out.length === 0) return { ok: false, error: 'noRows' }
  return { ok: true, columns, rows: out, errorCount, skippedRows }
}

function parseRow(raw: Partial<Record<ImportColumnField, string>>, defaultJoinedOn: IsoDate): { fields: MemberFields; errors: MemberRowError[] } {
  const found = new Map<keyof MemberFields, MemberRowErrorCode>()

  const roleText = raw.role ?? ''
  const role = parseRole(roleText)
  if (role === null) found.set('role', 'roleUnknown')

  let household: Household
  if (raw.address !== undefined) household = splitAddress(raw.address)
  else {
    household = {
      building: cleanDesignator(raw.building ?? '', 'building'),
      unit: cleanDesignator(raw.unit ?? '', 'unit'),
      room: cleanDesignator(raw.room ?? '', 'room'),
    }
  }

  const area = parseArea((raw.areaCentiM2 ?? '').normalize('NFKC'))
  if (!area.ok) found.set('areaCentiM2', area.error)

  const date = (field: 'joinedOn' | 'leftOn', text: string): string | null => {
    if (text === '') return null
    const iso = parseDate(text)
    if (iso === null) found.set(field, 'dateInvalid')
    return iso ?? text
  }

  const fields: MemberFields = {
    name: cleanName(raw.name ?? ''),
    role: role ?? 'councillor',
    ...household,
    areaCentiM2: area.ok ? area.value : null,
    phone: cleanPhone(raw.phone ?? ''),
    joinedOn: date('joinedOn', raw.joinedOn ?? '') ?? defaultJoinedOn,
    leftOn: date('leftOn', raw.leftOn ?? ''),
  }
  const checked = validateMember(fields)
  for (const f of FIELD_ORDER) {
    const code = checked[f]
    if (code !== undefined && !found.has(f)) found.set(f, code)
  }
  const errors: MemberRowError[] = FIELD_ORDER.filter((f) => found.has(f)).map((f) => ({ field: f, code: found.get(f) as MemberRowErrorCode }))
  return { fields, errors }
}

/** The members to write, all or nothing: null while any row has an error (or there is nothing to import). */
export function membersToImport(preview: MemberImportPreview): MemberFields[] | null {
  if (!preview.ok || preview.errorCount > 0 || preview.rows.length === 0) return null
  return preview.rows.map((r) => r.fields)
}
