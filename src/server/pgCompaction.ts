// Folding a document's update rows (pgDocuments.ts) into its base row, safely against instances
// appending at the same moment: the base row is locked (FOR UPDATE SKIP LOCKED: if another
// instance is folding it, this one leaves it), the update rows are read AFTER the lock (READ
// COMMITTED: a fresh snapshot per statement), merged through a Y.Doc (merge.ts: deleted content is
// garbage-collected, so the base does not only grow) and written, and then exactly the rows read
// are deleted, by id. A row appended while this runs was not read, is not deleted, and is folded
// next time. Appends never touch the base row, so they never wait for this lock.
import type { Pool } from 'pg'
import * as Y from 'yjs'
import { packedOrRaw, storedUpdate } from '../shared/sync/packedUpdate'

export interface CompactLimits {
  /** Fold once this many update rows were appended since the last fold… */
  rows: number
  /** …or this many bytes. */
  bytes: number
}

/** At resident-meeting pace (a store a second while people type) about one fold a minute per open document. */
export const COMPACT_AT: CompactLimits = { rows: 64, bytes: 2 * 1024 * 1024 }

/** Folds the update rows of `name` into its base; what it folded, or null if another instance holds the fold. */
export async function compact(pool: Pool, name: string): Promise<{ rows: number; bytes: number } | null> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    try {
      const base = await client.query<{ data: Buffer }>('SELECT data FROM documents WHERE name = $1 FOR UPDATE SKIP LOCKED', [name])
      if (!base.rows[0]) {
        await client.query('ROLLBACK')
        return null
      }
      const updates = await client.query<{ id: string; data: Buffer }>('SELECT id, data FROM document_updates WHERE name = $1 ORDER BY id', [name])
      if (updates.rows.length) {
        const merged = foldAll(base.rows[0].data, updates.rows)
        await client.query('UPDATE documents SET data = $2, updated_at = now() WHERE name = $1', [name, Buffer.from(merged)])
        await client.query('DELETE FROM document_updates WHERE id = ANY($1::bigint[])', [updates.rows.map((r) => r.id)])
      }
      await client.query('COMMIT')
      return { rows: updates.rows.length, bytes: updates.rows.reduce((n, r) => n + r.data.length, 0) }
    } catch (e) {
      await client.query('ROLLBACK').catch((r: Error) => (broken = r))
      throw e
    }
  } finally {
    client.release(broken)
  }
}

// Through a Y.Doc, like every merge of the other storages (merge.ts): deleted content is
// garbage-collected. Structs still missing what they refer to stay pending in the doc and are
// written out with it (encodeStateAsUpdate includes them), so nothing is dropped. The base is
// written packed; one written before packing is read as it is.
function foldAll(base: Uint8Array, updates: readonly { data: Uint8Array }[]): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, storedUpdate(new Uint8Array(base)))
    Y.applyUpdate(doc, Y.mergeUpdates(updates.map((u) => storedUpdate(new Uint8Array(u.data)))))
    return packedOrRaw(Y.encodeStateAsUpdate(doc))
  } finally {
    doc.destroy()
  }
}
