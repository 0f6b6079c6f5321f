// Makes .xlsx files byte by byte for the hostile-file tests (not a test file itself): a minimal
// workbook (one sheet, inline strings or shared strings) in a zip written here, so a test can
// make what no spreadsheet program writes: a sheet of a million cells, a 50-million-character
// cell, a size the zip lies about. Node's zlib deflates; CRCs are computed with the app's crc32.
import { deflateRawSync } from 'node:zlib'
import { crc32Update } from '../../src/shared/import/crc32'

export interface ZipPart {
  name: string
  data: Uint8Array | string
  /** What the directory says the part unpacks to (default: the truth). */
  declaredSize?: number
}

const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff]
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]

export function zip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = []
  const central: number[] = []
  let offset = 0
  for (const p of parts) {
    const data = typeof p.data === 'string' ? new TextEncoder().encode(p.data) : p.data
    const packed = deflateRawSync(data)
    const name = new TextEncoder().encode(p.name)
    const crc = crc32Update(0, data)
    const size = p.declaredSize ?? data.length
    const common = [...le16(20), ...le16(0x0800), ...le16(8), ...le16(0), ...le16(0x21), ...le32(crc), ...le32(packed.length), ...le32(size), ...le16(name.length), ...le16(0)]
    const local = Uint8Array.from([...le32(0x04034b50), ...common])
    chunks.push(local, name, packed)
    central.push(...le32(0x02014b50), ...le16(20), ...common, ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(offset), ...name)
    offset += local.length + name.length + packed.length
  }
  const end = [...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(parts.length), ...le16(parts.length), ...le32(central.length), ...le32(offset), ...le16(0)]
  chunks.push(Uint8Array.from(central), Uint8Array.from(end))
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A sheet's rows as inline-string cells (the way some exporters write them). */
export function sheetXml(rows: Iterable<readonly string[]>): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
  let r = 0
  for (const row of rows) {
    r++
    out.push(`<row r="${r}">`)
    row.forEach((text, c) => out.push(`<c r="${String.fromCharCode(65 + (c % 26))}${r}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`))
    out.push('</row>')
  }
  out.push('</sheetData></worksheet>')
  return out.join('')
}

/** The parts of a one-sheet workbook around `sheet` (its XML), plus any `extra` parts. */
export function workbookParts(sheet: string, extra: ZipPart[] = [], sheetDeclaredSize?: number): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(sheetDeclaredSize === undefined ? {} : { declaredSize: sheetDeclaredSize }) },
    ...extra,
  ]
}

/** A seeded PRNG (mulberry32), so a failing run can be repeated from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
