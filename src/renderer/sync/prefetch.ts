// A document's stored entries read ahead of the screen that opens it (issue 20): the app starts
// reading the documents its first screen shows (the route's council, its meeting) while its
// scripts are still starting, and DocPersistence takes the read instead of starting its own. What
// another window writes meanwhile reaches this one through the tab relay's hello (tabs.ts), as
// for any document opened while another window writes it.
import { openDocDb, readEntries, UPDATES_STORE } from './storedEntries'

export interface StoredRead {
  db: IDBDatabase
  keys: number[]
  values: unknown[]
}

const ahead = new Map<string, Promise<StoredRead>>()

/** An unclaimed read is dropped (its database closed) after this long: nothing opened it. */
const UNCLAIMED_MS = 10_000

/** Starts reading `name`'s stored entries, unless a read of it is already waiting. */
export function readAhead(name: string, unclaimedMs = UNCLAIMED_MS): void {
  if (ahead.has(name)) return
  const read = openDocDb(name).then(async (db) => ({ db, ...(await readEntries(db.transaction([UPDATES_STORE], 'readonly').objectStore(UPDATES_STORE))) }))
  // A failed read ahead is no one's problem until the document is opened (which reads again).
  read.catch(() => ahead.delete(name))
  ahead.set(name, read)
  setTimeout(() => {
    if (ahead.get(name) !== read) return
    ahead.delete(name)
    void read.then((r) => r.db.close(), () => {})
  }, unclaimedMs)
}

/** The read ahead of `name`, once: the caller owns its database connection. */
export function takeReadAhead(name: string): Promise<StoredRead> | null {
  const read = ahead.get(name) ?? null
  ahead.delete(name)
  return read
}
