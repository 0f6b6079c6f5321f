// The server's one SQLite file (dataDir/yishi.sqlite, WAL): documents, councils and revoked
// codes. Documents are stored as whole Yjs states, merged with what is already stored, so two
// writers of one file (two instances on one machine) can never erase each other's edits.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'

export type SqliteDb = Database.Database

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
export function openDatabase(dataDir: string): SqliteDb {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, DATABASE_FILE))
  db.pragma('journal_mode = WAL')
  // FULL: a stored document survives a power cut, not only a crash; stores are debounced, so
  // the extra fsync is cheap.
  db.pragma('synchronous = FULL')
  // Another instance on this machine may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)
  return db
}

export class DocumentStore {
  private readonly select: Database.Statement<[string], { data: Buffer }>
  private readonly upsert: Database.Statement<[string, Buffer, string]>
  private readonly merge: (name: string, state: Uint8Array) => void

  constructor(
    db: SqliteDb,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.select = db.prepare('SELECT data FROM documents WHERE name = ?')
    this.upsert = db.prepare(
      'INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
    )
    // IMMEDIATE: take the write lock before reading, so no other writer slips in between.
    this.merge = db.transaction((name: string, state: Uint8Array) => {
      const row = this.select.get(name)
      const merged = row ? union(new Uint8Array(row.data), state) : state
      this.upsert.run(name, Buffer.from(merged), this.now())
    }).immediate
  }

  /** The stored state of `name`, or null if it was never stored. */
  fetch(name: string): Uint8Array | null {
    const row = this.select.get(name)
    return row ? new Uint8Array(row.data) : null
  }

  /** Stores a whole document state, merged with what is stored (a union: nothing is lost). */
  store(name: string, state: Uint8Array): void {
    this.merge(name, state)
  }
}

// Through a Y.Doc rather than Y.mergeUpdates: the doc garbage-collects content deleted since the
// stored state, where mergeUpdates would keep it and the row would only grow.
function union(stored: Uint8Array, state: Uint8Array): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, stored)
    Y.applyUpdate(doc, state)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
