// Documents of storage 'postgres', stored append-only: a store adds one row to document_updates
// holding only what this instance has not stored yet (the diff since the state vector it last
// stored or loaded), instead of rewriting a document of 1–2 MB under a row lock. A load reads the
// base row (documents.data) and its update rows in ONE statement (one snapshot, so a compaction
// committing meanwhile cannot hide the rows it folded) and merges them. Now and then (compact.ts
// rules: rows or bytes appended) an instance folds the rows into the base (pgCompaction.ts).
//
// Stores still merge, never overwrite: every row is a union member and nothing is ever replaced
// by a state that lacks it. A store resolves once its row is committed, so "stored" (the report
// clients wait for) still means durable in PostgreSQL.
//
// The base row is packed (shared/sync/packedUpdate.ts) where it is created and when rows are
// folded into it; update rows stay raw, as small as a store. Rows written before packing are
// read as they are.
import type { Pool } from 'pg'
import * as Y from 'yjs'
import { packedOrRaw, storedUpdate } from '../shared/sync/packedUpdate'
import { compact, COMPACT_AT, type CompactLimits } from './pgCompaction'
import type { DocumentBackend } from './storageTypes'

const closedError = () => new Error('storage is closed')

/** Base first (id 0), then the update rows in the order they were added; one statement, one snapshot. */
export const STORED_ROWS_SQL = `SELECT 0::bigint AS id, data FROM documents WHERE name = $1
UNION ALL SELECT id, data FROM document_updates WHERE name = $1 ORDER BY id`

/** A document's stored state from its rows (base and updates), or null when there are none. */
export function mergeRows(rows: readonly { data: Uint8Array }[]): Uint8Array | null {
  if (!rows.length) return null
  if (rows.length === 1) return storedUpdate(new Uint8Array(rows[0]!.data))
  return Y.mergeUpdates(rows.map((r) => storedUpdate(new Uint8Array(r.data))))
}

/** What this instance knows of a document it loaded or stored. */
interface Known {
  /** The state vector of what is surely stored (conservative: a gap stops counting). */
  sv: Uint8Array
  /** Whether the base row exists (appends then need not try to create it). */
  based: boolean
  /** Update rows and bytes appended since the last compaction (as far as this instance knows). */
  rows: number
  bytes: number
}

/** How many documents' state vectors are kept; one forgotten is simply stored whole next time. */
const KNOWN_MAX = 50_000

export class PgDocuments implements DocumentBackend {
  private readonly pending = new Set<Promise<unknown>>()
  private readonly known = new Map<string, Known>()
  private readonly toCompact = new Set<string>()
  private compacting: Promise<void> | null = null
  private closed = false

  /**
   * `lookups` answers meetingName (asked by phone ballots): the phones' pool, so stores never
   * make a phone wait.
   */
  constructor(
    private readonly pool: Pool,
    private readonly lookups: Pool = pool,
    private readonly limits: CompactLimits = COMPACT_AT,
  ) {}

  async fetch(name: string): Promise<Uint8Array | null> {
    if (this.closed) throw closedError()
    const { rows } = await this.pool.query<{ id: string; data: Buffer }>(STORED_ROWS_SQL, [name])
    const state = mergeRows(rows)
    if (!state) {
      this.known.delete(name)
      return null
    }
    const updates = rows.filter((r) => r.id !== '0')
    this.remember(name, {
      sv: Y.encodeStateVectorFromUpdate(state),
      based: rows[0]!.id === '0',
      rows: updates.length,
      bytes: updates.reduce((n, r) => n + r.data.length, 0),
    })
    this.maybeCompact(name)
    return state
  }

  async meetingName(meetingId: string): Promise<string | null> {
    if (this.closed) throw closedError()
    if (!/^[0-9a-f-]{36}$/.test(meetingId)) return null
    const { rows } = await this.lookups.query<{ name: string }>('SELECT name FROM documents WHERE meeting_id = $1 LIMIT 1', [meetingId])
    return rows[0]?.name ?? null
  }

