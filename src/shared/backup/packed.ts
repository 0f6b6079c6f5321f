// The backup file, version 2 (yishi.backup/2): the content of version 1, with its binary parts
// taken out of the JSON and the whole gzipped (issue 20: a council-year costs ≤ 1 MB to move).
//
//   gzip( header "\n" index "\n" blobs )
//   header: {"format":"yishi.backup/2","sha256":"<64 hex>"}      (canonical JSON, RFC 8785)
//   index:  the content's canonical JSON, each document's `update` and each file's `data`
//           replaced by `size`, its length in bytes
//   blobs:  the updates' bytes in the order of docs, then the files' bytes in the order of files
//   sha256: SHA-256 of everything after the header's newline (index, newline, blobs)
//
// Why not gzip version 1's JSON: base64 hides the updates' repeats from deflate, so it came out
// almost twice as large (8.75 MB against 4.62 MB for the bench's 10-year profile). The checksum
// is still a SHA-256 under a versioned header, checked before anything is parsed; gzip's CRC-32
// catches a damaged or cut file earlier still. Not a signature: see format.ts.
import { canonicalJson } from '../doc/canonical'
import { decodeText } from '../runtime'
import { sha256Hex, utf8 } from '../minutes/webCrypto'
import { fromBase64Url, toBase64Url } from '../sync/joinCode'
import { isObjectWithKeys } from './checks'
import { concat, gunzip, gzip } from './gzip'
import type { BackupContent } from './format'

export const BACKUP_FORMAT_V2 = 'yishi.backup/2'

/** Why a packed file is refused before its content is looked at. */
export type UnpackError = 'damaged' | 'tooLarge' | 'wrongFormat' | 'checksumMismatch' | 'malformed'

const NEWLINE = 0x0a
const HEADER_MAX = 128
const SHA256_HEX = /^[0-9a-f]{64}$/

/** The file's bytes; null when the packed content (index and blobs) would pass `max` bytes. */
export async function packBackup(content: BackupContent, max: number): Promise<Uint8Array | null> {
  const blobs: Uint8Array[] = []
  const take = (b64: string): number => {
    // The content was shape-checked by the caller: its base64url decodes.
    const bytes = fromBase64Url(b64) ?? new Uint8Array(0)
    blobs.push(bytes)
    return bytes.byteLength
  }
  const index: Record<string, unknown> = { ...content, docs: content.docs.map((d) => ({ name: d.name, size: take(d.update) })) }
  if (content.files) index.files = content.files.map((f) => ({ hash: f.hash, size: take(f.data) }))
  const head = utf8(canonicalJson(index))
  const size = head.byteLength + 1 + blobs.reduce((n, b) => n + b.byteLength, 0)
  if (size > max) return null
  const payload = concat([head, Uint8Array.of(NEWLINE), ...blobs], size)
  const header = canonicalJson({ format: BACKUP_FORMAT_V2, sha256: await sha256Hex(payload) })
  return gzip([utf8(`${header}\n`), payload])
}

/**
 * The content of a packed file, checked in this order: it inflates (to at most `max` bytes of
 * payload), the header names this format, the checksum matches, the index has the sizes of the
 * blobs that follow it. The content's own shape is the caller's to check (format.ts), as for
 * version 1. Never throws.
 */
export async function unpackBackup(file: Uint8Array, max: number): Promise<{ ok: true; content: unknown } | { ok: false; error: UnpackError }> {
  const inflated = await gunzip(file, max + HEADER_MAX)
  if (!inflated.ok) return inflated
  const bytes = inflated.bytes
  const cut = bytes.subarray(0, HEADER_MAX).indexOf(NEWLINE)
  if (cut < 0) return { ok: false, error: 'wrongFormat' }
  const header = parse(bytes.subarray(0, cut))
  if (!isObjectWithKeys(header, ['format', 'sha256'] as const) || header.format !== BACKUP_FORMAT_V2) return { ok: false, error: 'wrongFormat' }
  if (typeof header.sha256 !== 'string' || !SHA256_HEX.test(header.sha256)) return { ok: false, error: 'malformed' }
  const payload = bytes.subarray(cut + 1)
  if (payload.byteLength > max) return { ok: false, error: 'tooLarge' }
  if ((await sha256Hex(payload)) !== header.sha256) return { ok: false, error: 'checksumMismatch' }
  const end = payload.indexOf(NEWLINE)
  const index = end < 0 ? undefined : parse(payload.subarray(0, end))
  if (index === null || typeof index !== 'object' || Array.isArray(index)) return { ok: false, error: 'malformed' }
  const content = unsized(index as Record<string, unknown>, payload.subarray(end + 1))
  return content === null ? { ok: false, error: 'malformed' } : { ok: true, content }
}

/** The index with its sizes replaced by the blobs' base64url, or null when they do not add up. */
function unsized(index: Record<string, unknown>, blobs: Uint8Array): Record<string, unknown> | null {
  let at = 0
  const give = (size: unknown): string | null => {
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0 || at + size > blobs.byteLength) return null
    const b64 = toBase64Url(blobs.subarray(at, at + size))
    at += size
    return b64
  }
  const docs = sized(index.docs, 'name', 'update', give)
  const files = index.files === undefined ? undefined : sized(index.files, 'hash', 'data', give)
  if (docs === null || files === null || at !== blobs.byteLength) return null
  return files === undefined ? { ...index, docs } : { ...index, docs, files }
}

function sized(list: unknown, key: 'name' | 'hash', as: 'update' | 'data', give: (size: unknown) => string | null): Record<string, unknown>[] | null {
  if (!Array.isArray(list)) return null
  const out: Record<string, unknown>[] = []
  for (const item of list as unknown[]) {
    if (!isObjectWithKeys(item, [key, 'size'] as const)) return null
    const b64 = give(item.size)
    if (b64 === null) return null
    out.push({ [key]: item[key], [as]: b64 })
  }
  return out
}

/** JSON of UTF-8 bytes, or null (the caller says why). */
function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decodeText(bytes, 'utf-8', true)) as unknown
  } catch {
    return null
  }
}
