// The meeting list's rows (Dexie projections) rebuilt from the meeting documents: used by the
// meetings tab and by joining a council (features/sync), so it lives below both.
import { meetingIds } from '../../shared/doc/council'
import { readMeeting } from '../../shared/doc/meeting'
import { meetingDocName } from '../../shared/doc/names'
import type { CouncilId, MeetingId } from '../../shared/domain/ids'
import type { AppEnv } from './env'
import { projectedIds } from '../data/projections'
import type { DocHandle } from '../sync/docs'

/**
 * Rebuilds the list rows of meetings this device knows only from the council document. A
 * document that cannot be opened (damaged) does not keep the others off the list: they are
 * rebuilt first, then its error is raised. On a synced council a meeting that exists here only
 * as an entry in the council document is fetched from the server (opening it attaches the
 * provider) and projected once it has arrived.
 */
export async function ensureProjections(
  env: AppEnv,
  council: DocHandle,
  councilId: CouncilId,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const have = await projectedIds(env.db, councilId)
  const fetching = fetchingBy.get(env.docs) ?? new Set<string>()
  fetchingBy.set(env.docs, fetching)
  // Meetings another call is already fetching (the list re-asks whenever sync state changes) are left to it.
  const missing = meetingIds(council.doc).filter((id) => !have.has(id) && !fetching.has(meetingDocName(councilId, id)))
  for (const id of missing) fetching.add(meetingDocName(councilId, id))
  const syncing = env.sync.status(councilId).state !== 'local'
  const failures: unknown[] = []
  let done = 0
  if (missing.length) onProgress(0, missing.length)
  const one = async (id: MeetingId) => {
    const name = meetingDocName(councilId, id)
    // A document already open elsewhere is not attached again, so ask for its row explicitly.
    const wasOpen = env.docs.openNames.includes(name)
    try {
      const handle = await env.docs.acquire(name)
      if (wasOpen) env.projector.project(handle)
      // The projector rewrites the row after every transaction, the synced one included.
      if (syncing && !readMeeting(handle.doc)) await env.sync.waitForSync(name, MEETING_SYNC_TIMEOUT_MS)
      await env.projector.flush()
    } catch (e) {
      failures.push(e)
    } finally {
      // A failed acquire still holds a reference: release it so the store does not keep it open.
      await env.docs.release(name)
      fetching.delete(name)
      onProgress(++done, missing.length)
    }
  }
  // A few at a time: each waits for a round trip to the server, and one WebSocket carries them all.
  const queue = [...missing]
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) await one(id)
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, queue.length) }, worker))
  if (failures.length) throw failures[0]
  return missing.length
}

// Per document store (one per app instance), the meeting documents being fetched for the list.
const fetchingBy = new WeakMap<object, Set<string>>()
const PARALLEL_FETCHES = 6
const MEETING_SYNC_TIMEOUT_MS = 15_000
