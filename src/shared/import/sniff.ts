// Tells what kind of file a register is from its first bytes and its name, before any parser runs.

/** What the bytes are, as far as the importer cares. */
export type FileKind =
  | 'xlsx' // a zip holding xl/workbook.xml
  | 'otherSpreadsheet' // .ods, .xlsb, Apple Numbers: a spreadsheet, but not one we read
  | 'encrypted' // a password-protected Office file (an OLE2 container with an EncryptedPackage)
  | 'legacyXls' // Excel 97–2003 (.xls, WPS .et), or the HTML/XML "xls" many office systems export
  | 'notSpreadsheet' // images, PDFs, Word files, other zips, binary garbage
  | 'text' // candidate CSV/TSV: decoding decides the rest

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const OTHER_BINARY: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
  [0x42, 0x4d], // BMP
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
]

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)

/** Whether `needle` (ASCII, or UTF-16LE when wide) occurs anywhere in the bytes. */
export function containsAscii(bytes: Uint8Array, needle: string, wide = false): boolean {
  const pattern: number[] = []
  for (const ch of needle) {
    pattern.push(ch.charCodeAt(0))
    if (wide) pattern.push(0)
  }
  const first = pattern[0]
  const last = bytes.length - pattern.length
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer
    return true
  }
  return false
}

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())
  return m ? (m[1] ?? '').toLowerCase() : ''
}

const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm'])
const LEGACY_EXTENSIONS = new Set(['xls', 'et', 'xlt'])

export function sniffFile(bytes: Uint8Array, fileName: string): FileKind {
  const ext = extensionOf(fileName)
  if (startsWith(bytes, ZIP)) {
    if (containsAscii(bytes, 'xl/workbook.xml')) return 'xlsx'
    if (
      containsAscii(bytes, 'xl/workbook.bin') ||
      containsAscii(bytes, 'opendocument.spreadsheet') ||
      containsAscii(bytes, 'Index/Document.iwa')
    ) {
      return 'otherSpreadsheet'
    }
    return 'notSpreadsheet'
  }
  if (startsWith(bytes, ZIP_EMPTY)) return 'notSpreadsheet'
  if (startsWith(bytes, OLE2)) {
    if (containsAscii(bytes, 'EncryptedPackage', true)) return 'encrypted'
    // BIFF8 keeps its sheets in a stream named "Workbook", BIFF5 in "Book" (names end in NUL).
    if (containsAscii(bytes, 'Book\u0000', true) || LEGACY_EXTENSIONS.has(ext)) return 'legacyXls'
    return 'notSpreadsheet'
  }
  if (OTHER_BINARY.some((magic) => startsWith(bytes, magic))) return 'notSpreadsheet'
  // An .xlsx that is not a zip is damaged or renamed: Excel would refuse it too.
  if (XLSX_EXTENSIONS.has(ext)) return 'notSpreadsheet'
  return 'text'
}

/** The HTML or SpreadsheetML 2003 that office systems save with an .xls name. */
export function looksLikeMarkup(text: string): boolean {
  return /^\s*</.test(text.slice(0, 4096))
}

export function isLegacyExtension(fileName: string): boolean {
  return LEGACY_EXTENSIONS.has(extensionOf(fileName))
}
