// The running tally behind createLiveSigningState (liveSigning.ts): entries parsed once, filed by
// household, each household folded by the campaign's rules, and the totals (signed, per building,
// per-day changes) moved by what one household's refold changed. Rebuilt in full only when the
// settings, the decision, the voids or the register change.
import type * as Y from 'yjs'
import { addDays, campaignRoll, compareCampaignEntries, daysBetween, entryRefusal, isCampaignEntry, signingShare, type CampaignEntry, type CampaignSettings, type SigningEntry } from '../domain/campaign'
import { fold, isSigning, type BuildingRate, type DailyRate, type EntryVerdict, type HouseholdSigning, type SigningState } from '../domain/campaignSigning'
import { buildingKey, compareNatural, type Household } from '../domain/household'
import { reaches, smallestReaching } from '../domain/votes/fraction'
import { readCampaign, readDecision, readVoids } from '../doc/campaign'
import { voidedEntryIds } from '../domain/campaignVoid'
import { record } from '../doc/guards'

/** One stored value as readEntries reads it: the same checks and the same plain copy, or null. */
function parseEntry(entryId: string, v: unknown): CampaignEntry | null {
  const r = record(v)
  if (!r) return null
  const e: unknown = { ...r, entryId, agent: r.agent ?? null }
  if (!isCampaignEntry(e)) return null
  const base = { entryId, householdId: e.householdId, at: e.at, date: e.date, recordedBy: e.recordedBy, device: e.device }
  if (e.type === 'payment') return { ...base, type: 'payment', amountFen: e.amountFen }
  if (e.type === 'consent') return { ...base, type: 'consent', choice: e.choice, agent: e.agent && { name: e.agent.name, note: e.agent.note } }
  return { ...base, type: e.type, agent: e.agent && { name: e.agent.name, note: e.agent.note } }
}

/** Where one household stands: its row, and what it adds to the totals. */
export interface Folded {
  row: HouseholdSigning
  /** Day index (from the window's first day) and +1 / −1, as signingState adds them. */
  steps: [number, number][]
}

/** Everything rebuilt when the settings, the decision or the register change. */
export interface Base {
  settings: CampaignSettings
  roll: Household[]
  onRoll: Set<string>
  rollIndex: Map<string, number>
  /** The building index of each household of the roll. */
  buildingOf: number[]
  buildings: { key: string; label: string; total: number }[]
  /** Entry ids the standing decision knew, or null while undecided. */
  known: Set<string> | null
  /** Entry ids voided in time (readEntries leaves them out); voids are rare, so one rebuilds. */
  voided: Set<string>
  windowDays: number
  dates: string[]
}

/** What createLiveSigningState keeps between transactions; valid for `base`. */
export interface Tally {
  doc: Y.Doc
  entriesMap: Y.Map<unknown>
  households: readonly Household[]
  parsed: Map<string, { raw: unknown; entry: CampaignEntry | null }>
  base: Base | null
  byHousehold: Map<string, Map<string, SigningEntry>>
  stray: Map<string, EntryVerdict>
  folded: Folded[]
  signed: number
  buildingSigned: number[]
  changes: number[]
  strayDirty: boolean
  sortedStray: EntryVerdict[]
}

/** The now-independent part of the state, assembled once per change. */
export type Assembled = Omit<SigningState, 'phase' | 'today' | 'daysLeft' | 'closesAt' | 'daily' | 'reachedOn'> & { fullDaily: DailyRate[]; reachedIndex: number }

export function newTally(doc: Y.Doc, households: readonly Household[]): Tally {
  return {
    doc,
    entriesMap: doc.getMap<unknown>('entries'),
    households,
    parsed: new Map(),
    base: null,
    byHousehold: new Map(),
    stray: new Map(),
    folded: [],
    signed: 0,
    buildingSigned: [],
    changes: [],
    strayDirty: true,
    sortedStray: [],
  }
}

/** The parsed entry stored under `id` (parsed once per stored value). */
export function entryOf(t: Tally, id: string): CampaignEntry | null {
  const raw = t.entriesMap.get(id)
  const hit = t.parsed.get(id)
  if (hit && hit.raw === raw) return hit.entry
  if (raw === undefined) {
    t.parsed.delete(id)
    return null
  }
  const entry = parseEntry(id, raw)
  t.parsed.set(id, { raw, entry })
  return entry
}

// Once decided, exactly what the decision knew (as countedEntries); before, what was not voided.
const counts = (b: Base, e: CampaignEntry) => (b.known === null ? !b.voided.has(e.entryId) : e.type === 'payment' || b.known.has(e.entryId))

/** Files one entry under its household or as stray; returns the household's index when on the roll. */
function place(t: Tally, b: Base, e: CampaignEntry): number | null {
  if (!isSigning(e) || !b.onRoll.has(e.householdId)) {
    t.stray.set(e.entryId, { entry: e, counted: false, refusal: entryRefusal(b.settings, b.onRoll, e) ?? 'wrongCampaignKind' })
    t.strayDirty = true
    return null
  }
  let m = t.byHousehold.get(e.householdId)
  if (!m) t.byHousehold.set(e.householdId, (m = new Map()))
  m.set(e.entryId, e)
  return b.rollIndex.get(e.householdId) ?? null
}

