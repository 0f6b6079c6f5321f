// A document's whole state kept compressed at rest (issue 20, stored bytes): the same bytes on a
// laptop (IndexedDB, renderer/sync/persistence.ts) and on a council server (its storages). A Yjs
// update is mostly repeated ids, keys and text, and deflates to about a sixth of its size.
//
// Layout: MAGIC (8 bytes), the inflated size (uint32, little-endian), then raw deflate (fflate).
// The magic starts with the varuint 2^32 - 1, which a Yjs v1 update would read as its number of
// clients: a real update would need gigabytes for that, so a packed entry is never mistaken for
// a raw update nor a raw update for a packed one, and old raw rows stay readable as they are.
import { deflateSync, inflateSync } from 'fflate'

const MAGIC = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x59, 0x44, 0x01])
const HEADER = MAGIC.length + 4

/**
 * The largest state a packed entry may claim (inflated). A 10-year council's documents are each
 * a few MB at most; a stored entry claiming more is damaged or hostile, and is refused before
 * any memory is taken for it.
 */
export const MAX_PACKED_STATE = 64 * 1024 * 1024

export type PackedUpdateProblem = 'header' | 'tooLarge' | 'inflate' | 'size'

/** A packed entry that cannot be read: `problem` says why (the caller reports it as damaged). */
export class PackedUpdateError extends Error {
  constructor(readonly problem: PackedUpdateProblem) {
    super(`packed update: ${problem}`)
    this.name = 'PackedUpdateError'
  }
}

/** Whether `bytes` is a packed entry (its magic), rather than a raw Yjs update. */
export function isPacked(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false
  return true
}

/** Packs a document's state (Y.encodeStateAsUpdate) for storing. */
export function packUpdate(update: Uint8Array): Uint8Array {
  if (update.length > MAX_PACKED_STATE) throw new PackedUpdateError('tooLarge')
  const body = deflateSync(update, { level: 6 })
  const out = new Uint8Array(HEADER + body.length)
  out.set(MAGIC, 0)
  new DataView(out.buffer).setUint32(MAGIC.length, update.length, true)
  out.set(body, HEADER)
  return out
}

/**
 * The update a packed entry holds. Bounded: the output buffer is the declared size plus one byte
 * and never grows (fflate writes past it into nothing), so a hostile stream costs at most that
 * memory and one pass over its input; a stream that ends short of, or runs past, its declared
 * size is refused.
 */
export function unpackUpdate(packed: Uint8Array, max = MAX_PACKED_STATE): Uint8Array {
  if (!isPacked(packed) || packed.length < HEADER) throw new PackedUpdateError('header')
  const size = new DataView(packed.buffer, packed.byteOffset, packed.byteLength).getUint32(MAGIC.length, true)
  if (size > max) throw new PackedUpdateError('tooLarge')
  const out = new Uint8Array(size + 1)
  let got: Uint8Array
  try {
    got = inflateSync(packed.subarray(HEADER), { out })
  } catch {
    throw new PackedUpdateError('inflate')
  }
  if (got.length !== size) throw new PackedUpdateError('size')
  return got
}

/** What to store for a state: packed, or (past MAX_PACKED_STATE, which no real document reaches) raw, still readable. */
export const packedOrRaw = (update: Uint8Array): Uint8Array => (update.length > MAX_PACKED_STATE ? update : packUpdate(update))

/** The update stored bytes hold, packed or raw (a row written before packing). */
export const storedUpdate = (bytes: Uint8Array, max = MAX_PACKED_STATE): Uint8Array => (isPacked(bytes) ? unpackUpdate(bytes, max) : bytes)
