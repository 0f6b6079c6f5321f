// Memory a client can make the server hold without a code (issue 15): auth frames naming many
// long documents, sockets parking data before authenticating, sockets that never authenticate,
// too many sockets from one address or in all, and awareness (dropped: the app does not use it,
// and relaying it grew the server by hundreds of MB).
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { authenticatedRawClient, connect, FrameWriter, frames, newCouncil, rawClient, runCleanups, sleep, startServer, waitFor } from './server-fixtures'

afterEach(runCleanups)

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)

/** An awareness frame carrying one client's state of `bytes` characters. */
const awareness = (name: string, bytes: number) =>
  new FrameWriter()
    .string(name)
    .uint(1)
    .data(new FrameWriter().uint(1).uint(12345).uint(1).string(JSON.stringify({ junk: 'x'.repeat(bytes) })).done())
    .done()

describe('sync server: memory bounds', () => {
  it('auth frames count against what a socket may park before authenticating; long names and big tokens close it', async () => {
    const server = await startServer()
    const council = await newCouncil(server)
    // Auth frames with 1.9 KB tokens for ever more documents (each refused, so what Hocuspocus
    // keeps for them stays counted): at most 1,024 documents per socket.
    const many = await rawClient(server.url)
    const token = 'x'.repeat(1_900)
    for (let i = 0; i < 1_100; i++) many.send(frames.auth(`${council.docName}/meeting/${i}`, token))
    expect(await many.closed).toMatchObject({ code: 1008, reason: 'too-many-documents' })

    // Unauthenticated sockets parking data: 40 × 6 MiB would be 240 MiB; the server-wide budget stops them at 64 MiB.
    const chunk = new Y.Doc()
    chunk.getText('t').insert(0, 'x'.repeat(1_500_000))
    const update = frames.update(council.docName, Y.encodeStateAsUpdate(chunk))
    const parked = await Promise.all(Array.from({ length: 40 }, () => rawClient(server.url)))
    for (const c of parked) for (let i = 0; i < 4; i++) c.send(update)
    await waitFor(() => server.events.filter((e) => e.type === 'connection-closed' && e.reason === 'server-busy-before-authentication').length > 0, 'budget reached')
    const refused = server.events.filter((e) => e.type === 'connection-closed' && e.reason === 'server-busy-before-authentication').length
    console.log(`40 sockets each sending 4 × ${mb(update.byteLength)} MiB before authenticating: ${refused} closed at the 64 MiB budget`)

    // A legitimate client still syncs promptly.
    const started = Date.now()
    const a = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => a.provider.isSynced, 'a legitimate client synced', 5_000)
    console.log(`a legitimate client synced in ${Date.now() - started} ms meanwhile`)

    const long = await rawClient(server.url)
    long.send(frames.auth(`${council.docName}/${'a'.repeat(300)}`, await council.code('rw')))
    expect(await long.closed).toMatchObject({ code: 1008, reason: 'document-name-too-long' })
    const bigToken = await rawClient(server.url)
    bigToken.send(frames.auth(council.docName, 'x'.repeat(4_000)))
    expect(await bigToken.closed).toMatchObject({ code: 1008, reason: 'auth-too-large' })
  }, 60_000)

  it('a socket that never authenticates is closed after the timeout; an authenticated one stays', async () => {
    const server = await startServer({ authTimeoutMs: 300 })
    const council = await newCouncil(server)
    const idle = await rawClient(server.url)
    const member = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    expect(await idle.closed).toMatchObject({ code: 1008, reason: 'authentication-timeout' })
    await sleep(400)
    expect(member.ws.readyState).toBe(member.ws.OPEN)
  })

  it('connections are limited per address and in total', async () => {
    const perAddress = await startServer({ maxConnectionsPerAddress: 3 })
    const three = await Promise.all([0, 1, 2].map(() => rawClient(perAddress.url)))
    const fourth = await rawClient(perAddress.url)
    expect(await fourth.closed).toMatchObject({ code: 1008, reason: 'too-many-connections-from-address' })
    // A closed socket frees its place.
    three[0]!.ws.close()
    await three[0]!.closed
    await sleep(50)
    const again = await rawClient(perAddress.url)
    await sleep(100)
    expect(again.ws.readyState).toBe(again.ws.OPEN)

    const total = await startServer({ maxConnections: 2 })
    await rawClient(total.url)
    await rawClient(total.url)
    const third = await rawClient(total.url)
    expect(await third.closed).toMatchObject({ code: 1008, reason: 'too-many-connections' })
  })

  it('awareness is dropped: never relayed to peers, not even from a read-write code, and query-awareness floods cost nothing', async () => {
    const server = await startServer()
    const council = await newCouncil(server)
    const peer = connect(server.url, council.docName, await council.code('ro'))
    await waitFor(() => peer.provider.isSynced, 'peer synced')
    const sender = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    const started = Date.now()
    for (let i = 0; i < 50; i++) sender.send(awareness(council.docName, 100_000))
    for (let i = 0; i < 40; i++) sender.send(new FrameWriter().string(council.docName).uint(3).done())
    const writer = connect(server.url, council.docName, await council.code('rw'))
    writer.doc.getMap('members').set('m1', '张三')
    await waitFor(() => peer.doc.getMap('members').get('m1') === '张三', 'an edit still arrives')
    console.log(`an edit reached its peer ${Date.now() - started} ms after 5 MB of awareness and 40 query-awareness frames`)
    expect(peer.received.filter((r) => r.type === 1 && r.bytes > 1_000)).toEqual([])
    expect(sender.received.filter((r) => r.type === 1 && r.bytes > 1_000)).toEqual([])
    expect(sender.ws.readyState).toBe(sender.ws.OPEN)
  })
})
