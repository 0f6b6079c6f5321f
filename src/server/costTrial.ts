// What an update really costs to integrate, found by integrating it, with the work counted and
// cut off. Static bounds (updateBounds.ts) cannot see it: the cost of a Yjs update is in the
// conflict scans of Item.integrate (each new item walks the items between its origin and right
// origin), and a 14 KB update of 2,000 items, each after a different early character of one long
// string, took 2.9 s (8,000 items: 74 s); 2,000 such items sent against a document that already
// holds the string took 4 to 14 s each. So each update is first applied to a shadow copy of the
// live document, counting the scan's steps, and refused (the shadow thrown away and rebuilt from
// the live document) as soon as the count goes over the budget: the live document then never
// pays more than the shadow was allowed to.
//
// How the steps are counted: every step of Yjs' conflict scan adds the item it looks at to two
// Sets (`itemsBeforeOrigin`, `conflictingItems`; yjs 13.6 Item.integrate), so Set.prototype.add
// is replaced by a counting one for the (synchronous) duration of the trial and restored at
// once. Other Set.add calls during integration are a few per struct (a 1 MB document of 59,000
// structs: 47,000 in all), so the budget is a fixed number plus the update's struct count. The
// walks along a map key's chain of values add no Set entries: they are counted apart
// (keyChainWalks).
// tests/integration/server-cost-attacks.test.ts fails if a Yjs upgrade stops counting the scan.
//
// Why not a cost model computed from Y.decodeUpdate: the scans depend on the live document and on
// the order Yjs integrates in, so a model would have to redo the integration to be right, and a
// conservative one refused legitimate concurrent edits. Why not off the event loop: Hocuspocus
// keeps its documents on the main thread, and a worker would need a copy of each anyway. The
// price: a loaded document is held twice, and each update is integrated twice.
import * as Y from 'yjs'
import { TimeBudget } from './timeBudget'
import { integratesForFree } from './cheapUpdate'
import { UpdateTooCostly, type DeleteSet, type Struct, type UpdateBounds } from './updateBounds'

class StepsExceeded extends Error {}

const nativeAdd = Set.prototype.add

/** Runs `run` with Set.prototype.add counted; throws StepsExceeded once more than `limit` adds happened. */
function countingSteps(limit: number, run: () => void): void {
  let steps = 0
  Set.prototype.add = function counted<T>(this: Set<T>, value: T): Set<T> {
    if (++steps > limit) throw new StepsExceeded()
    return nativeAdd.call(this, value) as Set<T>
  }
  try {
    run()
  } finally {
    Set.prototype.add = nativeAdd
  }
}

interface Shadow {
  doc: Y.Doc
  follow: (update: Uint8Array) => void
  /** The live document's updates the shadow has not applied yet (each a no-op if it tried it). */
  behind: Uint8Array[]
  behindBytes: number
}

// One shadow per live document, kept in step with it by its 'update' event (an update the
// shadow already tried is a no-op there). It goes when the live document is dropped.
// It follows lazily (issue 20): applying each keystroke a second time cost more than the trial
// the keystroke skips, so the live document's updates wait and are applied just before the next
// trial, or once they add up to CATCH_UP_BYTES (memory stays bounded).
const CATCH_UP_BYTES = 256 * 1024
const shadows = new WeakMap<Y.Doc, Shadow>()

// Copying a document costs as long as loading it (0.3 s for 1 MB), and each refused update
// makes its document copy again: a read-write code holder could refuse updates on purpose to
// make the server copy a big document over and over (430 KB: 0.2 to 0.4 s each on a loaded
// machine). So each document may spend 1 s in any 30 s on copies; beyond, updates to it are
// refused until the window has room (its own council waits; no other does).
const COPY_MS = 1_000
const COPY_WINDOW_MS = 30_000
const copies = new WeakMap<Y.Doc, TimeBudget>()

/** The live document's shadow, made now if it has none (a copy: as long as loading the document took). */
export function shadowOf(live: Y.Doc): Y.Doc {
  const known = shadows.get(live)
  if (known) return known.doc
  let budget = copies.get(live)
  if (!budget) copies.set(live, (budget = new TimeBudget(COPY_MS, COPY_WINDOW_MS)))
  if (!budget.within()) throw new UpdateTooCostly(`document busy: copied for trials for over ${COPY_MS} ms in ${COPY_WINDOW_MS / 1000} s`)
  const started = performance.now()
  const doc = new Y.Doc({ gc: live.gc })
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live))
  budget.charge(performance.now() - started)
  const shadow: Shadow = {
    doc,
    behind: [],
    behindBytes: 0,
    // Runs inside the live document's 'update' event: a failure here must never reach Hocuspocus.
    follow: (update: Uint8Array) => {
      shadow.behind.push(update)
      shadow.behindBytes += update.length
      if (shadow.behindBytes > CATCH_UP_BYTES) catchUp(live, shadow)
    },
  }
  live.on('update', shadow.follow)
  shadows.set(live, shadow)
  return doc
}

/** Applies the live document's waiting updates to its shadow (dropped if that fails: the next trial copies afresh). */
function catchUp(live: Y.Doc, shadow: Shadow): void {
  const updates = shadow.behind
  shadow.behind = []
  shadow.behindBytes = 0
  try {
    for (const u of updates) Y.applyUpdate(shadow.doc, u)
  } catch {
    dropShadow(live)
  }
}

