// The signing state of one open relocation campaign, kept up to date as entries arrive, so a remote
// signing costs one household's rules rather than the whole roll's. state(now) is exactly
// readSigningState(doc, households, now) (the property test in tests/unit/campaign-live.test.ts).
//
// Entries are immutable JSON values keyed by id, so each is parsed once and cached by id (a value
// replaced under the same id is parsed again). A transaction that touches only entries refolds the
// households those entries belong to and moves the running totals (signed, per building, the
// per-day changes of the daily series); one that touches the settings, the meta or the decisions,
// or a new households list, rebuilds everything (rare). Work is done lazily, at the next state().
//
// What depends on `now`: the window (phase, today, days left) and how many days of the series are
// shown. Whether an entry counts never does (it is judged by when it was recorded against the
// close), so the series is kept for the whole window and read as a prefix; reachedOn is the first
// reaching day of the whole window when it falls inside that prefix.
import type * as Y from 'yjs'
import { addDays, campaignRoll, compareCampaignEntries, daysBetween, entryRefusal, isCampaignEntry, signingShare, windowState, type CampaignEntry, type CampaignSettings, type SigningEntry } from '../domain/campaign'
import { fold, isSigning, type BuildingRate, type DailyRate, type EntryVerdict, type HouseholdSigning, type SigningState } from '../domain/campaignSigning'
import { buildingKey, compareNatural, type Household } from '../domain/household'
import { reaches, smallestReaching } from '../domain/votes/fraction'
import { readCampaign, readDecision, readVoids } from '../doc/campaign'
import { voidedEntryIds } from '../domain/campaignVoid'
import { record } from '../doc/guards'

export interface LiveSigningState {
  /** The signing state at `now`; null when the document is not a readable relocation campaign. */
  state(now: string): SigningState | null
  /** The register the roll is taken from; a different list rebuilds everything at the next state(). Does not notify: the caller passing a new list reads again. */
  setHouseholds(households: readonly Household[]): void
  /** Moves on every transaction that may change the state (for useSyncExternalStore). */
  version(): number
  subscribe(listener: () => void): () => void
  destroy(): void
}

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
interface Folded {
  row: HouseholdSigning
  /** Day index (from the window's first day) and +1 / −1, as signingState adds them. */
  steps: [number, number][]
}

