// Member-register import end to end: real fixture files -> readTable -> parseMemberTable -> preview.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { MemberFields } from '../../src/shared/domain/member'
import {
  membersToImport,
  parseMemberTable,
  readTable,
  IMPORT_FILE_ERRORS,
  MAX_FILE_BYTES,
  type MemberImportPreview,
  type TableResult,
} from '../../src/shared/import'
import expected30 from '../fixtures/members-30.json'

const FIXTURES = join(__dirname, '../fixtures')
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)))
const TODAY = '2025-01-06'
const ctx = { existing: [] as MemberFields[], defaultJoinedOn: TODAY }

function rowsOf(result: TableResult): string[][] {
  if (!result.ok) throw new Error(`expected a table, got ${result.error}`)
  return result.rows
}
function okPreview(preview: MemberImportPreview) {
  if (!preview.ok) throw new Error(`expected a preview, got ${preview.error}`)
  return preview
}
async function previewOf(bytes: Uint8Array, name: string, context = ctx) {
  return okPreview(parseMemberTable(rowsOf(await readTable(bytes, name)), context))
}

const expectedFields: MemberFields[] = expected30.map((m) => ({
  name: m.name,
  role: m.role as MemberFields['role'],
  building: m.building,
  unit: m.unit,
  room: m.room,
  areaCentiM2: m.areaCentiM2,
  phone: m.phone,
  joinedOn: m.joinedOn,
  leftOn: null,
}))

describe('good registers', () => {
  it('reads the 30-member XLSX: title row skipped, header found, every field exact', async () => {
    const table = await readTable(fixture('members-30.xlsx'), 'members-30.xlsx')
    expect(table.ok && table.sheetName).toBe('议事会成员')
    const preview = parseMemberTable(rowsOf(table), ctx)
    const p = okPreview(preview)
    expect(p.columns.headerRowNumber).toBe(2)
    expect(p.columns.unrecognised.map((c) => c.header)).toEqual(['序号'])
    expect(p.columns.missing).toEqual(['leftOn'])
    expect(p.errorCount).toBe(0)
    expect(p.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 30 }, (_, i) => i + 3))
    expect(p.rows.map((r) => r.fields)).toEqual(expectedFields)
    // exact hundredths of m², including the formula cell (73.08) and 62.35
    expect(p.rows[0]?.fields.areaCentiM2).toBe(6235)
    expect(p.rows[3]?.fields.areaCentiM2).toBe(7308)
    expect(p.rows[18]?.fields.name).toBe('林海涛') // rich text
    const roles = p.rows.map((r) => r.fields.role)
    expect(roles.filter((r) => r === 'chair')).toHaveLength(1)
    expect(roles.filter((r) => r === 'recorder')).toHaveLength(1)
    expect(roles.filter((r) => r === 'observer')).toHaveLength(2)
    expect(membersToImport(preview)).toHaveLength(30)
  })

  it('reads the UTF-8 CSV with a BOM into the same members', async () => {
    const bytes = fixture('members-utf8.csv')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const table = await readTable(bytes, 'members-utf8.csv')
    expect(table.ok && table.encoding).toBe('utf-8')
    expect(rowsOf(table)[0]?.[0]).toBe('姓名') // no BOM glued to the first header
    const p = okPreview(parseMemberTable(rowsOf(table), ctx))
    expect(p.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2))
    expect(p.rows.map((r) => r.fields)).toEqual(expectedFields)
    expect(p.rows[0]?.raw.building).toBe('1栋') // shown as written, stored as the bare number
  })

  it('decodes the GBK CSV (Excel on Chinese Windows) into the same Chinese text', async () => {
    const bytes = fixture('members-gbk.csv')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const table = await readTable(bytes, 'members-gbk.csv')
    expect(table.ok && table.encoding).toBe('gb18030')
    expect(rowsOf(table)[0]).toEqual(['姓名', '角色', '楼栋', '单元', '房号', '建筑面积（㎡）', '联系电话', '入会日期'])
    const p = okPreview(parseMemberTable(rowsOf(table), ctx))
    expect(p.errorCount).toBe(0)
    expect(p.rows.map((r) => r.fields)).toEqual(expectedFields)
  })

  it('reads tab- and semicolon-separated text, Excel\'s sep= line, and UTF-16 "Unicode text"', async () => {
    const lines = ['姓名\t角色\t面积', '张三\t主持人\t62.35', '李四\t\t1085.5']
    const tsv = await previewOf(new TextEncoder().encode(lines.join('\n')), 'm.txt')
    expect(tsv.rows.map((r) => [r.fields.name, r.fields.role, r.fields.areaCentiM2])).toEqual([
      ['张三', 'chair', 6235],
      ['李四', 'councillor', 108550],
    ])
    const semi = await previewOf(new TextEncoder().encode('sep=;\n姓名;面积\n王五;85,5\n'), 'm.csv')
    // with sep= the header is row 1, as Excel shows it; "85,5" is asked about, never guessed (issue 16)
    expect(semi.rows[0]).toMatchObject({ rowNumber: 2, errors: [{ field: 'areaCentiM2', code: 'areaComma' }] })
    const text = '姓名\t电话\r\n赵六\t13800000000\r\n'
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8
    }
    const table = await readTable(utf16, 'unicode.txt')
    expect(table.ok && table.encoding).toBe('utf-16le')
    expect(okPreview(parseMemberTable(rowsOf(table), ctx)).rows[0]?.fields).toMatchObject({ name: '赵六', phone: '13800000000' })
  })

  it('keeps spreadsheet row numbers across blank lines and multi-line cells', async () => {
    const csv = '姓名,备注\n张三,"第一行\n第二行"\n\n,,\n李四,\n'
    const p = await previewOf(new TextEncoder().encode(csv), 'm.csv')
    // Excel shows: 1 header, 2 张三 (one row despite the line break), 3 blank, 4 blank, 5 李四
    expect(p.rows.map((r) => [r.rowNumber, r.fields.name])).toEqual([
      [2, '张三'],
      [5, '李四'],
    ])
  })
})

