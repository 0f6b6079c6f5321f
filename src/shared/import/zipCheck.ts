// Checks an .xlsx (a zip) before exceljs sees it: every entry whole (its CRC-32 and sizes as the
// zip says), what it unpacks to within bounds, and its sheets within the row, cell and text
// limits, stopping at the first limit passed. exceljs opens the zip with JSZip without checking
// CRCs (a flipped bit imported "方华" as "斻华") and parses the whole workbook before anything is
// counted (0.55 MB unpacked to 1.5 GB), so both are done here, streaming, on the bytes themselves.
import { decodeText } from '../runtime'
import { crc32Update } from './crc32'

/** What the unpacked entries may add up to (the sum the zip declares, and what inflating yields). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024
/** Cells in all sheets together: 50,000 rows of 20 columns. */
export const MAX_CELLS = 1_000_000
/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767

export type ZipLimit = 'unpackedTooLarge' | 'tooManyRows' | 'tooManyCells' | 'cellTooLong'
export type ZipCheck = { ok: true } | { ok: false; error: 'damaged' | ZipLimit }

/** Unpacked bytes so far out of the declared total, for a progress bar. */
export type ZipProgress = (done: number, total: number) => void

interface Entry {
  name: string
  method: number
  flags: number
  crc: number
  compressed: number
  size: number
  offset: number
}

// DecompressionStream is in every runtime of Yishi (Chromium, Electron, Node 18+); typed here
// because src/shared compiles without DOM types.
interface ByteStream {
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } }
  writable: { getWriter(): { ready: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(): Promise<void> } }
}
const Decompression = (globalThis as unknown as { DecompressionStream: new (format: string) => ByteStream }).DecompressionStream

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0

class Damaged extends Error {}
class OverLimit extends Error {
  constructor(readonly limit: ZipLimit) {
    super(limit)
  }
}

/** The central directory's entries; throws Damaged when the zip's structure does not hold together. */
function readDirectory(bytes: Uint8Array): Entry[] {
  // The end record is in the last 22 + 65,535 bytes (its comment is at most 65,535 long).
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50 && i + 22 + u16(bytes, i + 20) === bytes.length) {
      end = i
      break
    }
  }
  if (end < 0) throw new Damaged()
  const count = u16(bytes, end + 10)
  const dirSize = u32(bytes, end + 12)
  const dirOffset = u32(bytes, end + 16)
  if (count !== u16(bytes, end + 8) || dirOffset + dirSize > end) throw new Damaged()
  const entries: Entry[] = []
  let p = dirOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || u32(bytes, p) !== 0x02014b50) throw new Damaged()
    const nameLength = u16(bytes, p + 28)
    const entry: Entry = {
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressed: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      offset: u32(bytes, p + 42),
      name: '',
    }
    try {
      entry.name = decodeText(bytes.subarray(p + 46, p + 46 + nameLength), 'utf-8', true)
    } catch {
      throw new Damaged()
    }
    entries.push(entry)
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32)
  }
  if (p !== dirOffset + dirSize) throw new Damaged()
  return entries
}

/** Where the entry's data starts, after its local header, which must agree with the directory. */
function dataStart(bytes: Uint8Array, e: Entry): number {
  const p = e.offset
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new Damaged()
  const nameLength = u16(bytes, p + 26)
  const start = p + 30 + nameLength + u16(bytes, p + 28)
  if (u16(bytes, p + 8) !== e.method || (u16(bytes, p + 6) & 0x08) !== (e.flags & 0x08)) throw new Damaged()
  // Without a data descriptor (flag 3) the local header repeats CRC and sizes; they must agree.
  if ((e.flags & 0x08) === 0 && (u32(bytes, p + 14) !== e.crc || u32(bytes, p + 18) !== e.compressed || u32(bytes, p + 22) !== e.size)) throw new Damaged()
  let name: string
  try {
    name = decodeText(bytes.subarray(p + 30, p + 30 + nameLength), 'utf-8', true)
  } catch {
    throw new Damaged()
  }
  if (name !== e.name) throw new Damaged()
  if (start + e.compressed > bytes.length) throw new Damaged()
  return start
}

/**
 * Counts rows, cells and the longest text in a sheet's or the shared strings' XML as it streams
 * by, in bytes: `<row`, `<c` followed by a space, `>` or `/`, and characters between `>` and `<`
 * (an entity such as &amp; counts as one, UTF-8 continuation bytes as none).
 */
class XmlCounter {
  rows = 0
  cells = 0
  private carry = new Uint8Array(0)
  private text = 0
  private inText = false
  private inEntity = false

  constructor(
    private readonly countRowsAndCells: boolean,
    private readonly limits: { rows: number; cells: () => number },
  ) {}

  push(chunk: Uint8Array): void {
    const buf = new Uint8Array(this.carry.length + chunk.length)
    buf.set(this.carry)
    buf.set(chunk, this.carry.length)
    const stop = Math.max(0, buf.length - 4)
    for (let i = 0; i < stop; i++) this.scan(buf, i)
    this.carry = buf.slice(stop)
  }

  finish(): void {
    for (let i = 0; i < this.carry.length; i++) this.scan(this.carry, i)
    this.carry = new Uint8Array(0)
  }

