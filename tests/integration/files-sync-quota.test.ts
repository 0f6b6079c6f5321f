// A laptop's file sync against a real server (port 0) whose council has no room left for files:
// the refused file stays pending and the council is marked quota-full (the sync status shows it);
// further syncs do not send it again until the pause is over (no tight loop); a smaller file that
// fits is still sent then; once the server has room, the file goes and the mark is cleared.
import 'fake-indexeddb/auto'
import { afterEach, expect, it, vi } from 'vitest'
import type { CouncilSyncRow } from '../../src/renderer/data/db'
import { openDb } from '../../src/renderer/data/db'
import { pendingUploads, storeFile } from '../../src/renderer/data/blobs'
import { FileSync, QUOTA_PAUSE_MS } from '../../src/renderer/sync/fileSync'
import type { FileTransfer } from '../../src/renderer/sync/files'
import { computeStatus } from '../../src/renderer/sync/status'
import { newCouncil, onCleanup, runCleanups, startServer } from './server-fixtures'

afterEach(runCleanups)
afterEach(() => vi.restoreAllMocks())

const NOW = '2026-03-02T08:00:00.000Z'
const scan = (n: number, size: number) => new Uint8Array(size).map((_, i) => (i * 3 + n * 11) % 253)

it('a file the server has no room for waits, pending and shown, without being sent at every sync', async () => {
  const first = await startServer({ storage: 'files', fileLimits: { quotaBytes: 5_000 } })
  const c = await newCouncil(first)
  const db = openDb(`files-quota-${Math.random().toString(36).slice(2)}`)
  onCleanup(() => db.delete())
  const row: CouncilSyncRow = { councilId: c.councilId, serverUrl: first.url, code: await c.code('rw'), access: 'rw', lastSyncedAt: null, updatedAt: NOW }
  let clock = Date.parse(NOW)
  const changes: boolean[] = []
  const runs: FileTransfer[][] = []
  const files: FileSync = new FileSync({ db, now: () => NOW, settingsOf: () => row, refsOf: () => [], clock: () => clock, changed: (id) => changes.push(files.quotaFull(id)) })
  onCleanup(() => files.stop())
  files.onRun = (_id, results) => runs.push(results)
  const puts = vi.spyOn(globalThis, 'fetch')
  const putCount = () => puts.mock.calls.filter(([, init]) => init?.method === 'PUT').length
  const sync = async () => {
    files.kick(c.councilId)
    await files.idle(c.councilId)
    return runs.at(-1)!
  }

  const a = await storeFile(db, scan(1, 3_000), 'a.jpg', 'image/jpeg', c.councilId, NOW)
  const b = await storeFile(db, scan(2, 3_000), 'b.jpg', 'image/jpeg', c.councilId, '2026-03-02T08:00:01.000Z')
  expect(await sync()).toEqual([
    { hash: a.hash, result: 'sent' },
    { hash: b.hash, result: 'quotaFull' },
  ])
  expect(await pendingUploads(db, c.councilId)).toEqual([b.hash])
  expect(files.quotaFull(c.councilId)).toBe(true)
  expect(changes).toEqual([true])
  // What the sync status makes of it: the documents may be in step, the files are not.
  expect(computeStatus(row, [], true, undefined, files.quotaFull(c.councilId)).filesQuotaFull).toBe(true)

  // Every store of a document kicks the file sync: while the pause lasts, nothing is sent again.
  const sent = putCount()
  const small = await storeFile(db, scan(3, 1_000), 'c.jpg', 'image/jpeg', c.councilId, '2026-03-02T08:00:02.000Z')
  for (let i = 0; i < 5; i++) expect(await sync()).toEqual([])
  expect(putCount()).toBe(sent)
  expect(await pendingUploads(db, c.councilId)).toEqual([b.hash, small.hash])

  // After the pause: the large one is refused again, the smaller one that fits goes.
  clock += QUOTA_PAUSE_MS + 1
  expect(await sync()).toEqual([
    { hash: b.hash, result: 'quotaFull' },
    { hash: small.hash, result: 'sent' },
  ])
  expect(files.quotaFull(c.councilId)).toBe(true)

  // The server is given room (restarted with a larger quota): the file goes and the mark goes.
  await first.close()
  const roomier = await startServer({ storage: 'files', dataDir: first.dataDir, fileLimits: { quotaBytes: 50_000 } })
  row.serverUrl = roomier.url
  clock += QUOTA_PAUSE_MS + 1
  expect(await sync()).toEqual([{ hash: b.hash, result: 'sent' }])
  expect(await pendingUploads(db, c.councilId)).toEqual([])
  expect(files.quotaFull(c.councilId)).toBe(false)
  expect(changes).toEqual([true, false])
}, 30_000)
