// Which updates need no cost trial (costTrial.ts) because their integration provably costs nothing
// worth counting (issue 20, budget 5: a keystroke reached the second client after two full
// integrations, the trial's and the live one). Yjs' costly work when integrating an item is the
// conflict scan over the items between its left neighbour (origin) and its right origin, and the
// structs waiting for missing ones that every update retries. An item whose origin and right
// origin are already next to each other in the live document scans nothing; one whose every
// reference is in the document waits for nothing; a document with nothing pending retries nothing.
// A keystroke is such an update: one item typed between two neighbours, or a map value set after
// the key's current one. Anything else (a gap, a concurrent insert in between, a first value of a
// map key, a struct that refers to one in the same update, two structs in one gap, a GC or skip
// range, a deletion of a type or of many items, more than a few structs) takes the trial.
// Two structs of one update in the same gap would scan each other (n of them: n²/2), so each gap
// may take one struct; a split of a long string costs its length, so an update may split at most
// MAX_FREE_STRUCTS times; deleting a type deletes its whole subtree, so only plain items may go,
// at most MAX_FREE_DELETED of them.
// The shadow still follows the live document (after the broadcast), so the next trial starts right.
import * as Y from 'yjs'
import type { DeleteSet, Struct } from './updateBounds'

const sameId = (a: Y.ID | null, b: Y.ID | null): boolean => (a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock)

/** The live item holding `id`, or null when the document lacks it or holds it as GC. */
function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  const s = Y.getItem(doc.store, id)
  return s instanceof Y.Item ? s : null
}

/** The ID right after `id` in its list, in the live document (null at the end); undefined when unknown. */
function nextAfter(doc: Y.Doc, id: Y.ID): Y.ID | null | undefined {
  const item = itemAt(doc, id)
  if (!item) return undefined
  // The origin may be inside a merged run of characters: its neighbour is the next character.
  if (id.clock < item.id.clock + item.length - 1) return Y.createID(id.client, id.clock + 1)
  return item.right ? item.right.id : null
}

/** The list (or map) type an item's explicit parent names, in the live document. */
function parentType(doc: Y.Doc, parent: unknown): Y.AbstractType<unknown> | null {
  if (typeof parent === 'string') return (doc.share.get(parent) as Y.AbstractType<unknown> | undefined) ?? null
  if (parent instanceof Y.ID) {
    const holder = itemAt(doc, parent)
    return holder?.content instanceof Y.ContentType ? (holder.content.type as Y.AbstractType<unknown>) : null
  }
  return null
}

function scansNothing(doc: Y.Doc, item: Y.Item): boolean {
  if (item.origin) {
    const next = nextAfter(doc, item.origin)
    return next !== undefined && sameId(next, item.rightOrigin)
  }
  // No origin: inserted at the start of a list (a map key's first value walks its chain: trial).
  if (item.parentSub !== null) return false
  // Its list is named by the update, or is the right origin's (Yjs encodes only one of them).
  const right = item.rightOrigin ? itemAt(doc, item.rightOrigin) : null
  const type = item.parent !== null ? parentType(doc, item.parent) : right?.parent instanceof Y.AbstractType ? (right.parent as Y.AbstractType<unknown>) : null
  if (!type) return false
  return sameId(type._start ? type._start.id : null, item.rightOrigin)
}

/** A keystroke is one struct (a word typed fast, a few); a paste is one struct too. */
export const MAX_FREE_STRUCTS = 16
/** Backspace held down, a selection deleted: a few hundred characters at most. */
export const MAX_FREE_DELETED = 256
/** Structs the deletions may walk over (already deleted ones included) and still go free. */
export const MAX_FREE_WALKED = 50_000

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`

/** The gap an item goes into: after its origin, or at the start of the list its right origin opens. */
function gapOf(item: Y.Item): string {
  if (item.origin) return `after ${idKey(item.origin)}`
  return `start ${item.rightOrigin ? idKey(item.rightOrigin) : typeof item.parent === 'string' ? item.parent : item.parent instanceof Y.ID ? idKey(item.parent) : ''}`
}

/**
 * Whether the update's deletions touch only a few plain items the live document holds. What the
 * live document has already deleted does not count: Yjs passes over it (a device's sync step 2
 * carries its whole delete set, every time a document opens), only the walk over it is bounded.
 */
function deletesLittle(ds: DeleteSet, live: Y.Doc): boolean {
  let count = 0
  let walked = 0
  for (const [client, ranges] of ds.clients) {
    const held = live.store.clients.get(client)
    for (const { clock, len } of ranges) {
      if (!held || clock + len > Y.getState(live.store, client)) return false
      // Every struct the range touches must be deleted already, or an item whose deletion deletes nothing else.
      for (let i = Y.findIndexSS(held, clock); i < held.length && held[i]!.id.clock < clock + len; i++) {
        const s = held[i]!
        if (++walked > MAX_FREE_WALKED) return false
        if (s.deleted) continue
        if (!(s instanceof Y.Item) || s.content instanceof Y.ContentType || s.content instanceof Y.ContentDoc) return false
        count += Math.min(s.id.clock + s.length, clock + len) - Math.max(s.id.clock, clock)
        if (count > MAX_FREE_DELETED) return false
      }
    }
  }
  return true
}

/**
 * Whether integrating this update (its decoded structs) into `live` provably scans nothing and
 * leaves nothing waiting. `ds`: its deletions, when the caller has decoded it (else decoded here).
 */
export function integratesForFree(update: Uint8Array, structs: readonly Struct[], live: Y.Doc, ds?: DeleteSet): boolean {
  if (live.store.pendingStructs || live.store.pendingDs) return false
  if (structs.length > MAX_FREE_STRUCTS) return false
  const next = new Map<number, number>()
  const gaps = new Set<string>()
  for (const s of structs) {
    if (!(s instanceof Y.Item)) return false
    const { client, clock } = s.id
    // Each client's structs must continue exactly where the live document is (no gap, no overlap)…
    const expected = next.get(client) ?? Y.getState(live.store, client)
    if (clock !== expected) return false
    next.set(client, clock + s.length)
    // …and refer only to what the live document holds (not to a struct of this same update).
    if (s.origin && !itemAt(live, s.origin)) return false
    if (s.rightOrigin && !itemAt(live, s.rightOrigin)) return false
    if (s.parent instanceof Y.ID && !itemAt(live, s.parent)) return false
    if (s.parent !== null && !(s.parent instanceof Y.ID) && typeof s.parent !== 'string') return false
    if (s.parent !== null && !parentType(live, s.parent)) return false
    if (!scansNothing(live, s)) return false
    // One struct per gap: a second one would scan the first.
    const gap = gapOf(s)
    if (gaps.has(gap)) return false
    gaps.add(gap)
  }
  return deletesLittle(ds ?? Y.decodeUpdate(update).ds, live)
}
