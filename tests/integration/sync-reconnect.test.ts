// Coming back after a drop (issue 23): a device (SyncManager, Dexie and y-indexeddb on
// fake-indexeddb) syncs a council with a real server on port 0 through a TCP proxy that plays the
// network. When the network goes under an open socket and comes back, the device resyncs within a
// second of the 'online' event; when the server cannot be reached, it retries on the bounded
// schedule and says when the next attempt is; "retry now" starts it at once; a handshake that
// never answers is given up and retried.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { readMembers } from '../../src/shared/doc/council'
import { readMeeting, updateMeeting } from '../../src/shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId } from '../../src/shared/sync/joinCode'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { createMeeting } from '../../src/renderer/features/meetings/actions'
import { saveNewMember } from '../../src/renderer/features/members/actions'
import { connectCouncil } from '../../src/renderer/features/sync/actions'
import { getSyncSettings } from '../../src/renderer/data/syncSettings'
import type { ReconnectOptions } from '../../src/renderer/sync/reconnect'
import type { SyncStatus } from '../../src/renderer/sync/status'
import { councilInput, meetingFields, memberFields, newDevice } from './env'
import { startProxy, type NetProxy } from './net-proxy'
import { connect, runCleanups, startServer, waitFor, type TestServer } from './server-fixtures'

afterEach(runCleanups)

// Closing a socket that is still connecting makes Node's `ws` emit an error after Hocuspocus has
// removed its listeners (a browser's WebSocket does not): that one is expected here.
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

/** A device whose council syncs through `proxy`; `network` stands for its window's online/offline events. */
async function deviceBehind(server: TestServer, proxy: NetProxy, reconnect: Partial<ReconnectOptions> = {}) {
  const network = new EventTarget()
  const env = newDevice().start({ sync: { socket: { WebSocketPolyfill: QuietWebSocket }, network, reconnect } })
  await env.sync.start()
  const councilId = await createCouncil(env, councilInput())
  const council = await env.docs.acquire(councilDocName(councilId))
  const meetingId = await createMeeting(env, council, councilId, meetingFields({ title: '四月议事会' }))
  const meeting = await env.docs.acquire(meetingDocName(councilId, meetingId as never))
  await connectCouncil(env, council, councilId, proxy.url)
  await waitFor(() => env.sync.status(councilId).state === 'synced', 'the device synced')
  // Another laptop, straight to the server: what it sees is what the server has.
  const secret = (await getSyncSettings(env.db, councilId))!.secret!
  const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  const other = connect(server.url, councilDocName(councilId), code)
  const otherMeeting = connect(server.url, meetingDocName(councilId, meetingId as never), code, { socket: other.socket })
  await waitFor(() => readMeeting(otherMeeting.doc)?.title === '四月议事会', 'the other laptop has the meeting')
  const states: SyncStatus[] = []
  env.sync.subscribe(() => {
    const s = env.sync.status(councilId)
    if (states.at(-1) !== s) states.push(s)
  })
  return { env, network, councilId, council, meeting, other, otherMeeting, states }
}

