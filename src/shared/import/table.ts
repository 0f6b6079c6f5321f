// readTable: any file a secretary may pick (XLSX, CSV, TSV) -> rows of trimmed cell texts, or an error value; never throws.
import { isLegacyExtension, looksLikeMarkup, sniffFile } from './sniff'
import { decodeRegisterText, isBlankRow, splitDelimited, type TextEncodingLabel } from './text'
import { readWorkbook } from './xlsx'
import { checkXlsxZip, MAX_CELL_CHARS, MAX_CELLS } from './zipCheck'

export const MAX_FILE_BYTES = 20 * 1024 * 1024
/** Rows as the spreadsheet numbers them (blank ones and the header included). */
export const MAX_TABLE_ROWS = 50_000

export type ImportFileError =
  | 'empty' // 0 bytes, or no cell with text in it
  | 'notSpreadsheet' // an image, a PDF, a Word file, a damaged zip, binary data
  | 'legacyXls' // Excel 97–2003 .xls (or an office system's HTML "xls"): save it as .xlsx
  | 'otherSpreadsheet' // .ods, .xlsb, Numbers: save it as .xlsx
  | 'encrypted' // password-protected: remove the password and save again
  | 'tooLarge' // over MAX_FILE_BYTES
  | 'unreadable' // anything else that went wrong while reading
  // Issue 16: what the file is, said plainly, and which limit it passed.
  | 'damaged' // an .xlsx whose zip entries do not match their CRC-32 or sizes (a bad copy)
  | 'unpackedTooLarge' // an .xlsx that unpacks to more than MAX_UNPACKED_BYTES
  | 'tooManyRows' // over MAX_TABLE_ROWS
  | 'tooManyCells' // over MAX_CELLS
  | 'cellTooLong' // one cell over MAX_CELL_CHARS characters
  | 'encoding' // text whose encoding cannot be told (mixed, or UTF-16 without its mark)

export const IMPORT_FILE_ERRORS: readonly ImportFileError[] = [
  'empty',
  'notSpreadsheet',
  'legacyXls',
  'otherSpreadsheet',
  'encrypted',
  'tooLarge',
  'unreadable',
  'damaged',
  'unpackedTooLarge',
  'tooManyRows',
  'tooManyCells',
  'cellTooLong',
  'encoding',
]

/** Where reading a file is: checking the zip (with bytes unpacked of the total), loading the workbook. */
export type ReadProgress = (step: { stage: 'check'; done: number; total: number } | { stage: 'load' }) => void

export type TableResult =
  | {
      ok: true
      /** rows[i] is row i + 1 of the sheet or file; blank rows are kept as rows of '' (or []). */
      rows: string[][]
      /** Text files: the encoding they were read in. */
      encoding?: TextEncodingLabel
      /** Workbooks: the sheet read. */
      sheetName?: string
      /** Workbooks: every visible sheet that holds data, in tab order, to offer a choice. */
      sheetNames?: string[]
    }
  | { ok: false; error: ImportFileError }

export interface ReadTableOptions {
  /** Read a text file in this encoding instead of guessing (e.g. 'big5' for a Taiwan/HK file). */
  encoding?: TextEncodingLabel
  /** Read this sheet of a workbook instead of the first one with data. */
  sheetName?: string
}

export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}, progress?: ReadProgress): Promise<TableResult> {
  try {
    if (bytes.length === 0) return { ok: false, error: 'empty' }
    if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: 'tooLarge' }
    const kind = sniffFile(bytes, fileName)
    if (kind === 'xlsx') return await readXlsx(bytes, options, progress)
    if (kind !== 'text') return { ok: false, error: kind }
    return readText(bytes, fileName, options)
  } catch {
    return { ok: false, error: 'unreadable' }
  }
}

async function readXlsx(bytes: Uint8Array, options: ReadTableOptions, progress?: ReadProgress): Promise<TableResult> {
  // Whole and within bounds before exceljs, which checks neither (zipCheck.ts).
  const checked = await checkXlsxZip(bytes, MAX_TABLE_ROWS, (done, total) => progress?.({ stage: 'check', done, total }))
  if (!checked.ok) return { ok: false, error: checked.error }
  progress?.({ stage: 'load' })
  let book: Awaited<ReturnType<typeof readWorkbook>>
  try {
    book = await readWorkbook(bytes, MAX_TABLE_ROWS)
  } catch (e) {
    return { ok: false, error: isZipError(e) ? 'notSpreadsheet' : 'unreadable' }
  }
  if (book.tooLarge) return { ok: false, error: 'tooManyRows' }
  // Excel always saves at least one sheet: none at all means the workbook part was damaged.
  if (book.sheets.length === 0) return { ok: false, error: 'unreadable' }
  const withData = book.sheets.filter((s) => s.filledRows > 0)
  const sheet = (options.sheetName !== undefined && withData.find((s) => s.name === options.sheetName)) || withData[0]
  if (!sheet) return { ok: false, error: 'empty' }
  return { ok: true, rows: sheet.rows, sheetName: sheet.name, sheetNames: withData.map((s) => s.name) }
}

/** JSZip's complaints about a damaged or truncated archive. */
function isZipError(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e)
  return /zip|central directory|corrupt|end of data|signature|inflate|compress|size mismatch|unexpected end/i.test(message)
}

function readText(bytes: Uint8Array, fileName: string, options: ReadTableOptions): TableResult {
  const decoded = decodeRegisterText(bytes, options.encoding)
  if (!decoded.ok) return { ok: false, error: decoded.error }
  if (looksLikeMarkup(decoded.text)) {
    // Many office systems "export to Excel" as an HTML table or SpreadsheetML named .xls;
    // Excel opens it and can save it as a real .xlsx.
    const office = /urn:schemas-microsoft-com:office/i.test(decoded.text.slice(0, 65536))
    return { ok: false, error: office || isLegacyExtension(fileName) ? 'legacyXls' : 'notSpreadsheet' }
  }
  const rows = splitDelimited(decoded.text)
  if (rows.length > MAX_TABLE_ROWS) return { ok: false, error: 'tooManyRows' }
  let cells = 0
  for (const row of rows) {
    cells += row.length
    if (row.some((cell) => cell.length > MAX_CELL_CHARS)) return { ok: false, error: 'cellTooLong' }
  }
  if (cells > MAX_CELLS) return { ok: false, error: 'tooManyCells' }
  if (rows.every(isBlankRow)) return { ok: false, error: 'empty' }
  return { ok: true, rows, encoding: decoded.encoding }
}
