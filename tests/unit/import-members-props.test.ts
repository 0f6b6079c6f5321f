// Properties of the member-register importer: never throws, loses no row, keeps row order, round-trips.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MEMBER_ROLES, type MemberFields } from '../../src/shared/domain/member'
import { headerField, membersToImport, parseMemberTable, readTable, IMPORT_FILE_ERRORS } from '../../src/shared/import'
import { mapColumns } from '../../src/shared/import/headers'

const ctx = { existing: [] as MemberFields[], defaultJoinedOn: '2025-01-06' }

const HEADER_WORDS = ['姓名', '名字', 'Name', '角色', '職務', '楼栋', '单元', '房号', '住址', '建筑面积（㎡）', '电话', '加入日期', '离开日期', '序号', '备注', '']
const CELL_WORDS = ['', ' ', '主持人', '列席', '3栋2单元301', '3-2-301', '62.35', '-3', 'abc', '2024/3/1', '45352', '张三', '张三', '姓名']
const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...HEADER_WORDS, ...CELL_WORDS))
const row = fc.array(cell, { maxLength: 8 })
const isBlank = (r: readonly string[]) => r.every((c) => c.trim() === '')

describe('parseMemberTable properties', () => {
  it('never throws on arbitrary tables, and answers a preview or a table error', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const p = parseMemberTable(rows, ctx)
        if (!p.ok) expect(['noHeader', 'noRows']).toContain(p.error)
        else expect(p.errorCount).toBe(p.rows.filter((r) => r.errors.length > 0).length)
      }),
      { numRuns: 500 },
    )
  })

  // A table with a name header somewhere in its first 10 rows, anything above it and below it.
  const withHeader = fc
    .tuple(
      fc.array(row.filter((r) => !r.some((c) => headerField(c) === 'name')), { maxLength: 9 }),
      fc.array(cell, { maxLength: 7 }),
      fc.nat({ max: 7 }),
      fc.array(row, { maxLength: 40 }),
    )
    .map(([above, header, at, below]) => {
      const h = [...header]
      h.splice(Math.min(at, h.length), 0, '姓名')
      return { rows: [...above, h, ...below], headerIndex: above.length }
    })

  it('gives every non-blank data row exactly one place: a preview row or a skipped row, in file order', () => {
    fc.assert(
      fc.property(withHeader, ({ rows, headerIndex }) => {
        const p = parseMemberTable(rows, ctx)
        const nonBlank = rows.map((r, i) => i + 1).filter((n) => n > headerIndex + 1 && !isBlank(rows[n - 1]!))
        if (!p.ok) {
          // noRows only when no data row has anything in an imported column
          expect(p.error).toBe('noRows')
          const imported = mapColumns(rows[headerIndex]!, headerIndex).mapped.map((c) => c.index)
          for (const n of nonBlank) expect(imported.every((c) => (rows[n - 1]![c] ?? '').trim() === '')).toBe(true)
          return
        }
        expect(p.columns.headerRowNumber).toBe(headerIndex + 1)
        const previewed = p.rows.map((r) => r.rowNumber)
        for (let i = 1; i < previewed.length; i++) expect(previewed[i]!).toBeGreaterThan(previewed[i - 1]!)
        expect([...previewed, ...p.skippedRows].sort((a, b) => a - b)).toEqual(nonBlank)
        // a skipped row has nothing in any imported column
        const imported = p.columns.mapped.map((c) => c.index)
        for (const n of p.skippedRows) expect(imported.every((c) => (rows[n - 1]![c] ?? '').trim() === '')).toBe(true)
        expect(membersToImport(p) === null).toBe(p.errorCount > 0)
      }),
      { numRuns: 500 },
    )
  })

  it('round-trips valid members through a CSV file', async () => {
    const han = fc.constantFrom(...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗明华建国秀英志强')
    const member = fc.record({
      name: fc.array(han, { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
      role: fc.constantFrom(...MEMBER_ROLES),
      building: fc.integer({ min: 1, max: 40 }).map(String),
      unit: fc.integer({ min: 1, max: 6 }).map(String),
      room: fc.integer({ min: 101, max: 3304 }).map(String),
      areaCentiM2: fc.option(fc.integer({ min: 0, max: 99_999_99 }), { nil: null }),
      phone: fc.stringMatching(/^1[3-9]\d{9}$/),
      joinedOn: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      leftOn: fc.constant(null),
    })
    const area = (c: number | null) => (c === null ? '' : `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`)
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(member, { selector: (m) => `${m.name}|${m.building}|${m.unit}|${m.room}`, minLength: 1, maxLength: 20 }), async (members) => {
        const lines = ['姓名,角色,楼栋,单元,房号,面积,电话,加入日期', ...members.map((m) => [m.name, m.role, m.building, m.unit, m.room, area(m.areaCentiM2), m.phone, m.joinedOn].join(','))]
        const table = await readTable(new TextEncoder().encode(lines.join('\n')), 'members.csv')
        if (!table.ok) throw new Error(table.error)
        expect(membersToImport(parseMemberTable(table.rows, ctx))).toEqual(members)
      }),
      { numRuns: 100 },
    )
  })
})

describe('readTable properties', () => {
  it('never throws on arbitrary bytes and answers a table or a known error', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.uint8Array({ maxLength: 512 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
    )
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('a.csv', 'a.xlsx', 'a.xls', 'a.txt', 'a'), async (b, name) => {
        const r = await readTable(b, name)
        if (r.ok) expect(r.rows.some((row) => row.some((c) => c !== ''))).toBe(true)
        else expect(IMPORT_FILE_ERRORS).toContain(r.error)
      }),
      { numRuns: 300 },
    )
  })
})
