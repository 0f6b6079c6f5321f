// Keeps Dexie's projections in step with the documents: whenever a council or meeting document
// is open and a transaction completes (a local edit or a synced one), its row is rewritten.
// Opening a document rebuilds its row, so projections can always be rebuilt on demand.
import type * as Y from 'yjs'
import { readCouncil, memberCount } from '../../shared/doc/council'
import { readAgenda, readMeeting } from '../../shared/doc/meeting'
import { parseDocName } from '../../shared/doc/names'
import { upsertCouncil } from '../data/catalogue'
import { meetingRow, projectMeeting } from '../data/projections'
import type { YishiDb } from '../data/db'
import type { DocHandle } from './docs'

/** Runs `go` once the browser is idle (within OPEN_WRITE_WITHIN_MS); outside a browser, on the next task. Returns the cancel. */
function whenIdle(go: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(go, { timeout: OPEN_WRITE_WITHIN_MS })
    return () => cancelIdleCallback(id)
  }
  const timer = setTimeout(go, 0)
  return () => clearTimeout(timer)
}

/** The longest the row of a document just opened waits for an idle moment. */
export const OPEN_WRITE_WITHIN_MS = 2000

export class Projector {
  private pending = new Set<Promise<void>>()
  private scheduled = new Set<string>()
  /** Rows of documents just opened, waiting for an idle moment: by name, what writes them now. */
  private deferred = new Map<string, () => void>()

  constructor(
    private db: YishiDb,
    private now: () => string,
    private onError: (e: unknown) => void = (e) => console.error('projection failed', e),
  ) {}

  /** Attaches to an opened document; returns the detach function. */
  attach(handle: DocHandle): () => void {
    const write = this.writer(handle)
    if (!write) return () => {}
    const onTx = () => this.schedule(handle.name, write)
    handle.doc.on('afterTransaction', onTx)
    // The row of a document just opened usually says what it said already (projectMeeting then
    // writes nothing): it waits for an idle moment, so the screen showing the document is drawn
    // first (issue 20: a cold open's last steps). A change meanwhile is in the same write.
    this.schedule(handle.name, write, true)
    return () => {
      handle.doc.off('afterTransaction', onTx)
      this.deferred.get(handle.name)?.()
    }
  }

  /** Rewrites an open document's row now: attaching does it only when a document is first opened. */
  project(handle: DocHandle): void {
    const write = this.writer(handle)
    if (write) this.schedule(handle.name, write)
  }

  private writer(handle: DocHandle): (() => Promise<void>) | null {
    const parsed = parseDocName(handle.name)
    if (!parsed) return null
    return parsed.kind === 'council'
      ? () => this.writeCouncil(handle.doc, parsed.councilId)
      : () => this.writeMeeting(handle.doc, parsed.councilId, parsed.meetingId)
  }

  /** Resolves once every projection scheduled so far is written. */
  async flush(): Promise<void> {
    for (const go of [...this.deferred.values()]) go()
    while (this.pending.size) await Promise.all([...this.pending])
  }

  // Many transactions in a burst (typing, an import) make one write, after the burst.
  private schedule(name: string, write: () => Promise<void>, idle = false): void {
    if (this.scheduled.has(name)) return
    this.scheduled.add(name)
    const start = idle ? this.idle(name) : Promise.resolve()
    const p = start
      .then(() => {
        this.scheduled.delete(name)
        return write()
      })
      .catch(this.onError)
      .finally(() => this.pending.delete(p))
    this.pending.add(p)
  }

  /** Resolves at an idle moment, or at once when flushed or detached. */
  private idle(name: string): Promise<void> {
    return new Promise((resolve) => {
      const go = () => {
        cancel()
        this.deferred.delete(name)
        resolve()
      }
      const cancel = whenIdle(go)
      this.deferred.set(name, go)
    })
  }

  // The document's name (which the sync server authorises) decides where its row goes; a
  // document whose contents claim another council or meeting is not projected at all.
  private async writeCouncil(doc: Y.Doc, councilId: string): Promise<void> {
    const council = readCouncil(doc)
    if (!council) return
    if (council.id !== councilId) return this.onError(new Error(`council/${councilId} claims to be council ${council.id}`))
    await upsertCouncil(this.db, council, memberCount(doc), this.now())
  }

  private async writeMeeting(doc: Y.Doc, councilId: string, meetingId: string): Promise<void> {
    const meeting = readMeeting(doc)
    if (!meeting) return
    if (meeting.councilId !== councilId || meeting.id !== meetingId) {
      return this.onError(new Error(`meeting ${meetingId} of council ${councilId} claims to be ${meeting.id} of ${meeting.councilId}`))
    }
    await projectMeeting(this.db, meetingRow(meeting, readAgenda(doc).length, this.now()))
  }
}
