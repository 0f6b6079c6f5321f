// The first screen, ready before it is drawn (issue 20: cold open). While the app starts, the
// route's council and meeting documents and, when the first screen is a council's meetings, their
// rows are read from IndexedDB, then the stored state of the newest meeting (tonight's, usually
// the next one opened): the screens take these reads instead of starting their own. Once storage
// is open, the route's documents are opened too, and the app renders when they are loaded (or
// after FIRST_SCREEN_WAIT_MS), so the screen is drawn once, with its content, not first as
// "loading" and then again.
import { councilDocName, meetingDocName } from '../../shared/doc/names'
import { asCouncilId, asMeetingId } from '../../shared/domain/ids'
import { parseRoute, type Route } from '../kit/router'
import type { YishiDb } from '../data/db'
import { readMeetingsAhead } from '../data/projections'
import type { DocStore } from '../sync/docs'
import { readAhead } from '../sync/prefetch'

/** The longest the app waits for the first screen's documents before drawing it anyway. */
export const FIRST_SCREEN_WAIT_MS = 1000

function routeDocs(route: Route): string[] {
  if (!('councilId' in route)) return []
  const councilId = asCouncilId(route.councilId)
  return 'meetingId' in route ? [councilDocName(councilId), meetingDocName(councilId, asMeetingId(route.meetingId))] : [councilDocName(councilId)]
}

/** Starts the reads; resolves once the list rows the first screen shows (if any) are read. */
export function readAheadFor(route: Route, db: YishiDb): Promise<void> {
  routeDocs(route).forEach((name) => readAhead(name))
  if (route.name !== 'council' || route.tab !== 'meetings') return Promise.resolve()
  const councilId = asCouncilId(route.councilId)
  return readMeetingsAhead(db, councilId).then((rows) => {
    if (rows[0]) readAhead(meetingDocName(councilId, asMeetingId(rows[0].id)))
  })
}

/**
 * Opens the route's documents; `ready` resolves once they (and `rows`) are loaded (a document that cannot be
 * is left to its screen, which says why), and `release` gives them back once the screens hold them.
 */
export function openFirstScreen(route: Route, docs: DocStore, rows: Promise<void> = Promise.resolve()): { ready: Promise<void>; release: () => void } {
  const names = routeDocs(route)
  const loaded = Promise.all([rows, ...names.map((name) => docs.acquire(name).catch(() => null))])
  let timer: ReturnType<typeof setTimeout> | undefined
  const ready = Promise.race([loaded, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_SCREEN_WAIT_MS)))]).then(() => clearTimeout(timer))
  let held = true
  const release = () => {
    if (held) names.forEach((name) => void docs.release(name))
    held = false
  }
  return { ready, release }
}

/** How long a route's documents stay held after loading, for its screen to take them. */
const ROUTE_HOLD_MS = 3000

/**
 * On every route change, the new screen's documents start opening before React draws it: one
 * already read ahead (tonight's meeting from the list) is loaded within the same task, so its
 * screen is drawn once, with it, rather than "opening…" first. Returns what stops it.
 */
export function openRoutesAhead(docs: DocStore): () => void {
  const on = () => {
    const hold = openFirstScreen(parseRoute(window.location.hash), docs)
    void hold.ready.then(() => setTimeout(hold.release, ROUTE_HOLD_MS))
  }
  window.addEventListener('hashchange', on)
  return () => window.removeEventListener('hashchange', on)
}
