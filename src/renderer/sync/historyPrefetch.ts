// Documents of a council downloaded ahead of opening them (historyDownload.ts), and put into each
// one as it opens, BEFORE its provider attaches (SyncManager.attach): the provider's first
// message then carries the whole state vector, and the WebSocket brings only what changed since
// the download. The update goes into the Y.Doc like any update from the server, so the list rows
// (the projector) and y-indexeddb store it as they store a WebSocket sync.
// Downloads run a batch at a time, newest first, at most one batch ahead of the documents being
// opened, so a slow opener never holds more than two batches in memory.
import * as Y from 'yjs'
import type { CouncilSyncRow } from '../data/db'
import type { DocHandle } from './docs'
import { downloadHistory, type Fetch } from './historyDownload'

/** Origin of the downloaded updates (not the device's own changes: never queued to be sent). */
export const HISTORY_ORIGIN = 'history-download'

/** The batch size: small enough that the first rows come soon, large enough to compress well. */
export const HISTORY_BATCH = 16

export interface Prefetch {
  /** Resolves once the document's batch has arrived, or failed (then it syncs as before). */
  ready(name: string): Promise<void>
  /** Stops downloading and forgets what was not opened. */
  done(): void
}

export class HistoryPrefetch {
  private stash = new Map<string, Uint8Array>()
  private waiters = new Set<() => void>()

  constructor(
    private settingsOf: (councilId: string) => CouncilSyncRow | undefined,
    private fetchFn?: Fetch,
  ) {}

  /** Starts downloading `names` (documents of `councilId`, in the order they will be opened). */
  start(councilId: string, names: readonly string[], batch = HISTORY_BATCH): Prefetch {
    const arrived = new Map<string, { promise: Promise<void>; resolve: () => void }>()
    for (const name of names) {
      let resolve = () => {}
      const promise = new Promise<void>((r) => (resolve = r))
      arrived.set(name, { promise, resolve })
    }
    let stopped = false
    const run = async () => {
      for (let i = 0; i < names.length && !stopped; i += batch) {
        const part = names.slice(i, i + batch)
        // At most one batch waits to be opened while the next downloads.
        await this.until(() => stopped || this.waiting(names) <= batch)
        const row = this.settingsOf(councilId)
        const got = row && !stopped ? await downloadHistory({ serverUrl: row.serverUrl, councilId, code: row.code }, part, undefined, this.fetchFn) : null
        if (!stopped) for (const [name, update] of got ?? []) this.stash.set(name, update)
        for (const name of part) arrived.get(name)!.resolve()
        // An older server (or none): every later batch would fail alike.
        if (!got) break
      }
      for (const a of arrived.values()) a.resolve()
    }
    void run()
    return {
      ready: (name) => arrived.get(name)?.promise ?? Promise.resolve(),
      done: () => {
        stopped = true
        for (const name of names) this.stash.delete(name)
        this.notify()
      },
    }
  }

  /**
   * Puts what was downloaded for this document into it; called as it opens, before its provider
   * attaches. A document already open was synced by its provider: the download is only dropped.
   */
  applyTo(handle: DocHandle): void {
    const update = this.stash.get(handle.name)
    if (!update) return
    this.stash.delete(handle.name)
    this.notify()
    try {
      Y.applyUpdate(handle.doc, update, HISTORY_ORIGIN)
    } catch (e) {
      // A damaged update may have applied in part (yjs#599); the WebSocket sync that follows
      // exchanges state vectors and brings whatever is missing.
      console.error('could not apply a downloaded document', handle.name, e)
    }
  }

  private waiting(names: readonly string[]): number {
    return names.reduce((n, name) => n + (this.stash.has(name) ? 1 : 0), 0)
  }

  private until(test: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!test()) return
        this.waiters.delete(check)
        resolve()
      }
      this.waiters.add(check)
      check()
    })
  }

  private notify(): void {
    for (const w of [...this.waiters]) w()
  }
}
