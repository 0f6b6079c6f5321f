// Storage 'postgres' (src/server/pgStorage.ts and its neighbours) against a real PostgreSQL
// started here (postgres.ts): migrations from an empty database and from schema version 1, stores
// that merge even when two instances store one document at once, the registry shared by two
// instances (a revocation on one reaches the other), and the per-vote lock of pending phone
// ballots held across instances. Two "instances" are two storages opened on one database, each
// with its own connection pools, as two server processes would be.
import { spawnSync } from 'node:child_process'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SCHEMA_VERSION, migrate } from '../../src/server/pgMigrations'
import { openStorage } from '../../src/server/storage'
import type { Storage } from '../../src/server/storageTypes'
import { CouncilRegistry } from '../../src/server/registry'
import { randomUUID as newId } from 'node:crypto'
import { newCouncilId } from '../../src/shared/domain/ids'
import { createJoinCode, newCouncilSecret } from '../../src/shared/sync/joinCode'
import pg from 'pg'
import { startPostgres, type PostgresProcess } from './postgres'
import { onCleanup, runCleanups, waitFor } from './server-fixtures'

let pgServer: PostgresProcess | undefined

beforeAll(async () => {
  pgServer = await startPostgres()
}, 60_000)
afterEach(runCleanups)
afterAll(async () => {
  await runCleanups()
  await pgServer?.stop()
})

async function open(databaseUrl: string): Promise<Storage> {
  const s = await openStorage('postgres', { dataDir: '/nonexistent', databaseUrl })
  onCleanup(() => s.close())
  return s
}

const edit = (key: string): Uint8Array => {
  const d = new Y.Doc()
  d.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(d)
}
const keysOf = (state: Uint8Array | null): string[] => {
  if (!state) return []
  const d = new Y.Doc()
  Y.applyUpdate(d, state)
  return [...d.getMap('m').keys()].sort()
}

describe('storage postgres: migrations', () => {
  it('an empty database gets the whole schema at the first start, and a second start changes nothing', async () => {
    const url = await pgServer!.createDatabase()
    const s = await open(url)
    await s.documents.store('council/x', edit('a'))
    await s.close()
    const again = await open(url)
    expect(keysOf(await again.documents.fetch('council/x'))).toEqual(['a'])
    const versions = await pgServer!.query<{ version: number }>(url.split('/').pop()!, 'SELECT version FROM schema_version ORDER BY version')
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1))
  })

  it('a database at schema version 1 is brought up to date at start, its documents and councils kept', async () => {
    const url = await pgServer!.createDatabase()
    const db = url.split('/').pop()!
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      expect(await migrate(client, 1)).toBe(0)
    } finally {
      await client.end()
    }
    const councilId = newCouncilId()
    const meetingId = newId()
    const name = `council/${councilId}/meeting/${meetingId}`
    await pgServer!.query(db, 'INSERT INTO documents (name, data, updated_at) VALUES ($1, $2, now())', [name, Buffer.from(edit('old'))])
    await pgServer!.query(db, 'INSERT INTO councils (id, secret, registered_at) VALUES ($1, $2, now())', [councilId, 'sealed-secret'])

    const s = await open(url)
    expect(keysOf(await s.documents.fetch(name))).toEqual(['old'])
    // What version 2 added: the meeting id found through its index, pending ballots kept.
    expect(await s.documents.meetingName(meetingId)).toBe(name)
    expect(s.registry.secretOf(councilId)).toBe('sealed-secret')
    await s.ballots!.put({ meeting: name, voteId: newId(), counts: { for: 1, against: 0, abstain: 0 }, used: [], receipts: [], retries: {}, sealed: false })
    const versions = await pgServer!.query<{ version: number }>(db, 'SELECT version FROM schema_version ORDER BY version')
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1))
  })

  it('a database from a newer server is refused, not written', async () => {
    const url = await pgServer!.createDatabase()
    await open(url).then((s) => s.close())
    await pgServer!.query(url.split('/').pop()!, 'INSERT INTO schema_version (version) VALUES ($1)', [SCHEMA_VERSION + 1])
    await expect(openStorage('postgres', { dataDir: '/nonexistent', databaseUrl: url })).rejects.toThrow(/newer than this server/)
  })
})