describe('row errors', () => {
  it('reports each fault of the bad-rows file with its row number and code', async () => {
    const p = await previewOf(fixture('members-bad-rows.xlsx'), 'members-bad-rows.xlsx')
    const byRow = Object.fromEntries(p.rows.map((r) => [r.rowNumber, r.errors]))
    expect(byRow).toEqual({
      2: [],
      3: [{ field: 'name', code: 'nameRequired' }],
      4: [],
      5: [{ field: 'row', code: 'duplicateInFile', params: { row: 4 } }],
      6: [{ field: 'areaCentiM2', code: 'areaNotNumber' }],
      7: [{ field: 'areaCentiM2', code: 'areaNegative' }],
      8: [{ field: 'role', code: 'roleUnknown' }],
      9: [{ field: 'joinedOn', code: 'dateInvalid' }],
      11: [{ field: 'phone', code: 'phoneInvalid' }],
      12: [{ field: 'leftOn', code: 'leftBeforeJoined' }],
      13: [{ field: 'areaCentiM2', code: 'areaTooPrecise' }],
    })
    expect(p.errorCount).toBe(9)
    expect(p.rows.find((r) => r.rowNumber === 6)?.raw.areaCentiM2).toBe('abc') // the preview can show what was written
    expect(membersToImport(p)).toBeNull() // all or nothing
  })

  it('flags people already on the register, but not former members rejoining', async () => {
    const existing: MemberFields[] = [
      { ...expectedFields[0]!, building: '1号楼', unit: '1单元', room: '101室' }, // same household, written differently
      { ...expectedFields[1]!, leftOn: '2024-12-31' }, // left before today: may rejoin
    ]
    const p = await previewOf(fixture('members-30.xlsx'), 'members-30.xlsx', { existing, defaultJoinedOn: TODAY })
    expect(p.errorCount).toBe(1)
    expect(p.rows[0]?.errors).toEqual([{ field: 'row', code: 'duplicateExisting' }])
    expect(p.rows[1]?.errors).toEqual([])
  })

  it('accepts the date forms registers use and refuses ambiguous or impossible ones', () => {
    const rows = [
      ['姓名', '入会日期', '离开日期'],
      ['甲', '2024-03-01', ''],
      ['乙', '2024/3/1', '2025.3.1'],
      ['丙', '2024年3月1日', '20250301'],
      ['丁', '45352', ''], // Excel day number of 2024-03-01
      ['戊', '2024-03-01 00:00:00', ''],
      ['己', '3/1/2024', ''],
      ['庚', '2023-02-29', ''],
      ['辛', '', 'soon'],
    ]
    const p = okPreview(parseMemberTable(rows, ctx))
    expect(p.rows.map((r) => [r.fields.joinedOn, r.fields.leftOn, r.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      ['2024-03-01', null, []],
      ['2024-03-01', '2025-03-01', []],
      ['2024-03-01', '2025-03-01', []],
      ['2024-03-01', null, []],
      ['2024-03-01', null, []],
      ['3/1/2024', null, ['joinedOn:dateInvalid']],
      ['2023-02-29', null, ['joinedOn:dateInvalid']],
      [TODAY, 'soon', ['leftOn:dateInvalid']],
    ])
  })
})

describe('headers, roles and addresses', () => {
  it('maps zh-TW and English headers and role names', () => {
    const tw = okPreview(
      parseMemberTable(
        [
          ['姓名', '職務', '樓棟', '單元', '門牌', '產權面積', '聯絡電話', '入會日期'],
          ['陳大文', '召集人', '３棟', '二單元', '301室', '62.35㎡', '(02)2345-6789', '2024/3/1'],
          ['林小美', '記錄員', 'A', '1', '102', '', '', ''],
          ['王監', '監事會成員', 'A', '1', '103', '', '', ''],
        ],
        ctx,
      ),
    )
    expect(tw.errorCount).toBe(0)
    expect(tw.rows[0]?.fields).toEqual({
      name: '陳大文', role: 'chair', building: '3', unit: '2', room: '301', areaCentiM2: 6235,
      phone: '02-2345-6789', joinedOn: '2024-03-01', leftOn: null,
    })
    expect(tw.rows.map((r) => r.fields.role)).toEqual(['chair', 'recorder', 'supervisor'])
    const en = okPreview(
      parseMemberTable(
        [
          ['No.', 'Full Name', 'Role', 'Building', 'Unit', 'Room No.', 'Floor area (m²)', 'Mobile', 'Joined', 'Left'],
          ['1', 'Li Wei', 'Observer', '2', '1', '201', '70', '13900000000', '2024-01-15', ''],
          ['2', 'Zhang Min', 'chairperson', '2', '1', '202', '71.5', '', '', ''],
          ['3', 'Wang Fang', 'boss', '2', '1', '203', '', '', '', ''],
        ],
        ctx,
      ),
    )
    expect(en.columns.unrecognised.map((c) => c.header)).toEqual(['No.'])
    expect(en.rows.map((r) => [r.fields.name, r.fields.role, r.errors.map((e) => e.code)])).toEqual([
      ['Li Wei', 'observer', []],
      ['Zhang Min', 'chair', []],
      ['Wang Fang', 'councillor', ['roleUnknown']],
    ])
  })

  it('splits a combined address column into building, unit and room', () => {
    const p = okPreview(
      parseMemberTable(
        [
          ['姓名', '住址', '电话'],
          ['张三', '3栋2单元301', ''],
          ['李四', '5号楼1单元502室', ''],
          ['王五', '7-3-1201', ''],
          ['赵六', '锦绣花园2幢3单元101', ''],
          ['孙七', '12-101', ''],
          ['张三', '3-2-301', ''], // the same household as row 2, written the other way
          ['周八', '东街平房', ''],
        ],
        ctx,
      ),
    )
    expect(p.columns.addressSplit).toBe(true)
    expect(p.columns.missing).not.toContain('building')
    expect(p.rows.map((r) => [r.fields.building, r.fields.unit, r.fields.room])).toEqual([
      ['3', '2', '301'],
      ['5', '1', '502'],
      ['7', '3', '1201'],
      ['锦绣花园2幢', '3', '101'],
      ['12', '', '101'],
      ['3', '2', '301'],
      ['', '', '东街平房'],
    ])
    expect(p.rows[5]?.errors).toEqual([{ field: 'row', code: 'duplicateInFile', params: { row: 2 } }])
  })

  it('prefers separate building/unit/room columns over an address column', () => {
    const p = okPreview(parseMemberTable([['姓名', '楼栋', '房号', '地址'], ['张三', '3', '301', '幸福路1号']], ctx))
    expect(p.columns.addressSplit).toBe(false)
    expect(p.columns.unrecognised.map((c) => c.header)).toEqual(['地址'])
    expect(p.rows[0]?.fields).toMatchObject({ building: '3', unit: '', room: '301' })
  })

  it('says when no header or no data row is found', () => {
    expect(parseMemberTable([['张三', '3栋'], ['李四', '4栋']], ctx)).toEqual({ ok: false, error: 'noHeader' })
    expect(parseMemberTable([['议事会名单'], ['姓名', '电话'], [], ['', '']], ctx)).toEqual({ ok: false, error: 'noRows' })
  })

  it('skips pre-numbered empty template rows and footers outside the imported columns', () => {
    const p = okPreview(parseMemberTable([['序号', '姓名'], ['1', '张三'], ['2', ''], ['制表人：李四', '']], ctx))
    expect(p.rows.map((r) => r.rowNumber)).toEqual([2])
    expect(p.skippedRows).toEqual([3, 4])
  })
})

describe('XLSX cell values', () => {
  it('turns formulas, hyperlinks, dates, numbers and vertical merges into text', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').state = 'hidden'
    const ws = wb.addWorksheet('名单')
    ws.addRow(['姓名', '楼栋', '面积', '电话', '加入日期', '备注'])
    ws.addRow(['张三', '3栋', { formula: '0.1+0.2', result: 0.30000000000000004 }, 13812345678, new Date(Date.UTC(2024, 2, 1)), { text: '主页', hyperlink: 'https://example.org' }])
    ws.addRow(['李四', null, 85.5, '13900000000', 45352, ''])
    ws.mergeCells('B2:B3') // 楼栋 merged over both households
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const table = await readTable(bytes, 'book.xlsx')
    expect(table.ok && [table.sheetName, table.sheetNames]).toEqual(['名单', ['名单']])
    expect(rowsOf(table)).toEqual([
      ['姓名', '楼栋', '面积', '电话', '加入日期', '备注'],
      ['张三', '3栋', '0.3', '13812345678', '2024-03-01', '主页'],
      ['李四', '3栋', '85.5', '13900000000', '45352'],
    ])
    const p = okPreview(parseMemberTable(rowsOf(table), ctx))
    expect(p.rows.map((r) => [r.fields.building, r.fields.areaCentiM2, r.fields.joinedOn])).toEqual([
      ['3', 30, '2024-03-01'],
      ['3', 8550, '2024-03-01'],
    ])
  })
})

