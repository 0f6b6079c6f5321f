// QR codes of a seal hash: a well-formed symbol (size, finder and timing patterns, format
// information for level M), an SVG without inline style whose label is escaped, and a PNG whose
// chunks, checksums and pixels are checked against the matrix.
import { DOMParser } from '@xmldom/xmldom'
import fc from 'fast-check'
import { crc32, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { qrMatrix, qrPng, qrSvg, type QrMatrix } from '../../src/shared/minutes/qr'

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** The 15 format bits, read from one of the two copies ISO/IEC 18004 places. */
function formatBits(m: QrMatrix, copy: 'first' | 'second'): number {
  let bits = 0
  for (let i = 0; i < 15; i++) {
    const dark =
      copy === 'first'
        ? i < 8
          ? m.dark(8, i < 6 ? i : i + 1)
          : m.dark(i === 8 ? 7 : 14 - i, 8)
        : i < 8
          ? m.dark(m.size - 1 - i, 8)
          : m.dark(8, m.size - 15 + i)
    if (dark) bits |= 1 << i
  }
  return bits
}

/** The BCH(15,5) code of a format's five data bits. */
function bch(data: number): number {
  let rem = data << 10
  for (let bit = 14; bit >= 10; bit--) if (rem & (1 << bit)) rem ^= 0x537 << (bit - 10)
  return (data << 10) | rem
}

function expectValidSymbol(m: QrMatrix) {
  expect(m.size).toBeGreaterThanOrEqual(21)
  expect(m.size).toBeLessThanOrEqual(177)
  expect((m.size - 21) % 4).toBe(0)
  const finder = (x0: number, y0: number) => {
    for (let y = -1; y <= 7; y++)
      for (let x = -1; x <= 7; x++) {
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3))
        const px = x0 + x
        const py = y0 + y
        if (px < 0 || py < 0 || px >= m.size || py >= m.size) continue
        expect(m.dark(px, py), `finder at ${x0},${y0}: ${x},${y}`).toBe(ring === 3 || ring <= 1)
      }
  }
  finder(0, 0)
  finder(m.size - 7, 0)
  finder(0, m.size - 7)
  for (let i = 8; i < m.size - 8; i++) {
    expect(m.dark(i, 6)).toBe(i % 2 === 0)
    expect(m.dark(6, i)).toBe(i % 2 === 0)
  }
  expect(m.dark(8, m.size - 8)).toBe(true)
  const format = formatBits(m, 'first')
  expect(formatBits(m, 'second')).toBe(format)
  const unmasked = format ^ 0x5412
  expect(bch(unmasked >> 10)).toBe(unmasked)
  expect(unmasked >> 13).toBe(0b00)
  expect([m.dark(-1, 0), m.dark(0, -1), m.dark(m.size, 0), m.dark(0, m.size), m.dark(0.5, 0)]).toEqual([false, false, false, false, false])
}

describe('qrMatrix', () => {
  it('encodes a 64-hex hash as a valid symbol at level M', () => {
    const m = qrMatrix(HASH)
    expectValidSymbol(m)
    expect(m.size).toBeLessThanOrEqual(37)
  })

  it('encodes any text as a valid symbol', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), (s) => expectValidSymbol(qrMatrix(s))), { numRuns: 50 })
  })
})

interface Chunk {
  type: string
  data: Uint8Array
  crc: number
}

function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out: Chunk[] = []
  for (let o = 8; o < png.length; ) {
    const length = view.getUint32(o)
    out.push({ type: new TextDecoder().decode(png.subarray(o + 4, o + 8)), data: png.subarray(o + 8, o + 8 + length), crc: view.getUint32(o + 8 + length) })
    o += 12 + length
  }
  return out
}

describe('qrPng', () => {
  it.each([1, 3, 8, 20])('writes a 1-bit grayscale PNG at scale %i whose dark pixels are the dark modules', (scale) => {
    const m = qrMatrix(HASH)
    const png = qrPng(HASH, scale)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const parts = chunks(png)
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
    for (const c of parts) expect(crc32(Buffer.concat([Buffer.from(c.type, 'latin1'), c.data])), c.type).toBe(c.crc)
    const ihdr = new DataView(parts[0]!.data.buffer, parts[0]!.data.byteOffset, 13)
    const side = m.size * scale
    expect([ihdr.getUint32(0), ihdr.getUint32(4), ...parts[0]!.data.subarray(8)]).toEqual([side, side, 1, 0, 0, 0, 0])
    const raw = inflateSync(parts[1]!.data)
    const stride = 1 + Math.ceil(side / 8)
    expect(raw.length).toBe(stride * side)
    for (let y = 0; y < side; y++) {
      expect(raw[y * stride]).toBe(0)
      for (let x = 0; x < side; x++) {
        const white = (raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1
        if ((white === 0) !== m.dark(Math.floor(x / scale), Math.floor(y / scale))) throw new Error(`pixel ${x},${y} differs at scale ${scale}`)
      }
    }
  })

  it('refuses a scale that is not a positive integer', () => {
    expect(() => qrPng(HASH, 0)).toThrow(RangeError)
    expect(() => qrPng(HASH, 1.5)).toThrow(RangeError)
  })
})

describe('qrSvg', () => {
  const parse = (svg: string) => {
    const problems: string[] = []
    const doc = new DOMParser({ onError: (level: string, msg: string) => void problems.push(`${level}: ${msg}`) }).parseFromString(svg, 'image/svg+xml')
    expect(problems).toEqual([])
    return doc.documentElement!
  }

  it('draws the dark modules with fill attributes only, inside the quiet zone', () => {
    const m = qrMatrix(HASH)
    const svg = qrSvg(HASH, { moduleSize: 3, margin: 4 })
    expect(svg).not.toMatch(/style/i)
    const root = parse(svg)
    const side = m.size + 8
    expect([root.getAttribute('viewBox'), root.getAttribute('width'), root.getAttribute('role'), root.getAttribute('aria-label')]).toEqual([`0 0 ${side} ${side}`, String(side * 3), 'img', HASH])
    expect(Array.from(root.getElementsByTagName('*')).map((e) => e.localName)).toEqual(['rect', 'path'])
    const drawn = new Set<string>()
    for (const [, x, y, n] of (root.getElementsByTagName('path')[0]!.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(n); i++) drawn.add(`${Number(x) - 4 + i},${Number(y) - 4}`)
    }
    const dark = new Set<string>()
    for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.dark(x, y)) dark.add(`${x},${y}`)
    expect(drawn).toEqual(dark)
  })

  it('escapes the label and any encoded text', () => {
    const label = `"><script>alert(1)</script><img src=x onerror='a'>&amp;\u0000`
    const svg = qrSvg('<svg onload=alert(1)>', { label })
    const root = parse(svg)
    expect(root.getAttribute('aria-label')).toBe(label.replace('\u0000', ''))
    expect(Array.from(root.getElementsByTagName('*')).map((e) => e.localName)).toEqual(['rect', 'path'])
    expect(Array.from(root.attributes).map((a) => a.name).sort()).toEqual(['aria-label', 'height', 'role', 'shape-rendering', 'viewBox', 'width', 'xmlns'])
    expect(svg).not.toMatch(/<(script|img)/i)
    expect(parse(qrSvg('<b>&')).getAttribute('aria-label')).toBe('<b>&')
  })
})
