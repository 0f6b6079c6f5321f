// The device's blob store (renderer/data/blobs.ts) on Dexie over fake-indexeddb: a file attached is
// kept once by its SHA-256, refused when too large or of a type never attached; a reference whose
// bytes are not here reads as missing; uploads are tracked per council; fetched bytes are checked.
import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { BlobError, markUploaded, missingFiles, pendingUploads, readBlob, sha256Of, storeFetched, storeFile } from '../../src/renderer/data/blobs'
import { openDb, type YishiDb } from '../../src/renderer/data/db'
import { sha256HexSync } from '../../src/shared/domain/sha256'
import { MAX_FILE_BYTES, type FileRef } from '../../src/shared/files/fileRef'

let db: YishiDb | null = null
afterEach(async () => {
  if (db) {
    db.close()
    await db.delete()
    db = null
  }
})
const fresh = () => (db = openDb(`blobs-test-${Math.random().toString(36).slice(2)}`))
const NOW = '2026-03-02T08:00:00.000Z'
const bytes = new TextEncoder().encode('a scanned 两委会议记录')

describe('blob store', () => {
  it('keeps a file once by its SHA-256 and reads it back', async () => {
    const d = fresh()
    const ref = await storeFile(d, bytes, '两委会议记录.pdf', 'application/pdf', 'council-a', NOW)
    expect(ref).toEqual({ hash: createHash('sha256').update(bytes).digest('hex'), name: '两委会议记录.pdf', type: 'application/pdf', size: bytes.byteLength })
    const again = await storeFile(d, bytes, 'copy.pdf', 'application/pdf', 'council-a', NOW)
    expect(again.hash).toBe(ref.hash)
    expect(await d.blobs.count()).toBe(1)
    expect(await readBlob(d, ref.hash)).toEqual(bytes)
    // Web Crypto and the plain-TypeScript fallback agree.
    expect(sha256HexSync(bytes)).toBe(await sha256Of(bytes))
  })

  it('refuses a file too large or of a type never attached, naming the problem; nothing is stored', async () => {
    const d = fresh()
    await expect(storeFile(d, new Uint8Array(MAX_FILE_BYTES + 1), 'big.jpg', 'image/jpeg', null, NOW)).rejects.toMatchObject({ code: 'invalidFile', detail: { size: 'tooLarge' } })
    await expect(storeFile(d, bytes, 'page.html', 'text/html', null, NOW)).rejects.toBeInstanceOf(BlobError)
    expect(await d.blobs.count()).toBe(0)
  })

  it('a reference whose bytes are not on this device is missing, not an error', async () => {
    const d = fresh()
    const here = await storeFile(d, bytes, 'a.jpg', 'image/jpeg', null, NOW)
    const absent: FileRef = { hash: 'd'.repeat(64), name: 'b.jpg', type: 'image/jpeg', size: 10 }
    expect(await missingFiles(d, [here, absent])).toEqual([absent])
    expect(await readBlob(d, absent.hash)).toBeNull()
  })

  it('tracks what each council server still lacks; fetched bytes are kept only if they match their hash', async () => {
    const d = fresh()
    const a = await storeFile(d, bytes, 'a.jpg', 'image/jpeg', 'council-a', NOW)
    const b = await storeFile(d, new TextEncoder().encode('photo b'), 'b.jpg', 'image/jpeg', 'council-a', '2026-03-02T09:00:00.000Z')
    expect(await pendingUploads(d, 'council-a')).toEqual([a.hash, b.hash])
    await markUploaded(d, 'council-a', a.hash)
    expect(await pendingUploads(d, 'council-a')).toEqual([b.hash])
    // Attached again after the upload: the server has it, nothing more to send.
    await storeFile(d, bytes, 'a.jpg', 'image/jpeg', 'council-a', NOW)
    expect(await pendingUploads(d, 'council-a')).toEqual([b.hash])

    const remote = new TextEncoder().encode('from the server')
    const hash = createHash('sha256').update(remote).digest('hex')
    await expect(storeFetched(d, 'e'.repeat(64), remote, NOW)).rejects.toMatchObject({ code: 'hashMismatch' })
    await storeFetched(d, hash, remote, NOW)
    expect(await readBlob(d, hash)).toEqual(remote)
  })
})