describe('files that are not registers', () => {
  const cases: Array<[string, () => Uint8Array, string]> = [
    ['a PNG named .xlsx', () => fixture('not-a-spreadsheet.xlsx'), 'not-a-spreadsheet.xlsx'],
    ['a 0-byte CSV', () => fixture('empty.csv'), 'empty.csv'],
    ['a workbook with no data', () => fixture('blank.xlsx'), 'blank.xlsx'],
  ]
  it.each(cases)('%s gives the right error', async (_label, bytes, name) => {
    const expectedError = { 'not-a-spreadsheet.xlsx': 'notSpreadsheet', 'empty.csv': 'empty', 'blank.xlsx': 'empty' }[name]
    await expect(readTable(bytes(), name)).resolves.toEqual({ ok: false, error: expectedError })
  })

  it('tells an Excel 97–2003 .xls (or an office system\'s HTML .xls) apart, to ask for .xlsx', async () => {
    const ole = new Uint8Array(1536)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    ;[...'Workbook\0'].forEach((ch, i) => (ole[1024 + i * 2] = ch.charCodeAt(0)))
    await expect(readTable(ole, 'register.xls')).resolves.toEqual({ ok: false, error: 'legacyXls' })
    const html = new TextEncoder().encode('<html><body><table><tr><td>姓名</td></tr><tr><td>张三</td></tr></table></body></html>')
    await expect(readTable(html, '导出.xls')).resolves.toEqual({ ok: false, error: 'legacyXls' })
    await expect(readTable(html, 'page.html')).resolves.toEqual({ ok: false, error: 'notSpreadsheet' })
  })

  it('recognises password-protected workbooks and other spreadsheet formats', async () => {
    const enc = new Uint8Array(2048)
    enc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    ;[...'EncryptedPackage'].forEach((ch, i) => (enc[1024 + i * 2] = ch.charCodeAt(0)))
    await expect(readTable(enc, 'members.xlsx')).resolves.toEqual({ ok: false, error: 'encrypted' })
    const ods = new TextEncoder().encode('PK\u0003\u0004....mimetypeapplication/vnd.oasis.opendocument.spreadsheet')
    await expect(readTable(ods, 'members.ods')).resolves.toEqual({ ok: false, error: 'otherSpreadsheet' })
  })

  it('refuses damaged zips, zips that are not workbooks, and binary data without throwing', async () => {
    const good = fixture('members-30.xlsx')
    await expect(readTable(good.slice(0, good.length >> 1), 'cut.xlsx')).resolves.toEqual({ ok: false, error: 'notSpreadsheet' })
    const renamed = new TextDecoder('latin1').decode(good).replaceAll('xl/workbook.xml', 'xx/workbook.xml')
    const docx = Uint8Array.from(renamed, (c) => c.charCodeAt(0))
    await expect(readTable(docx, 'letter.docx')).resolves.toEqual({ ok: false, error: 'notSpreadsheet' })
    const corrupt = good.slice()
    for (let i = 200; i < corrupt.length - 200; i += 97) corrupt[i] = corrupt[i]! ^ 0x5a
    // Its entries no longer match their CRC-32 (issue 16): damaged, said as such.
    await expect(readTable(corrupt, 'corrupt.xlsx')).resolves.toEqual({ ok: false, error: 'damaged' })
    let seed = 42
    const noise = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff)
    await expect(readTable(noise, 'noise.csv')).resolves.toEqual({ ok: false, error: 'notSpreadsheet' })
    const noNul = noise.map((b) => b || 1)
    await expect(readTable(noNul, 'noise.csv')).resolves.toEqual({ ok: false, error: 'notSpreadsheet' })
  })

  it('never throws on randomly damaged workbooks (seeded)', async () => {
    const good = fixture('members-30.xlsx')
    for (let seed = 1; seed <= 150; seed++) {
      let s = seed
      const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
      const bytes = good.slice()
      const flips = 1 + Math.floor(rnd() * 8)
      for (let j = 0; j < flips; j++) bytes[4 + Math.floor(rnd() * (bytes.length - 4))] = Math.floor(rnd() * 256)
      const result = await readTable(bytes, 'damaged.xlsx').catch((e: unknown) => ({ thrown: String(e) }))
      const ok = 'ok' in result && (result.ok ? result.rows.length === 32 : IMPORT_FILE_ERRORS.includes(result.error))
      expect(ok, `seed ${seed}: ${JSON.stringify(result).slice(0, 200)}`).toBe(true)
    }
  })

  it('refuses files over 20 MB or 50,000 rows', async () => {
    await expect(readTable(new Uint8Array(MAX_FILE_BYTES + 1), 'big.csv')).resolves.toEqual({ ok: false, error: 'tooLarge' })
    const many = new TextEncoder().encode('姓名\n' + '张三\n'.repeat(50_000))
    await expect(readTable(many, 'many.csv')).resolves.toEqual({ ok: false, error: 'tooManyRows' })
  })
})

