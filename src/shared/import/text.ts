// Decodes a text register (UTF-8 with or without BOM, GBK/GB18030, UTF-16) and splits it as CSV/TSV.
import Papa from 'papaparse/papaparse.min.js'
import { decodeText } from '../runtime'

/** WHATWG labels the importer reports and accepts; big5 only when the user picks it. */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5'] as const
export type TextEncodingLabel = (typeof TEXT_ENCODINGS)[number]

export type DecodeResult = { ok: true; text: string; encoding: TextEncodingLabel } | { ok: false; error: 'notSpreadsheet' }

/**
 * Decodes the bytes: a BOM decides; otherwise strict UTF-8, and when that fails GB18030 (a
 * superset of GBK, what Excel on Chinese Windows saves as "CSV"). Binary data is refused.
 */
export function decodeRegisterText(bytes: Uint8Array, forced?: TextEncodingLabel): DecodeResult {
  let encoding: TextEncodingLabel
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe && forced === undefined) {
    encoding = 'utf-16le' // Excel's "Unicode text" export
    text = decodeText(bytes, encoding)
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff && forced === undefined) {
    encoding = 'utf-16be'
    text = decodeText(bytes, encoding)
  } else {
    // NUL never appears in 8-bit text; it is the surest sign of a binary file.
    if (!forced?.startsWith('utf-16') && bytes.includes(0)) return { ok: false, error: 'notSpreadsheet' }
    if (forced) {
      encoding = forced
      text = decodeText(bytes, forced)
    } else {
      try {
        text = decodeText(bytes, 'utf-8', true)
        encoding = 'utf-8'
      } catch {
        encoding = 'gb18030'
        text = decodeText(bytes, encoding)
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (looksBinary(text)) return { ok: false, error: 'notSpreadsheet' }
  return { ok: true, text, encoding }
}

/** Control characters and U+FFFD in more than 2% of the text: not a table a person wrote. */
function looksBinary(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++
  }
  return bad >= 3 && bad > sample.length * 0.02
}

/**
 * Splits CSV/TSV text into rows of trimmed cells. Blank lines are KEPT (as rows of empty cells)
 * rather than dropped with skipEmptyLines: 'greedy', so that row i of the result is row i + 1 in
 * Excel and the preview's row numbers match what the secretary sees when opening the file.
 * Excel's "sep=;" first line sets the delimiter and is not a row, as in Excel.
 */
export function splitDelimited(text: string): string[][] {
  let body = text
  let delimiter = ''
  const sep = /^sep=(.)\r?\n/i.exec(body)
  if (sep) {
    delimiter = sep[1] ?? ''
    body = body.slice(sep[0].length)
  }
  if (delimiter === '') {
    // Guess on the first lines with blank lines skipped: papaparse counts a blank line as a
    // one-field row, which makes short files fall back to ',' (papaparse#1042).
    const guess = Papa.parse(body, { delimiter: '', delimitersToGuess: [',', '\t', ';', '|'], skipEmptyLines: 'greedy', preview: 100 })
    delimiter = guess.meta.delimiter || ','
  }
  const result = Papa.parse(body, { delimiter, skipEmptyLines: false })
  const rows = result.data.map((row) => row.map((cell) => cell.trim()))
  // A final newline makes papaparse emit one more, empty, row.
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1] ?? [])) rows.pop()
  return rows
}

export const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '')