/** Everything rebuilt when the settings, the decision or the register change. */
interface Base {
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

export function createLiveSigningState(doc: Y.Doc, initial: readonly Household[] = []): LiveSigningState {
  const entriesMap = doc.getMap<unknown>('entries')
  // As the transaction's `changed` keys them (Yjs types its map by the base type).
  const asType = (m: Y.Map<unknown>) => m as unknown as Parameters<Y.Transaction['changed']['get']>[0]
  const watched = [doc.getMap<unknown>('campaign'), doc.getMap<unknown>('meta'), doc.getMap<unknown>('decisions'), doc.getMap<unknown>('voids')].map(asType)
  let households = initial
  const parsed = new Map<string, { raw: unknown; entry: CampaignEntry | null }>()
  let base: Base | null = null
  let full = true
  const pending = new Set<string>()
  let ver = 0
  const listeners = new Set<() => void>()

  // Derived, valid for `base`:
  const byHousehold = new Map<string, Map<string, SigningEntry>>()
  const stray = new Map<string, EntryVerdict>()
  let folded: Folded[] = []
  let signed = 0
  let buildingSigned: number[] = []
  let changes: number[] = []
  /** The now-independent part, assembled once per change. */
  let assembled: Omit<SigningState, 'phase' | 'today' | 'daysLeft' | 'closesAt' | 'daily' | 'reachedOn'> & { fullDaily: DailyRate[]; reachedIndex: number } | null = null
  let strayDirty = true
  let sortedStray: EntryVerdict[] = []
  let cache: { now: string; state: SigningState } | null = null

  const entryOf = (id: string): CampaignEntry | null => {
    const raw = entriesMap.get(id)
    const hit = parsed.get(id)
    if (hit && hit.raw === raw) return hit.entry
    if (raw === undefined) {
      parsed.delete(id)
      return null
    }
    const entry = parseEntry(id, raw)
    parsed.set(id, { raw, entry })
    return entry
  }

  // Once decided, exactly what the decision knew (as countedEntries); before, what was not voided.
  const counts = (b: Base, e: CampaignEntry) => (b.known === null ? !b.voided.has(e.entryId) : e.type === 'payment' || b.known.has(e.entryId))

  /** Files one entry under its household or as stray; returns the household's index when on the roll. */
  function place(b: Base, e: CampaignEntry): number | null {
    if (!isSigning(e) || !b.onRoll.has(e.householdId)) {
      stray.set(e.entryId, { entry: e, counted: false, refusal: entryRefusal(b.settings, b.onRoll, e) ?? 'wrongCampaignKind' })
      strayDirty = true
      return null
    }
    let m = byHousehold.get(e.householdId)
    if (!m) byHousehold.set(e.householdId, (m = new Map()))
    m.set(e.entryId, e)
    return b.rollIndex.get(e.householdId) ?? null
  }

  function foldOne(b: Base, h: Household): Folded {
    const f = fold(b.settings, b.onRoll, [...(byHousehold.get(h.id)?.values() ?? [])])
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

  function apply(b: Base, i: number, f: Folded, sign: 1 | -1): void {
    if (f.row.status === 'signed') {
      signed += sign
      buildingSigned[b.buildingOf[i]!]! += sign
    }
    for (const [day, d] of f.steps) changes[day]! += sign * d
  }

  function rebuild(): void {
    full = false
    pending.clear()
    byHousehold.clear()
    stray.clear()
    strayDirty = true
    base = null
    const c = readCampaign(doc)
    if (!c || c.kind !== 'relocation') return
    const decision = readDecision(doc)
    const roll = campaignRoll(c, households)
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
      voided: voidedEntryIds(c, readVoids(doc)),
      windowDays,
      dates: Array.from({ length: windowDays }, (_, i) => addDays(c.start, i)),
    }
    for (const id of parsed.keys()) if (!entriesMap.has(id)) parsed.delete(id)
    entriesMap.forEach((_, id) => {
      const e = entryOf(id)
      if (e && counts(b, e)) place(b, e)
    })
    signed = 0
    buildingSigned = buildings.map(() => 0)
    changes = new Array<number>(windowDays).fill(0)
    folded = roll.map((h, i) => {
      const f = foldOne(b, h)
      apply(b, i, f, 1)
      return f
    })
    base = b
  }

  /** Only the households whose entries changed. */
  function update(b: Base, ids: Iterable<string>): void {
    const touched = new Set<number>()
    for (const id of ids) {
      const before = parsed.get(id)?.entry ?? null
      if (before) {
        if (stray.delete(id)) strayDirty = true
        const m = byHousehold.get(before.householdId)
        if (m?.delete(id)) {
          const i = b.rollIndex.get(before.householdId)
          if (i !== undefined) touched.add(i)
        }
      }
      const e = entryOf(id)
      if (e && counts(b, e)) {
        const i = place(b, e)
        if (i !== null) touched.add(i)
      }
    }
    for (const i of touched) {
      apply(b, i, folded[i]!, -1)
      const f = foldOne(b, b.roll[i]!)
      apply(b, i, f, 1)
      folded[i] = f
    }
  }

  function assemble(b: Base): NonNullable<typeof assembled> {
    if (strayDirty) {
      sortedStray = [...stray.values()].sort((x, y) => compareCampaignEntries(y.entry, x.entry))
      strayDirty = false
    }
    const n = b.roll.length
    const share = signingShare(b.settings.thresholdPercent)
    const fullDaily: DailyRate[] = []
    let running = 0
    let reachedIndex = -1
    for (let i = 0; i < b.windowDays; i++) {
      running += changes[i]!
      fullDaily.push({ date: b.dates[i]!, signed: running })
      if (reachedIndex < 0 && reaches(running, n, share)) reachedIndex = i
    }
    const rows = folded.map((f) => f.row)
    const byBuilding: BuildingRate[] = b.buildings
      .map((x, k) => ({ key: x.key, rate: { building: x.label, signed: buildingSigned[k]!, total: x.total } }))
      .sort((x, y) => compareNatural(x.key, y.key))
      .map((x) => x.rate)
    return {
      thresholdPercent: b.settings.thresholdPercent,
      threshold: share,
      rate: { num: signed, den: n },
      required: smallestReaching(n, share),
      reached: reaches(signed, n, share),
      byBuilding,
      unsigned: rows.filter((h) => h.status !== 'signed').map((h) => h.household.id),
      households: rows,
      stray: sortedStray,
      fullDaily,
      reachedIndex,
    }
  }

  function state(now: string): SigningState | null {
    if (full) {
      rebuild()
      assembled = null
    } else if (pending.size) {
      if (base) update(base, pending)
      pending.clear()
      assembled = null
    }
    if (!base) return null
    if (cache && cache.now === now && assembled) return cache.state
    assembled ??= assemble(base)
    const window = windowState(base.settings, now)
    const days = window.phase === 'notStarted' ? 0 : daysBetween(base.settings.start, window.phase === 'closed' ? base.settings.deadline : window.today) + 1
    const a = assembled
    // Built in signingState's key order, so even a JSON of the two is the same.
    const s: SigningState = {
      ...window,
      thresholdPercent: a.thresholdPercent,
      threshold: a.threshold,
      rate: a.rate,
      required: a.required,
      reached: a.reached,
      reachedOn: a.reachedIndex >= 0 && a.reachedIndex < days ? a.fullDaily[a.reachedIndex]!.date : null,
      byBuilding: a.byBuilding,
      daily: days === a.fullDaily.length ? a.fullDaily : a.fullDaily.slice(0, days),
      unsigned: a.unsigned,
      households: a.households,
      stray: a.stray,
    }
    cache = { now, state: s }
    return s
  }

  // One handler after the whole transaction (not one observer per map): a transaction that
  // carries settings and entries together is then read against the new settings.
  const onTransaction = (tr: Y.Transaction) => {
    let moved = false
    if (watched.some((m) => tr.changed.has(m))) {
      full = true
      moved = true
    }
    const keys = tr.changed.get(asType(entriesMap))
    if (keys) {
      for (const k of keys) if (k !== null) pending.add(k)
      moved = true
    }
    if (!moved) return
    cache = null
    ver++
    listeners.forEach((l) => l())
  }
  doc.on('afterTransaction', onTransaction)

  return {
    state,
    setHouseholds(list) {
      if (list === households) return
      households = list
      full = true
      cache = null
    },
    version: () => ver,
    subscribe(l) {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    destroy() {
      doc.off('afterTransaction', onTransaction)
      listeners.clear()
    },
  }
}
