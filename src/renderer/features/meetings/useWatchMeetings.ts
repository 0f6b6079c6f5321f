// Keeps the list's meetings that can still change elsewhere open while the list is on screen
// (issue 24 item 3). A meeting's list row is projected from its document, and a document syncs
// only while it is open: a street office that had seen a meeting 已报送 kept that status until it
// opened the meeting, however long ago the secretary recorded the review. Open here, each such
// document syncs, and the projector rewrites its row after every synced change, so the status
// follows at once. Only meetings whose status can still change (all but accepted ones), the
// newest first, and a bounded number: the list of ten years of meetings opens no more documents.
import { useEffect } from 'react'
import { meetingDocName } from '../../../shared/doc/names'
import type { MeetingStatus } from '../../../shared/domain/meeting'
import { asMeetingId, type CouncilId } from '../../../shared/domain/ids'
import type { AppEnv } from '../../kit/env'

/** How many meetings of a list are kept open at most. */
export const WATCHED_MEETINGS = 12
const SETTLED: readonly MeetingStatus[] = ['accepted']

/** The documents to keep open for rows shown newest first, as one stable key. */
export function watchedNames(councilId: CouncilId, rows: readonly { id: string; status: MeetingStatus }[]): string {
  return rows
    .filter((r) => !SETTLED.includes(r.status))
    .slice(0, WATCHED_MEETINGS)
    .map((r) => meetingDocName(councilId, asMeetingId(r.id)))
    .join('\n')
}

// Opened once the app is idle (issue 20): at a cold open these loads from IndexedDB competed with
// the meeting the secretary clicks, and a change from elsewhere can wait a second to show.
const IDLE_TIMEOUT_MS = 1_000
const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(run, 0)
  return () => clearTimeout(id)
}

export function useWatchMeetings(env: AppEnv, key: string): void {
  useEffect(() => {
    if (!key) return
    const names = key.split('\n')
    let held: Promise<void>[] = []
    const cancel = whenIdle(() => {
      held = names.map((name) =>
        env.docs.acquire(name).then(
          (handle) => {
            // Already open elsewhere: its projector is attached; opened here: attached on open.
            env.projector.project(handle)
          },
          (e: unknown) => console.warn('could not watch a meeting', name, e),
        ),
      )
    })
    return () => {
      cancel()
      // Each acquire holds a reference, a failed one too: give every one back once it settled.
      held.forEach((h, i) => void h.then(() => env.docs.release(names[i]!)))
    }
  }, [env, key])
}
