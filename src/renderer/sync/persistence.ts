// Keeps a Y.Doc in IndexedDB, in y-indexeddb's layout (storedEntries.ts) and modelled on its
// IndexeddbPersistence, but with the compacted state packed (issue 20: about a sixth of the raw
// bytes). Each update is still added as it happens, raw, so "stored" stays as quick and as
// certain as before (DocStore.whenStored); compaction folds the raw entries into one packed
// entry, in one transaction, so an interrupted compaction leaves the entries as they were.
//
// When it compacts, and why:
// - after loading a database that holds more than one entry, or a raw one (a database y-indexeddb
//   wrote): deferred (COMPACT_DELAY_MS, then an idle moment), so a cold open never waits for it;
// - when raw entries pile up while the document is open (COMPACT_AFTER_ENTRIES or _BYTES), as
//   y-indexeddb trims at 500, deferred the same way;
// - on close, if anything is left to fold: the next open then reads one small entry.
import * as Y from 'yjs'
import { DocError } from '../../shared/doc/errors'
import { MAX_PACKED_STATE } from '../../shared/sync/packedUpdate'
import { takeReadAhead } from './prefetch'
import { compactedEntry, entryBytes, entryUpdate, isCompacted, openDocDb, readEntries, UPDATES_STORE } from './storedEntries'

/** Raw entries (or their bytes) written while open after which a compaction is scheduled. */
export const COMPACT_AFTER_ENTRIES = 500
export const COMPACT_AFTER_BYTES = 256 * 1024
/** A cold open of ten years shows its screen well within this; compaction waits for it. */
export const COMPACT_DELAY_MS = 3000

/** Schedules `run` later; returns what cancels it. */
export type Defer = (run: () => void) => () => void

/** COMPACT_DELAY_MS, then the browser's next idle moment (where there is one). */
export const afterStartup: Defer = (run) => {
  let idle: number | null = null
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: COMPACT_DELAY_MS })
    else run()
  }, COMPACT_DELAY_MS)
  return () => {
    clearTimeout(timer)
    if (idle !== null) cancelIdleCallback(idle)
  }
}

