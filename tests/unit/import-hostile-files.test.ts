// Issue 16, items 2–5: register files from outside cannot change what is imported or freeze the
// app. Every file is made here: an exceljs register with single bits flipped (seeded), workbooks
// written byte by byte that unpack to too much, hold too many rows or cells or one endless cell,
// or lie about their sizes; CSV in UTF-16 without its mark and in two encodings at once; areas
// written "85,500". Each is refused saying why (or, for a harmless flip, reads exactly as before).
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readTable, type ImportFileError } from '../../src/shared/import'
import { parseMemberTable } from '../../src/shared/import/members'
import { householdsToImport, parseHouseholdTable } from '../../src/shared/import/parseHouseholdTable'
import { MAX_CELL_CHARS } from '../../src/shared/import/zipCheck'
import { prng, sheetXml, workbookParts, zip } from './xlsx-maker'

const NAMES = ['方华', '王建国', '李秀英', '张桂兰', '陈德明', '刘桂兰', '周文斌', '赵国庆', '黄志强', '吴晓燕', '郑海波', '孙丽娟', '马俊杰', '朱红梅', '胡志刚', '郭淑珍']

async function registerXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('名册')
  ws.addRow(['姓名', '楼栋', '单元', '房号', '建筑面积', '联系电话'])
  NAMES.forEach((name, i) => ws.addRow([name, `${1 + (i % 4)}栋`, 1 + (i % 2), 101 + i, 60 + i + 0.5, `1380000${String(i).padStart(4, '0')}`]))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('a damaged XLSX (bits flipped inside the zip)', () => {
  it('is refused as damaged or invalid, or reads exactly as the original: never with changed characters (300 seeded flips)', async () => {
    const good = await registerXlsx()
    const original = await readTable(good, '名册.xlsx')
    if (!original.ok) throw new Error(original.error)
    const seed = 16_2026
    const random = prng(seed)
    const outcomes = new Map<string, number>()
    for (let n = 0; n < 300; n++) {
      const bad = good.slice()
      const at = Math.floor(random() * bad.length)
      const bit = 1 << Math.floor(random() * 8)
      bad[at] = bad[at]! ^ bit
      const read = await readTable(bad, '名册.xlsx')
      const label = `seed ${seed}, flip ${n}: byte ${at} ^ ${bit}`
      if (read.ok) {
        expect(read.rows, label).toEqual(original.rows)
        outcomes.set('same', (outcomes.get('same') ?? 0) + 1)
      } else {
        expect(['damaged', 'notSpreadsheet', 'unreadable', 'empty'] as ImportFileError[], label).toContain(read.error)
        outcomes.set(read.error, (outcomes.get(read.error) ?? 0) + 1)
      }
    }
    // Most flips land in compressed data, which only the CRC check can catch.
    expect(outcomes.get('damaged') ?? 0).toBeGreaterThan(200)
  }, 60_000)

  it('a zip truncated or with its entries swapped is damaged, and nothing is read', async () => {
    const good = await registerXlsx()
    for (const cut of [good.length - 1, good.length - 30, Math.floor(good.length / 2)]) {
      const r = await readTable(good.subarray(0, cut), '名册.xlsx')
      expect(r.ok, `cut at ${cut}`).toBe(false)
    }
    // A sheet whose recorded CRC is of other bytes: written by a broken tool, or tampered with.
    const parts = workbookParts(sheetXml([['姓名'], ['方华']]))
    const bytes = zip(parts)
    const sheetName = new TextEncoder().encode('xl/worksheets/sheet1.xml')
    const at = indexOf(bytes, sheetName)
    // The local header's CRC sits 16 bytes before the name's end minus its length: flip it there and in the directory.
    const crcLocal = at - 30 + 14
    const crcCentral = indexOf(bytes, sheetName, at + 1) - 46 + 16
    bytes[crcLocal] = bytes[crcLocal]! ^ 1
    bytes[crcCentral] = bytes[crcCentral]! ^ 1
    expect(await readTable(bytes, '名册.xlsx')).toEqual({ ok: false, error: 'damaged' })
  })
})

function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

