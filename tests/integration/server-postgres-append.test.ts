// Documents of storage 'postgres' stored append-only (src/server/pgDocuments.ts, pgCompaction.ts)
// on a real PostgreSQL started here: a store appends only what is new and a load gives back the
// same document; two instances appending at once while the rows are folded lose nothing; a
// database at the previous schema (version 2, whole documents) is migrated and its rows load.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import * as Y from 'yjs'
import { migrate, SCHEMA_VERSION } from '../../src/server/pgMigrations'
import { compact } from '../../src/server/pgCompaction'
import { PgDocuments } from '../../src/server/pgDocuments'
import { openStorage } from '../../src/server/storage'
import { startPostgres, type PostgresProcess } from './postgres'
import { onCleanup, runCleanups } from './server-fixtures'

let pgServer: PostgresProcess | undefined

beforeAll(async () => {
  pgServer = await startPostgres()
}, 60_000)
afterEach(runCleanups)
afterAll(async () => {
  await runCleanups()
  await pgServer?.stop()
})

/** A database migrated to `version`, and a pool on it (closed after the test). */
async function database(version = SCHEMA_VERSION): Promise<{ db: string; pool: pg.Pool }> {
  const url = await pgServer!.createDatabase()
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  onCleanup(() => pool.end())
  const client = await pool.connect()
  try {
    await migrate(client, version)
  } finally {
    client.release()
  }
  return { db: url.split('/').pop()!, pool }
}

/** An "instance": its own PgDocuments on its own pool, as a server process would have. */
function instance(url: string, limits = { rows: 1_000, bytes: 1e9 }): PgDocuments {
  const pool = new pg.Pool({ connectionString: url, max: 3 })
  const docs = new PgDocuments(pool, pool, limits)
  onCleanup(async () => {
    await docs.close()
    await pool.end()
  })
  return docs
}

const loaded = (state: Uint8Array | null): Y.Doc => {
  const d = new Y.Doc()
  if (state) Y.applyUpdate(d, state)
  return d
}
const rowsOf = async (db: string, name: string) =>
  (await pgServer!.query<{ n: string; bytes: string | null }>(db, 'SELECT count(*) AS n, sum(octet_length(data)) AS bytes FROM document_updates WHERE name = $1', [name]))[0]!

