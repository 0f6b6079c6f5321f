// The device's store of attached files (photos, scans, vouchers), by content hash: the bytes the
// documents' file references (shared/files/fileRef.ts) point to. Never synced through Yjs; uploaded
// to and fetched from the council server over HTTP (server/files.ts). A reference whose bytes are
// not here reads as null: the screen shows the file as missing, never an error.
import { sha256HexSync } from '../../shared/domain/sha256'
import { fileRefErrors, safeFileName, type FileRef, type FileType } from '../../shared/files/fileRef'
import type { BlobRow, YishiDb } from './db'

/** SHA-256 through Web Crypto where it exists (secure contexts), else in plain TypeScript (a LAN http:// address). */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return sha256HexSync(bytes)
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

export class BlobError extends Error {
  constructor(
    readonly code: 'invalidFile' | 'hashMismatch',
    readonly detail?: unknown,
  ) {
    super(`blob store: ${code}`)
    this.name = 'BlobError'
  }
}

/**
 * Keeps a file a person attached and returns its reference (what goes into the document). Refused
 * (BlobError invalidFile, naming the problem) when too large or of a type not attached anywhere.
 * `councilId`: the council whose server should get it; it stays pending until markUploaded.
 */
export async function storeFile(db: YishiDb, bytes: Uint8Array, name: string, type: string, councilId: string | null, now: string): Promise<FileRef> {
  const probe = { hash: '0'.repeat(64), name: safeFileName(name), type, size: bytes.byteLength }
  const errors = fileRefErrors(probe)
  if (Object.keys(errors).length) throw new BlobError('invalidFile', errors)
  const ref: FileRef = { ...probe, type: type as FileType, hash: await sha256Of(bytes) }
  await put(db, ref.hash, bytes, councilId, now)
  return ref
}

/** Keeps bytes fetched from the server, only if they are the file `hash` names. */
export async function storeFetched(db: YishiDb, hash: string, bytes: Uint8Array, now: string): Promise<void> {
  if ((await sha256Of(bytes)) !== hash) throw new BlobError('hashMismatch', { hash })
  await put(db, hash, bytes, null, now)
}

/**
 * Keeps bytes a backup brought back, only if they are the file `hash` names, pending for the
 * servers of the councils whose documents refer to it: the laptop that made the backup may never
 * have sent it. (An upload that finds the file already there just marks it sent.)
 */
export async function storeRestored(db: YishiDb, hash: string, bytes: Uint8Array, councilIds: readonly string[], now: string): Promise<void> {
  if ((await sha256Of(bytes)) !== hash) throw new BlobError('hashMismatch', { hash })
  if (!councilIds.length) await put(db, hash, bytes, null, now)
  for (const c of councilIds) await put(db, hash, bytes, c, now)
}

async function put(db: YishiDb, hash: string, bytes: Uint8Array, councilId: string | null, now: string): Promise<void> {
  await db.transaction('rw', db.blobs, async () => {
    const row = await db.blobs.get(hash)
    if (row) {
      // The same bytes again (the same photo attached twice): one copy; only the upload duty grows.
      if (councilId && !row.pendingFor.includes(councilId) && !row.uploadedTo.includes(councilId)) await db.blobs.update(hash, { pendingFor: [...row.pendingFor, councilId] })
      return
    }
    const fresh: BlobRow = { hash, bytes: bytes.slice(), size: bytes.byteLength, storedAt: now, pendingFor: councilId ? [councilId] : [], uploadedTo: [] }
    await db.blobs.add(fresh)
  })
}

/** The bytes of a file, or null when this device does not have them (show it as missing). */
export async function readBlob(db: YishiDb, hash: string): Promise<Uint8Array | null> {
  return (await db.blobs.get(hash))?.bytes ?? null
}

/** Which of these references have no bytes on this device: what to fetch, or show as missing. */
export async function missingFiles(db: YishiDb, refs: readonly FileRef[]): Promise<FileRef[]> {
  const hashes = [...new Set(refs.map((r) => r.hash))]
  const rows = await db.blobs.bulkGet(hashes)
  const present = new Set(rows.filter((r): r is BlobRow => r !== undefined).map((r) => r.hash))
  return refs.filter((r) => !present.has(r.hash))
}

/** Hashes still to upload to a council's server, oldest first. */
export async function pendingUploads(db: YishiDb, councilId: string): Promise<string[]> {
  const rows = await db.blobs.where('pendingFor').equals(councilId).toArray()
  return rows.sort((a, b) => (a.storedAt < b.storedAt ? -1 : a.storedAt > b.storedAt ? 1 : 0)).map((r) => r.hash)
}

/** The council's server has the file (it answered 201 or 200 to the upload, or HEAD found it). */
export async function markUploaded(db: YishiDb, councilId: string, hash: string): Promise<void> {
  await db.transaction('rw', db.blobs, async () => {
    const row = await db.blobs.get(hash)
    if (!row) return
    await db.blobs.update(hash, { pendingFor: row.pendingFor.filter((c) => c !== councilId), uploadedTo: row.uploadedTo.includes(councilId) ? row.uploadedTo : [...row.uploadedTo, councilId] })
  })
}
