// The SQLite backend (storage 'sqlite', the default of `npm run server`): one file,
// dataDir/yishi.sqlite (WAL), with documents, councils and revoked codes. Documents are stored as
// whole Yjs states, packed (merge.ts; rows written before packing are read as they are), merged
// with what is already stored inside an IMMEDIATE transaction, so two
// writers of one file (two instances on one machine) can never erase each other's edits.
//
// better-sqlite3 is a native module: it is loaded here, by a dynamic import when a database is
// opened, and nowhere else, so that importing server.ts (as the desktop app does, whose embedded
// host uses the 'files' backend) never loads it.
import { closeSync, mkdirSync, openSync } from 'node:fs'
import { storageOf } from './storageOf'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { StoreMerger } from './merge'
import { storedUpdate } from '../shared/sync/packedUpdate'
import type { DocumentBackend, RegistryBackend, Storage } from './storageTypes'

export type SqliteDb = BetterSqlite3.Database

export const DATABASE_FILE = 'yishi.sqlite'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS councils (
  id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  registered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS revoked (
  council_id TEXT NOT NULL REFERENCES councils(id),
  code_id TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  PRIMARY KEY (council_id, code_id)
);
`

/** Opens (creating if needed) dataDir/yishi.sqlite in WAL mode with the schema in place. */
export async function openDatabase(dataDir: string): Promise<SqliteDb> {
  const { default: Database } = await import('better-sqlite3')
  mkdirSync(dataDir, { recursive: true })
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
  closeSync(openSync(join(dataDir, DATABASE_FILE), 'a', 0o600))
  const db = new Database(join(dataDir, DATABASE_FILE))
  try {
    db.pragma('journal_mode = WAL')
    // FULL: a stored document survives a power cut, not only a crash; stores are debounced, so
    // the extra fsync is cheap.
    db.pragma('synchronous = FULL')
    // Another instance on this machine may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000')
    db.pragma('foreign_keys = ON')
    // Freed space is zeroed: a council secret replaced by its sealed form leaves no trace in the file.
    db.pragma('secure_delete = ON')
    db.exec(SCHEMA)
  } catch (e) {
    db.close()
    throw e
  }
  return db
}

/** The 'sqlite' storage of a data folder. */
export async function openSqliteStorage(dataDir: string): Promise<Storage> {
  const db = await openDatabase(dataDir)
  const documents = new SqliteDocuments(db)
  const registry = new SqliteRegistry(db)
  return storageOf('sqlite', documents, registry, () => db.close())
}

const closedError = () => new Error('storage is closed')

export class SqliteDocuments implements DocumentBackend {
  private readonly select: BetterSqlite3.Statement<[string], { data: Buffer }>
  private readonly byMeeting: BetterSqlite3.Statement<[string], { name: string }>
  private readonly upsert: BetterSqlite3.Statement<[string, Buffer, string]>
  private readonly merge: (name: string, state: Uint8Array, doc?: object) => void
  private readonly merger = new StoreMerger()
  private closed = false

  constructor(
    db: SqliteDb,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.select = db.prepare('SELECT data FROM documents WHERE name = ?')
    this.byMeeting = db.prepare("SELECT name FROM documents WHERE name LIKE 'council/%/meeting/' || ? LIMIT 1")
    this.upsert = db.prepare(
      'INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
    )
    // IMMEDIATE: take the write lock before reading, so no other writer slips in between.
    this.merge = db.transaction((name: string, state: Uint8Array, doc?: object) => {
      const row = this.select.get(name)
      const merged = this.merger.next(name, row ? new Uint8Array(row.data) : null, state, doc)
      this.upsert.run(name, Buffer.from(merged), this.now())
    }).immediate
  }

  async meetingName(meetingId: string): Promise<string | null> {
    if (this.closed) throw closedError()
    // A meeting id is a UUID (no % or _), so LIKE matches it literally.
    if (!/^[0-9a-f-]{36}$/.test(meetingId)) return null
    return this.byMeeting.get(meetingId)?.name ?? null
  }

  async fetch(name: string): Promise<Uint8Array | null> {
    if (this.closed) throw closedError()
    const row = this.select.get(name)
    return row ? storedUpdate(new Uint8Array(row.data)) : null
  }

  async store(name: string, update: Uint8Array, doc?: object): Promise<void> {
    if (this.closed) throw closedError()
    this.merge(name, update, doc)
  }

  // Every store is synchronous (one transaction): nothing is ever pending.
  async close(): Promise<void> {
    this.closed = true
  }
}

export class SqliteRegistry implements RegistryBackend {
  private readonly q
  private closed = false

  constructor(private readonly db: SqliteDb) {
    this.q = {
      secret: db.prepare<[string], { secret: string }>('SELECT secret FROM councils WHERE id = ?'),
      ids: db.prepare<[], { id: string }>('SELECT id FROM councils'),
      insert: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO councils (id, secret, registered_at) VALUES (?, ?, ?)'),
      rotate: db.prepare<[string, string, string]>('UPDATE councils SET secret = ? WHERE id = ? AND secret = ?'),
      revoked: db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM revoked WHERE council_id = ? AND code_id = ?'),
      revoke: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO revoked (council_id, code_id, revoked_at) VALUES (?, ?, ?)'),
    }
  }

  councilIds(): string[] {
    return this.q.ids.all().map((r) => r.id)
  }

  // The WAL holds older versions of the pages until a checkpoint copies the new ones back.
  async forgetOldSecrets(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  secretOf(councilId: string): string | null {
    return this.q.secret.get(councilId)?.secret ?? null
  }

  isRevoked(councilId: string, codeId: string): boolean {
    return this.q.revoked.get(councilId, codeId) !== undefined
  }

  async addCouncil(councilId: string, secret: string, registeredAt: string): Promise<boolean> {
    if (this.closed) throw closedError()
    return this.q.insert.run(councilId, secret, registeredAt).changes === 1
  }

  async replaceSecret(councilId: string, expected: string, next: string): Promise<boolean> {
    if (this.closed) throw closedError()
    return this.q.rotate.run(next, councilId, expected).changes === 1
  }

  async addRevoked(councilId: string, codeId: string, revokedAt: string): Promise<void> {
    if (this.closed) throw closedError()
    this.q.revoke.run(councilId, codeId, revokedAt)
  }

  async close(): Promise<void> {
    this.closed = true
  }
}