describe('storage postgres: append-only documents', () => {
  it('each store appends only what is new, and a load gives back the same document', async () => {
    const { db, pool } = await database()
    const docs = new PgDocuments(pool, pool, { rows: 1_000, bytes: 1e9 })
    const doc = new Y.Doc()
    const text = doc.getText('minutes')
    text.insert(0, '会议记录：'.repeat(2_000))
    doc.getMap('members').set('m1', '张三')
    const first = Y.encodeStateAsUpdate(doc)
    await docs.store('council/a', first, doc)
    // The base row is kept packed (shared/sync/packedUpdate.ts): rows are weighed against the raw state.
    expect((await pgServer!.query<{ n: number }>(db, 'SELECT octet_length(data) AS n FROM documents WHERE name = $1', ['council/a']))[0]!.n).toBeLessThan(first.length)
    const base = first.length
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, `第${i}条`)
      if (i % 3 === 0) text.delete(i, 2)
      doc.getMap('members').set(`m${i}`, `成员${i}`)
      await docs.store('council/a', Y.encodeStateAsUpdate(doc), doc)
    }
    const { n, bytes } = await rowsOf(db, 'council/a')
    expect(Number(n)).toBe(30)
    // Each row holds a keystroke's worth, not the document again.
    expect(Number(bytes) / 30).toBeLessThan(base / 20)
    const again = loaded(await instance(`${pgServer!.url(db)}`).fetch('council/a'))
    expect(again.getText('minutes').toString()).toBe(text.toString())
    expect(again.getMap('members').toJSON()).toEqual(doc.getMap('members').toJSON())
    // Stored without the live doc (the shutdown path), from the update alone: the same.
    doc.getMap('members').set('late', '李四')
    await docs.store('council/a', Y.encodeStateAsUpdate(doc))
    expect(loaded(await docs.fetch('council/a')).getMap('members').get('late')).toBe('李四')
    await docs.close()
  })

  it('two instances appending at once while the rows are folded lose nothing', async () => {
    const { db } = await database()
    const url = pgServer!.url(db)
    // Folding after every 5 rows, so that folds run all along, from both instances.
    const [a, b] = [instance(url, { rows: 5, bytes: 1e9 }), instance(url, { rows: 5, bytes: 1e9 })]
    const [da, dbDoc] = [new Y.Doc(), new Y.Doc()]
    const writes: Promise<void>[] = []
    const outside = new pg.Pool({ connectionString: url, max: 1 })
    onCleanup(() => outside.end())
    let folds = 0
    for (let i = 0; i < 60; i++) {
      da.getMap('m').set(`a${i}`, i)
      dbDoc.getMap('m').set(`b${i}`, i)
      writes.push(a.store('council/busy', Y.encodeStateAsUpdate(da), da), b.store('council/busy', Y.encodeStateAsUpdate(dbDoc), dbDoc))
      // And a fold from outside, racing the appends.
      if (i % 10 === 5) writes.push(compact(outside, 'council/busy').then((f) => void (folds += f ? 1 : 0)))
      if (i % 4 === 0) await new Promise((r) => setTimeout(r, 1))
    }
    await Promise.all(writes)
    const keys = [...loaded(await a.fetch('council/busy')).getMap('m').keys()].sort()
    expect(keys).toEqual([...Array.from({ length: 60 }, (_, i) => `a${i}`), ...Array.from({ length: 60 }, (_, i) => `b${i}`)].sort())
    expect(folds).toBeGreaterThan(0)
    // Folded: fewer rows than the 120 appended, and the base holds the rest.
    expect(Number((await rowsOf(db, 'council/busy')).n)).toBeLessThan(120)
  })

  it('a fold held by another instance is skipped, and appends never wait for it', async () => {
    const { db, pool } = await database()
    const docs = new PgDocuments(pool, pool, { rows: 1_000, bytes: 1e9 })
    const doc = new Y.Doc()
    doc.getMap('m').set('first', 1)
    await docs.store('council/f', Y.encodeStateAsUpdate(doc), doc)
    doc.getMap('m').set('second', 2)
    await docs.store('council/f', Y.encodeStateAsUpdate(doc), doc)
    // Hold the base row as a fold on another instance would; append meanwhile, then fold.
    const holder = await pool.connect()
    await holder.query('BEGIN')
    await holder.query("SELECT 1 FROM documents WHERE name = 'council/f' FOR UPDATE")
    expect(await compact(pool, 'council/f')).toBeNull()
    const other = new Y.Doc()
    other.getMap('m').set('during', 3)
    await docs.store('council/f', Y.encodeStateAsUpdate(other), other)
    await holder.query('COMMIT')
    holder.release()
    expect(await compact(pool, 'council/f')).toEqual({ rows: 2, bytes: expect.any(Number) as number })
    expect(loaded(await docs.fetch('council/f')).getMap('m').toJSON()).toEqual({ first: 1, second: 2, during: 3 })
    expect(Number((await rowsOf(db, 'council/f')).n)).toBe(0)
    await docs.close()
  })

  it('a row committed between a fold’s read and its delete is kept (deleted by id, not by name)', async () => {
    const { db, pool } = await database()
    const docs = new PgDocuments(pool, pool, { rows: 1_000, bytes: 1e9 })
    const doc = new Y.Doc()
    doc.getMap('m').set('base', 1)
    await docs.store('council/g', Y.encodeStateAsUpdate(doc), doc)
    doc.getMap('m').set('folded', 2)
    await docs.store('council/g', Y.encodeStateAsUpdate(doc), doc)
    // Reads are allowed under this lock, deletes wait: the fold reads its rows, then stops at its DELETE.
    const holder = await pool.connect()
    await holder.query('BEGIN')
    await holder.query('LOCK TABLE document_updates IN EXCLUSIVE MODE')
    const fold = compact(pool, 'council/g')
    for (let i = 0; ; i++) {
      // Asked outside the holder's transaction: pg_stat_activity is read once per transaction.
      const waiting = await pool.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM document_updates%'")
      if (waiting.rowCount) break
      if (i > 500) throw new Error('the fold never reached its delete')
      await new Promise((r) => setTimeout(r, 10))
    }
    // Appended (by the lock holder, as another instance would) and committed before the delete runs.
    const late = new Y.Doc()
    late.getMap('m').set('late', 3)
    await holder.query('INSERT INTO document_updates (name, data) VALUES ($1, $2)', ['council/g', Buffer.from(Y.encodeStateAsUpdate(late))])
    await holder.query('COMMIT')
    holder.release()
    expect(await fold).toEqual({ rows: 1, bytes: expect.any(Number) as number })
    expect(Number((await rowsOf(db, 'council/g')).n)).toBe(1)
    expect(loaded(await docs.fetch('council/g')).getMap('m').toJSON()).toEqual({ base: 1, folded: 2, late: 3 })
    await docs.close()
  })
})

describe('storage postgres: migration to append-only documents', () => {
  it('a database at schema version 2 is migrated at start; its whole documents load and take appends', async () => {
    const { db, pool } = await database(2)
    const old = new Y.Doc()
    old.getMap('m').set('before', '迁移前')
    const meetingId = '0b6a1a52-8f4e-4d59-9a4e-2f4b3c1d0e9f'
    const name = `council/c1/meeting/${meetingId}`
    await pool.query('INSERT INTO documents (name, data, updated_at) VALUES ($1, $2, now())', [name, Buffer.from(Y.encodeStateAsUpdate(old))])
    await pool.query('INSERT INTO councils (id, secret, registered_at) VALUES ($1, $2, now())', ['c1', 'sealed'])
    const s = await openStorage('postgres', { dataDir: '/nonexistent', databaseUrl: pgServer!.url(db) })
    onCleanup(() => s.close())
    const versions = await pgServer!.query<{ version: number }>(db, 'SELECT version FROM schema_version ORDER BY version')
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3])
    const doc = loaded(await s.documents.fetch(name))
    expect(doc.getMap('m').get('before')).toBe('迁移前')
    expect(await s.documents.meetingName(meetingId)).toBe(name)
    expect(s.registry.secretOf('c1')).toBe('sealed')
    doc.getMap('m').set('after', '迁移后')
    await s.documents.store(name, Y.encodeStateAsUpdate(doc), doc)
    expect(Number((await rowsOf(db, name)).n)).toBe(1)
    expect(loaded(await s.documents.fetch(name)).getMap('m').toJSON()).toEqual({ before: '迁移前', after: '迁移后' })
  })
})
