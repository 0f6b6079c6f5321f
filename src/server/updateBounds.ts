// What one Yjs update may cost the server, checked by decoding its structure with Yjs' own
// decoder (Y.decodeUpdate: linear in its bytes) without integrating it. Integrating is where the
// cost hides: n clients that each set one key of one map cost O(n²) (a 0.5 MB update froze the
// server for 8.5 s), and a map nested 20,000 deep overflows the stack in the live document's
// transaction cleanup. So an update is refused (its connection closed) before it is applied when
// it has too many structs, too many clients, or nests types deeper than the bound (counting the
// depth of what it nests into in the live document). What integrating it then costs is measured
// by integrating it on a shadow with its steps counted (costTrial.ts): that replaced a bound on
// items inserted at one position, which cost as much to check and missed the worst updates.
import * as Y from 'yjs'

export interface UpdateBounds {
  /** Structs (items, GC and skip ranges) in one update. */
  maxStructs: number
  /** Distinct client ids in one update (structs and deletions). */
  maxClients: number
  /** Nesting of shared types (a map in a map…), counted from the document's root types. */
  maxDepth: number
  /** Steps of Yjs' conflict scans allowed to integrate one update, on top of two per struct (costTrial.ts). */
  maxIntegrationSteps: number
  /** Structs a document may hold waiting for structs it does not have, after an update. */
  maxPendingStructs: number
  /** Milliseconds one connection's updates may take to check and integrate in any 10 s (gateBudget.ts). */
  maxUpdateMsPer10s: number
}

// A Yishi document nests a few levels (council → members → member → history); a full upload of
// the household register is about 1 MB and tens of thousands of structs; concurrent inserts at
// one spot come from a handful of devices. The bounds leave a wide margin over all of that.
// Integration steps: a scan step costs 0.3 to 0.5 µs, so 100,000 is about 30 to 50 ms; a whole
// 1 MB document of 300 devices' edits integrates with under one step per struct. Pending
// structs: a client only sends what follows what the server has, so none wait but after the
// server lost data. 3 s in 10 s: checking the 0.86 MB document of 300 devices' edits
// (tests/integration/server-cost-attacks.test.ts) takes 0.6 to 1.2 s and integrating it 0.3 to
// 0.5 s on a loaded 2-core machine, so a device can upload a whole document at once, while one
// connection cannot keep more than 30 % of the event loop busy.
export const DEFAULT_UPDATE_BOUNDS: UpdateBounds = {
  maxStructs: 100_000,
  maxClients: 5_000,
  maxDepth: 32,
  maxIntegrationSteps: 100_000,
  maxPendingStructs: 500,
  maxUpdateMsPer10s: 3_000,
}

/** The update is well formed but would cost more than the bounds allow. */
export class UpdateTooCostly extends Error {}

export type Struct = Y.Item | Y.GC | Y.Skip
/** An update's deletions, as Y.decodeUpdate gives them (Yjs does not export the class's type). */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/**
 * Throws UpdateTooCostly when the update breaks a bound; lets Yjs' decoding errors through.
 * Returns its decoded structs.
 * `doc` is the live document the update is for (its nesting depth counts), if known.
 */
export function checkUpdateBounds(update: Uint8Array, bounds: UpdateBounds, doc?: Y.Doc): Struct[] {
  return checkDecodedBounds(update, bounds, doc).structs
}

/** The decoded update: its structs and its deletions. */
export interface DecodedUpdate {
  structs: Struct[]
  ds: DeleteSet
}

/** checkUpdateBounds, returning the whole decoded update so that no later check decodes it again. */
export function checkDecodedBounds(update: Uint8Array, bounds: UpdateBounds, doc?: Y.Doc): DecodedUpdate {
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet }
  if (structs.length > bounds.maxStructs) throw new UpdateTooCostly(`${structs.length} structs in one update (at most ${bounds.maxStructs})`)
  const byClient = new Map<number, Struct[]>()
  for (const s of structs) {
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  let clients = byClient.size
  for (const client of ds.clients.keys()) if (!byClient.has(client)) clients++
  if (clients > bounds.maxClients) throw new UpdateTooCostly(`${clients} clients in one update (at most ${bounds.maxClients})`)

  checkDepth(structs, byClient, bounds.maxDepth, doc)
  return { structs, ds }
}

