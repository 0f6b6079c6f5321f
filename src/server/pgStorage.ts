// Storage 'postgres': one PostgreSQL database shared by every instance of a service (a district's
// or a city's councils behind a load balancer). Documents here; the registry in pgRegistry.ts,
// pending phone ballots in pgBallots.ts, the schema in pgMigrations.ts (run at every start).
//
// A store merges, never overwrites: it appends what is new as a row (pgDocuments.ts), and the rows
// are folded into the document now and then (pgCompaction.ts); no instance ever rewrites what
// another stored. Phone ballots have their own connections (pgBallots.ts): stores never starve them.
//
// `pg` is loaded here by a dynamic import when this storage is opened (storage.ts imports this
// file dynamically too): importing server.ts, as the desktop app does, never loads it.
import { migrate, type PgModule } from './pgMigrations'
import { PgBallots } from './pgBallots'
import { PgDocuments } from './pgDocuments'
import { PgRegistry } from './pgRegistry'
import { storageOf } from './storageOf'
import type { Storage } from './storageTypes'

export type { PgModule } from './pgMigrations'
export { PgDocuments } from './pgDocuments'

/** The pg module (CommonJS: its exports arrive as `default` under ESM). */
export async function loadPg(): Promise<PgModule> {
  const mod = (await import('pg')) as PgModule & { default?: PgModule }
  return mod.default ?? mod
}

/** Connections for documents and the registry (PgBallots keeps its own for phones). */
export const DOCUMENT_POOL = 8

/** Opens the database at `url`, migrating its schema first. */
export async function openPostgresStorage(url: string, options: { poolSize?: number } = {}): Promise<Storage> {
  const pg = await loadPg()
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? DOCUMENT_POOL })
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
    const ballots = new PgBallots(pg, url)
    const documents = new PgDocuments(pool, ballots.pool)
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
