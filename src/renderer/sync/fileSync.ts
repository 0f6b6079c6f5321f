// Attached files travel with the documents: whenever one of a council's documents has synced (on
// connecting, reconnecting, a remote change or a store), the SyncManager (provider.ts) calls
// `kick`; a little later this sends the council's files still pending (read-write codes only) and
// fetches the files its open matters and fund documents refer to that this device lacks (files.ts).
// A run never holds up the documents: it starts after them, on its own, one at a time per council.
// What could not move (server unreachable, a file another laptop has not sent yet) is tried again on
// the sync backoff for a few rounds, then at the council's next sync.
// A server with no room left for the council's files (quotaFull) is not asked again at every sync
// (a store comes with every few keystrokes): uploads pause for QUOTA_PAUSE_MS, the files stay
// pending, and the council's sync status says so (quotaFull) until an upload run gets through.
import type * as Y from 'yjs'
import type { CouncilSyncRow, YishiDb } from '../data/db'
import { readFundFileRefs } from '../../shared/doc/fundRead'
import { readAllFileRefs } from '../../shared/doc/mattersFollowUp'
import { parseAnyDocName } from '../../shared/doc/names'
import type { FileRef } from '../../shared/files/fileRef'
import { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff'
import { fetchMissing, uploadPending, type FileTransfer } from './files'

/** Let a burst of updates (a document loading, a sync handshake) settle into one run. */
const SETTLE_MS = 300
/** Retries on the backoff after a run left something behind; then the council's next sync tries again. */
const MAX_RETRIES = 8
const RETRY: ReadonlySet<FileTransfer['result']> = new Set(['unreachable', 'notOnServer', 'corrupt'])
/** How long uploads of a council whose server is full wait before asking again (fetches go on). */
export const QUOTA_PAUSE_MS = 10 * 60_000

/** The file references a document holds, if it is a kind that holds any (matters and fund years). */
export function fileRefsOf(name: string, doc: Y.Doc): FileRef[] {
  const kind = parseAnyDocName(name)?.kind
  if (kind === 'matters') return readAllFileRefs(doc)
  if (kind === 'fund') return readFundFileRefs(doc)
  return []
}

interface CouncilRun {
  timer: ReturnType<typeof setTimeout> | null
  running: Promise<void> | null
  again: boolean
  failures: number
}

export interface FileSyncOptions {
  db: YishiDb
  now: () => string
  /** The council's current settings (null once it is forgotten). */
  settingsOf: (councilId: string) => CouncilSyncRow | undefined
  /** What the council's open documents refer to. */
  refsOf: (councilId: string) => FileRef[]
  backoff?: Backoff
  /** Told when a council's quotaFull() changes (the sync status shows it). */
  changed?: (councilId: string) => void
  /** Milliseconds since the epoch (tests move it past the pause). */
  clock?: () => number
}

export class FileSync {
  private runs = new Map<string, CouncilRun>()
  /** Councils whose server refused an upload for lack of room: until when their uploads wait. */
  private fullUntil = new Map<string, number>()
  private stopped = false
  /** Hears every run's outcome (tests watch it; the app has no use for it yet). */
  onRun: (councilId: string, results: FileTransfer[]) => void = () => {}

  constructor(private options: FileSyncOptions) {}

  /** One of the council's documents synced: move its files soon (once, however many syncs come). */
  kick(councilId: string): void {
    if (this.stopped) return
    const run = this.runOf(councilId)
    run.failures = 0
    this.schedule(councilId, run, SETTLE_MS)
  }

  /** Resolves once no run of the council is waiting or going (tests; a clean stop). */
  async idle(councilId: string): Promise<void> {
    for (;;) {
      const run = this.runs.get(councilId)
      if (!run || (!run.timer && !run.running)) return
      await (run.running ?? new Promise((r) => setTimeout(r, SETTLE_MS)))
    }
  }

  /** Whether the council's server said it has no room for the files still pending here. */
  quotaFull(councilId: string): boolean {
    return this.fullUntil.has(councilId)
  }

  forget(councilId: string): void {
    this.setFull(councilId, null)
    const run = this.runs.get(councilId)
    if (run?.timer) clearTimeout(run.timer)
    this.runs.delete(councilId)
  }

  stop(): void {
    this.stopped = true
    for (const id of [...this.runs.keys()]) this.forget(id)
  }

  private runOf(councilId: string): CouncilRun {
    let run = this.runs.get(councilId)
    if (!run) this.runs.set(councilId, (run = { timer: null, running: null, again: false, failures: 0 }))
    return run
  }

  private schedule(councilId: string, run: CouncilRun, ms: number): void {
    if (run.running) {
      run.again = true
      return
    }
    if (run.timer) clearTimeout(run.timer)
    run.timer = setTimeout(() => {
      run.timer = null
      run.running = this.run(councilId).then((retry) => {
        run.running = null
        if (this.stopped || this.runs.get(councilId) !== run) return
        if (run.again) {
          run.again = false
          this.schedule(councilId, run, SETTLE_MS)
        } else if (retry && run.failures < MAX_RETRIES) {
          run.failures++
          this.schedule(councilId, run, backoffDelay(run.failures, this.options.backoff ?? DEFAULT_BACKOFF))
        }
      })
    }, ms)
  }

  /** Moves the council's files once; true when something is worth trying again soon. */
  private async run(councilId: string): Promise<boolean> {
    const row = this.options.settingsOf(councilId)
    if (!row) return false
    const server = { serverUrl: row.serverUrl, councilId, code: row.code }
    const { db, now } = this.options
    let results: FileTransfer[] = []
    try {
      // Read-only codes (the street office) only fetch: the server would refuse their uploads.
      const paused = (this.fullUntil.get(councilId) ?? 0) > this.now()
      if (row.access === 'rw' && !paused) {
        results = await uploadPending(db, server)
        this.setFull(councilId, results.some((r) => r.result === 'quotaFull') ? this.now() + QUOTA_PAUSE_MS : null)
      }
      results = [...results, ...(await fetchMissing(db, server, this.options.refsOf(councilId), now()))]
    } catch (e) {
      // The local store failed (the database closing as the app quits): try again at the next sync.
      console.error('could not move the attached files', e)
      return false
    }
    this.onRun(councilId, results)
    return results.some((r) => RETRY.has(r.result))
  }

  private now(): number {
    return (this.options.clock ?? Date.now)()
  }

  private setFull(councilId: string, until: number | null): void {
    const was = this.fullUntil.has(councilId)
    if (until === null) this.fullUntil.delete(councilId)
    else this.fullUntil.set(councilId, until)
    if (was !== (until !== null)) this.options.changed?.(councilId)
  }
}
