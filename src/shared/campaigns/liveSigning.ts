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
import { daysBetween, windowState } from '../domain/campaign'
import type { SigningState } from '../domain/campaignSigning'
import type { Household } from '../domain/household'
import { assemble, newTally, rebuild, update, type Assembled, type Base } from './liveSigningTally'

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

/** The state at `now` from the now-independent part: the window, and the series up to today. */
function stateAt(base: Base, a: Assembled, now: string): SigningState {
  const window = windowState(base.settings, now)
  const days = window.phase === 'notStarted' ? 0 : daysBetween(base.settings.start, window.phase === 'closed' ? base.settings.deadline : window.today) + 1
  // Built in signingState's key order, so even a JSON of the two is the same.
  return {
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
}

export function createLiveSigningState(doc: Y.Doc, initial: readonly Household[] = []): LiveSigningState {
  const t = newTally(doc, initial)
  // As the transaction's `changed` keys them (Yjs types its map by the base type).
  const asType = (m: Y.Map<unknown>) => m as unknown as Parameters<Y.Transaction['changed']['get']>[0]
  const watched = [doc.getMap<unknown>('campaign'), doc.getMap<unknown>('meta'), doc.getMap<unknown>('decisions'), doc.getMap<unknown>('voids')].map(asType)
  let full = true
  const pending = new Set<string>()
  let ver = 0
  const listeners = new Set<() => void>()
  let assembled: Assembled | null = null
  let cache: { now: string; state: SigningState } | null = null

  function state(now: string): SigningState | null {
    if (full) {
      full = false
      pending.clear()
      rebuild(t)
      assembled = null
    } else if (pending.size) {
      if (t.base) update(t, t.base, pending)
      pending.clear()
      assembled = null
    }
    if (!t.base) return null
    if (cache && cache.now === now && assembled) return cache.state
    assembled ??= assemble(t, t.base)
    const s = stateAt(t.base, assembled, now)
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
    const keys = tr.changed.get(asType(t.entriesMap))
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
      if (list === t.households) return
      t.households = list
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