/** The struct of this update that holds `id`, by binary search in its client's (clock-ordered) structs. */
function findInUpdate(byClient: Map<number, Struct[]>, id: Y.ID): Struct | null {
  const list = byClient.get(id.client)
  if (!list) return null
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]!
    if (id.clock < s.id.clock) hi = mid - 1
    else if (id.clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return null
}

/** The live document's item holding `id`, or null if the document does not have it (yet). */
function findInDoc(doc: Y.Doc | undefined, id: Y.ID): Y.Item | null {
  if (!doc || id.clock >= Y.getState(doc.store, id.client)) return null
  const s = Y.getItem(doc.store, id)
  return s instanceof Y.Item ? s : null
}

/** Depth of an integrated item (1 inside a root type), walking up its parents at most `limit` levels. */
function liveDepth(item: Y.Item, limit: number): number {
  let depth = 1
  let type = item.parent as Y.AbstractType<unknown> | null
  while (type?._item && depth <= limit) {
    depth++
    type = type._item.parent as Y.AbstractType<unknown> | null
  }
  return depth
}

type Step = { depth: number } | { next: Y.Item; add: number }

/** One step up an item's chain towards its depth: known at once, or the item (of this update) it follows. */
function stepOf(item: Y.Item, byClient: Map<number, Struct[]>, maxDepth: number, doc: Y.Doc | undefined): Step {
  const parent: unknown = item.parent
  if (typeof parent === 'string') return { depth: 1 }
  const ref = (parent as Y.ID | null) ?? item.origin ?? item.rightOrigin
  if (!ref) return { depth: 1 }
  // Up to the item holding the parent type adds a level; across to a sibling adds none.
  const add = parent ? 1 : 0
  const inUpdate = findInUpdate(byClient, ref)
  if (inUpdate instanceof Y.Item) return { next: inUpdate, add }
  const live = findInDoc(doc, ref)
  return { depth: (live ? liveDepth(live, maxDepth) : 1) + add }
}

/**
 * Nesting depth of every item of the update (1 inside a root type, 2 inside a type nested in
 * one…). An item's parent is written out (a root name, or the id of the item holding the parent
 * type), or, when it has an origin, it is its origin's (or right origin's) parent: both chains are
 * followed iteratively with memoisation, so this is linear. Items whose parent is neither in the
 * update nor in the live document would wait in Yjs' pending structs; their depth counts from
 * where the update can see (README, "Not done").
 */
function checkDepth(structs: Struct[], byClient: Map<number, Struct[]>, maxDepth: number, doc: Y.Doc | undefined): void {
  const depthOf = new Map<Y.Item, number>()
  for (const start of structs) {
    if (!(start instanceof Y.Item) || depthOf.has(start)) continue
    const path: { item: Y.Item; add: number }[] = []
    const onPath = new Set<Y.Item>()
    let item = start
    let depth: number
    for (;;) {
      const known = depthOf.get(item)
      if (known !== undefined) {
        depth = known
        break
      }
      // A crafted cycle of origins never integrates (Yjs keeps it pending): stop walking it.
      const step: Step = onPath.has(item) ? { depth: 1 } : stepOf(item, byClient, maxDepth, doc)
      if ('depth' in step) {
        depth = step.depth
        depthOf.set(item, depth)
        break
      }
      path.push({ item, add: step.add })
      onPath.add(item)
      item = step.next
    }
    for (let i = path.length - 1; i >= 0; i--) {
      depth += path[i]!.add
      depthOf.set(path[i]!.item, depth)
    }
    if (depthOf.get(start)! > maxDepth) throw new UpdateTooCostly(`types nested ${depthOf.get(start)} deep (at most ${maxDepth})`)
  }
}
