// On-disk size per council-year. What the app keeps once it has compacted a document is one entry
// (renderer/sync/persistence.ts): Y.encodeStateAsUpdate(doc) packed by compactedEntry, the very
// function the persistence writes with; `raw` is the update unpacked, as y-indexeddb kept it
// before (the profile's update files). A year counts its 12 meetings,
// the campaigns run in it, its share of the council and households documents (total / years) and
// the Dexie list rows of its meetings (their JSON, roughly what IndexedDB stores). Median and p95
// over the profile's years. Floor: the same content as plain JSON (the data without CRDT history).
// Baseline: the single document's update / years. Also reported: the update format v2, gzip of the
// raw update, and how much of the meetings is the sealed copy of the record (minutesSeal).
import { gzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { readAgenda, readMeeting } from '../../src/shared/doc/meeting'
import { meetingRow } from '../../src/renderer/data/projections'
import type { Profile } from '../profile'
import { summarize, type Summary } from '../lib/stats'
import { compactedEntry, entryBytes } from '../../src/renderer/sync/storedEntries'

interface Internals {
  _map: Map<string, unknown>
  _start: { content: unknown; deleted: boolean; right: Internals['_start'] } | null
}

/** Every root type as JSON, whatever its kind (a stored document does not say which it is). */
export function docJson(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, type] of [...doc.share.entries()]) {
    const t = type as unknown as Internals
    if (t._map.size > 0) {
      out[name] = doc.getMap(name).toJSON()
      continue
    }
    let item = t._start
    while (item && item.deleted) item = item.right
    out[name] = !item || item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat ? doc.getText(name).toString() : doc.getArray(name).toJSON()
  }
  return out
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8')

export interface YearSize {
  year: number
  stored: number
  raw: number
  dexie: number
  v2: number
  gzip: number
  json: number
  sealCopy: number
}

export interface DiskResult {
  perYear: YearSize[]
  stored: Summary
  /** Before packing: the raw compacted update per year (what y-indexeddb stored), with the Dexie rows. */
  raw: Summary
  floor: Summary
  v2: Summary
  gzip: Summary
  naivePerYear: number
  totalStored: number
  sealShareOfMeetings: number
}

export function measureDisk(profile: Profile, singleUpdate: Uint8Array): DiskResult {
  const m = profile.manifest
  const years = new Map<number, YearSize>()
  for (let y = m.firstYear; y <= m.lastYear; y++) years.set(y, { year: y, stored: 0, raw: 0, dexie: 0, v2: 0, gzip: 0, json: 0, sealCopy: 0 })
  let meetingsStored = 0
  let sealTotal = 0
  for (const d of m.docs) {
    const update = profile.updates.get(d.name)!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    const json = docJson(doc)
    const size = { stored: entryBytes(compactedEntry(update)), raw: update.length, v2: Y.encodeStateAsUpdateV2(doc).length, gzip: gzipSync(update).length, json: utf8Bytes(JSON.stringify(json)), dexie: 0, sealCopy: 0 }
    if (d.kind === 'meeting') {
      const meeting = readMeeting(doc)!
      size.dexie = utf8Bytes(JSON.stringify(meetingRow(meeting, readAgenda(doc).length, m.now)))
      size.sealCopy = utf8Bytes(JSON.stringify(json.minutesSeal ?? {}))
      meetingsStored += update.length
      sealTotal += size.sealCopy
    }
    doc.destroy()
    // Council and households belong to every year alike; meetings and campaigns to their own.
    const shared = d.kind === 'council' || d.kind === 'households'
    const targets = shared ? [...years.values()] : [years.get(d.year)!]
    const share = shared ? 1 / m.years : 1
    for (const y of targets) for (const k of ['stored', 'raw', 'v2', 'gzip', 'json', 'dexie', 'sealCopy'] as const) y[k] += size[k] * share
  }
  const perYear = [...years.values()]
  return {
    perYear,
    stored: summarize(perYear.map((y) => y.stored + y.dexie)),
    raw: summarize(perYear.map((y) => y.raw + y.dexie)),
    floor: summarize(perYear.map((y) => y.json)),
    v2: summarize(perYear.map((y) => y.v2 + y.dexie)),
    gzip: summarize(perYear.map((y) => y.gzip + y.dexie)),
    naivePerYear: singleUpdate.length / m.years,
    totalStored: perYear.reduce((n, y) => n + y.stored + y.dexie, 0),
    sealShareOfMeetings: sealTotal / meetingsStored,
  }
}
