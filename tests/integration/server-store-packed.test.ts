// Every storage keeps a document's state packed at rest (shared/sync/packedUpdate.ts, issue 20
// stored bytes), and a row or file written before packing still loads and is packed by the next
// store, keeping what it held. Read apart from the server: the SQLite file by its own connection,
// the document's file, the PostgreSQL base row by its own client.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCS_DIR, documentFileName } from '../../src/server/fileStorage'
import { compact } from '../../src/server/pgCompaction'
import type { StorageKind } from '../../src/server/storage'
import type { Storage } from '../../src/server/storageTypes'
import { isPacked } from '../../src/shared/sync/packedUpdate'
import { databaseFor, onCleanup, openClosedAtCleanup, loadStored, runCleanups, tempDir, withPostgres } from './server-fixtures'

afterEach(runCleanups)

const NAME = 'council/5b0c0e3a-8f1d-4a61-9d7e-3c2b1a0f9e88'

const open = openClosedAtCleanup

async function sql<T extends object>(dir: string, text: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: await databaseFor(dir) })
  await client.connect()
  try {
    return (await client.query<T>(text, params)).rows
  } finally {
    await client.end()
  }
}

/** The bytes stored for NAME (postgres: its base row). */
async function atRest(kind: StorageKind, dir: string): Promise<Uint8Array> {
  if (kind === 'files') return readFileSync(join(dir, DOCS_DIR, documentFileName(NAME)))
  if (kind === 'postgres') return (await sql<{ data: Buffer }>(dir, 'SELECT data FROM documents WHERE name = $1', [NAME]))[0]!.data
  const db = new Database(join(dir, 'yishi.sqlite'), { readonly: true })
  try {
    return db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?').get(NAME)!.data
  } finally {
    db.close()
  }
}

/** Writes `state` raw, where and as the storage kept it before packing. */
async function writeRaw(kind: StorageKind, dir: string, state: Uint8Array): Promise<void> {
  if (kind === 'files') return writeFileSync(join(dir, DOCS_DIR, documentFileName(NAME)), state)
  if (kind === 'postgres') {
    await sql(dir, 'INSERT INTO documents (name, data, updated_at) VALUES ($1, $2, now())', [NAME, Buffer.from(state)])
    return
  }
  const db = new Database(join(dir, 'yishi.sqlite'))
  try {
    db.prepare('INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?)').run(NAME, Buffer.from(state), new Date().toISOString())
  } finally {
    db.close()
  }
}

/** A document worth packing: a few hundred entries of repetitive text, as minutes and registers are. */
function bigDoc(prefix: string): Y.Doc {
  const doc = new Y.Doc()
  for (let i = 0; i < 400; i++) doc.getMap('m').set(`${prefix}${i}`, `第${i}项：居民议事会会议记录，内容照录`)
  return doc
}

const load = (s: Storage) => loadStored(s, NAME)

describe.each(withPostgres())('storage %s at rest', (kind) => {
  it('keeps a stored document packed, much smaller, and loads it back whole', async () => {
    const dir = tempDir()
    const s = await open(kind, dir)
    const doc = bigDoc('a')
    const state = Y.encodeStateAsUpdate(doc)
    await s.documents.store(NAME, state, doc)
    const stored = await atRest(kind, dir)
    expect(isPacked(stored)).toBe(true)
    expect(stored.length).toBeLessThan(state.length / 3)
    expect((await load(s)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON())
  })

  it('reads a document stored raw before packing, and the next store packs it keeping both', async () => {
    const dir = tempDir()
    // Opened first so the folder or database has its tables.
    const s = await open(kind, dir)
    const old = bigDoc('old')
    await writeRaw(kind, dir, Y.encodeStateAsUpdate(old))
    expect(isPacked(await atRest(kind, dir))).toBe(false)

    const loaded = await load(s)
    expect(loaded.getMap('m').get('old399')).toBe(old.getMap('m').get('old399'))
    loaded.getMap('m').set('new', '新的一项')
    await s.documents.store(NAME, Y.encodeStateAsUpdate(loaded), loaded)
    if (kind === 'postgres') {
      // Postgres appends the store as an update row; folding it in (pgCompaction.ts) packs the base.
      const pool = new pg.Pool({ connectionString: await databaseFor(dir) })
      onCleanup(() => pool.end())
      expect(await compact(pool, NAME)).toMatchObject({ rows: 1 })
    }
    expect(isPacked(await atRest(kind, dir))).toBe(true)
    const again = await load(await open(kind, dir))
    expect(again.getMap('m').get('new')).toBe('新的一项')
    expect(again.getMap('m').size).toBe(401)
  })
})
