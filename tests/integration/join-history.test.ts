// A new device joining a council with a history (issue 20): joinCouncil resolves once the council
// and its newest meetings are on the device and listed, while older meetings are still missing;
// the rest then arrive in the background, newest first, and the list's progress state follows
// them. The server is real (port 0, SQLite), seeded through its storage with documents written by
// the shared document code; the device is the app's (Dexie, y-indexeddb on fake-indexeddb, the
// SyncManager over one WebSocket).
import 'fake-indexeddb/auto'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { indexMeeting, initCouncilDoc } from '../../src/shared/doc/council'
import { addAgendaItem, initMeetingDoc } from '../../src/shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { asCouncilId, newMeetingId, type MeetingId } from '../../src/shared/domain/ids'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { JOIN_NEWEST_MEETINGS, joinCouncil } from '../../src/renderer/features/sync/actions'
import { fetchState, watchFetches } from '../../src/renderer/kit/meetingList'
import { councilInput, itemFields, meetingFields, newDevice } from './env'
import { fastSocket, onCleanup, openTestStorage, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

const MEETINGS = 30

/** A council of `MEETINGS` monthly meetings (each made a week before it is held), stored on the server's disk. */
async function seededServer() {
  const dataDir = tempDir()
  const councilId = asCouncilId(crypto.randomUUID())
  const council = new Y.Doc()
  initCouncilDoc(council, councilId, councilInput(), '2023-01-02T02:00:00.000Z')
  const docs = new Map<string, Uint8Array>()
  const oldestFirst: MeetingId[] = []
  for (let i = 0; i < MEETINGS; i++) {
    const id = newMeetingId()
    const month = new Date(Date.UTC(2023, i, 10))
    const doc = new Y.Doc()
    const startsAt = `${month.toISOString().slice(0, 10)}T19:30`
    initMeetingDoc(doc, { councilId, meetingId: id }, meetingFields({ title: `第${i + 1}次议事会`, startsAt }), new Date(month.getTime() - 7 * 86_400_000).toISOString())
    addAgendaItem(doc, itemFields({ description: '3栋加装电梯的方案，'.repeat(400) }))
    indexMeeting(council, id, new Date(month.getTime() - 7 * 86_400_000).toISOString())
    docs.set(meetingDocName(councilId, id), Y.encodeStateAsUpdate(doc))
    oldestFirst.push(id)
  }
  docs.set(councilDocName(councilId), Y.encodeStateAsUpdate(council))
  const storage = await openTestStorage('sqlite', dataDir)
  for (const [name, update] of docs) await storage.documents.store(name, update)
  await storage.close()
  const server = await startServer({ dataDir })
  return { server, councilId, newestFirst: oldestFirst.reverse() }
}

it('joining resolves with the newest meetings listed while older ones are missing; the rest arrive in the background, newest first', async () => {
  const { server, councilId, newestFirst } = await seededServer()
  const secret = newCouncilSecret()
  expect((await server.registry.register({ councilId, secret })).ok).toBe(true)
  const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  const device = newDevice()
  const env = device.start({ sync: { socket: { WebSocketPolyfill: QuietWebSocket, ...fastSocket } } })
  onCleanup(() => env.shutdown())
  await env.sync.start()
  for (const id of newestFirst) device.track(meetingDocName(councilId, id))
  device.track(councilDocName(councilId))

  // The order rows are first written in, and what the list's progress line saw.
  const arrived: string[] = []
  env.db.meetings.hook('creating', (key) => void arrived.push(String(key)))
  const pendingSeen: number[] = []
  watchFetches(env, () => pendingSeen.push(fetchState(env, councilId).pending))

  await joinCouncil(env, server.url, code)
  const listedAtJoin = arrived.length
  expect(arrived.slice(0, JOIN_NEWEST_MEETINGS)).toEqual(newestFirst.slice(0, JOIN_NEWEST_MEETINGS))
  expect(listedAtJoin).toBeLessThan(MEETINGS)
  expect(await env.db.meetings.where('councilId').equals(councilId).count()).toBeLessThan(MEETINGS)

  // The background goes on after joining returned: every row arrives, and nothing is left pending.
  await waitFor(() => arrived.length === MEETINGS, 'every meeting listed', 20_000)
  await waitFor(() => fetchState(env, councilId).pending === 0, 'no fetch pending')
  expect(new Set(arrived)).toEqual(new Set(newestFirst))
  expect(fetchState(env, councilId).failed).toBe(0)
  expect(Math.max(...pendingSeen)).toBeGreaterThan(JOIN_NEWEST_MEETINGS)
  // Newest first: six fetches run side by side, so a row may overtake a few of its neighbours, no more.
  arrived.forEach((id, i) => expect(Math.abs(newestFirst.indexOf(id as MeetingId) - i)).toBeLessThanOrEqual(8))
  expect(newestFirst.slice(-5).every((id) => arrived.indexOf(id) >= MEETINGS - 10)).toBe(true)
  const rows = await env.db.meetings.where('councilId').equals(councilId).toArray()
  expect(rows.every((r) => r.itemCount === 1)).toBe(true)
})
