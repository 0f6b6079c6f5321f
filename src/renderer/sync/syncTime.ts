// The time of each council's last sync: kept on its settings row at once, and written to Dexie at
// most every few seconds while edits stream in (the latest time once a burst is over).
import type { CouncilSyncRow, YishiDb } from '../data/db'
import { recordSynced } from '../data/syncSettings'

const PERSIST_EVERY_MS = 5_000

export class SyncTimes {
  private persistedAt = new Map<string, number>()
  private pendingPersist = new Set<string>()
  private timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(
    private db: YishiDb,
    /** The manager's settings, shared: the time is set on the council's row. */
    private settings: Map<string, CouncilSyncRow>,
  ) {}

  record(councilId: string, row: CouncilSyncRow, now: string): void {
    row.lastSyncedAt = now
    const last = this.persistedAt.get(councilId) ?? 0
    if (Date.now() - last >= PERSIST_EVERY_MS) {
      this.persistedAt.set(councilId, Date.now())
      recordSynced(this.db, councilId, now).catch((e: unknown) => console.error('could not record the sync time', e))
    } else if (!this.pendingPersist.has(councilId)) {
      // Edits streaming in: the latest time is written once the burst is over.
      this.pendingPersist.add(councilId)
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        this.pendingPersist.delete(councilId)
        this.persistedAt.set(councilId, Date.now())
        const latest = this.settings.get(councilId)?.lastSyncedAt
        if (latest) recordSynced(this.db, councilId, latest).catch((e: unknown) => console.error('could not record the sync time', e))
      }, PERSIST_EVERY_MS)
      this.timers.add(timer)
    }
  }

  /** The manager stops (the app closes its database next): nothing more is written. */
  stop(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.pendingPersist.clear()
  }
}
