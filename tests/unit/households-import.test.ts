// The household-register importer (issue 7): headers in Chinese and English, row-level errors,
// duplicates by building + unit + room (in the file and against the register), GBK and XLSX files
// through readTable, and a 3,000-household file parsed and written in one transaction.
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addHouseholds, readHouseholds } from '../../src/shared/doc/households'
import type { HouseholdFields } from '../../src/shared/domain/household'
import { readTable } from '../../src/shared/import'
import { HOUSEHOLD_FIELD_LABEL_KEYS, householdRowErrorKey } from '../../src/shared/import/labels'
import { householdHeaderField, householdsToImport, parseHouseholdTable, type HouseholdImportPreview } from '../../src/shared/import/parseHouseholdTable'
import { COUNCIL_ID } from './helpers'

const ctx = { existing: [] as HouseholdFields[], addedOn: '2025-03-01' }
const ok = (p: HouseholdImportPreview) => {
  if (!p.ok) throw new Error(`preview failed: ${p.error}`)
  return p
}
const csv = (lines: string[]) => lines.map((l) => l.split('|')).map((r) => r.map((c) => c.trim()))

describe('householdHeaderField', () => {
  it.each([
    ['产权人', 'owner'],
    ['户主姓名', 'owner'],
    ['姓名', 'owner'],
    ['業主', 'owner'],
    ['Owner', 'owner'],
    ['承租人', 'tenant'],
    ['租戶', 'tenant'],
    ['Tenant name', 'tenant'],
    ['楼栋', 'building'],
    ['單元', 'unit'],
    ['房号', 'room'],
    ['建筑面积（㎡）', 'areaCentiM2'],
    ['Floor area (m²)', 'areaCentiM2'],
    ['联系电话', 'phone'],
    ['住址', 'address'],
    ['角色', null],
    ['加入日期', null],
    ['备注', null],
  ] as const)('%s -> %s', (header, field) => {
    expect(householdHeaderField(header)).toBe(field)
  })
})

