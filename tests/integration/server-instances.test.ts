// Several instances of one service (issue 21): two sync servers sharing a real PostgreSQL
// (storage 'postgres') and a real Redis, each on port 0, as behind a load balancer. An edit on one
// reaches a client of the other; a code revoked on one closes its connections on the other within
// a second; an instance killed (SIGKILL, a child process: no store on the way out) loses nothing
// that was reported stored, and its clients carry on through the other; phone ballots of one
// vote cast through both instances at once are each counted once, and sealed from either.
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SyncServerOptions } from '../../src/server/server'
import { parseStoreReport, storedCovers } from '../../src/shared/sync/storeReport'
import { CHOICES } from '../../src/shared/domain/votes'
import { readVote } from '../../src/shared/doc/votesRead'
import { mergeRows, STORED_ROWS_SQL } from '../../src/server/pgDocuments'
import { childInstance, startHaproxy } from './haproxy'
import { startPostgres, type PostgresProcess } from './postgres'
import { drawnCodes, meetingInSession, phone, voteWithPhones } from './phone-fixtures'
import { connect, newCouncil, runCleanups, sameState, startRedis, startServer, tempDir, waitFor, type Client, type RedisProcess, type TestServer } from './server-fixtures'

let pgServer: PostgresProcess | undefined
let redis: RedisProcess | undefined

beforeAll(async () => {
  ;[pgServer, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)
afterEach(runCleanups)
afterAll(async () => {
  await runCleanups()
  await Promise.all([pgServer?.stop(), redis?.stop()])
})

/** What every instance of one service shares: the database, the Redis relay, the server key. */
async function service(): Promise<Partial<SyncServerOptions>> {
  return {
    storage: 'postgres',
    databaseUrl: await pgServer!.createDatabase(),
    redis: { host: '127.0.0.1', port: redis!.port, prefix: `yishi-test-${Date.now()}-${Math.random()}` },
    secretKeyFile: join(tempDir(), 'server.key'),
    phoneLimits: { perAddress: { burst: 10_000, perSecond: 1_000 }, perCode: { burst: 100, perSecond: 100 } },
  }
}

/** The state vector the client was last told is stored. */
function storedReports(c: Client): { sv: Map<number, number> | null } {
  const last: { sv: Map<number, number> | null } = { sv: null }
  c.provider.on('stateless', ({ payload }: { payload: string }) => {
    const r = parseStoreReport(payload)
    if (r?.kind === 'stored') last.sv = Y.decodeStateVector(r.stateVector)
  })
  return last
}

const dbState = new Map<string, Uint8Array | null>()
/** Whether the database holds everything of `doc` (polled: refreshed in the background). */
function dbCovers(shared: Partial<SyncServerOptions>, name: string, doc: Y.Doc): boolean {
  const key = `${shared.databaseUrl} ${name}`
  void pgServer!
    .query<{ data: Buffer }>(shared.databaseUrl!.split('/').pop()!, STORED_ROWS_SQL, [name])
    .then((rows) => dbState.set(key, mergeRows(rows)))
  const state = dbState.get(key)
  return !!state && storedCovers(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)), Y.decodeStateVector(Y.encodeStateVector(doc)))
}

