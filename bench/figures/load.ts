// Load floors and the naive baseline, in Node (V8, as Chromium): a bare Y.applyUpdate of what the
// cold open reads (the council document and the current meeting), per profile; and the naive
// design's load, the whole history's single Y.Doc, which it would have to apply before showing anything.
import * as Y from 'yjs'
import type { Profile } from '../profile'
import { summarize, timeSync, type Summary } from '../lib/stats'

const apply = (updates: readonly Uint8Array[]) => {
  for (const u of updates) Y.applyUpdate(new Y.Doc(), u)
}

/** Bare Y.applyUpdate of the council document and the current meeting. */
export function loadFloor(profile: Profile, runs: number): { summary: Summary; bytes: number } {
  const m = profile.manifest
  const updates = [m.councilDoc, m.meetings.at(-1)!.name].map((n) => profile.updates.get(n)!)
  return { summary: summarize(timeSync(runs, () => apply(updates), 5)), bytes: updates.reduce((n, u) => n + u.length, 0) }
}

export function naiveLoad(singleUpdate: Uint8Array, runs: number): Summary {
  return summarize(timeSync(runs, () => apply([singleUpdate]), 1))
}