describe('parseHouseholdTable', () => {
  it('reads a register with a title row, Chinese headers and bare designators', () => {
    const p = ok(
      parseHouseholdTable(
        csv([
          '幸福里棚改户册|||||||',
          '序号|楼栋|单元|房号|产权人|承租人|建筑面积（㎡）|联系电话',
          '1|3栋|2单元|301室|王 建国||62.35|138 0000 0001',
          '2|3|2|302|李秀英|张三|85.5㎡|',
        ]),
        ctx,
      ),
    )
    expect(p.columns.headerRowNumber).toBe(2)
    expect(p.columns.unrecognised.map((c) => c.header)).toEqual(['序号'])
    expect(p.errorCount).toBe(0)
    expect(p.rows.map((r) => r.fields)).toEqual([
      { building: '3', unit: '2', room: '301', owner: '王建国', tenant: '', areaCentiM2: 6235, phone: '138 0000 0001', addedOn: '2025-03-01', removedOn: null },
      { building: '3', unit: '2', room: '302', owner: '李秀英', tenant: '张三', areaCentiM2: 8550, phone: '', addedOn: '2025-03-01', removedOn: null },
    ])
  })

  it('reads English headers and splits a whole address column', () => {
    const p = ok(parseHouseholdTable(csv(['Owner|Address|Area|Tenant', 'Wang Wei|5-1-402|70|', '陈德明|锦绣花园3栋2单元301|66.6|刘']), ctx))
    expect(p.columns.addressSplit).toBe(true)
    expect(p.rows.map((r) => [r.fields.building, r.fields.unit, r.fields.room])).toEqual([
      ['5', '1', '402'],
      ['锦绣花园3栋', '2', '301'],
    ])
  })

  it('reports each fault on its spreadsheet row, and imports nothing while any remains', () => {
    const p = ok(
      parseHouseholdTable(
        csv([
          '楼栋|单元|房号|产权人|面积|电话', // 1
          '1|1|101|张建国|62.35|13800000001', // 2 ok
          '1|1|102||70|', // 3 ownerRequired
          '1|1|103|王志强|abc|', // 4 areaNotNumber
          '1|1|104|刘桂兰|-3|', // 5 areaNegative
          '1|1|105|周文斌|62.345|', // 6 areaTooPrecise
          '||||', // 7 blank: skipped, numbering continues
          '1|1|106|赵国庆|72|电话待补', // 8 phoneInvalid
          '1栋|一单元|101室|张建国|62.35|', // 9 duplicateInFile of 2 (3栋/一单元/101室 are 1/1/101)
          '|||陈德明|50|', // 10 addressRequired
          `1|1|107|${'名'.repeat(61)}|50|`, // 11 ownerTooLong
        ]),
        ctx,
      ),
    )
    expect(p.rows.map((r) => [r.rowNumber, r.errors.map((e) => `${e.field}:${e.code}${e.params ? `@${e.params.row}` : ''}`)])).toEqual([
      [2, []],
      [3, ['owner:ownerRequired']],
      [4, ['areaCentiM2:areaNotNumber']],
      [5, ['areaCentiM2:areaNegative']],
      [6, ['areaCentiM2:areaTooPrecise']],
      [8, ['phone:phoneInvalid']],
      [9, ['row:duplicateInFile@2']],
      [10, ['room:addressRequired']],
      [11, ['owner:ownerTooLong']],
    ])
    expect(p.errorCount).toBe(8)
    expect(householdsToImport(p)).toBeNull()
    // Every code has its translation key under households.rowErrors, every field a label.
    for (const r of p.rows) for (const e of r.errors) expect(householdRowErrorKey(e.code)).toBe(`households.rowErrors.${e.code}`)
    expect(HOUSEHOLD_FIELD_LABEL_KEYS.owner).toBe('households.fields.owner')
  })

  it('finds addresses already on the register, but not those that have left it', () => {
    const existing: HouseholdFields[] = [
      { building: '3栋', unit: '2单元', room: '301', owner: '王建国', tenant: '', areaCentiM2: null, phone: '', addedOn: '2024-01-01', removedOn: null },
      { building: '3', unit: '2', room: '302', owner: '李秀英', tenant: '', areaCentiM2: null, phone: '', addedOn: '2024-01-01', removedOn: '2025-01-01' },
    ]
    const p = ok(parseHouseholdTable(csv(['楼栋|单元|房号|产权人', '3|2|301|王建国', '3|2|302|李秀英']), { existing, addedOn: '2025-03-01' }))
    expect(p.rows.map((r) => r.errors.map((e) => e.code))).toEqual([['duplicateExisting'], []])
  })

  it('answers noHeader without an owner column, and noRows without data', () => {
    expect(parseHouseholdTable(csv(['楼栋|单元|房号', '1|1|101']), ctx)).toEqual({ ok: false, error: 'noHeader' })
    expect(parseHouseholdTable(csv(['楼栋|产权人', '|']), ctx)).toEqual({ ok: false, error: 'noRows' })
  })

  it('never throws on arbitrary tables (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('产权人', '楼栋', '房号', '住址', '面积', '3栋2单元301', '62.35', '-1', '', '王五'))
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 25 }), (rows) => {
        const p = parseHouseholdTable(rows, ctx)
        if (!p.ok) expect(['noHeader', 'noRows']).toContain(p.error)
        else expect(p.errorCount).toBe(p.rows.filter((r) => r.errors.length > 0).length)
      }),
      { numRuns: 300 },
    )
  })
})

// GB18030 encoder for the characters used, built by decoding every two-byte GBK sequence (as
// tests/fixtures/make-fixtures.mjs does: nothing in Node encodes GBK).
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const s = decoder.decode(new Uint8Array([a, b]))
      if (s.length === 1 && s !== '\ufffd' && !table.has(s)) table.set(s, [a, b])
    }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) out.push(code)
    else out.push(...(table.get(ch) ?? []))
  }
  return Uint8Array.from(out)
}

const REGISTER = ['楼栋,单元,房号,产权人,承租人,建筑面积（㎡）,联系电话', '3栋,2单元,301,王建国,,62.35,13800000001', '3栋,2单元,302,李秀英,张桂兰,85.5,', '4栋,1单元,101,陈德明,,70,028-85551234']
const EXPECTED = [
  ['3', '2', '301', '王建国', '', 6235],
  ['3', '2', '302', '李秀英', '张桂兰', 8550],
  ['4', '1', '101', '陈德明', '', 7000],
]
const summary = (p: HouseholdImportPreview) => ok(p).rows.map((r) => [r.fields.building, r.fields.unit, r.fields.room, r.fields.owner, r.fields.tenant, r.fields.areaCentiM2])

