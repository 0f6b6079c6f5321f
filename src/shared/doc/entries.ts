// What the document modules share to write and read entries (requests, matters, the fund year…):
// who recorded an entry, a new entry's map stamped with it, entries kept as plain JSON read back
// only when whole, and the test of an error object. Written once here so a fix reaches them all.
import * as Y from 'yjs'
import { record } from './guards'

/** Who and when, on every write that records something. */
export interface Recorder {
  now: string
  by: string
}

/** True when a field-errors object names at least one field. */
export const hasErrors = (e: object): boolean => Object.keys(e).length > 0

/** A value as plain JSON (no undefined, no prototypes), as it will read back from another replica. */
export const plainJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** A new entry's map: each field on its own key, stamped with who recorded it and when. */
export function recordedMap(fields: object, who: Recorder): Y.Map<unknown> {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) m.set(k, v)
  m.set('recordedAt', who.now)
  m.set('recordedBy', who.by)
  return m
}

/** The entries of a map of plain-JSON records that name their own id and pass `ok`; others are skipped. */
export function jsonEntries<T>(m: Y.Map<unknown>, ok: (r: Record<string, unknown>) => boolean): T[] {
  const out: T[] = []
  m.forEach((v, id) => {
    const r = record(v)
    if (r && r.id === id && ok(r)) out.push(r as T)
  })
  return out
}
