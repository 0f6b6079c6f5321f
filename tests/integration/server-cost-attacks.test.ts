// Updates crafted just under the static update bounds (issue 15): before the integration trial
// (src/server/costTrial.ts) one 14 KB update could take seconds, the same items against a live
// document 4 to 14 s, and a read-write code holder could grow its own documents quadratic
// structures, or a deep one sent in reverse order. Each is sent from its own council's
// read-write code against the real server (both storages); it closes its own connection while a
// keystroke on another council keeps reaching its peer quickly. And a big legitimate document,
// written by hundreds of device ids over years, still syncs.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { authenticatedRawClient, connect, frames, newCouncil, runCleanups, sameState, sleep, STORAGES, startServer, storedDoc, waitFor, type TestServer } from './server-fixtures'
import { bystanders, encodeItems, keyChain, nestedLevels, siblings, spreadOrigins, spreadOriginsDelta } from './server-cost-attacks'

afterEach(runCleanups)

/** The keystroke bound asserted: the promise is 100 ms; the margin is for a loaded 2-core test machine. */
const KEYSTROKE_MS = 500
const figures: string[] = []

/** Sends `updates` from authenticated sockets of `docName`, a new socket whenever one is closed, until `stop()`. */
function attackLoop(server: TestServer, docName: string, code: string, updates: Uint8Array[]) {
  let stopped = false
  let sockets = 0
  const run = (async () => {
    let next = 0
    while (!stopped && next < updates.length) {
      const c = await authenticatedRawClient(server.url, docName, code)
      sockets++
      let closed = false
      void c.closed.then(() => (closed = true))
      while (!stopped && !closed && next < updates.length) {
        c.send(frames.update(docName, updates[next++]!))
        await new Promise((r) => setTimeout(r, 5))
      }
      c.ws.terminate()
    }
  })()
  return async () => {
    stopped = true
    await run
    return sockets
  }
}