describe('files through readTable', () => {
  it('reads the same households from UTF-8 (with BOM) and GBK CSV', async () => {
    const text = REGISTER.join('\r\n') + '\r\n'
    const utf8 = await readTable(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), '户册.csv')
    const gb = await readTable(gbk(text), '户册.csv')
    expect(utf8.ok && utf8.encoding).toBe('utf-8')
    expect(gb.ok && gb.encoding).toBe('gb18030')
    if (!utf8.ok || !gb.ok) throw new Error('read failed')
    expect(summary(parseHouseholdTable(utf8.rows, ctx))).toEqual(EXPECTED)
    expect(summary(parseHouseholdTable(gb.rows, ctx))).toEqual(EXPECTED)
  })

  it('reads an XLSX register with numbers as numbers and a building merged down its rows', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('户册')
    ws.addRow(['楼栋', '单元', '房号', '产权人', '承租人', '建筑面积（㎡）', '联系电话'])
    ws.addRow(['3栋', 2, 301, '王建国', null, 62.35, 13800000001])
    ws.addRow([null, 2, 302, '李秀英', '张桂兰', 85.5, null])
    ws.addRow(['4栋', 1, 101, '陈德明', null, 70, '028-85551234'])
    ws.mergeCells('A2:A3')
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const t = await readTable(bytes, '户册.xlsx')
    if (!t.ok) throw new Error(t.error)
    expect(summary(parseHouseholdTable(t.rows, ctx))).toEqual(EXPECTED)
  })

  it('parses a 3,000-household file and writes it in one transaction', async () => {
    const lines = ['楼栋,单元,房号,产权人,承租人,建筑面积,联系电话']
    for (let i = 0; i < 3000; i++) lines.push(`${1 + (i % 30)}栋,${1 + (i % 3)}单元,${100 + Math.floor(i / 90)}${String(i % 90).padStart(2, '0')},业主${i},${i % 7 === 0 ? `租户${i}` : ''},${50 + (i % 90)}.${i % 100},1380000${String(i).padStart(4, '0')}`)
    const t = await readTable(gbk(lines.join('\n')), 'households-3000.csv')
    if (!t.ok) throw new Error(t.error)
    const p = ok(parseHouseholdTable(t.rows, ctx))
    expect(p.rows).toHaveLength(3000)
    expect(p.errorCount).toBe(0)
    const list = householdsToImport(p)
    expect(list).toHaveLength(3000)
    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const ids = addHouseholds(doc, COUNCIL_ID, list ?? [], '2025-03-01T09:00:00.000Z')
    expect(transactions).toBe(1)
    expect(new Set(ids).size).toBe(3000)
    const read = readHouseholds(doc)
    expect(read).toHaveLength(3000)
    expect(read.reduce((s, h) => s + (h.areaCentiM2 ?? 0), 0)).toBe(list?.reduce((s, h) => s + (h.areaCentiM2 ?? 0), 0))
  })

  it('round-trips valid households through a CSV file (property)', async () => {
    const han = fc.constantFrom(...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗明华建国秀英志强')
    const name = fc.array(han, { minLength: 2, maxLength: 4 }).map((a) => a.join(''))
    const household = fc.record({
      building: fc.integer({ min: 1, max: 40 }).map(String),
      unit: fc.integer({ min: 1, max: 6 }).map(String),
      room: fc.integer({ min: 101, max: 3304 }).map(String),
      owner: name,
      tenant: fc.oneof(fc.constant(''), name),
      areaCentiM2: fc.option(fc.integer({ min: 0, max: 99_999_99 }), { nil: null }),
      phone: fc.stringMatching(/^1[3-9]\d{9}$/),
      addedOn: fc.constant(ctx.addedOn),
      removedOn: fc.constant(null),
    })
    const area = (c: number | null) => (c === null ? '' : `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`)
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(household, { selector: (h) => `${h.building}|${h.unit}|${h.room}`, minLength: 1, maxLength: 20 }), async (list) => {
        const lines = ['产权人,承租人,楼栋,单元,房号,面积,电话', ...list.map((h) => [h.owner, h.tenant, h.building, h.unit, h.room, area(h.areaCentiM2), h.phone].join(','))]
        const t = await readTable(new TextEncoder().encode(lines.join('\n')), 'h.csv')
        if (!t.ok) throw new Error(t.error)
        expect(householdsToImport(parseHouseholdTable(t.rows, ctx))).toEqual(list)
      }),
      { numRuns: 100 },
    )
  })
})