/** The live document's shadow, in step with it: where a trial runs. */
function shadowInStep(live: Y.Doc): Y.Doc {
  shadowOf(live)
  const known = shadows.get(live)!
  if (known.behind.length) catchUp(live, known)
  // catchUp may have dropped a shadow it could not bring in step: copy afresh.
  return shadowOf(live)
}

/** A refused update may have left the shadow half integrated: the next trial starts from a fresh copy. */
function dropShadow(live: Y.Doc): void {
  const known = shadows.get(live)
  if (!known) return
  live.off('update', known.follow)
  known.doc.destroy()
  shadows.delete(live)
}

/** Structs waiting in a document for structs it does not have (Yjs retries them on every update). */
function pendingStructs(doc: Y.Doc): number {
  const pending = doc.store.pendingStructs
  // Yjs keeps them encoded in update format v2.
  return pending ? Y.decodeUpdateV2(pending.update).structs.length : 0
}

/** How long the last trial that passed took: about what integrating it in the live document will take. */
export let lastTrialMs = 0
/** The structs of the last update checked, when it integrates for free (cheapUpdate.ts); else 0. */
export let lastFreeStructs = 0

/**
 * Applies the update to the live document's shadow (or, with no live document, to a scratch
 * document) within the step budget. Throws UpdateTooCostly over the budget or when it would
 * leave more than `maxPendingStructs` structs waiting; lets Yjs' own errors through (a
 * corrupted update may throw after applying part of itself, yjs#599: the shadow is dropped).
 * `ds`: the update's deletions, if the caller has decoded it already.
 */
export function tryUpdate(update: Uint8Array, structs: Struct[], bounds: UpdateBounds, live?: Y.Doc, ds?: DeleteSet): void {
  // A keystroke scans nothing and waits for nothing (cheapUpdate.ts): no trial; the shadow catches
  // up from the live document before the next trial.
  const checking = performance.now()
  lastFreeStructs = 0
  if (live && integratesForFree(update, structs, live, ds)) {
    lastTrialMs = performance.now() - checking
    lastFreeStructs = structs.length
    return
  }
  const target = live ? shadowInStep(live) : new Y.Doc({ gc: false })
  const limit = bounds.maxIntegrationSteps + 2 * structs.length
  let kept = false
  try {
    const started = performance.now()
    const walks = keyChainWalks(structs, live ? target : null, limit)
    if (walks > limit) throw new StepsExceeded()
    countingSteps(limit - walks, () => Y.applyUpdate(target, update))
    lastTrialMs = performance.now() - started
    // Structs whose origin or parent is missing wait, and integrate all at once when it comes:
    // a deep structure sent in reverse order would escape the depth bound that way. (In a
    // scratch document every struct of a delta update waits: only a live document tells.)
    const pending = live ? pendingStructs(target) : 0
    if (pending > bounds.maxPendingStructs) throw new UpdateTooCostly(`${pending} structs waiting for missing ones (at most ${bounds.maxPendingStructs})`)
    kept = true
  } catch (e) {
    if (e instanceof StepsExceeded) throw new UpdateTooCostly(`integrating takes over ${limit} steps`)
    throw e
  } finally {
    if (!live) target.destroy()
    else if (!kept) dropShadow(live)
  }
}

/**
 * Steps Yjs takes outside its conflict scan, which the counted Set.add does not see: a map value
 * with no origin (the first value of a key, or a crafted one) walks the key's whole chain of
 * values from the last to the first (Item.integrate, twice). Counted per key: the chain in the
 * document (its shadow) plus the values of this update for that key before it. A legitimate
 * document has one or two such values per key; n crafted ones for one key cost n²/2.
 */
function keyChainWalks(structs: Struct[], shadow: Y.Doc | null, cap: number): number {
  const groups = new Map<string, { count: number; chain: number }>()
  let steps = 0
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.origin || s.parentSub === null) continue
    const parent: unknown = s.parent
    const at = typeof parent === 'string' ? `n${parent}` : parent ? `i${idText(parent as Y.ID)}` : `r${s.rightOrigin ? idText(s.rightOrigin) : ''}`
    const key = `${at}\u0000${s.parentSub}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { count: 0, chain: shadow ? chainLength(shadow, s, cap) : 0 }))
    steps += 2 * (group.chain + group.count)
    group.count++
    if (steps > cap) return steps
  }
  return steps
}

const idText = (id: Y.ID) => `${id.client}:${id.clock}`

/** How many values key `item.parentSub` of the item's parent type has in the document (at most `cap`). */
function chainLength(doc: Y.Doc, item: Y.Item, cap: number): number {
  const parent: unknown = item.parent
  let type: Y.AbstractType<unknown> | undefined
  if (typeof parent === 'string') type = doc.share.get(parent) as Y.AbstractType<unknown> | undefined
  else {
    const holder = parent ? itemOf(doc, parent as Y.ID) : item.rightOrigin ? itemOf(doc, item.rightOrigin) : null
    if (parent) type = holder?.content instanceof Y.ContentType ? (holder.content.type as Y.AbstractType<unknown>) : undefined
    else type = holder?.parent instanceof Y.AbstractType ? (holder.parent as Y.AbstractType<unknown>) : undefined
  }
  let o = type?._map.get(item.parentSub!) ?? null
  let n = 0
  while (o && n <= cap) {
    n++
    o = o.left
  }
  return n
}

function itemOf(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  const s = Y.getItem(doc.store, id)
  return s instanceof Y.Item ? s : null
}