  store(name: string, update: Uint8Array, doc?: Y.Doc): Promise<void> {
    if (this.closed) return Promise.reject(closedError())
    const done = this.append(name, update, doc)
    this.pending.add(done)
    void done.finally(() => this.pending.delete(done)).catch(() => {})
    return done
  }

  async close(): Promise<void> {
    this.closed = true
    this.toCompact.clear()
    await Promise.allSettled([...this.pending, this.compacting])
  }

  private async append(name: string, update: Uint8Array, doc?: Y.Doc): Promise<void> {
    const known = this.known.get(name)
    // The diff is taken now, synchronously: from the live doc when given (cheaper than parsing the
    // whole state, and it may hold more than `update`, never less), else from the update.
    const diff = !known ? update : doc ? Y.encodeStateAsUpdate(doc, known.sv) : Y.diffUpdate(update, known.sv)
    const sv = doc ? Y.encodeStateVector(doc) : Y.encodeStateVectorFromUpdate(update)
    if (known?.based) {
      await this.pool.query('INSERT INTO document_updates (name, data) VALUES ($1, $2)', [name, Buffer.from(diff)])
    } else {
      // A document new to the database gets its base row from this update (packed); one that exists
      // (another instance created it) gets an update row. Both in one statement.
      await this.pool.query(
        `WITH base AS (INSERT INTO documents (name, data, updated_at) VALUES ($1, $3, now()) ON CONFLICT (name) DO NOTHING RETURNING 1)
INSERT INTO document_updates (name, data) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM base)`,
        [name, Buffer.from(diff), Buffer.from(packedOrRaw(diff))],
      )
    }
    const now = this.known.get(name)
    this.remember(name, {
      // Another store of this document may have finished meanwhile: both are stored, so the union.
      sv: now ? unionOf(now.sv, sv) : sv,
      based: true,
      rows: (now?.rows ?? 0) + 1,
      bytes: (now?.bytes ?? 0) + diff.length,
    })
    this.maybeCompact(name)
  }

  private remember(name: string, k: Known): void {
    this.known.delete(name)
    this.known.set(name, k)
    if (this.known.size > KNOWN_MAX) this.known.delete(this.known.keys().next().value!)
  }

  private maybeCompact(name: string): void {
    const k = this.known.get(name)
    if (this.closed || !k || (k.rows < this.limits.rows && k.bytes < this.limits.bytes)) return
    this.toCompact.add(name)
    this.compacting ??= this.compactAll().finally(() => (this.compacting = null))
  }

  // One compaction at a time per instance: each holds a connection and a CPU for a moment.
  private async compactAll(): Promise<void> {
    for (;;) {
      const name = this.toCompact.values().next().value
      if (name === undefined || this.closed) return
      this.toCompact.delete(name)
      const k = this.known.get(name)
      try {
        const folded = await compact(this.pool, name)
        // Rows appended while it ran (here or elsewhere) stay counted; skipped (another instance
        // folding it right now): ours count again from zero.
        if (k) k.rows = folded ? Math.max(0, k.rows - folded.rows) : 0
        if (k) k.bytes = folded ? Math.max(0, k.bytes - folded.bytes) : 0
      } catch {
        // Tried again after as many appends again; the rows are still there, nothing is lost.
        if (k) k.rows = k.bytes = 0
      }
    }
  }
}

/** Per client the higher clock: both state vectors are stored, so their union is. */
function unionOf(a: Uint8Array, b: Uint8Array): Uint8Array {
  const m = Y.decodeStateVector(a)
  for (const [client, clock] of Y.decodeStateVector(b)) if ((m.get(client) ?? 0) < clock) m.set(client, clock)
  // Yjs exports no encoder of a state vector map: its format by hand (varuint count, then pairs).
  const bytes: number[] = []
  const varUint = (n: number) => {
    for (; n > 0x7f; n = Math.floor(n / 128)) bytes.push(0x80 | (n % 128))
    bytes.push(n)
  }
  varUint(m.size)
  for (const [client, clock] of m) {
    varUint(client)
    varUint(clock)
  }
  return Uint8Array.from(bytes)
}
