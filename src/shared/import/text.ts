// Decodes a text register (UTF-8 with or without BOM, GBK/GB18030, UTF-16) and splits it as CSV/TSV.
import Papa from 'papaparse/papaparse.min.js'
import { decodeText } from '../runtime'

/** WHATWG labels the importer reports and accepts; big5 only when the user picks it. */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5'] as const
export type TextEncodingLabel = (typeof TEXT_ENCODINGS)[number]

/** encoding: text, but in no one encoding that can be told (mixed, or UTF-16 without its mark). */
export type DecodeResult = { ok: true; text: string; encoding: TextEncodingLabel } | { ok: false; error: 'notSpreadsheet' | 'encoding' }

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
    // NUL never appears in 8-bit text; it is the surest sign of a binary file, unless the NULs
    // fall every other byte: UTF-16 text saved without its byte order mark.
    if (!forced?.startsWith('utf-16') && bytes.includes(0)) return { ok: false, error: looksLikeUtf16(bytes) ? 'encoding' : 'notSpreadsheet' }
    if (forced) {
      encoding = forced
      text = decodeText(bytes, forced)
    } else {
      try {
        text = decodeText(bytes, 'utf-8', true)
        encoding = 'utf-8'
      } catch {
        // Not UTF-8 as a whole, yet much of it is: lines saved by two programs in two encodings.
        if (isMixedUtf8(bytes)) return { ok: false, error: 'encoding' }
        encoding = 'gb18030'
        text = decodeText(bytes, encoding)
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (looksBinary(text)) return { ok: false, error: mostlyUndecodable(text) ? 'encoding' : 'notSpreadsheet' }
  return { ok: true, text, encoding }
}

/** In the first 4 KB, NULs at most even (or most odd) positions and almost none at the others. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return false
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const half = n / 2
  return (odd > half * 0.3 && even < half * 0.05) || (even > half * 0.3 && odd < half * 0.05)
}

/**
 * Whether well-formed three-byte UTF-8 sequences (how UTF-8 writes Chinese) make up a fifth or
 * more of the non-ASCII characters of a file that is not UTF-8 as a whole. GBK text forms one by
 * chance for about 1% of its characters; a file with UTF-8 and GBK lines, for half of them.
 */
function isMixedUtf8(bytes: Uint8Array): boolean {
  let utf8 = 0
  let other = 0
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    if (b >= 0xe0 && b <= 0xef && ((bytes[i + 1] ?? 0) & 0xc0) === 0x80 && ((bytes[i + 2] ?? 0) & 0xc0) === 0x80) {
      utf8++
      i += 3
    } else {
      other++
      // A two-byte GBK character: skipping both keeps the count per character.
      i += b >= 0x81 ? 2 : 1
    }
  }
  return utf8 >= 3 && utf8 >= (utf8 + other) * 0.2
}

/** Most of what made the text look binary is U+FFFD, bytes the encoding could not read. */
function mostlyUndecodable(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text
  let replaced = 0
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0xfffd) replaced++
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++
  }
  return replaced > control * 4
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