describe('an XLSX that would freeze the app', () => {
  const timed = async (bytes: Uint8Array) => {
    const t0 = performance.now()
    const r = await readTable(bytes, 'register.xlsx')
    return { r, ms: performance.now() - t0 }
  }

  it('stops at the first limit passed and says which: unpacked size, rows, cells, one cell\'s length', async () => {
    // One cell of 50 million characters in 50 KB: stopped after 32,767 of them.
    const huge = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'方'.repeat(50_000_000 / 3)}</t></is></c></row></sheetData></worksheet>`
    const long = await timed(zip(workbookParts(huge)))
    expect(long.r).toEqual({ ok: false, error: 'cellTooLong' })
    expect(long.ms).toBeLessThan(1_000)

    // 50,001 rows; 1,000,001 cells in 10,001 rows.
    const rows = await timed(zip(workbookParts(sheetXml(Array.from({ length: 50_001 }, (_, i) => [`r${i}`])))))
    expect(rows.r).toEqual({ ok: false, error: 'tooManyRows' })
    const wide = Array.from({ length: 100 }, () => '1')
    const cells = await timed(zip(workbookParts(sheetXml(Array.from({ length: 10_001 }, () => wide)))))
    expect(cells.r).toEqual({ ok: false, error: 'tooManyCells' })

    // A zip that says (truly) it unpacks to 120 MB is refused before anything is unpacked.
    const claimed = await timed(zip(workbookParts(`<worksheet>${' '.repeat(120 * 1024 * 1024)}</worksheet>`)))
    expect(claimed.r).toEqual({ ok: false, error: 'unpackedTooLarge' })
    expect(claimed.ms).toBeLessThan(200)
    // Claiming more than deflate can make of its bytes (2^32 - 2 from 1 KB) is damage.
    expect(await readTable(zip(workbookParts(sheetXml([['姓名'], ['方华']]), [], 0xfffffffe)), 'register.xlsx')).toEqual({ ok: false, error: 'damaged' })

    // A zip that says 1 KB but unpacks to 60 MB (a lie): stopped as soon as the lie shows.
    const lying = await timed(zip(workbookParts(`<worksheet>${' '.repeat(60 * 1024 * 1024)}</worksheet>`, [], 1024)))
    expect(lying.r).toEqual({ ok: false, error: 'damaged' })
    expect(lying.ms).toBeLessThan(1_000)

    // Just inside every limit, the same maker's file reads.
    const fine = await readTable(zip(workbookParts(sheetXml([['姓名', '备注'], ['方华', '长'.repeat(MAX_CELL_CHARS)]]))), 'register.xlsx')
    expect(fine.ok && fine.rows[1]).toEqual(['方华', '长'.repeat(MAX_CELL_CHARS)])
  }, 60_000)

  it('a CSV past the row, cell and length limits says which', async () => {
    const enc = (s: string) => new TextEncoder().encode(s)
    expect(await readTable(enc(`姓名\n${'x,'.repeat(MAX_CELL_CHARS)}\n`.replace('x,', 'y'.repeat(MAX_CELL_CHARS + 1) + ',')), 'a.csv')).toEqual({ ok: false, error: 'cellTooLong' })
    expect(await readTable(enc(Array.from({ length: 20_000 }, () => Array(60).fill('1').join(',')).join('\n')), 'a.csv')).toEqual({ ok: false, error: 'tooManyCells' })
  })
})

describe('text in an encoding that cannot be told', () => {
  const lines = ['姓名,楼栋,房号', '方华,3栋,301', '王建国,3栋,302', '李秀英,4栋,101']
  it('UTF-16 without its byte order mark, and UTF-8 lines mixed with GBK ones: "encoding", not "not a spreadsheet"', async () => {
    const text = lines.join('\r\n')
    const utf16 = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) {
      utf16[2 * i] = text.charCodeAt(i) & 0xff
      utf16[2 * i + 1] = text.charCodeAt(i) >> 8
    }
    expect(await readTable(utf16, 'a.csv')).toEqual({ ok: false, error: 'encoding' })
    // The first two lines from one program (UTF-8), the rest added by another (GBK).
    const gbkTail = Uint8Array.from([0xcd, 0xf5, 0xbd, 0xa8, 0xb9, 0xfa, 0x2c, 0x33, 0xb6, 0xb0, 0x2c, 0x33, 0x30, 0x32, 0x0d, 0x0a, 0xc0, 0xee, 0xd0, 0xe3, 0xd3, 0xa2, 0x2c, 0x34, 0xb6, 0xb0, 0x2c, 0x31, 0x30, 0x31])
    const head = new TextEncoder().encode(`${lines[0]}\r\n${lines[1]}\r\n`)
    const mixed = new Uint8Array(head.length + gbkTail.length)
    mixed.set(head)
    mixed.set(gbkTail, head.length)
    expect(await readTable(mixed, 'a.csv')).toEqual({ ok: false, error: 'encoding' })
    // Still: pure GBK reads, and binary data is not a spreadsheet.
    const gbkOnly = Uint8Array.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, ...gbkTail])
    expect((await readTable(gbkOnly, 'a.csv')).ok).toBe(true)
    const random = prng(7)
    expect(await readTable(Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256)), 'a.csv')).toEqual({ ok: false, error: 'notSpreadsheet' })
  })
})

describe('an area with a comma', () => {
  it('"85,500" is flagged on its row as ambiguous, never read as 85,500 m², and the row must be corrected', async () => {
    const csv = ['楼栋,单元,房号,产权人,建筑面积', '3,2,301,方华,"85,500"', '3,2,302,王建国,85.5', '3,2,303,李秀英,"1,234.5"'].join('\n')
    const t = await readTable(new TextEncoder().encode(csv), '户册.csv')
    if (!t.ok) throw new Error(t.error)
    const households = parseHouseholdTable(t.rows, { existing: [], addedOn: '2025-03-01' })
    if (!households.ok) throw new Error(households.error)
    expect(households.rows.map((r) => [r.rowNumber, r.fields.areaCentiM2, r.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      [2, null, ['areaCentiM2:areaComma']],
      [3, 8550, []],
      [4, null, ['areaCentiM2:areaComma']],
    ])
    expect(householdsToImport(households)).toBeNull()
    const members = parseMemberTable([['姓名', '建筑面积'], ['方华', '85,500']], { existing: [], defaultJoinedOn: '2025-03-01' })
    if (!members.ok) throw new Error(members.error)
    expect(members.rows[0]!.errors.map((e) => e.code)).toEqual(['areaComma'])
    expect(members.rows[0]!.fields.areaCentiM2).toBeNull()
  })
})
