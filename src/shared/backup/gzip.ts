// Gzip and a bounded gunzip through the standard CompressionStream / DecompressionStream (Chromium,
// Electron and Node ≥ 18 all have them), typed here because src/shared compiles with neither DOM
// nor Node types. No dependency: the backup file (packed.ts) is the only user.

interface Chunks {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> }
}
interface Transform {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } }
  readonly readable: Chunks
}
interface StreamGlobals {
  CompressionStream: new (format: 'gzip') => Transform
  DecompressionStream: new (format: 'gzip') => Transform
}
const g = globalThis as unknown as StreamGlobals

/** A gzip member starts with these two bytes (RFC 1952); a JSON text never does. */
export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b

/** The parts, one after another, as one gzip member. */
export async function gzip(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const out = await run(new g.CompressionStream('gzip'), parts, Number.POSITIVE_INFINITY)
  if (!out.ok) throw new Error(`gzip: ${out.error}`)
  return out.bytes
}

/**
 * The bytes a gzip member holds: 'tooLarge' as soon as they pass `max` (a small file can inflate
 * to gigabytes), 'damaged' for anything the decompressor refuses: a cut file, a changed byte
 * (deflate's structure or gzip's CRC-32 and length catch it), trailing junk.
 */
export async function gunzip(bytes: Uint8Array, max: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: 'damaged' | 'tooLarge' }> {
  return run(new g.DecompressionStream('gzip'), [bytes], max)
}

async function run(stream: Transform, parts: readonly Uint8Array[], max: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: 'damaged' | 'tooLarge' }> {
  const writer = stream.writable.getWriter()
  // Fed while the output is read: the stream holds back writes until its output is taken.
  const feeding = (async () => {
    for (const p of parts) await writer.write(p)
    await writer.close()
  })()
  // Its failure is the reader's failure too, and is reported there.
  feeding.catch(() => {})
  const reader = stream.readable.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!value) continue
      total += value.byteLength
      if (total > max) {
        await reader.cancel().catch(() => {})
        return { ok: false, error: 'tooLarge' }
      }
      chunks.push(value)
    }
    await feeding
  } catch {
    return { ok: false, error: 'damaged' }
  }
  return { ok: true, bytes: concat(chunks, total) }
}

export function concat(chunks: readonly Uint8Array[], total = chunks.reduce((n, c) => n + c.byteLength, 0)): Uint8Array {
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}
