// QR codes of a seal's hash for the printed minutes: the module matrix (from the qrcode package),
// an SVG for the print HTML, and a PNG for the DOCX, both written here from plain bytes so they
// run in the renderer, in main and in tests alike.

// qrcode's core is imported directly: its package entry pulls in the canvas and Node renderers
// (pngjs, fs), and @types/qrcode references Node's types, which src/shared must not see.
// @ts-expect-error -- the core module has no declaration; its one function used here is typed by QrCore below.
import qrcodeCore from 'qrcode/lib/core/qrcode.js'
import { crc32Update } from '../import/crc32'

interface QrCore {
  create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): {
    modules: { size: number; get(row: number, col: number): number }
  }
}

export interface QrMatrix {
  /** Modules per side: 21 + 4 × (version − 1). */
  size: number
  /** Whether the module in column x, row y is dark; false outside the symbol. */
  dark(x: number, y: number): boolean
}

/** The QR symbol of `text` (UTF-8, error correction level M). Throws on empty text or text too long for a QR code. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = (qrcodeCore as QrCore).create(text, { errorCorrectionLevel: 'M' })
  const { size } = modules
  return {
    size,
    dark: (x, y) => Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < size && y < size && modules.get(y, x) === 1,
  }
}

const escapeAttribute = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')

/**
 * The QR code of `text` as an SVG element: a white square and one path of the dark modules, with
 * fill attributes only (the app's CSP forbids inline style). `margin` is the quiet zone in modules
 * (4 by the standard); `label` is the accessible name, `text` unless given.
 */
/** The dark modules of `text`'s QR code as one SVG path (a rectangle per run), and the side with its quiet zone. */
export function qrPath(text: string, margin = 4): { side: number; d: string } {
  const m = qrMatrix(text)
  let d = ''
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; ) {
      if (!m.dark(x, y)) {
        x++
        continue
      }
      let run = 1
      while (m.dark(x + run, y)) run++
      d += `M${x + margin} ${y + margin}h${run}v1h-${run}z`
      x += run
    }
  }
  return { side: m.size + 2 * margin, d }
}

export function qrSvg(text: string, options: { moduleSize?: number; margin?: number; label?: string } = {}): string {
  const { moduleSize = 4, margin = 4, label = text } = options
  const { side, d } = qrPath(text, margin)
  const px = side * moduleSize
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${px}" height="${px}" shape-rendering="crispEdges" role="img" aria-label="${escapeAttribute(label)}">` +
    `<rect width="${side}" height="${side}" fill="#ffffff"/><path fill="#000000" d="${d}"/></svg>`
  )
}

/** PNG chunks carry the zip CRC-32. */
const crc32 = (bytes: Uint8Array): number => crc32Update(0, bytes)

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  // 5552 is the largest run for which b cannot overflow 2^32 before the modulo (zlib's NMAX).
  for (let i = 0; i < bytes.length; i += 5552) {
    const end = Math.min(i + 5552, bytes.length)
    for (let j = i; j < end; j++) {
      a += bytes[j]!
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}

/** A zlib stream of `raw` in stored (uncompressed) deflate blocks of at most 65,535 bytes. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535))
  const out = new Uint8Array(2 + blocks * 5 + raw.length + 4)
  const view = new DataView(out.buffer)
  out[0] = 0x78
  out[1] = 0x01
  let o = 2
  for (let i = 0; i < blocks; i++) {
    const chunk = raw.subarray(i * 65535, Math.min((i + 1) * 65535, raw.length))
    out[o] = i === blocks - 1 ? 1 : 0
    view.setUint16(o + 1, chunk.length, true)
    view.setUint16(o + 3, ~chunk.length & 0xffff, true)
    out.set(chunk, o + 5)
    o += 5 + chunk.length
  }
  view.setUint32(o, adler32(raw))
  return out
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * The QR code of `text` as a 1-bit grayscale PNG of (size × scale) pixels a side, without a quiet
 * zone: the page around it is the margin. Uncompressed, as QR images are small.
 */
export function qrPng(text: string, scale = 8): Uint8Array {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a positive integer, not ${scale}`)
  const m = qrMatrix(text)
  const width = m.size * scale
  const stride = 1 + Math.ceil(width / 8)
  const raw = new Uint8Array(stride * width)
  for (let y = 0; y < width; y++) {
    const row = y * stride
    for (let x = 0; x < width; x++) {
      if (!m.dark(Math.floor(x / scale), Math.floor(y / scale))) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7)
    }
  }
  const ihdr = new Uint8Array(13)
  const view = new DataView(ihdr.buffer)
  view.setUint32(0, width)
  view.setUint32(4, width)
  ihdr.set([1, 0, 0, 0, 0], 8)
  const parts = [new Uint8Array(PNG_SIGNATURE), chunk('IHDR', ihdr), chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array(0))]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
