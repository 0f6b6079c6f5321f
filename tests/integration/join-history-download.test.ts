// Joining a council with a history through the compressed download (src/server/history.ts,
// src/renderer/sync/historyPrefetch.ts): the meetings come over HTTP, gzipped, a batch at a time,
// and go into each document before its provider attaches, so the list rows and the device's store
// get them as from a WebSocket sync, and the WebSocket then carries little. When the download is
// not there (an older server) or fails (the network), the meetings still all arrive, over the
// WebSocket as before. Real server (port 0, SQLite), the app's device (Dexie, fake-indexeddb).
import 'fake-indexeddb/auto'
import { afterEach, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { readAgenda, readMeeting, updateMeeting } from '../../src/shared/doc/meeting'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { joinCouncil } from '../../src/renderer/features/sync/actions'
import { fetchState } from '../../src/renderer/kit/meetingList'
import { downloadHistory, type Fetch } from '../../src/renderer/sync/historyDownload'
import { meetingFields, newDevice } from './env'
import { historyCouncil, storeInDataDir } from './history-fixtures'
import { Reader } from '../../src/server/frames'
import { fastSocket, onCleanup, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

const MEETINGS = 40

/** The server holding the council; a new device whose WebSocket and HTTP bytes are counted. */
async function seeded(fetchFn: Fetch) {
  const dataDir = tempDir()
  const { councilId, newestFirst, docs } = historyCouncil(MEETINGS)
  await storeInDataDir(dataDir, docs)
  const server = await startServer({ dataDir })
  const secret = newCouncilSecret()
  expect((await server.registry.register({ councilId, secret })).ok).toBe(true)
  const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  const counted = { ws: 0, byDoc: new Map<string, number>() }
  class CountingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.on('message', (data: ArrayBuffer | Buffer) => {
        counted.ws += data.byteLength
        // Each Hocuspocus frame starts with its document's name (the provider reads ArrayBuffers).
        const doc = new Reader(data instanceof ArrayBuffer ? new Uint8Array(data) : data).varString()
        counted.byDoc.set(doc, (counted.byDoc.get(doc) ?? 0) + data.byteLength)
      })
      this.on('error', () => {})
    }
  }
  const device = newDevice()
  const env = device.start({ sync: { socket: { WebSocketPolyfill: CountingWebSocket, ...fastSocket }, fetch: fetchFn } })
  onCleanup(() => env.shutdown())
  await env.sync.start()
  for (const id of newestFirst) device.track(meetingDocName(councilId, id))
  device.track(councilDocName(councilId))
  const meetingBytes = newestFirst.reduce((n, id) => n + (docs.get(meetingDocName(councilId, id))?.byteLength ?? 0), 0)
  return { server, councilId, newestFirst, env, code, counted, meetingBytes, device }
}

/** Every meeting listed, nothing pending or failed, each document readable from the device's store. */
async function everyMeetingArrives(s: Awaited<ReturnType<typeof seeded>>) {
  const listed = new Set<string>()
  s.env.db.meetings.hook('creating', (key) => void listed.add(String(key)))
  await joinCouncil(s.env, s.server.url, s.code)
  await waitFor(() => listed.size === MEETINGS, 'every meeting listed', 30_000)
  await waitFor(() => fetchState(s.env, s.councilId).pending === 0, 'no fetch pending')
  const rows = await s.env.db.meetings.where('councilId').equals(s.councilId).toArray()
  expect(new Set(rows.map((r) => r.id))).toEqual(new Set(s.newestFirst))
  expect(rows.every((r) => r.itemCount === 1)).toBe(true)
  expect(fetchState(s.env, s.councilId)).toEqual({ pending: 0, failed: 0 })
  expect(s.env.projectionErrors).toEqual([])
}