function foldOne(t: Tally, b: Base, h: Household): Folded {
  const f = fold(b.settings, b.onRoll, [...(t.byHousehold.get(h.id)?.values() ?? [])])
  const conflicting = f.decidedBy
    ? f.verdicts.filter((v) => v.counted && v.entry.type !== f.decidedBy?.type && v.entry.date === f.decidedBy?.date).map((v) => v.entry)
    : []
  const steps: [number, number][] = []
  let was = false
  for (const [date, isSigned] of [...f.endOfDay].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (isSigned === was) continue
    was = isSigned
    const i = daysBetween(b.settings.start, date)
    if (i >= 0 && i < b.windowDays) steps.push([i, isSigned ? 1 : -1])
  }
  return { row: { household: h, status: f.status, decidedBy: f.decidedBy, entries: f.verdicts, conflicting }, steps }
}

function apply(t: Tally, b: Base, i: number, f: Folded, sign: 1 | -1): void {
  if (f.row.status === 'signed') {
    t.signed += sign
    t.buildingSigned[b.buildingOf[i]!]! += sign
  }
  for (const [day, d] of f.steps) t.changes[day]! += sign * d
}

/** Everything again, from the settings, the decision, the register and every entry. */
export function rebuild(t: Tally): void {
  t.byHousehold.clear()
  t.stray.clear()
  t.strayDirty = true
  t.base = null
  const c = readCampaign(t.doc)
  if (!c || c.kind !== 'relocation') return
  const decision = readDecision(t.doc)
  const roll = campaignRoll(c, t.households)
  const keys = new Map<string, number>()
  const buildings: Base['buildings'] = []
  const buildingOf = roll.map((h) => {
    const key = buildingKey(h.building)
    let k = keys.get(key)
    if (k === undefined) {
      keys.set(key, (k = buildings.length))
      buildings.push({ key, label: h.building, total: 0 })
    }
    buildings[k]!.total++
    return k
  })
  const windowDays = daysBetween(c.start, c.deadline) + 1
  const b: Base = {
    settings: c,
    roll,
    onRoll: new Set(roll.map((h) => h.id)),
    rollIndex: new Map(roll.map((h, i) => [h.id, i])),
    buildingOf,
    buildings,
    known: decision ? new Set(decision.entryIds) : null,
    voided: voidedEntryIds(c, readVoids(t.doc)),
    windowDays,
    dates: Array.from({ length: windowDays }, (_, i) => addDays(c.start, i)),
  }
  for (const id of t.parsed.keys()) if (!t.entriesMap.has(id)) t.parsed.delete(id)
  t.entriesMap.forEach((_, id) => {
    const e = entryOf(t, id)
    if (e && counts(b, e)) place(t, b, e)
  })
  t.signed = 0
  t.buildingSigned = buildings.map(() => 0)
  t.changes = new Array<number>(windowDays).fill(0)
  t.folded = roll.map((h, i) => {
    const f = foldOne(t, b, h)
    apply(t, b, i, f, 1)
    return f
  })
  t.base = b
}

/** Only the households whose entries changed. */
export function update(t: Tally, b: Base, ids: Iterable<string>): void {
  const touched = new Set<number>()
  for (const id of ids) {
    const before = t.parsed.get(id)?.entry ?? null
    if (before) {
      if (t.stray.delete(id)) t.strayDirty = true
      const m = t.byHousehold.get(before.householdId)
      if (m?.delete(id)) {
        const i = b.rollIndex.get(before.householdId)
        if (i !== undefined) touched.add(i)
      }
    }
    const e = entryOf(t, id)
    if (e && counts(b, e)) {
      const i = place(t, b, e)
      if (i !== null) touched.add(i)
    }
  }
  for (const i of touched) {
    apply(t, b, i, t.folded[i]!, -1)
    const f = foldOne(t, b, b.roll[i]!)
    apply(t, b, i, f, 1)
    t.folded[i] = f
  }
}

/** The part of the state that does not depend on `now`. */
export function assemble(t: Tally, b: Base): Assembled {
  if (t.strayDirty) {
    t.sortedStray = [...t.stray.values()].sort((x, y) => compareCampaignEntries(y.entry, x.entry))
    t.strayDirty = false
  }
  const n = b.roll.length
  const share = signingShare(b.settings.thresholdPercent)
  const fullDaily: DailyRate[] = []
  let running = 0
  let reachedIndex = -1
  for (let i = 0; i < b.windowDays; i++) {
    running += t.changes[i]!
    fullDaily.push({ date: b.dates[i]!, signed: running })
    if (reachedIndex < 0 && reaches(running, n, share)) reachedIndex = i
  }
  const rows = t.folded.map((f) => f.row)
  const byBuilding: BuildingRate[] = b.buildings
    .map((x, k) => ({ key: x.key, rate: { building: x.label, signed: t.buildingSigned[k]!, total: x.total } }))
    .sort((x, y) => compareNatural(x.key, y.key))
    .map((x) => x.rate)
  return {
    thresholdPercent: b.settings.thresholdPercent,
    threshold: share,
    rate: { num: t.signed, den: n },
    required: smallestReaching(n, share),
    reached: reaches(t.signed, n, share),
    byBuilding,
    unsigned: rows.filter((h) => h.status !== 'signed').map((h) => h.household.id),
    households: rows,
    stray: t.sortedStray,
    fullDaily,
    reachedIndex,
  }
}