  private scan(b: Uint8Array, i: number): void {
    const c = b[i]!
    if (c === 0x3c) {
      this.inText = false
      if (!this.countRowsAndCells) return
      const after = (k: number) => {
        const x = b[i + k]
        return x === 0x20 || x === 0x3e || x === 0x2f || x === 0x09 || x === 0x0a || x === 0x0d
      }
      if (b[i + 1] === 0x63 && after(2)) {
        this.cells++
        if (this.limits.cells() > MAX_CELLS) throw new OverLimit('tooManyCells')
      } else if (b[i + 1] === 0x72 && b[i + 2] === 0x6f && b[i + 3] === 0x77 && after(4)) {
        this.rows++
        if (this.rows > this.limits.rows) throw new OverLimit('tooManyRows')
      }
      return
    }
    if (c === 0x3e) {
      this.inText = true
      this.inEntity = false
      this.text = 0
      return
    }
    if (!this.inText) return
    if (this.inEntity) {
      if (c === 0x3b) this.inEntity = false
      return
    }
    if (c === 0x26) this.inEntity = true
    if ((c & 0xc0) === 0x80) return
    if (++this.text > MAX_CELL_CHARS) throw new OverLimit('cellTooLong')
  }
}

// Slices fed to the inflater: deflate expands at most ~1032 times, so one slice yields at most a
// few MB before the counters run and can stop it.
const SLICE = 4096

async function inflateInto(data: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const stream = new Decompression('deflate-raw')
  const writer = stream.writable.getWriter()
  const reader = stream.readable.getReader()
  let stopped = false
  // Written while read: awaiting a write while nobody reads would wait forever on a full queue.
  const writing = (async () => {
    for (let i = 0; i < data.length && !stopped; i += SLICE) {
      await writer.ready
      await writer.write(data.subarray(i, i + SLICE))
    }
    if (!stopped) await writer.close()
  })().catch(() => {})
  try {
    for (;;) {
      let r: { done: boolean; value?: Uint8Array }
      try {
        r = await reader.read()
      } catch {
        throw new Damaged()
      }
      if (r.done) break
      if (r.value) onChunk(r.value)
    }
  } catch (e) {
    stopped = true
    await reader.cancel().catch(() => {})
    await writer.abort().catch(() => {})
    throw e
  }
  await writing
}

const isSheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/.test(name)
const isSharedStrings = (name: string): boolean => /^xl\/sharedStrings\.xml$/i.test(name)

/** Checks the whole zip; never throws. `maxRows`: rows one sheet may have (the importer's limit). */
export async function checkXlsxZip(bytes: Uint8Array, maxRows: number, onProgress?: ZipProgress): Promise<ZipCheck> {
  try {
    const entries = readDirectory(bytes)
    // Every local header agrees with the directory, and no size claims more than deflate can
    // make of the bytes there (at most 1032 to 1): a flipped bit in a size is damage, not a limit.
    const starts = entries.map((e) => dataStart(bytes, e))
    if (entries.some((e) => (e.method === 8 ? e.size > e.compressed * 1032 + 1024 : e.size !== e.compressed))) return { ok: false, error: 'damaged' }
    const declared = entries.reduce((sum, e) => sum + e.size, 0)
    // 0xFFFFFFFF is ZIP64's "look elsewhere": a size of 4 GB or more, far past the limit anyway.
    if (declared > MAX_UNPACKED_BYTES || entries.some((e) => e.size === 0xffffffff)) return { ok: false, error: 'unpackedTooLarge' }
    let unpacked = 0
    let cells = 0
    const counters: XmlCounter[] = []
    const allCells = () => cells + counters.reduce((s, c) => s + c.cells, 0)
    for (const [i, e] of entries.entries()) {
      const start = starts[i]!
      const data = bytes.subarray(start, start + e.compressed)
      const scanned = isSheet(e.name) || isSharedStrings(e.name)
      const counter = scanned ? new XmlCounter(isSheet(e.name), { rows: maxRows, cells: allCells }) : null
      if (counter) counters.push(counter)
      let crc = 0
      let size = 0
      const take = (chunk: Uint8Array) => {
        size += chunk.length
        unpacked += chunk.length
        // More than the entry said it holds: the zip lies about its size (or is damaged).
        if (size > e.size) throw unpacked > MAX_UNPACKED_BYTES ? new OverLimit('unpackedTooLarge') : new Damaged()
        crc = crc32Update(crc, chunk)
        counter?.push(chunk)
        onProgress?.(unpacked, declared)
      }
      if (e.method === 0) {
        for (let i = 0; i < data.length; i += 1 << 20) take(data.subarray(i, i + (1 << 20)))
      } else if (e.method === 8) {
        await inflateInto(data, take)
      } else {
        throw new Damaged()
      }
      counter?.finish()
      if (size !== e.size || crc !== e.crc) return { ok: false, error: 'damaged' }
    }
    cells = allCells()
    if (cells > MAX_CELLS) return { ok: false, error: 'tooManyCells' }
    return { ok: true }
  } catch (e) {
    if (e instanceof OverLimit) return { ok: false, error: e.limit }
    return { ok: false, error: 'damaged' }
  }
}
