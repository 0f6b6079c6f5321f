// Pending phone ballots of storage 'postgres' (what ballotStore.ts keeps in files, in the table
// phone_ballots), so that every instance behind the load balancer can take a meeting's phones:
// a vote's lock is a PostgreSQL advisory lock held by a connection of its own for the whole
// cast or seal, so two instances never count the same vote at once; each put commits at once
// (autocommit), so a phone gets its receipt only for a ballot that is durable, as with the files.
// Phones have connections of their own (gets, puts and the meeting lookups of pgDocuments.ts), apart
// from the documents' pool: a city's stores, however many, never make a phone wait for one. An instance that dies holding a lock loses its connection, and with it the
// lock. Nothing is cached: another instance may have written since.
import { createHash } from 'node:crypto'
import type { Pool } from 'pg'
import { cleanPending, emptyPending, parsePending, UnreadableBallots } from './ballotStore'
import { KeyedMutex } from './keyedMutex'
import type { PgModule } from './pgMigrations'
import type { PendingBallotBackend, PendingBallots } from './storageTypes'

/** The advisory-lock namespace (first key) of vote locks (pgMigrations.ts uses 2101). */
export const BALLOT_LOCK = 2102
/** Connections for phones' reads and writes, and for vote locks held during a cast or a seal. */
export const PHONE_POOL = 3
export const LOCK_POOL = 4

const keyOf = (meeting: string, voteId: string): string => createHash('sha256').update(`${meeting}\n${voteId}`, 'utf8').digest('hex')
// Two votes sharing a 32-bit lock key only wait for each other; the row key is the whole hash.
const lockOf = (key: string): number => Number.parseInt(key.slice(0, 8), 16) | 0

export class PgBallots implements PendingBallotBackend {
  /** Casts of one vote on this instance queue here first, holding no connection while they wait. */
  private readonly local = new KeyedMutex()
  /** Phones' reads and writes (and meeting lookups): never shared with the documents' stores. */
  readonly pool: Pool
  /**
   * The connections holding vote locks, apart from `pool`: a lock holder's puts and gets use
   * `pool`, so locks held can never starve the writes their holders wait for.
   */
  private readonly lockPool: Pool
  private closed = false

  constructor(pg: PgModule, url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: PHONE_POOL })
    this.pool.on('error', () => {})
    this.lockPool = new pg.Pool({ connectionString: url, max: LOCK_POOL })
    this.lockPool.on('error', () => {})
  }

  async get(meeting: string, voteId: string): Promise<PendingBallots> {
    const key = keyOf(meeting, voteId)
    let rows: { state: unknown }[]
    try {
      rows = (await this.pool.query<{ state: unknown }>('SELECT state FROM phone_ballots WHERE key = $1', [key])).rows
    } catch (e) {
      throw new UnreadableBallots(`cannot read phone ballots ${key}: ${(e as Error).message}`)
    }
    return rows[0] ? parsePending(JSON.stringify(rows[0].state), meeting, voteId, key) : emptyPending(meeting, voteId)
  }

  async put(state: PendingBallots): Promise<void> {
    const clean = cleanPending(state)
    await this.pool.query(
      'INSERT INTO phone_ballots (key, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      [keyOf(state.meeting, state.voteId), JSON.stringify({ version: 1, ...clean })],
    )
  }

  locked<T>(meeting: string, voteId: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('phone ballots are closed'))
    const key = keyOf(meeting, voteId)
    return this.local.run(key, async () => {
      const client = await this.lockPool.connect()
      let broken: Error | undefined
      try {
        await client.query('SELECT pg_advisory_lock($1, $2)', [BALLOT_LOCK, lockOf(key)])
        try {
          return await task()
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, $2)', [BALLOT_LOCK, lockOf(key)]).catch((e: Error) => (broken = e))
        }
      } finally {
        // A connection whose unlock failed is dropped, which releases the lock in the server.
        client.release(broken)
      }
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await this.local.settle()
    await Promise.all([this.lockPool.end().catch(() => {}), this.pool.end().catch(() => {})])
  }
}
