// Reads the sheets of an .xlsx workbook (via exceljs, loaded on first use) into rows of cell texts.

// The few exceljs shapes used here, typed locally so src/shared does not depend on exceljs's
// declarations (which name Node's Buffer and streams).
interface XlCell {
  readonly value: unknown
  readonly type: number
  readonly col: number
  readonly master: { readonly col: number; readonly address: string }
  readonly address: string
}
interface XlRow {
  eachCell(opt: { includeEmpty: boolean }, fn: (cell: XlCell, col: number) => void): void
}
interface XlSheet {
  readonly name: string
  readonly state?: string
  eachRow(opt: { includeEmpty: boolean }, fn: (row: XlRow, rowNumber: number) => void): void
}
interface XlWorkbook {
  readonly worksheets: XlSheet[]
  readonly xlsx: { load(data: Uint8Array): Promise<unknown> }
}
interface ExcelModule {
  Workbook: new () => XlWorkbook
}

const MERGE = 1 // exceljs ValueType.Merge

let excel: Promise<ExcelModule> | undefined
function loadExcel(): Promise<ExcelModule> {
  // exceljs is CommonJS: Node's ESM loader puts it on `default`, bundlers may not.
  excel ??= import('exceljs').then((mod) => {
    const m = mod as unknown as ExcelModule & { default?: ExcelModule }
    return m.default ?? m
  })
  return excel
}

/** Starts loading exceljs now (the import screen opening), so the first file does not wait for it. */
export function preloadExcel(): void {
  loadExcel().catch(() => {
    // Reported when a file is read.
    excel = undefined
  })
}

export interface Sheet {
  name: string
  rows: string[][]
  /** Rows holding at least one non-blank cell. */
  filledRows: number
}

/** Loads the workbook; throws what exceljs or the zip reader throws. */
export async function readWorkbook(bytes: Uint8Array, maxRows: number): Promise<{ sheets: Sheet[]; tooLarge: boolean }> {
  const Excel = await loadExcel()
  const workbook = new Excel.Workbook()
  await workbook.xlsx.load(bytes)
  const visible = workbook.worksheets.filter((s) => s.state === undefined || s.state === 'visible')
  const ordered = visible.length > 0 ? visible : workbook.worksheets
  const sheets: Sheet[] = []
  for (const ws of ordered) {
    const sheet = readSheet(ws, maxRows)
    if (sheet === 'tooLarge') return { sheets, tooLarge: true }
    sheets.push(sheet)
  }
  return { sheets, tooLarge: false }
}

function readSheet(ws: XlSheet, maxRows: number): Sheet | 'tooLarge' {
  const rows: string[][] = []
  let filled = 0
  let over = false
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (over) return
    const cells: string[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell)
    })
    for (let i = 0; i < cells.length; i++) cells[i] ??= ''
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
    if (cells.length === 0) return
    // Counted as Excel numbers rows, blank ones included, so CSV and XLSX agree on the limit.
    if (rowNumber > maxRows) {
      over = true
      return
    }
    filled++
    rows[rowNumber - 1] = cells
  })
  if (over) return 'tooLarge'
  // Keep the holes as empty rows: rows[i] is spreadsheet row i + 1.
  for (let i = 0; i < rows.length; i++) rows[i] ??= []
  return { name: ws.name, rows, filledRows: filled }
}

function cellText(cell: XlCell): string {
  // A merged range holds its value in the top-left cell. Repeat it down a column (a 楼栋 cell
  // merged over the households of that building), never across into other columns.
  if (cell.type === MERGE && cell.master.address !== cell.address && cell.master.col !== cell.col) return ''
  return valueText(cell.value).trim()
}

/** A cell value as the text a person reads in it. */
export function valueText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return plainNumber(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if (typeof value !== 'object' || depth > 3) return ''
  const v = value as Record<string, unknown>
  if (Array.isArray(v['richText'])) {
    return (v['richText'] as unknown[]).map((run) => valueText((run as { text?: unknown } | null)?.text, depth + 1)).join('')
  }
  if ('formula' in v || 'sharedFormula' in v) return valueText(v['result'], depth + 1)
  if ('hyperlink' in v || 'text' in v) return valueText(v['text'], depth + 1)
  if (typeof v['error'] === 'string') return v['error']
  return ''
}

/** exceljs reads date cells as UTC midnights; the calendar date is what the sheet shows. */
function dateText(d: Date): string {
  const t = d.getTime()
  if (Number.isNaN(t)) return ''
  // A time of day within a millisecond of midnight is float noise from the serial number.
  const day = new Date(Math.round(t / 1000) * 1000)
  const y = day.getUTCFullYear()
  const m = day.getUTCMonth() + 1
  const dd = day.getUTCDate()
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`
}

/**
 * A number as plain decimal text, as Excel shows it in a General cell: at most 15 significant
 * digits (so 62.349999999999994 reads 62.35) and never in exponent form (13812345678, not 1.38e10).
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return ''
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n === 0 ? 0 : n)
  const s = String(Number(n.toPrecision(15)))
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s)
  if (!m) return s
  const sign = m[1] ?? ''
  const digits = (m[2] ?? '') + (m[3] ?? '')
  const point = (m[2] ?? '').length + Number(m[4])
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '')
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}
