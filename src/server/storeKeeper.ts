// Storing documents without ever dying of it: a store that fails (a full disk, SQLite "database
// or disk is full", a read-only folder) is logged, reported to the document's clients as not
// stored, and retried with a growing delay (the whole document each time, so nothing written
// meanwhile is missed) until it succeeds; it is never re-thrown into Hocuspocus, which does not
// await its store hook (an unhandled rejection would end the process, and with it every write
// not yet on disk). After each store the clients are told the state vector now on disk.
import * as Y from 'yjs'
import { encodeStoreReport } from '../shared/sync/storeReport'
import { errorText, type SyncServerLogger } from './log'
import type { DocumentBackend } from './storageTypes'

/** What a Hocuspocus document offers here: a Y.Doc that can message its connections. */
export type StoredDoc = Y.Doc & { name: string; broadcastStateless?: (payload: string) => void }

export const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000]

export class StoreKeeper {
  private readonly retrying = new Map<string, { doc: StoredDoc; attempt: number; timer: ReturnType<typeof setTimeout> | null }>()
  /** The state vector on disk of each loaded document (from its load, then from each store). */
  private readonly onDisk = new WeakMap<Y.Doc, Uint8Array>()
  private closed = false

  constructor(
    private readonly documents: DocumentBackend,
    private readonly log: SyncServerLogger,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** The document was loaded with this stored state (null: never stored). */
  loaded(doc: Y.Doc, state: Uint8Array | null): void {
    this.onDisk.set(doc, state ? Y.encodeStateVectorFromUpdate(state) : Y.encodeStateVector(new Y.Doc()))
  }

  /**
   * Tells a client that just connected what is on disk: one whose changes the server already
   * stored (sent before a drop, say) would otherwise wait for a store that has nothing to do.
   */
  reportTo(connection: { sendStateless(payload: string): void }, doc: Y.Doc | undefined): void {
    const sv = doc && this.onDisk.get(doc)
    if (!sv) return
    try {
      connection.sendStateless(encodeStoreReport({ kind: 'stored', stateVector: sv }))
    } catch {
      // Closed meanwhile.
    }
  }

  /** Stores the document (its whole state unless given: the doc's, now); resolves true once stored, false if it failed (a retry is scheduled). */
  async store(doc: StoredDoc, state: Uint8Array = Y.encodeStateAsUpdate(doc)): Promise<boolean> {
    const name = doc.name
    // `state` is the doc's state of this very moment (Hocuspocus encodes it in the same tick), so
    // the doc's state vector now is what the store makes durable, read from the doc instead of by
    // parsing the whole state again (tens of ms for a large meeting). Pending structs are left
    // out: the report may say less than was stored, never more.
    const sv = Y.encodeStateVector(doc)
    try {
      await this.documents.store(name, state, doc)
    } catch (e) {
      const retry = this.retrying.get(name)
      const attempt = (retry?.attempt ?? 0) + 1
      this.log({ type: 'store-failed', documentName: name, error: errorText(e), attempt })
      report(doc, encodeStoreReport({ kind: 'store-failed' }))
      this.schedule(doc, attempt)
      return false
    }
    const retry = this.retrying.get(name)
    if (retry) {
      if (retry.timer) clearTimeout(retry.timer)
      this.retrying.delete(name)
      this.log({ type: 'store-recovered', documentName: name, attempts: retry.attempt })
    }
    this.onDisk.set(doc, sv)
    report(doc, encodeStoreReport({ kind: 'stored', stateVector: sv }))
    return true
  }

  /** Documents whose last store failed and are waiting for a retry. */
  get failing(): string[] {
    return [...this.retrying.keys()]
  }

  /** Tries every failing document once more now (closing), then stops retrying. */
  async close(): Promise<void> {
    this.closed = true
    const pending = [...this.retrying.values()]
    for (const r of pending) if (r.timer) clearTimeout(r.timer)
    await Promise.all(pending.map((r) => this.store(r.doc)))
    for (const r of this.retrying.values()) if (r.timer) clearTimeout(r.timer)
    this.retrying.clear()
  }

  private schedule(doc: StoredDoc, attempt: number): void {
    const old = this.retrying.get(doc.name)
    if (old?.timer) clearTimeout(old.timer)
    if (this.closed) {
      this.retrying.set(doc.name, { doc, attempt, timer: null })
      return
    }
    const delay = this.delays[Math.min(attempt - 1, this.delays.length - 1)]!
    // The retry holds the document: unloaded by Hocuspocus meanwhile, its state is still stored.
    const timer = setTimeout(() => void this.store(doc), delay)
    this.retrying.set(doc.name, { doc, attempt, timer })
  }
}

function report(doc: StoredDoc, payload: string): void {
  try {
    doc.broadcastStateless?.(payload)
  } catch {
    // A connection closing at this moment: it resyncs when it comes back.
  }
}
