// What a document's IndexedDB database holds, entry by entry (y-indexeddb's layout: one database
// per document name, store 'updates' with autoIncrement keys, store 'custom'). An entry is either
// a raw Yjs update (a bare Uint8Array: what y-indexeddb wrote, and each keystroke until the next
// compaction) or a compacted entry, the document's whole state packed (shared/sync/packedUpdate.ts)
// inside an object, so the two shapes can never be confused and y-indexeddb itself would refuse a
// packed entry rather than misread it. Every reader of the store goes through entryUpdate.
import { DocError } from '../../shared/doc/errors'
import { isPacked, packUpdate, PackedUpdateError, unpackUpdate } from '../../shared/sync/packedUpdate'

export const UPDATES_STORE = 'updates'
export const CUSTOM_STORE = 'custom'

/** A compacted entry: Y.encodeStateAsUpdate(doc), packed. */
export interface CompactedEntry {
  packed: Uint8Array
}

export type StoredEntry = Uint8Array | CompactedEntry

/** The entry the persistence writes for a compacted document (the bench measures exactly this). */
export const compactedEntry = (state: Uint8Array): CompactedEntry => ({ packed: packUpdate(state) })

/** Bytes an entry takes (its update, or its packed bytes). */
export const entryBytes = (entry: StoredEntry): number => (entry instanceof Uint8Array ? entry.length : entry.packed.length)

export const isCompacted = (value: unknown): value is CompactedEntry =>
  typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && (value as { packed?: unknown }).packed instanceof Uint8Array

/**
 * The Yjs update an entry holds. Anything else (a damaged or hostile entry, a packed one that
 * claims too much or does not inflate to its size) is DocError('invalidDocument') naming the
 * document and why, which the screens show as a damaged document: never a hang, never more memory
 * than the bound in packedUpdate.ts.
 */
export function entryUpdate(name: string, value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value
  if (!isCompacted(value) || !isPacked(value.packed)) throw new DocError('invalidDocument', { name, problem: 'entry' })
  try {
    return unpackUpdate(value.packed)
  } catch (e) {
    if (e instanceof PackedUpdateError) throw new DocError('invalidDocument', { name, problem: e.problem })
    throw e
  }
}

/** Opens (creating with y-indexeddb's stores) the database of document `name`. */
export function openDocDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name)
    req.onupgradeneeded = () => {
      req.result.createObjectStore(UPDATES_STORE, { autoIncrement: true })
      req.result.createObjectStore(CUSTOM_STORE)
    }
    req.onerror = () => reject(req.error)
    req.onsuccess = () => {
      const db = req.result
      // Another window deleting this database (a discarded copy) is not kept waiting.
      db.onversionchange = () => db.close()
      resolve(db)
    }
  })
}

/** Every entry of the store with its key, read in the store's transaction. */
export function readEntries(store: IDBObjectStore): Promise<{ keys: number[]; values: unknown[] }> {
  return new Promise((resolve, reject) => {
    const keys = store.getAllKeys()
    const values = store.getAll()
    values.onsuccess = () => resolve({ keys: keys.result as number[], values: values.result })
    values.onerror = () => reject(values.error)
    keys.onerror = () => reject(keys.error)
  })
}