describe('two instances sharing PostgreSQL and Redis', () => {
  it('an edit on one reaches a client of the other, and both store into the one database', async () => {
    const shared = await service()
    const [s1, s2] = [await startServer(shared), await startServer(shared)]
    const council = await newCouncil(s1)
    // Registered on s1 only: s2 learns it from the database (LISTEN/NOTIFY).
    await waitFor(() => s2.registry.isRegistered(council.councilId), 'instance 2 knows the council', 2_000)
    const a = connect(s1.url, council.docName, await council.code('rw'))
    const b = connect(s2.url, council.docName, await council.code('rw'))
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced')
    a.doc.getMap('members').set('m1', '张三')
    await waitFor(() => b.doc.getMap('members').get('m1') === '张三', 'instance 1 -> instance 2')
    for (let i = 0; i < 20; i++) {
      a.doc.getArray('log').push([`A-${i}`])
      b.doc.getArray('log').push([`B-${i}`])
    }
    await waitFor(() => sameState(a.doc, b.doc) && a.doc.getArray('log').length === 40, 'converged')
    const late = connect(s2.url, council.docName, await council.code('ro'))
    await waitFor(() => late.provider.isSynced && sameState(late.doc, a.doc), 'late joiner has everything')
    await Promise.all([s1.close(), s2.close()])
    const rows = await pgServer!.query<{ data: Buffer }>(shared.databaseUrl!.split('/').pop()!, STORED_ROWS_SQL, [council.docName])
    const stored = new Y.Doc()
    Y.applyUpdate(stored, mergeRows(rows)!)
    expect(stored.getArray('log').length).toBe(40)
    expect(stored.getMap('members').get('m1')).toBe('张三')
  }, 30_000)

  it('a code revoked on one instance closes its live connections on the other within a second', async () => {
    const shared = await service()
    const [s1, s2] = [await startServer(shared), await startServer(shared)]
    const council = await newCouncil(s1)
    await waitFor(() => s2.registry.isRegistered(council.councilId), 'instance 2 knows the council', 2_000)
    const victim = connect(s2.url, council.docName, await council.code('rw', 'aaaaaaaaaaaaaaaa'))
    const bystander = connect(s2.url, council.docName, await council.code('rw', 'bbbbbbbbbbbbbbbb'))
    await waitFor(() => victim.provider.isSynced && bystander.provider.isSynced, 'synced on instance 2')
    const closed: number[] = []
    victim.socket.on('close', ({ event }: { event: { code: number } }) => closed.push(event.code))
    const t0 = Date.now()
    const res = await fetch(`${s1.httpUrl}/councils/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ councilId: council.councilId, codeId: 'aaaaaaaaaaaaaaaa', code: await council.code('rw') }),
    })
    expect(res.status).toBe(200)
    await waitFor(() => closed.includes(4403), 'the revoked connection on instance 2 closed', 1_000)
    expect(Date.now() - t0).toBeLessThan(1_000)
    expect(s2.events).toContainEqual({ type: 'codes-changed', councilId: council.councilId, codeId: 'aaaaaaaaaaaaaaaa', connectionsClosed: 1 })
    // The revoked code is refused on both from now on; the other code keeps working.
    const again = connect(s2.url, council.docName, await council.code('rw', 'aaaaaaaaaaaaaaaa'))
    await waitFor(() => again.authFailures.length > 0, 'refused on instance 2')
    bystander.doc.getMap('m').set('still', 'here')
    await waitFor(() => bystander.provider.isSynced && !bystander.provider.hasUnsyncedChanges, 'bystander still syncing')
  }, 30_000)

  it('an instance killed mid-work loses nothing reported stored; its client reconnects to the other and carries on', async () => {
    const shared = await service()
    const doomed = await childInstance(shared)
    const s2 = await startServer(shared)
    // Registered through the doomed instance (its own copy of the registry has it at once).
    const council = await newCouncil()
    const res = await fetch(`${doomed.url.replace('ws:', 'http:')}/councils/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ councilId: council.councilId, secret: council.secret }),
    })
    expect(res.status).toBe(201)
    await waitFor(() => s2.registry.isRegistered(council.councilId), 'instance 2 knows the council', 2_000)
    const a = connect(doomed.url, council.docName, await council.code('rw'))
    const stored = storedReports(a)
    await waitFor(() => a.provider.isSynced, 'connected to the doomed instance', 10_000)
    for (let i = 0; i < 30; i++) a.doc.getArray('log').push([`before-${i}`])
    await waitFor(() => stored.sv !== null && storedCovers(stored.sv, Y.decodeStateVector(Y.encodeStateVector(a.doc))), 'reported stored', 5_000)
    const reported = a.doc.getArray('log').toArray()
    // Edits after the report, then the kill before any store of them.
    for (let i = 0; i < 5; i++) a.doc.getArray('log').push([`unreported-${i}`])
    await doomed.kill()

    // A fresh device through the surviving instance has everything that was reported stored.
    const fresh = connect(s2.url, council.docName, await council.code('ro'))
    await waitFor(() => fresh.provider.isSynced, 'fresh device synced')
    expect(fresh.doc.getArray('log').toArray().slice(0, reported.length)).toEqual(reported)

    // The killed instance's client reconnects (the load balancer now sends it to s2) with the
    // same document: what was not stored yet is still in it, and it carries on editing.
    a.destroy()
    const back = connect(s2.url, council.docName, await council.code('rw'), { doc: a.doc })
    back.doc.getArray('log').push(['after'])
    await waitFor(() => fresh.doc.getArray('log').length === 36 && sameState(fresh.doc, back.doc), 'everything on the surviving instance')
  }, 60_000)

  it('phone ballots of one vote cast through both instances at once are each counted once, and sealed from either', async () => {
    const shared = await service()
    const [s1, s2] = [await startServer(shared), await startServer(shared)]
    const m = await meetingInSession(s1 as TestServer, { n: 50 })
    await waitFor(() => s2.registry.isRegistered(m.council.councilId), 'instance 2 knows the council', 2_000)
    const voteId = await voteWithPhones(m, 'secret')
    const codes = await drawnCodes(m, 40)
    // The phones reach instance 2, where the meeting is not open: it reads the document from the
    // database, which the secretary's edits (the vote, the codes) reach within the store delay.
    await waitFor(() => dbCovers(shared, m.name, m.doc), 'the open vote and its codes stored', 5_000)
    const choices = codes.map((_, i) => CHOICES[i % 3]!)
    const answers = await Promise.all(codes.map((code, i) => phone(i % 2 ? s1 : s2, 'cast', { meeting: m.name, code, voteId, choice: choices[i] })))
    expect(answers.map(([st]) => st)).toEqual(codes.map(() => 200))
    // The same code through the other instance: already used, wherever it was cast.
    expect(await phone(s1, 'cast', { meeting: m.name, code: codes[0], voteId, choice: 'for' })).toEqual([409, { error: 'code-used' }])
    expect((await phone(s2, 'cast', { meeting: m.name, code: codes[1], voteId, choice: 'for' }))[1]).toEqual({ error: 'code-used' })
    const [status, sealed] = await phone(s2, 'seal', { meeting: m.name, voteId, code: m.rw })
    expect([status, sealed]).toEqual([200, { ok: true, ballots: 40 }])
    expect(await phone(s1, 'seal', { meeting: m.name, voteId, code: m.rw })).toEqual([200, { ok: true, ballots: 40 }])
    await waitFor(() => readVote(m.doc, voteId)?.phone?.sealedAt != null, 'seal reached the secretary through instance 1')
    expect(readVote(m.doc, voteId)?.phone?.received).toBe(40)
    expect((await phone(s1, 'cast', { meeting: m.name, code: codes[0], voteId, choice: 'for' }))[1]).toEqual({ error: 'vote-closed' })
  }, 60_000)

  it('through HAProxy (the README config): an instance killed under a client, the client carries on through the other', async () => {
    const shared = await service()
    const [first, second] = [await childInstance(shared), await childInstance(shared)]
    // 'first': every connection goes to the first instance while it is up, so the kill hits the client.
    const lb = await startHaproxy([first.port, second.port], 'first')
    const council = await newCouncil()
    const res = await fetch(`${lb.httpUrl}/councils/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ councilId: council.councilId, secret: council.secret }) })
    expect(res.status).toBe(201)
    const a = connect(lb.url, council.docName, await council.code('rw'))
    const stored = storedReports(a)
    await waitFor(() => a.provider.isSynced, 'connected through HAProxy', 10_000)
    for (let i = 0; i < 10; i++) a.doc.getArray('log').push([`before-${i}`])
    await waitFor(() => stored.sv !== null && storedCovers(stored.sv, Y.decodeStateVector(Y.encodeStateVector(a.doc))), 'reported stored', 5_000)
    a.doc.getArray('log').push(['unreported'])
    await first.kill()
    // The provider reconnects by itself to the same address; HAProxy sends it to the other instance.
    a.doc.getArray('log').push(['after'])
    const reader = connect(lb.url, council.docName, await council.code('ro'))
    await waitFor(() => reader.doc.getArray('log').length === 12 && sameState(reader.doc, a.doc), 'everything on the surviving instance', 15_000)
  }, 60_000)
})