export class DocPersistence {
  db: IDBDatabase | null = null
  /** Resolves once the stored state is in the document; rejects with DocError('invalidDocument') if it cannot be read. */
  readonly whenSynced: Promise<DocPersistence>
  private destroyed = false
  /** The highest key whose entry is in the document. */
  private lastKey = 0
  /** Raw entries and bytes since the last compaction; `due` once a load found something to fold. */
  private raw = { entries: 0, bytes: 0, due: false }
  private cancelScheduled: (() => void) | null = null
  private compacting: Promise<void> | null = null

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly defer: Defer = afterStartup,
  ) {
    this.whenSynced = this.load()
    doc.on('update', this.storeUpdate)
    doc.on('destroy', this.destroy)
  }

  private async load(): Promise<DocPersistence> {
    const ahead = await takeReadAhead(this.name)?.catch(() => null)
    const db = ahead?.db ?? (await openDocDb(this.name))
    this.db = db
    if (this.destroyed) {
      db.close()
      return this
    }
    // What the document held before it was attached (DocStore's are new, so usually nothing).
    const before = this.doc.store.clients.size > 0 ? Y.encodeStateAsUpdate(this.doc) : null
    const { keys, values } = ahead ?? (await readEntries(db.transaction([UPDATES_STORE], 'readonly').objectStore(UPDATES_STORE)))
    this.apply(keys, values)
    if (before) this.storeUpdate(before, null)
    this.raw.due = values.length > 1 || (values.length === 1 && !isCompacted(values[0]) && entryBytes(values[0] as Uint8Array) <= MAX_PACKED_STATE)
    if (this.raw.due) this.schedule()
    return this
  }

  /** Applies stored entries (in one Yjs transaction, as y-indexeddb does), noting the last key. */
  private apply(keys: readonly number[], values: readonly unknown[]): void {
    const updates = values.map((v) => entryUpdate(this.name, v))
    // Unhooked while applying (synchronous: nothing else can write meanwhile): with an 'update'
    // listener Yjs encodes the whole applied state again only for storeUpdate to ignore it, a
    // tenth of a cold open's document load (issue 20).
    const listening = !this.destroyed
    if (listening) this.doc.off('update', this.storeUpdate)
    try {
      Y.transact(this.doc, () => updates.forEach((u) => Y.applyUpdate(this.doc, u)), this, false)
    } catch (e) {
      // A stored update Yjs cannot read: the document is damaged (architecture.md 3a, decode errors).
      throw new DocError('invalidDocument', { name: this.name, problem: 'update', cause: String(e) })
    } finally {
      if (listening) this.doc.on('update', this.storeUpdate)
    }
    if (keys.length) this.lastKey = Math.max(this.lastKey, keys[keys.length - 1]!)
  }

  private storeUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.db || this.destroyed || origin === this) return
    this.db.transaction([UPDATES_STORE], 'readwrite').objectStore(UPDATES_STORE).add(update)
    this.raw.entries++
    this.raw.bytes += update.length
    if (this.raw.entries >= COMPACT_AFTER_ENTRIES || this.raw.bytes >= COMPACT_AFTER_BYTES) this.schedule()
  }

  private schedule(): void {
    if (this.cancelScheduled || this.destroyed) return
    this.cancelScheduled = this.defer(() => {
      this.cancelScheduled = null
      this.compact().catch((e) => console.error(`compacting ${this.name} failed; its entries are kept as they were`, e))
    })
  }

  /** Whether anything is stored that a compaction would fold. */
  get needsCompaction(): boolean {
    return this.raw.due || this.raw.entries > 0
  }

  /**
   * Folds every entry into one packed entry of the document's state. One readwrite transaction
   * reads the entries, brings in any another window added since this one loaded (so deleting
   * them loses nothing), adds the packed state and deletes what it read.
   */
  compact(): Promise<void> {
    this.cancelScheduled?.()
    this.cancelScheduled = null
    const db = this.db
    if (!db || this.destroyed) return Promise.resolve()
    this.compacting ??= this.compactIn(db).finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  private compactIn(db: IDBDatabase): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const tx = db.transaction([UPDATES_STORE], 'readwrite')
      const store = tx.objectStore(UPDATES_STORE)
      // Raw writes queued before this transaction commit before it; later ones come after it.
      const counted = { ...this.raw }
      // Callbacks, not promises: the transaction must still be active when the writes are made.
      const keysReq = store.getAllKeys()
      const valuesReq = store.getAll()
      valuesReq.onsuccess = () => {
        try {
          const keys = keysReq.result as number[]
          const newer = keys.flatMap((k, i) => (k > this.lastKey ? [i] : []))
          this.apply(newer.map((i) => keys[i]!), newer.map((i) => valuesReq.result[i]))
          const state = Y.encodeStateAsUpdate(this.doc)
          // Past the packing bound (no real document is) the state is kept raw, as y-indexeddb would.
          store.add(state.length > MAX_PACKED_STATE ? state : compactedEntry(state)).onsuccess = (e) => {
            this.lastKey = Number((e.target as IDBRequest).result)
          }
          if (keys.length) store.delete(IDBKeyRange.upperBound(keys[keys.length - 1]!))
        } catch (e) {
          reject(e)
          tx.abort()
        }
      }
      tx.oncomplete = () => {
        this.raw = { entries: this.raw.entries - counted.entries, bytes: this.raw.bytes - counted.bytes, due: false }
        resolve()
      }
      tx.onabort = () => reject(tx.error ?? new Error('compaction aborted'))
    })
  }

  /** Compacts what is left to fold, then closes (DocStore, when the last screen gives a document back). */
  async close(): Promise<void> {
    const loaded = await this.whenSynced.then(
      () => true,
      () => false,
    )
    if (loaded && !this.destroyed && this.needsCompaction) {
      try {
        await this.compact()
      } catch (e) {
        // Nothing is lost: the raw entries stay and the next open folds them.
        console.error(`compacting ${this.name} on close failed`, e)
      }
    }
    await this.destroy()
  }

  /** Stops storing and closes the database, without compacting (a copy about to be deleted). */
  destroy = async (): Promise<void> => {
    this.cancelScheduled?.()
    this.cancelScheduled = null
    this.doc.off('update', this.storeUpdate)
    this.doc.off('destroy', this.destroy)
    this.destroyed = true
    await this.compacting?.catch(() => undefined)
    this.db?.close()
  }
}