describe.each(STORAGES)('integration cost (%s)', (storage) => {
  it('one update of 2,000 items after distinct early characters of a long string closes its own connection', async () => {
    const server = await startServer({ storage })
    const keystroke = await bystanders(server)
    const council = await newCouncil(server)
    const before = await keystroke()
    const attacker = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    attacker.send(frames.update(council.docName, spreadOrigins(2_000)))
    const during = await keystroke()
    expect(await attacker.closed).toMatchObject({ code: 1008, reason: 'update-too-costly' })
    figures.push(`[${storage}] spread origins, one update: keystroke ${before.toFixed(0)} ms before, ${during.toFixed(0)} ms during`)
    expect(during).toBeLessThan(KEYSTROKE_MS)
    const reader = connect(server.url, council.docName, await council.code('ro'))
    await waitFor(() => reader.provider.isSynced, 'reader synced')
    expect(reader.doc.getText('t').length).toBe(0)
  }, 60_000)

  it('the same items sent against a live document that holds the string close their own connection', async () => {
    const server = await startServer({ storage })
    const keystroke = await bystanders(server)
    const council = await newCouncil(server)
    const member = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => member.provider.isSynced, 'member synced')
    const attacker = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    attacker.send(frames.update(council.docName, encodeItems([{ client: 1, clock: 0, root: 't', text: 'a'.repeat(50_000) }])))
    await waitFor(() => member.doc.getText('t').length === 50_000, 'the long string arrived')
    attacker.send(frames.update(council.docName, spreadOriginsDelta(2_000, 10)))
    const during = await keystroke()
    expect(await attacker.closed).toMatchObject({ code: 1008, reason: 'update-too-costly' })
    figures.push(`[${storage}] spread origins against the live document: keystroke ${during.toFixed(0)} ms during`)
    expect(during).toBeLessThan(KEYSTROKE_MS)
    // The shadow that tried it was thrown away: the document still takes and relays edits.
    const other = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => other.provider.isSynced, 'other synced')
    other.doc.getText('t').insert(0, '好')
    await waitFor(() => member.doc.getText('t').toString().startsWith('好'), 'the document still relays')
    expect(member.doc.getText('t').length).toBe(50_001)
  }, 60_000)

  it('many cheap updates from reconnecting sockets do not add up: key chains and siblings', async () => {
    const server = await startServer({ storage })
    const keystroke = await bystanders(server)
    const council = await newCouncil(server)
    const code = await council.code('rw')
    const seed = await authenticatedRawClient(server.url, council.docName, code)
    seed.send(frames.update(council.docName, encodeItems([{ client: 1, clock: 0, root: 't', text: 'ab' }])))
    const chains = Array.from({ length: 300 }, (_, k) => keyChain(128, 10 + k * 128))
    const sibs = Array.from({ length: 300 }, (_, k) => siblings(128, 100_000 + k * 128))
    const results: number[] = []
    for (const updates of [chains, sibs]) {
      const stop = attackLoop(server, council.docName, code, updates)
      results.push(await keystroke(), await stop())
    }
    figures.push(`[${storage}] key chains: keystroke ${results[0]!.toFixed(0)} ms (${results[1]} sockets); siblings: ${results[2]!.toFixed(0)} ms (${results[3]} sockets)`)
    expect(results[0]).toBeLessThan(KEYSTROKE_MS)
    expect(results[2]).toBeLessThan(KEYSTROKE_MS)
    expect(server.count('update-too-costly')).toBeGreaterThan(0)
    // What did get in stays cheap to load.
    await server.close()
    const state = Y.encodeStateAsUpdate(storedDoc(server.dataDir, council.docName, storage)!)
    const started = performance.now()
    Y.applyUpdate(new Y.Doc(), state)
    const loadMs = performance.now() - started
    figures.push(`[${storage}] the attacked document (${state.byteLength} bytes) loads in ${loadMs.toFixed(0)} ms`)
    expect(loadMs).toBeLessThan(KEYSTROKE_MS)
  }, 120_000)

  it('a deep structure sent in reverse order waits in no more than the pending bound, and the document keeps relaying', async () => {
    const server = await startServer({ storage })
    const keystroke = await bystanders(server)
    const council = await newCouncil(server)
    const member = connect(server.url, council.docName, await council.code('rw'))
    const peer = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => member.provider.isSynced && peer.provider.isSynced, 'synced')
    // 3,000 levels in chunks of 30 (under the depth bound), deepest first: each waits for its parent.
    const chunks = Array.from({ length: 100 }, (_, j) => nestedLevels(7, 2_971 - 30 * j, 3_000 - 30 * j))
    const attacker = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    for (const chunk of chunks) attacker.send(frames.update(council.docName, chunk))
    const during = await keystroke()
    expect(await attacker.closed).toMatchObject({ code: 1008, reason: 'update-too-costly' })
    expect(server.events.some((e) => e.type === 'update-too-costly' && e.reason.includes('waiting for missing'))).toBe(true)
    figures.push(`[${storage}] deep structure in reverse order: keystroke ${during.toFixed(0)} ms`)
    expect(during).toBeLessThan(KEYSTROKE_MS)
    member.doc.getMap('members').set('m1', '张三')
    await waitFor(() => peer.doc.getMap('members').get('m1') === '张三', 'the document still relays')
    await server.close()
    expect(storedDoc(server.dataDir, council.docName, storage)!.getMap('members').get('m1')).toBe('张三')
  }, 60_000)

  it('refusing updates on purpose to make a big document copy for its shadow again and again is bounded per document', async () => {
    const server = await startServer({ storage })
    const keystroke = await bystanders(server)
    const council = await newCouncil(server)
    const big = yearsOfEdits(100)
    const owner = connect(server.url, council.docName, await council.code('rw'), { doc: big })
    await waitFor(() => owner.provider.isSynced && owner.provider.hasUnsyncedChanges === false, 'the document uploaded', 30_000)
    // Each socket: a cheap update (the shadow is copied), then a refused one (the shadow is dropped).
    const updates = Array.from({ length: 60 }, (_, k) => [encodeItems([{ client: 50 + k, clock: 0, root: 'm', key: 'a' }]), spreadOrigins(400, 410, 25)]).flat()
    const stop = attackLoop(server, council.docName, await council.code('rw'), updates)
    const during = await keystroke()
    const busyNow = () => server.events.filter((e) => e.type === 'update-too-costly' && e.reason.startsWith('document busy')).length
    await waitFor(() => busyNow() > 0, 'an update refused as the document is busy', 30_000)
    const after = await keystroke()
    const sockets = await stop()
    const busy = busyNow()
    figures.push(`[${storage}] forced copies of a ${Y.encodeStateAsUpdate(big).byteLength}-byte document: keystroke ${during.toFixed(0)} ms, then ${after.toFixed(0)} ms (${sockets} sockets, ${busy} refused as busy)`)
    expect(Math.max(during, after)).toBeLessThan(KEYSTROKE_MS)
  }, 60_000)

  it('a connection whose updates take more than its time budget in 10 s is closed; its first update always passes', async () => {
    const server = await startServer({ storage, updateBounds: { maxUpdateMsPer10s: 1 } })
    const council = await newCouncil(server)
    const member = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => member.provider.isSynced, 'member synced')
    const attacker = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
    for (let i = 0; i < 500; i++) attacker.send(frames.update(council.docName, encodeItems([{ client: 5, clock: i, root: 'm', key: `k${i}` }])))
    expect(await attacker.closed).toMatchObject({ code: 1008, reason: 'update-time-budget' })
    // What passed reaches the member's socket on its own time (on a busy machine, after the close).
    await waitFor(() => member.doc.getMap('m').size > 0, 'the first update reached the member')
    await sleep(100)
    const got = member.doc.getMap('m').size
    expect(got).toBeLessThan(500)
    expect(server.events.some((e) => e.type === 'update-too-costly' && e.reason.includes('in 10 s'))).toBe(true)
  }, 30_000)

  it('a big legitimate document, 300 device ids over years, uploads and syncs; offline edits made concurrently merge', async () => {
    const server = await startServer({ storage })
    const council = await newCouncil(server)
    const big = yearsOfEdits(300)
    const bytes = Y.encodeStateAsUpdate(big).byteLength
    expect(bytes).toBeGreaterThan(300_000)
    const started = performance.now()
    connect(server.url, council.docName, await council.code('rw'), { doc: big })
    const fresh = connect(server.url, council.docName, await council.code('rw'))
    await waitFor(() => fresh.provider.isSynced && sameState(fresh.doc, big), 'the new device has the whole document', 30_000)
    const uploadMs = performance.now() - started
    // Two devices type into the same text at the same spot while offline, then connect.
    const offline = [new Y.Doc(), new Y.Doc()]
    for (const d of offline) Y.applyUpdate(d, Y.encodeStateAsUpdate(big))
    for (let i = 0; i < 2_000; i++) {
      offline[0]!.getText('minutes').insert(10 + i, 'x')
      offline[1]!.getText('minutes').insert(10 + i, 'y')
    }
    const merged = performance.now()
    for (const d of offline) connect(server.url, council.docName, await council.code('rw'), { doc: d })
    await waitFor(() => sameState(offline[0]!, offline[1]!) && sameState(offline[0]!, fresh.doc), 'the offline edits merged', 30_000)
    figures.push(`[${storage}] legitimate ${bytes} bytes: uploaded and synced to a new device in ${uploadMs.toFixed(0)} ms; 2 × 2,000 concurrent offline keystrokes merged in ${(performance.now() - merged).toFixed(0)} ms`)
    expect(server.events.filter((e) => e.type === 'update-too-costly' || e.type === 'malformed-message')).toEqual([])
    console.log(figures.splice(0).join('\n'))
  }, 120_000)
})

