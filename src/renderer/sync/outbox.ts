// Documents whose changes the server may lack (edited offline, or made before the council was
// connected), kept in the council's settings (and in Dexie) so they survive the document closing
// and the app quitting, and sent later by opening each for the time it takes.
import type { CouncilSyncRow, YishiDb } from '../data/db'
import { recordUnpushed } from '../data/syncSettings'
import type { DocStore } from './docs'

// How many documents are sent at once, how long each may take, and how soon to try again in the
// background after a round that left some unsent.
const PUSH_PARALLEL = 6
const PUSH_TIMEOUT_MS = 15_000
const PUSH_RETRY_MS = 30_000

export class Outbox {
  /** The store closed documents are opened from. */
  docs: DocStore | null = null
  private pushing = new Map<string, Promise<boolean>>()
  private pushedAt = new Map<string, number>()

  constructor(
    private db: YishiDb,
    /** The manager's settings, shared: the outbox reads and updates each row's `unpushed`. */
    private settings: Map<string, CouncilSyncRow>,
    /** Resolves once the open document is acknowledged by the server, or cannot be soon. */
    private waitPushed: (name: string, timeoutMs: number) => Promise<unknown>,
  ) {}

  /** Sends the council's queued documents; resolves true once none is left. One round per council at a time. */
  push(councilId: string, onProgress: (done: number, total: number) => void = () => {}): Promise<boolean> {
    const running = this.pushing.get(councilId)
    if (running) return running
    const run = this.round(councilId, onProgress).finally(() => {
      this.pushing.delete(councilId)
      this.pushedAt.set(councilId, Date.now())
    })
    this.pushing.set(councilId, run)
    return run
  }

  /** The council is reachable: send what is left from before, in the background, unless tried lately. */
  pushIfDue(councilId: string, row: CouncilSyncRow): void {
    if (row.unpushed?.length && row.access === 'rw' && !this.pushing.has(councilId) && Date.now() - (this.pushedAt.get(councilId) ?? 0) > PUSH_RETRY_MS) {
      void this.push(councilId)
    }
  }

  /** Queues the document (if not already). */
  add(councilId: string, name: string): void {
    const row = this.settings.get(councilId)
    if (!row || row.unpushed?.includes(name)) return
    row.unpushed = [...(row.unpushed ?? []), name]
    recordUnpushed(this.db, councilId, row.unpushed).catch((e: unknown) => console.error('could not record an unsent document', e))
  }

  /** Takes the document off the queue: the server has it as this device has it. */
  remove(councilId: string, name: string): void {
    const row = this.settings.get(councilId)
    if (!row?.unpushed?.includes(name)) return
    row.unpushed = row.unpushed.filter((n) => n !== name)
    recordUnpushed(this.db, councilId, row.unpushed).catch((e: unknown) => console.error('could not record a sent document', e))
  }

  private async round(councilId: string, onProgress: (done: number, total: number) => void): Promise<boolean> {
    const row = this.settings.get(councilId)
    const docs = this.docs
    if (!row || row.access !== 'rw' || !docs) return true
    const queue = [...(row.unpushed ?? [])]
    const total = queue.length
    let done = 0
    onProgress(0, total)
    const one = async (name: string) => {
      try {
        await docs.acquire(name)
        await this.waitPushed(name, PUSH_TIMEOUT_MS)
      } catch (e) {
        console.error('could not send a document to the server', e)
      } finally {
        await docs.release(name)
        onProgress(++done, total)
      }
    }
    const worker = async () => {
      for (let name = queue.shift(); name; name = queue.shift()) await one(name)
    }
    await Promise.all(Array.from({ length: Math.min(PUSH_PARALLEL, total) }, worker))
    return !this.settings.get(councilId)?.unpushed?.length
  }
}
