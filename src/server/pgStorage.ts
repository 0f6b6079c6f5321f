// Storage 'postgres': one PostgreSQL database shared by every instance of a service (a district's
// or a city's councils behind a load balancer). Documents here; the registry in pgRegistry.ts,
// pending phone ballots in pgBallots.ts, the schema in pgMigrations.ts (run at every start).
//
// A store merges, never overwrites: it reads the row FOR UPDATE, merges through a Y.Doc
// (merge.ts) and writes back in the same transaction, so two instances storing one document at
// the same moment wait for each other and neither loses the other's edits.
//
// `pg` is loaded here by a dynamic import when this storage is opened (storage.ts imports this
// file dynamically too): importing server.ts, as the desktop app does, never loads it.
import type { Pool, PoolClient } from 'pg'
import { mergeStates } from './merge'
import { migrate, type PgModule } from './pgMigrations'
import { PgBallots } from './pgBallots'
import { PgRegistry } from './pgRegistry'
import { storageOf } from './storageOf'
import type { DocumentBackend, Storage } from './storageTypes'

export type { PgModule } from './pgMigrations'

/** The pg module (CommonJS: its exports arrive as `default` under ESM). */
export async function loadPg(): Promise<PgModule> {
  const mod = (await import('pg')) as PgModule & { default?: PgModule }
  return mod.default ?? mod
}

/** Opens the database at `url`, migrating its schema first. */
export async function openPostgresStorage(url: string, options: { poolSize?: number } = {}): Promise<Storage> {
  const pg = await loadPg()
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
  // An idle connection the server drops (a restart of PostgreSQL) must not end the process; the
  // next query opens another, and a query that fails is logged and retried by its caller.
  pool.on('error', () => {})
  try {
    const client = await pool.connect()
    try {
      await migrate(client)
    } finally {
      client.release()
    }
    const registry = await PgRegistry.open(pg, url, pool)
    const ballots = new PgBallots(pg, url, pool)
    const documents = new PgDocuments(pool)
    const storage = storageOf('postgres', documents, registry, () => {
      void pool.end().catch(() => {})
    })
    return {
      ...storage,
      ballots,
      close: async () => {
        await ballots.close()
        await storage.close()
      },
    }
  } catch (e) {
    await pool.end().catch(() => {})
    throw e
  }
}

const closedError = () => new Error('storage is closed')

export class PgDocuments implements DocumentBackend {
  private readonly pending = new Set<Promise<unknown>>()
  private closed = false

  constructor(private readonly pool: Pool) {}

  async fetch(name: string): Promise<Uint8Array | null> {
    if (this.closed) throw closedError()
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM documents WHERE name = $1', [name])
    return rows[0] ? new Uint8Array(rows[0].data) : null
  }

  async meetingName(meetingId: string): Promise<string | null> {
    if (this.closed) throw closedError()
    if (!/^[0-9a-f-]{36}$/.test(meetingId)) return null
    const { rows } = await this.pool.query<{ name: string }>('SELECT name FROM documents WHERE meeting_id = $1 LIMIT 1', [meetingId])
    return rows[0]?.name ?? null
  }

  store(name: string, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(closedError())
    const done = this.merge(name, update)
    this.pending.add(done)
    void done.finally(() => this.pending.delete(done)).catch(() => {})
    return done
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.allSettled([...this.pending])
  }

  private async merge(name: string, update: Uint8Array): Promise<void> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      try {
        await this.mergeIn(client, name, update)
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK').catch((r: Error) => (broken = r))
        throw e
      }
    } finally {
      client.release(broken)
    }
  }

  // The row locked, or inserted whole; an INSERT that meets a row another transaction has just
  // committed reads it again under the lock (ON CONFLICT waits for that transaction).
  private async mergeIn(client: PoolClient, name: string, update: Uint8Array): Promise<void> {
    for (;;) {
      const { rows } = await client.query<{ data: Buffer }>('SELECT data FROM documents WHERE name = $1 FOR UPDATE', [name])
      if (rows[0]) {
        const merged = mergeStates(new Uint8Array(rows[0].data), update)
        await client.query('UPDATE documents SET data = $2, updated_at = now() WHERE name = $1', [name, Buffer.from(merged)])
        return
      }
      const inserted = await client.query('INSERT INTO documents (name, data, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING', [name, Buffer.from(update)])
      if (inserted.rowCount === 1) return
    }
  }
}
