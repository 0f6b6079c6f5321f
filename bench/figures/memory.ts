// Decoded document data held in memory while a secretary works: the council, the households
// register, the campaign, the current meeting and the 10 meetings before it, each loaded into its
// own Y.Doc from its stored update, as DocStore does. Measured as the growth of V8's used heap
// between two full garbage collections around the loading (the stored bytes are read before and
// not counted). Baseline: the naive design's single Y.Doc, which must hold the whole history.
import * as v8 from 'node:v8'
import * as vm from 'node:vm'
import * as Y from 'yjs'
import type { Profile } from '../profile'
import { summarize, type Summary } from '../lib/stats'

const gc: () => void =
  (globalThis as { gc?: () => void }).gc ??
  (() => {
    v8.setFlagsFromString('--expose-gc')
    return vm.runInNewContext('gc') as () => void
  })()

function heapAfterGc(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

// Each figure makes one unmeasured run first: the first decoding also grows the heap by what stays
// whatever the document (compiled code, type feedback, Yjs's module caches), which is not data held.
function heldBy(updates: readonly Uint8Array[], runs: number): number[] {
  const out: number[] = []
  for (let i = -1; i < runs; i++) {
    const before = heapAfterGc()
    let docs: Y.Doc[] | null = updates.map((u) => {
      const d = new Y.Doc()
      Y.applyUpdate(d, u)
      return d
    })
    if (i >= 0) out.push(heapAfterGc() - before)
    docs.forEach((d) => d.destroy())
    docs = null
  }
  return out
}

export interface MemoryResult {
  working: Summary
  naive: Summary
  workingDocs: number
  workingStoredBytes: number
  /** Each document of the working set alone (one run each), largest first. */
  perDoc: { name: string; bytes: number; held: number }[]
}

/** The documents a secretary has open: council, households, campaign, the current meeting and `recent` before it. */
export function workingSet(profile: Profile, recent = 10): string[] {
  const m = profile.manifest
  return [m.councilDoc, m.householdsDoc, m.campaignDoc, ...m.meetings.slice(-(recent + 1)).map((x) => x.name)]
}

/** `names`: the documents to decode; by default the guessed working set, or what `docsHeld` read from the app. */
export function measureMemory(profile: Profile, singleUpdate: Uint8Array, runs: number, names: readonly string[] = workingSet(profile)): MemoryResult {
  const updates = names.map((n) => profile.updates.get(n)!)
  const working = heldBy(updates, runs)
  const naive = heldBy([singleUpdate], runs)
  const perDoc = names.map((name, i) => ({ name, bytes: updates[i]!.length, held: heldBy([updates[i]!], 1)[0]! })).sort((a, b) => b.held - a.held)
  return { working: summarize(working), naive: summarize(naive), workingDocs: names.length, workingStoredBytes: updates.reduce((n, u) => n + u.length, 0), perDoc }
}

/** What the plain values `read` gives from a document weigh in memory, the document itself dropped (median of `runs`). */
export function valuesHeld<T>(update: Uint8Array, read: (doc: Y.Doc) => T, runs: number): Summary {
  const out: number[] = []
  for (let i = -1; i < runs; i++) {
    const before = heapAfterGc()
    // Decoded in a function of its own, so that no variable of this one still holds the document
    // while the heap is weighed (an unoptimised frame keeps its dead locals alive).
    let value: T | null = readDropped(update, read)
    const grown = heapAfterGc() - before
    if (i >= 0 && value !== null) out.push(grown)
    value = null
  }
  return summarize(out)
}

function readDropped<T>(update: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const value = read(doc)
  doc.destroy()
  return value
}
