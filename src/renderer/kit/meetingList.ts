// The meeting list's rows (Dexie projections) rebuilt from the meeting documents: used by the
// meetings tab and by joining a council (features/sync), so it lives below both. Meetings are
// fetched newest first; what is being fetched is observable, for the list's progress line.
import { meetingIdsNewestFirst } from '../../shared/doc/council'
import { readMeeting } from '../../shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../shared/doc/names'
import type { CouncilId, MeetingId } from '../../shared/domain/ids'
import type { AppEnv } from './env'
import { projectedIds } from '../data/projections'
import type { DocHandle } from '../sync/docs'

export interface EnsureOptions {
  /** Only the `newest` most recently created meetings (joining: what tonight needs); the rest wait for a later call. */
  newest?: number
}

/**
 * Rebuilds the list rows of meetings this device knows only from the council document, the most
 * recently created first. A document that cannot be opened (damaged) does not keep the others
 * off the list: they are rebuilt first, then its error is raised. On a synced council a meeting
 * that exists here only as an entry in the council document is fetched from the server (opening
 * it attaches the provider) and projected once it has arrived; one that does not arrive (offline,
 * timed out) is counted as failed for the list's progress line and asked for again next time.
 */
export async function ensureProjections(
  env: AppEnv,
  council: DocHandle,
  councilId: CouncilId,
  onProgress: (done: number, total: number) => void = () => {},
  options: EnsureOptions = {},
): Promise<number> {
  const have = await projectedIds(env.db, councilId)
  const tracker = trackerOf(env)
  const wanted = meetingIdsNewestFirst(council.doc).slice(0, options.newest ?? Infinity)
  // Meetings another call is already fetching (the list re-asks whenever sync state changes) are left to it.
  const missing = wanted.filter((id) => !have.has(id) && !tracker.fetching.has(meetingDocName(councilId, id)))
  for (const id of missing) tracker.fetching.add(meetingDocName(councilId, id))
  if (missing.length) tracker.changed()
  const syncing = env.sync.status(councilId).state !== 'local'
  const failures: unknown[] = []
  let done = 0
  if (missing.length) onProgress(0, missing.length)
  // On a synced council the documents come first as one compressed download (newest first, a batch
  // at a time), each put in as it opens; without it (an older server, a failure) over the WebSocket.
  const fetched = missing.map((id) => meetingDocName(councilId, id)).filter((name) => !env.docs.openNames.includes(name))
  const prefetch = syncing && fetched.length ? env.sync.history.start(councilId, fetched) : null
  const one = async (id: MeetingId) => {
    const name = meetingDocName(councilId, id)
    // Never rejects: a failed download leaves the document to the WebSocket.
    await prefetch?.ready(name)
    // A document already open elsewhere is not attached again, so ask for its row explicitly.
    const wasOpen = env.docs.openNames.includes(name)
    let arrived = false
    try {
      const handle = await env.docs.acquire(name)
      if (wasOpen) env.projector.project(handle)
      // The projector rewrites the row after every transaction, the synced one included.
      if (syncing && !readMeeting(handle.doc)) await env.sync.waitForSync(name, MEETING_SYNC_TIMEOUT_MS)
      arrived = !syncing || readMeeting(handle.doc) !== null
      await env.projector.flush()
    } catch (e) {
      failures.push(e)
    } finally {
      // A failed acquire still holds a reference: release it so the store does not keep it open.
      await env.docs.release(name)
      tracker.fetching.delete(name)
      if (arrived) tracker.failed.delete(name)
      else tracker.failed.add(name)
      tracker.changed()
      onProgress(++done, missing.length)
    }
  }
  // A few at a time: each waits for a round trip to the server, and one WebSocket carries them all.
  // Workers take from the front of the queue, so rows arrive newest first.
  const queue = [...missing]
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) await one(id)
  }
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, queue.length) }, worker))
  } finally {
    prefetch?.done()
  }
  if (failures.length) throw failures[0]
  return missing.length
}

/**
 * Fetches the rest of a joined council's meetings in the background, newest first: not awaited
 * by joining, and outliving the join screen (it holds its own reference to the council document,
 * taken before the caller releases its own). Failures are reported on the list (`fetchState`)
 * and in the console, as the list's own calls report them.
 */
export function fetchHistoryLater(env: AppEnv, councilId: CouncilId): Promise<void> {
  const name = councilDocName(councilId)
  // Taken now (synchronously), while the caller still holds the document open.
  const acquired = env.docs.acquire(name)
  return acquired
    .then((council) => ensureProjections(env, council, councilId))
    .then(
      () => {},
      (e: unknown) => console.error('could not fetch every meeting', e),
    )
    .finally(() => env.docs.release(name))
}

export interface FetchState {
  /** Meetings of the council being fetched right now. */
  pending: number
  /** Meetings whose last fetch failed (damaged, or did not arrive); tried again by the next call. */
  failed: number
}

/** What is being fetched for a council's list, for useSyncExternalStore (with `watchFetches`). */
export function fetchState(env: AppEnv, councilId: CouncilId): FetchState {
  const tracker = trackerOf(env)
  const key = `${councilId}:${tracker.version}`
  if (tracker.snapshots.get(councilId)?.key !== key) {
    const prefix = meetingDocName(councilId, '' as MeetingId)
    const count = (names: Set<string>) => [...names].filter((n) => n.startsWith(prefix)).length
    tracker.snapshots.set(councilId, { key, state: { pending: count(tracker.fetching), failed: count(tracker.failed) } })
  }
  return tracker.snapshots.get(councilId)!.state
}

/** Calls `listener` whenever a fetch starts or ends; returns the unsubscribe. */
export function watchFetches(env: AppEnv, listener: () => void): () => void {
  const tracker = trackerOf(env)
  tracker.listeners.add(listener)
  return () => tracker.listeners.delete(listener)
}

// Per app instance (its document store), the meeting documents being fetched for the list and
// those whose last fetch failed, with who to tell when either changes.
class Tracker {
  fetching = new Set<string>()
  failed = new Set<string>()
  listeners = new Set<() => void>()
  version = 0
  snapshots = new Map<string, { key: string; state: FetchState }>()
  changed(): void {
    this.version++
    for (const l of [...this.listeners]) l()
  }
}
const trackers = new WeakMap<object, Tracker>()
function trackerOf(env: AppEnv): Tracker {
  let t = trackers.get(env.docs)
  if (!t) trackers.set(env.docs, (t = new Tracker()))
  return t
}
const PARALLEL_FETCHES = 6
const MEETING_SYNC_TIMEOUT_MS = 15_000
