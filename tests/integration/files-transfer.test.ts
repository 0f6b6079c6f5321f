// Attached files between two devices through the real council server (port 0): laptop A attaches a
// photo (Dexie on fake-indexeddb) and uploads it; laptop B, seeing the reference, fetches it; a file
// the server lacks stays missing; a read-only device fetches but its uploads are refused and stay pending.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { pendingUploads, readBlob, storeFile } from '../../src/renderer/data/blobs'
import { openDb, type YishiDb } from '../../src/renderer/data/db'
import { fetchMissing, uploadPending } from '../../src/renderer/sync/files'
import type { FileRef } from '../../src/shared/files/fileRef'
import { newCouncil, onCleanup, runCleanups, startServer } from './server-fixtures'

afterEach(runCleanups)

function device(): YishiDb {
  const db = openDb(`files-transfer-${Math.random().toString(36).slice(2)}`)
  onCleanup(async () => {
    db.close()
    await db.delete()
  })
  return db
}
const NOW = '2026-03-02T08:00:00.000Z'

describe('attached files between devices', () => {
  it('A uploads once, B fetches by reference; a file nowhere stays missing; a read-only device cannot upload', async () => {
    const server = await startServer({ storage: 'files' })
    const council = await newCouncil(server)
    const rw = { serverUrl: server.url, councilId: council.councilId, code: await council.code('rw') }
    const a = device()
    const photo = new TextEncoder().encode('路灯照片'.repeat(500))
    const ref = await storeFile(a, photo, '路灯.jpg', 'image/jpeg', council.councilId, NOW)
    expect(await uploadPending(a, rw)).toEqual([{ hash: ref.hash, result: 'sent' }])
    expect(await pendingUploads(a, council.councilId)).toEqual([])

    const b = device()
    const nowhere: FileRef = { hash: '9'.repeat(64), name: 'lost.jpg', type: 'image/jpeg', size: 3 }
    const fetched = await fetchMissing(b, { ...rw, code: await council.code('ro') }, [ref, nowhere], NOW)
    expect(fetched).toEqual([
      { hash: ref.hash, result: 'fetched' },
      { hash: nowhere.hash, result: 'notOnServer' },
    ])
    expect(await readBlob(b, ref.hash)).toEqual(photo)
    expect(await readBlob(b, nowhere.hash)).toBeNull()

    // B attaches the same photo again for the council: the server has it, nothing is sent.
    await storeFile(b, photo, '路灯.jpg', 'image/jpeg', council.councilId, NOW)
    const office = device()
    const scan = await storeFile(office, new TextEncoder().encode('scan'), 'scan.pdf', 'application/pdf', council.councilId, NOW)
    expect(await uploadPending(office, { ...rw, code: await council.code('ro') })).toEqual([{ hash: scan.hash, result: 'refused' }])
    expect(await pendingUploads(office, council.councilId)).toEqual([scan.hash])
  }, 30_000)
})