/**
 * A council document as years of use leave it: `devices` client ids (every launch of the app
 * gets a new one), each adding and editing members (nested maps), typing into the minutes at
 * random places and deleting some.
 */
function yearsOfEdits(devices: number): Y.Doc {
  const doc = new Y.Doc()
  let seed = 7
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const members = doc.getMap<Y.Map<unknown>>('members')
  const minutes = doc.getText('minutes')
  for (let device = 1; device <= devices; device++) {
    doc.clientID = 1_000_000 + device * 7_919
    doc.transact(() => {
      for (let k = 0; k < 30; k++) {
        const id = `m${Math.floor(random() * 3_000)}`
        let member = members.get(id)
        if (!member) members.set(id, (member = new Y.Map()))
        member.set('name', `居民${k}`)
        member.set('phone', `138${Math.floor(random() * 1e8)}`)
        const history = (member.get('history') as Y.Array<string> | undefined) ?? new Y.Array<string>()
        if (!member.has('history')) member.set('history', history)
        history.push([`${device}:${k}`])
      }
    })
    for (let k = 0; k < 40; k++) minutes.insert(Math.floor(random() * minutes.length), '会议记录。')
    if (random() < 0.3) minutes.delete(Math.floor(random() * minutes.length / 2), 20)
  }
  return doc
}
