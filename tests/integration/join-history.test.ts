// A new device joining a council with a history (issue 20): joinCouncil resolves once the council
// and its newest meetings are on the device and listed, while older meetings are still missing;
// the rest then arrive in the background, newest first, and the list's progress state follows
// them. The server is real (port 0, SQLite), seeded through its storage with documents written by
// the shared document code (history-fixtures.ts); the device is the app's (Dexie, y-indexeddb on fake-indexeddb, the
// SyncManager over one WebSocket).
import 'fake-indexeddb/auto'
import { afterEach, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import type { MeetingId } from '../../src/shared/domain/ids'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { JOIN_NEWEST_MEETINGS, joinCouncil } from '../../src/renderer/features/sync/actions'
import { fetchState, watchFetches } from '../../src/renderer/kit/meetingList'
import { newDevice } from './env'
import { historyCouncil, storeInDataDir, type HistoryOptions } from './history-fixtures'
import { fastSocket, onCleanup, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

const MEETINGS = 30

/** The server holding the council, and a new device that has its join code. */
async function seededServer(options: HistoryOptions = {}) {
  const dataDir = tempDir()
  const { councilId, newestFirst, docs } = historyCouncil(MEETINGS, options)
  await storeInDataDir(dataDir, docs)
  const server = await startServer({ dataDir })
  const secret = newCouncilSecret()
  expect((await server.registry.register({ councilId, secret })).ok).toBe(true)
  const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  const device = newDevice()
  const env = device.start({ sync: { socket: { WebSocketPolyfill: QuietWebSocket, ...fastSocket } } })
  onCleanup(() => env.shutdown())
  await env.sync.start()
  for (const id of newestFirst) device.track(meetingDocName(councilId, id))
  device.track(councilDocName(councilId))
  return { server, councilId, newestFirst, env, code }
}

it('joining resolves with the newest meetings listed while older ones are missing; the rest arrive in the background, newest first', async () => {
  const { server, councilId, newestFirst, env, code } = await seededServer()

  // The order rows are first written in, and what the list's progress line saw.
  const arrived: string[] = []
  env.db.meetings.hook('creating', (key) => void arrived.push(String(key)))
  const pendingSeen: number[] = []
  watchFetches(env, () => pendingSeen.push(fetchState(env, councilId).pending))

  await joinCouncil(env, server.url, code)
  const listedAtJoin = arrived.length
  // Fetched side by side, so in any order among themselves.
  expect(new Set(arrived.slice(0, JOIN_NEWEST_MEETINGS))).toEqual(new Set(newestFirst.slice(0, JOIN_NEWEST_MEETINGS)))
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

it('a meeting that does not arrive keeps no other off the list, and is counted as failed for the list to say', async () => {
  // The council lists a meeting of mid-2024 whose document never reached the server.
  const { server, councilId, newestFirst, env, code } = await seededServer({ leaveOut: [18] })
  const lost = newestFirst[MEETINGS - 1 - 18]!
  await joinCouncil(env, server.url, code)
  await waitFor(() => fetchState(env, councilId).failed === 1, 'the lost meeting counted', 20_000)
  await waitFor(() => fetchState(env, councilId).pending === 0, 'no fetch pending', 20_000)
  const listed = new Set((await env.db.meetings.where('councilId').equals(councilId).toArray()).map((r) => r.id))
  expect(listed).toEqual(new Set(newestFirst.filter((id) => id !== lost)))
  expect(fetchState(env, councilId)).toEqual({ pending: 0, failed: 1 })
})
