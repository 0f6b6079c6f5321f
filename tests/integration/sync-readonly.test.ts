// A read-only device (joined with a read-only code) against a real server on port 0: a change on
// its copy (as an older version of the app could have made) is refused by the server, which the
// sync status counts and no longer calls "synced"; discarding drops the document's local state, and
// the next start has the council's own copy from the server again.
import 'fake-indexeddb/auto'
import { afterEach, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { readCouncil, updateCouncil } from '../../src/shared/doc/council'
import { councilDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId } from '../../src/shared/sync/joinCode'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { connectCouncil, joinCouncil } from '../../src/renderer/features/sync/actions'
import { getSyncSettings } from '../../src/renderer/data/syncSettings'
import { councilInput, newDevice } from './env'
import { runCleanups, startServer, waitFor } from './server-fixtures'

afterEach(runCleanups)

// See sync-manager.test.ts: Node's `ws` reports closing a connecting socket as an error.
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}
const syncOptions = { socket: { WebSocketPolyfill: QuietWebSocket } }

async function deleteDb(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
}

it('a change the server refuses is counted, not called synced, and can be discarded for the server copy', async () => {
  const server = await startServer()
  const owner = newDevice().start({ sync: syncOptions })
  await owner.sync.start()
  const councilId = await createCouncil(owner, councilInput())
  const council = await owner.docs.acquire(councilDocName(councilId))
  await connectCouncil(owner, council, councilId, server.url)
  const secret = (await getSyncSettings(owner.db, councilId))!.secret!
  const ro = await createJoinCode(secret, { councilId, access: 'ro', codeId: newCodeId() })
  // Devices of one test share one fake IndexedDB: the owner's copy goes, so the office's comes from the server.
  await owner.shutdown()
  await deleteDb(councilDocName(councilId))

  const officeDevice = newDevice()
  const office = officeDevice.start({ sync: syncOptions })
  await office.sync.start()
  await joinCouncil(office, server.url, ro)
  const handle = await office.docs.acquire(councilDocName(councilId))
  await waitFor(() => office.sync.status(councilId).state === 'synced', 'the office synced')
  expect(office.sync.status(councilId).refused).toBe(0)

  // Written past the read-only guard, as a stale screen of an older version did.
  updateCouncil(handle.doc, { ...councilInput(), name: '议事会从未用过的名字' })
  await waitFor(() => office.sync.status(councilId).refused === 1, 'the refusal is counted')
  expect(office.sync.status(councilId)).toMatchObject({ state: 'error', reason: 'refused' })

  expect(await office.sync.discardRefused(councilId)).toBe(1)
  await office.shutdown()

  // The next start (the app reloads): the council as the server has it, nothing refused.
  const again = officeDevice.start({ sync: syncOptions })
  await again.sync.start()
  const reopened = await again.docs.acquire(councilDocName(councilId))
  await waitFor(() => readCouncil(reopened.doc)?.name === councilInput().name, 'the server copy is back')
  await waitFor(() => again.sync.status(councilId).state === 'synced', 'synced again')
  expect(again.sync.status(councilId).refused).toBe(0)
})