describe('reconnecting after a drop', () => {
  it('the network goes under an open socket and comes back: both sides have both edits within a second', async () => {
    const server = await startServer()
    const proxy = await startProxy(server.port)
    const d = await deviceBehind(server, proxy)

    // Wi-Fi drops: the open socket carries nothing any more and nothing closes it.
    proxy.freeze()
    d.network.dispatchEvent(new Event('offline'))
    expect(d.env.sync.status(d.councilId).state).toBe('offline')
    await saveNewMember(d.env, d.council, memberFields({ name: '断网时登记的成员' }))
    updateMeeting(d.otherMeeting.doc, meetingFields({ title: '四月议事会（改期）' }))

    const back = Date.now()
    d.network.dispatchEvent(new Event('online'))
    await waitFor(() => readMeeting(d.meeting.doc)?.title === '四月议事会（改期）', "the other laptop's edit reached the device")
    await waitFor(() => readMembers(d.other.doc).some((m) => m.name === '断网时登记的成员'), "the device's edit reached the server")
    const ms = Date.now() - back
    await waitFor(() => d.env.sync.status(d.councilId).state === 'synced', 'the device says synced')
    expect(ms).toBeLessThan(1_000)
  })

  it('an unreachable server is retried on the bounded schedule, and the status says when', async () => {
    const server = await startServer()
    const proxy = await startProxy(server.port)
    const backoff = { firstMs: 100, factor: 2, maxMs: 400, jitter: 0 }
    const d = await deviceBehind(server, proxy, { backoff })

    proxy.mode = 'refuse'
    proxy.dropAll()
    await waitFor(() => d.env.sync.status(d.councilId).state === 'error', 'the device reports the server unreachable')
    const s = d.env.sync.status(d.councilId)
    expect(s.reason).toBe('serverUnreachable')
    expect(s.retryAt).not.toBeNull()
    // Five attempts fail: 100, 200, 400, 400 ms apart (then 400 for ever).
    await waitFor(() => d.states.filter((x) => x.retryAt !== null).length >= 5, 'five retries scheduled', 5_000)
    const waits = d.states.filter((x) => x.retryAt !== null)
    expect(waits.every((x) => x.state === 'error' && x.reason === 'serverUnreachable')).toBe(true)
    const gaps = waits.slice(1, 5).map((x, i) => x.retryAt! - waits[i]!.retryAt!)
    for (const [i, gap] of gaps.entries()) {
      const step = [200, 400, 400, 400][i]!
      // Each gap is the next delay plus the moment the refused attempt took.
      expect(gap).toBeGreaterThanOrEqual(step)
      expect(gap).toBeLessThan(step + 150)
    }

    proxy.mode = 'pass'
    const back = Date.now()
    await waitFor(() => d.env.sync.status(d.councilId).state === 'synced', 'synced once the server is reachable')
    expect(Date.now() - back).toBeLessThan(400 + 300)
    expect(d.env.sync.status(d.councilId).retryAt).toBeNull()
  })

  it('"retry now" does not wait for the scheduled attempt', async () => {
    const server = await startServer()
    const proxy = await startProxy(server.port)
    const d = await deviceBehind(server, proxy, { backoff: { firstMs: 30_000, factor: 1, maxMs: 30_000, jitter: 0 } })
    proxy.mode = 'refuse'
    proxy.dropAll()
    await waitFor(() => d.env.sync.status(d.councilId).retryAt !== null, 'an attempt is scheduled')
    expect(d.env.sync.status(d.councilId).retryAt! - Date.now()).toBeGreaterThan(25_000)
    proxy.mode = 'pass'
    d.env.sync.retryNow(d.councilId)
    const ms = await waitFor(() => d.env.sync.status(d.councilId).state === 'synced', 'synced after retry now', 2_000)
    expect(ms).toBeLessThan(1_000)
  })

  it('an idle connection closed for its silence is opened again at once, without reporting an error', async () => {
    const server = await startServer()
    const proxy = await startProxy(server.port)
    const network = new EventTarget()
    // Hocuspocus closes a connection that received nothing for `messageReconnectTimeout` (30 s in the app).
    const env = newDevice().start({
      sync: { socket: { WebSocketPolyfill: QuietWebSocket, messageReconnectTimeout: 600 }, network, reconnect: { stableMs: 300 } },
    })
    await env.sync.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await env.docs.acquire(councilDocName(councilId))
    await connectCouncil(env, council, councilId, proxy.url)
    await waitFor(() => env.sync.status(councilId).state === 'synced', 'the device synced')
    const seen = new Set<string>()
    env.sync.subscribe(() => void seen.add(env.sync.status(councilId).state))
    await new Promise((r) => setTimeout(r, 2_500))
    // It was closed and reopened (connecting), never reported unreachable.
    expect([...seen].sort()).toEqual(['connecting', 'synced'])
    await waitFor(() => env.sync.status(councilId).state === 'synced', 'synced again')
  })

  it('a handshake that never answers is given up after its deadline and retried', async () => {
    const server = await startServer()
    const proxy = await startProxy(server.port)
    const d = await deviceBehind(server, proxy, { backoff: { firstMs: 50, factor: 1, maxMs: 50, jitter: 0 }, connectTimeoutMs: 300 })
    proxy.mode = 'blackhole'
    proxy.dropAll()
    // Attempts hang, are dropped at 300 ms, and the next one is scheduled.
    await waitFor(() => d.env.sync.status(d.councilId).retryAt !== null, 'the first attempt failed')
    const scheduled = d.states.filter((x) => x.retryAt !== null).length
    await waitFor(() => d.states.filter((x) => x.retryAt !== null).length > scheduled, 'a hanging attempt was given up', 1_500)
    proxy.mode = 'pass'
    await waitFor(() => d.env.sync.status(d.councilId).state === 'synced', 'synced once the handshake answers', 2_000)
  })
})