describe('storage postgres: documents', () => {
  it('a store merges with what is stored; a meeting is found by its id alone', async () => {
    const s = await open(await pgServer!.createDatabase())
    expect(await s.documents.fetch('council/x')).toBeNull()
    await s.documents.store('council/x', edit('a'))
    await s.documents.store('council/x', edit('b'))
    expect(keysOf(await s.documents.fetch('council/x'))).toEqual(['a', 'b'])
    const meetingId = newId()
    const name = `council/${newCouncilId()}/meeting/${meetingId}`
    await s.documents.store(name, edit('m'))
    expect(await s.documents.meetingName(meetingId)).toBe(name)
    expect(await s.documents.meetingName(newId())).toBeNull()
    expect(await s.documents.meetingName("x' OR 1=1 --")).toBeNull()
  })

  it('two instances storing one document at the same moment never lose either one’s edits', async () => {
    const url = await pgServer!.createDatabase()
    const [a, b] = [await open(url), await open(url)]
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`)
    // The first stores race to create the row, the rest to merge into it.
    await Promise.all(keys.map((k, i) => (i % 2 ? a : b).documents.store('council/busy', edit(k))))
    expect(keysOf(await a.documents.fetch('council/busy'))).toEqual(keys)
  })

  it('closing waits for the stores under way; a store after closing is refused', async () => {
    const s = await openStorage('postgres', { dataDir: '/nonexistent', databaseUrl: await pgServer!.createDatabase() })
    const pending = Array.from({ length: 10 }, (_, i) => s.documents.store('council/closing', edit(`c${i}`)))
    await s.close()
    await Promise.all(pending)
    await expect(s.documents.store('council/closing', edit('late'))).rejects.toThrow(/closed/)
  })
})

describe('storage postgres: the registry shared by two instances', () => {
  it('a council registered on one is known to the other; a revocation or a new secret there reaches this one’s watchers', async () => {
    const url = await pgServer!.createDatabase()
    const [a, b] = [await open(url), await open(url)]
    const [ra, rb] = [new CouncilRegistry(a.registry), new CouncilRegistry(b.registry)]
    const seenByB: unknown[] = []
    b.registry.watchOthers!((c) => seenByB.push(c))
    const seenByA: unknown[] = []
    a.registry.watchOthers!((c) => seenByA.push(c))

    const councilId = newCouncilId()
    const secret = newCouncilSecret()
    expect(await ra.register({ councilId, secret })).toEqual({ ok: true, created: true, rotated: false })
    await waitFor(() => rb.isRegistered(councilId), 'instance B knows the council', 2_000)
    // Registering it again first on B (its notice not yet there, or there): trust on first use holds.
    expect(await rb.register({ councilId, secret: newCouncilSecret() })).toEqual({ ok: false, error: 'council-registered' })

    const rw = await createJoinCode(secret, { councilId, access: 'rw', codeId: '1111111111111111' })
    expect(await ra.revokeCode(councilId, '2222222222222222', rw)).toEqual({ ok: true })
    const revokedAt = Date.now()
    await waitFor(() => seenByB.length === 1, 'instance B told of the revocation', 1_000)
    expect(Date.now() - revokedAt).toBeLessThan(1_000)
    expect(seenByB).toEqual([{ councilId, codeId: '2222222222222222' }])
    expect(b.registry.isRevoked(councilId, '2222222222222222')).toBe(true)

    const next = newCouncilSecret()
    expect(await rb.register({ councilId, secret: next, code: rw })).toEqual({ ok: true, created: false, rotated: true })
    await waitFor(() => seenByA.length === 1, 'instance A told of the new secret', 1_000)
    expect(seenByA).toEqual([{ councilId }])
    expect(a.registry.secretOf(councilId)).toBe(next)
    // Neither is told of its own changes here (CouncilRegistry tells its own server).
    expect(seenByB).toHaveLength(1)
  })
})

describe('storage postgres: pending phone ballots', () => {
  it('the lock of a vote holds across instances: 40 concurrent read-modify-writes from two instances count 40', async () => {
    const url = await pgServer!.createDatabase()
    const [a, b] = [await open(url), await open(url)]
    const meeting = `council/${newCouncilId()}/meeting/${newId()}`
    const voteId = newId()
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const store = (i % 2 ? a : b).ballots!
        return store.locked(meeting, voteId, async () => {
          const held = await store.get(meeting, voteId)
          // A pause inside the lock: without it held across instances, updates would be lost.
          await new Promise((r) => setTimeout(r, 2))
          await store.put({ ...held, counts: { ...held.counts, for: held.counts.for + 1 } })
        })
      }),
    )
    expect((await a.ballots!.get(meeting, voteId)).counts.for).toBe(40)
    expect((await b.ballots!.get(meeting, voteId)).counts).toEqual({ for: 40, against: 0, abstain: 0 })
  })

  it('a stored state that does not read back makes the vote unavailable, never empty', async () => {
    const url = await pgServer!.createDatabase()
    const s = await open(url)
    const meeting = `council/${newCouncilId()}/meeting/${newId()}`
    const voteId = newId()
    await s.ballots!.put({ meeting, voteId, counts: { for: 2, against: 0, abstain: 0 }, used: [], receipts: [], retries: {}, sealed: false })
    await pgServer!.query(url.split('/').pop()!, `UPDATE phone_ballots SET state = jsonb_set(state, '{counts,for}', '-1')`)
    await expect(s.ballots!.get(meeting, voteId)).rejects.toThrow(/not a valid phone ballot file/)
  })
})

describe('storage postgres: pg is loaded only when chosen', () => {
  it('importing server.ts loads no pg module; opening storage postgres does', () => {
    // A child process: this test process has pg loaded already. pg is CommonJS, so every module of
    // it that is loaded, even from ESM, is in require.cache.
    const script = `
      import { createRequire } from 'node:module'
      const require = createRequire(import.meta.url)
      const loaded = () => Object.keys(require.cache).filter((k) => k.includes('/node_modules/pg/')).length
      await import('./src/server/server.ts')
      const before = loaded()
      const { loadPg } = await import('./src/server/pgStorage.ts')
      await loadPg()
      console.log(JSON.stringify({ before, after: loaded() }))`
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    const { before, after } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { before: number; after: number }
    expect(before).toBe(0)
    expect(after).toBeGreaterThan(0)
  }, 30_000)
})
