// Hostile and broken clients: garbage frames, corrupted Yjs updates, an oversized message, a
// flood, unsupported message types and floods before authentication. Each closes (or slows)
// only its own connection; the server keeps serving, and a good client still syncs within 2 s.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { beforeHandleMessagePayload } from '@hocuspocus/server'
import { Gates, Refusal, authHooks } from '../../src/server/hooks'
import { CouncilRegistry } from '../../src/server/registry'
import { openStorage } from '../../src/server/storage'
import type { SyncServerEvent } from '../../src/server/log'
import {
  authenticatedRawClient,
  connect,
  FrameWriter,
  frames,
  newCouncil,
  onCleanup,
  prng,
  rawClient,
  runCleanups,
  sameState,
  sleep,
  startServer,
  storedDoc,
  tempDir,
  waitFor,
} from './server-fixtures'

afterEach(runCleanups)

const MAX = 64 * 1024
const SEED = 20250301

/** Random bytes that do not decode as a Yjs update (what the server's scratch-doc check refuses). */
function corruptUpdates(count: number, seed: number): Uint8Array[] {
  const rand = prng(seed)
  const out: Uint8Array[] = []
  while (out.length < count) {
    const bytes = Uint8Array.from({ length: 1 + Math.floor(rand() * 60) }, () => Math.floor(rand() * 256))
    try {
      Y.applyUpdate(new Y.Doc(), bytes)
    } catch {
      out.push(bytes)
    }
  }
  return out
}

async function seeded() {
  const server = await startServer({ maxMessageBytes: MAX })
  const council = await newCouncil(server)
  const writer = connect(server.url, council.docName, await council.code('rw'))
  writer.doc.getMap('members').set('m1', '张三')
  await waitFor(() => writer.provider.isSynced && !writer.provider.hasUnsyncedChanges, 'writer synced')
  return { server, council, writer }
}

