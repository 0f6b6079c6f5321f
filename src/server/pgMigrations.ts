// The PostgreSQL schema of storage 'postgres', as numbered migrations that every instance runs at
// start. `schema_version` records each one applied; a migration runs in the same transaction as
// its row, under an advisory lock, so two instances starting at once never apply one twice. A
// database from a newer server (a version above ours) is refused rather than written blindly.
import type * as PgTypes from 'pg'
import type { ClientBase } from 'pg'

/** The pg module's shape (pgStorage.ts loads it; the others are handed it). */
export type PgModule = typeof PgTypes

/** The advisory-lock namespace (first key) of these migrations; pgBallots.ts uses another. */
export const MIGRATION_LOCK = 2101

export const MIGRATIONS: readonly { version: number; why: string; sql: string }[] = [
  {
    version: 1,
    why: 'documents, councils and revoked codes, as in yishi.sqlite',
    sql: `
CREATE TABLE documents (
  name TEXT PRIMARY KEY,
  data BYTEA NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE councils (
  id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  registered_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE revoked (
  council_id TEXT NOT NULL REFERENCES councils(id),
  code_id TEXT NOT NULL,
  revoked_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (council_id, code_id)
);`,
  },
  {
    version: 2,
    // Ballot addresses carry only the meeting id: finding its document must not scan every name
    // of a city. And phone ballots held until the seal move from files into the shared database.
    why: 'meeting ids indexed; pending phone ballots',
    sql: `
ALTER TABLE documents ADD COLUMN meeting_id TEXT GENERATED ALWAYS AS (substring(name from '^council/[^/]+/meeting/([0-9a-f-]{36})$')) STORED;
CREATE INDEX documents_meeting_id ON documents (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE TABLE phone_ballots (
  key TEXT PRIMARY KEY,
  state JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);`,
  },
  {
    version: 3,
    // Rewriting a document of 1–2 MB under a row lock at every store (about once a second while
    // people type) made keystrokes wait seconds at a city's scale: a store now appends only what is
    // new as a row here, and the rows are folded into documents.data now and then (pgCompaction.ts).
    // No foreign key: checking one would lock the base row that a fold holds. Existing rows load
    // unchanged: a document is its base row plus its update rows (none yet).
    why: 'documents stored append-only: update rows folded into the base now and then',
    sql: `
CREATE TABLE document_updates (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL,
  data BYTEA NOT NULL,
  added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX document_updates_name ON document_updates (name, id);`,
  },
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

/** Brings the database up to `target` (default: this server's version); returns the version it found. */
export async function migrate(client: ClientBase, target = SCHEMA_VERSION): Promise<number> {
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())')
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version')
    const found = rows[0]?.v ?? 0
    if (found > SCHEMA_VERSION) throw new Error(`the database has schema version ${found}, newer than this server's ${SCHEMA_VERSION}: update the server`)
    for (const m of MIGRATIONS) {
      if (m.version <= found || m.version > target) continue
      await client.query(m.sql)
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version])
    }
    await client.query('COMMIT')
    return found
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    throw e
  }
}