it('the history arrives compressed over HTTP in a few requests, newest first, and is stored as a sync stores it', async () => {
  const asked: string[][] = []
  let httpBytes = 0
  const countingFetch: Fetch = async (input, init) => {
    asked.push((JSON.parse(String(init?.body)) as { docs: { name: string }[] }).docs.map((d) => d.name))
    const res = await fetch(input, init)
    const body = new Uint8Array(await res.arrayBuffer())
    httpBytes += body.byteLength
    return new Response(body, { status: res.status, headers: res.headers })
  }
  const s = await seeded(countingFetch)
  await everyMeetingArrives(s)
  // Every meeting asked for once, newest first, a few requests in all.
  expect(asked.flat()).toEqual(s.newestFirst.map((id) => meetingDocName(s.councilId, id)))
  expect(asked.length).toBeLessThanOrEqual(5)
  // The device received far less than the meetings' documents: compressed, and not again over the WebSocket.
  expect(httpBytes).toBeLessThan(s.meetingBytes / 4)
  expect(s.counted.ws).toBeLessThan(s.meetingBytes / 4)

  // The documents are in the device's store: the app started again with the server gone reads them.
  const offline = await s.device.restart(s.env)
  onCleanup(() => offline.shutdown())
  const oldest = await offline.docs.acquire(meetingDocName(s.councilId, s.newestFirst.at(-1)!))
  expect(readMeeting(oldest.doc)).not.toBeNull()
  expect(readAgenda(oldest.doc)).toHaveLength(1)
})

it('a later WebSocket sync of a downloaded meeting transfers only the difference', async () => {
  const s = await seeded(fetch)
  await everyMeetingArrives(s)
  const name = meetingDocName(s.councilId, s.newestFirst[10]!)
  const before = s.counted.byDoc.get(name) ?? 0
  const handle = await s.env.docs.acquire(name)
  expect((await s.env.sync.waitForSync(name, 10_000)).ok).toBe(true)
  // A meeting is about 10 kB. The handshake of a document both sides already have is four frames
  // that each carry its long name (auth, stateless, sync steps 1 and 2: 440 bytes), and the sync
  // status answering the device's step 2 (92 bytes) when it arrives before the count is read.
  // Counted for this document only: the device's other documents may still be talking.
  expect(s.meetingBytes / MEETINGS).toBeGreaterThan(8000)
  expect((s.counted.byDoc.get(name) ?? 0) - before).toBeLessThan(800)
  expect(readAgenda(handle.doc)).toHaveLength(1)
  await s.env.docs.release(name)
})

it('an older server without the download, or a network that fails it: every meeting still arrives over the WebSocket', async () => {
  const olderServer: Fetch = async (input, init) => (String(input).includes('/history/') ? Response.json({ error: 'not-found' }, { status: 404 }) : fetch(input, init))
  const brokenNetwork: Fetch = async (input, init) => {
    if (String(input).includes('/history/')) throw new TypeError('fetch failed')
    return fetch(input, init)
  }
  for (const fetchFn of [olderServer, brokenNetwork]) {
    const s = await seeded(fetchFn)
    await everyMeetingArrives(s)
    // Over the WebSocket, uncompressed: at least the meetings' own bytes.
    expect(s.counted.ws).toBeGreaterThan(s.meetingBytes)
  }
})

it('a device that holds part of a meeting asks with its state vector and gets only what it lacks', async () => {
  const { councilId, newestFirst, docs } = historyCouncil(2)
  const name = meetingDocName(councilId, newestFirst[0]!)
  // What this device holds: the meeting as it was; the server's copy has moved on since.
  const held = new Y.Doc()
  Y.applyUpdate(held, docs.get(name)!)
  const later = new Y.Doc()
  Y.applyUpdate(later, docs.get(name)!)
  updateMeeting(later, meetingFields({ title: '改期后的议事会' }))
  docs.set(name, Y.encodeStateAsUpdate(later))
  const dataDir = tempDir()
  await storeInDataDir(dataDir, docs)
  const server = await startServer({ dataDir })
  const secret = newCouncilSecret()
  expect((await server.registry.register({ councilId, secret })).ok).toBe(true)
  const to = { serverUrl: server.url, councilId, code: await createJoinCode(secret, { councilId, access: 'ro', codeId: newCodeId() }) }

  const whole = (await downloadHistory(to, [name]))?.get(name)
  expect(whole?.byteLength).toBe(docs.get(name)!.byteLength)
  const diff = (await downloadHistory(to, [name], new Map([[name, Y.encodeStateVector(held)]])))?.get(name)
  expect(diff!.byteLength).toBeLessThan(whole!.byteLength / 4)
  Y.applyUpdate(held, diff!)
  expect(readMeeting(held)?.title).toBe('改期后的议事会')
})