describe('sync server: hostile clients', () => {
  it(`1,000 garbage frames, 1,000 corrupted updates, a flood and an oversized message do not stop the server; a good client syncs within 2 s (seed ${SEED})`, async () => {
    const { server, council, writer } = await seeded()
    const before = Y.encodeStateVector(writer.doc)

    // 1. Random bytes.
    const garbage = await rawClient(server.url)
    const rand = prng(SEED)
    for (let i = 0; i < 1000; i++) garbage.send(Uint8Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)))

    // 2. An authenticated client sending updates that do not decode.
    const corrupt = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    for (const u of corruptUpdates(1000, SEED)) corrupt.send(frames.update(council.docName, u))

    // 3. One message over the limit.
    const big = await rawClient(server.url)
    big.send(new Uint8Array(MAX + 1))

    // 4. An authenticated client flooding well-formed sync requests, 5x the allowed rate.
    const flood = await authenticatedRawClient(server.url, council.docName, await council.code('ro'))
    const floodStarted = Date.now()
    for (let i = 0; i < 1000; i++) flood.send(frames.syncStep1(council.docName, new Y.Doc()))

    // Meanwhile two good clients join and exchange an edit.
    const started = Date.now()
    const a = connect(server.url, council.docName, await council.code('rw'))
    const b = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'good clients synced', 2_000)
    a.doc.getMap('members').set('m2', '李四')
    await waitFor(() => b.doc.getMap('members').get('m2') === '李四' && sameState(a.doc, b.doc), 'good clients converged', 2_000)
    const elapsed = Date.now() - started
    expect(elapsed).toBeLessThan(2_000)
    expect(a.doc.getMap('members').get('m1')).toBe('张三')

    expect(await garbage.closed).toMatchObject({ code: 1007 })
    expect(await corrupt.closed).toMatchObject({ code: 1007, reason: 'malformed-message' })
    expect(await big.closed).toMatchObject({ code: 1009 })
    expect(server.count('malformed-message')).toBeGreaterThanOrEqual(2)
    expect(server.count('message-too-large')).toBe(1)

    // The flood is slowed, not dropped: after 1 s fewer than half were answered, later all.
    const answered = () => flood.received.filter((r) => r.type === 0 && r.sub === 1).length
    await sleep(Math.max(0, floodStarted + 1_000 - Date.now()))
    expect(answered()).toBeLessThan(500)
    await waitFor(() => answered() === 1000, 'every flooded request answered', 10_000)
    expect(server.count('throttled')).toBeGreaterThanOrEqual(1)
    expect(flood.ws.readyState).toBe(flood.ws.OPEN)

    // No corrupted update reached the document.
    expect(Y.encodeStateVector(writer.doc).length).toBeGreaterThanOrEqual(before.length)
    expect([...writer.doc.getMap('members').keys()].sort()).toEqual(['m1', 'm2'])
    expect((await fetch(`${server.httpUrl}/health`)).status).toBe(200)
    await server.close()
    expect([...storedDoc(server.dataDir, council.docName)!.getMap('members').keys()].sort()).toEqual(['m1', 'm2'])
  }, 30_000)

  it('a corrupted update closes only the connection that sent it; other documents on other sockets keep syncing', async () => {
    const { server, council, writer } = await seeded()
    const reader = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => reader.provider.isSynced, 'reader synced')
    const corrupt = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    // A valid update with its tail cut off: decodes part-way, then fails.
    const source = new Y.Doc()
    source.getText('t').insert(0, '一段很长的会议纪要'.repeat(20))
    const valid = Y.encodeStateAsUpdate(source)
    corrupt.send(frames.update(council.docName, valid.subarray(0, valid.length - 7)))
    expect(await corrupt.closed).toMatchObject({ code: 1007 })
    expect(server.events).toContainEqual(expect.objectContaining({ type: 'malformed-message', documentName: council.docName }))
    writer.doc.getMap('members').set('m2', '李四')
    await waitFor(() => reader.doc.getMap('members').get('m2') === '李四', 'others keep syncing')
    expect(reader.doc.getText('t').toString()).toBe('')
  })

  it('message types a provider never sends, and trailing bytes, close the connection', async () => {
    const { server, council } = await seeded()
    const cases = [
      new FrameWriter().string(council.docName).uint(6).string('broadcast to everyone').done(), // BroadcastStateless
      new FrameWriter().string(council.docName).uint(8).uint(1).done(), // SyncStatus
      new FrameWriter().string(council.docName).uint(99).done(),
    ]
    for (const frame of cases) {
      const c = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
      c.send(frame)
      expect(await c.closed).toMatchObject({ code: 1007 })
    }
    const trailing = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    const step1 = frames.syncStep1(council.docName, new Y.Doc())
    trailing.send(Uint8Array.from([...step1, 0, 0]))
    expect(await trailing.closed).toMatchObject({ code: 1007 })
  })

  it('what an unauthenticated client may send is bounded: it is closed, not queued for ever', async () => {
    const { server, council } = await seeded()
    // Without ever authenticating: large sync frames pile up in Hocuspocus's queue, so the gate stops them.
    const c = await rawClient(server.url)
    const chunk = new Y.Doc()
    chunk.getText('t').insert(0, 'x'.repeat(50_000))
    for (let i = 0; i < 8; i++) c.send(frames.update(council.docName, Y.encodeStateAsUpdate(chunk)))
    expect(await c.closed).toMatchObject({ code: 1008, reason: 'too-much-before-authentication' })

    // After a refused authentication nothing more is queued for that document: frames are dropped.
    const refused = await rawClient(server.url)
    refused.send(frames.auth(council.docName, 'wrong'))
    await waitFor(() => refused.received.some((r) => r.type === 2 && r.sub === 1), 'refused')
    for (let i = 0; i < 8; i++) refused.send(frames.update(council.docName, Y.encodeStateAsUpdate(chunk)))
    await sleep(200)
    expect(refused.ws.readyState).toBe(refused.ws.OPEN)
    expect(refused.received.filter((r) => r.type !== 2)).toEqual([])
    // Authenticating the same name again on this socket: the server asks for a new connection.
    refused.send(frames.auth(council.docName, await council.code('rw')))
    expect(await refused.closed).toMatchObject({ code: 4409 })
  })
})

describe('beforeHandleMessage', () => {
  it('refuses (and logs) a frame that did not come through a gate and does not decode; passes a good one', async () => {
    const storage = await openStorage('sqlite', tempDir())
    onCleanup(() => storage.close())
    const events: SyncServerEvent[] = []
    const hooks = authHooks(new CouncilRegistry(storage.registry), new Gates(), (e) => events.push(e), MAX)
    const name = 'council/0b7e2f8c-1111-4d2a-9c3e-5a6b7c8d9e0f'
    const payload = (update: Uint8Array, readOnly = false) => ({ update, documentName: name, connection: { request: {}, readOnly } }) as unknown as beforeHandleMessagePayload
    const good = new Y.Doc()
    good.getMap('m').set('k', 1)
    await expect(hooks.beforeHandleMessage(payload(frames.update(name, Y.encodeStateAsUpdate(good))))).resolves.toBeUndefined()
    for (const bad of corruptUpdates(20, SEED + 1)) {
      await expect(hooks.beforeHandleMessage(payload(frames.update(name, bad)))).rejects.toBeInstanceOf(Refusal)
    }
    await expect(hooks.beforeHandleMessage(payload(new Uint8Array(MAX + 1)))).rejects.toMatchObject({ code: 1009 })
    expect(events.filter((e) => e.type === 'malformed-message')).toHaveLength(20)
    await hooks.beforeHandleMessage(payload(frames.update(name, Y.encodeStateAsUpdate(good)), true))
    expect(events.at(-1)).toEqual({ type: 'write-refused', documentName: name })
  })
})
