// Attached files travel with the documents through the app's own SyncManager and a real server on
// port 0: a photo attached on laptop A reaches the server once A's matters document syncs, and
// appears on laptop B as soon as B opens that year; a file referred to before its laptop has sent it
// is fetched on the retry once it is there; a read-only device fetches but never uploads.
import 'fake-indexeddb/auto'
import { afterEach, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { addRequest, initMattersDoc } from '../../src/shared/doc/matters'
import { attachFile, readAllFileRefs } from '../../src/shared/doc/mattersFollowUp'
import { councilDocName, mattersDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId } from '../../src/shared/sync/joinCode'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { connectCouncil, joinCouncil } from '../../src/renderer/features/sync/actions'
import { getSyncSettings } from '../../src/renderer/data/syncSettings'
import { pendingUploads, readBlob, storeFile } from '../../src/renderer/data/blobs'
import { openDb } from '../../src/renderer/data/db'
import { uploadPending, type FileTransfer } from '../../src/renderer/sync/files'
import type { RequestFields } from '../../src/shared/matters/requests'
import { councilInput, newDevice } from './env'
import { connect, onCleanup, runCleanups, startServer, waitFor } from './server-fixtures'

afterEach(runCleanups)

// See sync-manager.test.ts: Node's `ws` reports closing a connecting socket as an error.
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}
const syncOptions = { socket: { WebSocketPolyfill: QuietWebSocket } }
const NOW = '2026-03-02T08:00:00.000Z'
const who = { now: NOW, by: 'secretary' }
const fields: RequestFields = { receivedOn: '2026-03-02', channel: 'visit', category: 'environment', requester: { kind: 'resident', name: '周阿姨' }, place: { text: '3栋' }, text: '路灯坏了' }

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

// Devices of one test share one fake IndexedDB (the documents' y-indexeddb databases), so A's copy
// goes before B starts: B's documents come from the server, and its files through the file sync.
function dropLocal(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
}

it('a photo attached on laptop A appears on laptop B; one referred to before it was sent arrives on the retry', async () => {
  const server = await startServer({ storage: 'files' })
  const a = newDevice().start({ sync: syncOptions })
  await a.sync.start()
  const councilId = await createCouncil(a, councilInput())
  await connectCouncil(a, await a.docs.acquire(councilDocName(councilId)), councilId, server.url)
  const secret = (await getSyncSettings(a.db, councilId))!.secret!
  const rw = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  const ro = await createJoinCode(secret, { councilId, access: 'ro', codeId: newCodeId() })

  const year = await a.docs.acquire(mattersDocName(councilId, 2026))
  initMattersDoc(year.doc, councilId, 2026)
  const requestId = addRequest(year.doc, fields, who)
  const photo = new TextEncoder().encode('路灯照片'.repeat(400))
  const ref = await storeFile(a.db, photo, '路灯.jpg', 'image/jpeg', councilId, NOW)
  attachFile(year.doc, { kind: 'request', id: requestId }, ref, who)
  // Nothing but the sync sends it: the document's store starts the upload.
  await until(async () => (await pendingUploads(a.db, councilId)).length === 0, 'A uploads the photo')
  await a.sync.pushPending(councilId)
  await a.shutdown()
  await dropLocal(mattersDocName(councilId, 2026))
  await dropLocal(councilDocName(councilId))

  const b = newDevice().start({ sync: syncOptions })
  await b.sync.start()
  await joinCouncil(b, server.url, rw)
  const yearOnB = await b.docs.acquire(mattersDocName(councilId, 2026))
  await until(async () => (await readBlob(b.db, ref.hash))?.length === photo.length, 'the photo reaches B')
  expect(await readBlob(b.db, ref.hash)).toEqual(photo)

  // A third laptop refers to a scan before sending it: B finds it not on the server, then retries.
  const c = connect(server.url, mattersDocName(councilId, 2026), rw)
  await waitFor(() => c.provider.isSynced, 'the third laptop synced')
  const cDb = openDb(`files-sync-c-${Math.random().toString(36).slice(2)}`)
  onCleanup(() => cDb.delete())
  const seen: FileTransfer[] = []
  b.sync.files.onRun = (_council, results) => seen.push(...results)
  const scan = await storeFile(cDb, new TextEncoder().encode('%PDF 居民会议记录'), '记录.pdf', 'application/pdf', councilId, NOW)
  attachFile(c.doc, { kind: 'request', id: requestId }, scan, who)
  await waitFor(() => readAllFileRefs(yearOnB.doc).length === 2, 'the reference reaches B')
  await waitFor(() => seen.some((r) => r.hash === scan.hash && r.result === 'notOnServer'), 'B looked for the scan')
  expect(await readBlob(b.db, scan.hash)).toBeNull()
  expect(await uploadPending(cDb, { serverUrl: server.url, councilId, code: rw })).toEqual([{ hash: scan.hash, result: 'sent' }])
  await until(async () => (await readBlob(b.db, scan.hash)) !== null, 'the scan reaches B on the retry')
  await b.shutdown()

  // The street office (read-only) fetches both, and what it stored itself stays pending, never sent.
  await dropLocal(mattersDocName(councilId, 2026))
  await dropLocal(councilDocName(councilId))
  const office = newDevice().start({ sync: syncOptions })
  await office.sync.start()
  await joinCouncil(office, server.url, ro)
  const own = await storeFile(office.db, new TextEncoder().encode('office note'), 'note.pdf', 'application/pdf', councilId, NOW)
  await office.docs.acquire(mattersDocName(councilId, 2026))
  await until(async () => (await readBlob(office.db, ref.hash)) !== null && (await readBlob(office.db, scan.hash)) !== null, 'the office has both files')
  expect(await pendingUploads(office.db, councilId)).toEqual([own.hash])
}, 60_000)