describe('10,000 members', () => {
  const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
  const GIVEN = ['建国', '秀英', '志强', '桂兰', '德明', '淑珍', '国庆', '丽华', '文斌', '美玲']
  const member = (i: number) => ({
    name: `${SURNAMES[i % 20]}${GIVEN[Math.floor(i / 20) % 10]}${i >= 200 ? String(i) : ''}`,
    building: String(1 + Math.floor(i / 400)),
    unit: String(1 + (Math.floor(i / 100) % 4)),
    room: String(101 + (i % 100)),
    area: (50 + (i % 9000) / 100).toFixed(2),
  })

  it('parses a 10,000-row XLSX with every row and no errors', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('成员')
    ws.addRow(['姓名', '角色', '楼栋', '单元', '房号', '面积', '电话', '加入日期'])
    for (let i = 0; i < 10_000; i++) {
      const m = member(i)
      ws.addRow([m.name, i === 0 ? '主持人' : '成员', m.building, m.unit, m.room, Number(m.area), `139${String(i).padStart(8, '0')}`, new Date(Date.UTC(2024, 0, 1))])
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const p = await previewOf(bytes, 'big.xlsx')
    expect(p.rows).toHaveLength(10_000)
    expect(p.errorCount).toBe(0)
    expect(p.rows[9_999]).toMatchObject({ rowNumber: 10_001, fields: { name: member(9_999).name, areaCentiM2: Math.round(Number(member(9_999).area) * 100) } })
  })

  it('parses a 10,000-row CSV with every row and no errors', async () => {
    const lines = ['姓名,楼栋,单元,房号,面积']
    for (let i = 0; i < 10_000; i++) {
      const m = member(i)
      lines.push([m.name, m.building, m.unit, m.room, m.area].join(','))
    }
    const p = await previewOf(new TextEncoder().encode(lines.join('\r\n')), 'big.csv')
    expect(p.rows).toHaveLength(10_000)
    expect(p.errorCount).toBe(0)
    expect(membersToImport(p)).toHaveLength(10_000)
  })
})
