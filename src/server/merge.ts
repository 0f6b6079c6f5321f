// How both storage backends merge a store with what is stored: a union, so nothing is lost. What
// they write is packed (shared/sync/packedUpdate.ts: deflated, about a sixth of the bytes); a row
// or file written before packing is read as it is.
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { packedOrRaw, storedUpdate } from '../shared/sync/packedUpdate'

/**
 * The union of two Yjs updates, as one update. Through a Y.Doc rather than Y.mergeUpdates: the
 * doc garbage-collects content deleted since the stored state, where mergeUpdates would keep it
 * and the stored state would only grow.
 */
export function mergeStates(stored: Uint8Array, update: Uint8Array): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, stored)
    Y.applyUpdate(doc, update)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * Which stored state each document name has, when this process wrote it from a live document:
 * a live Y.Doc only ever grows, so the next state of that same document holds everything it
 * wrote before, and replaces it without a merge (which parses the whole stored state and the
 * whole update again: milliseconds per store of a meeting). Checked against the bytes actually
 * stored, by their SHA-256: a state another writer stored meanwhile (a second instance on the same
 * files), a store that failed, or an update from elsewhere (no live document, or another one)
 * is merged as before.
 */
export class StoreMerger {
  private readonly wrote = new Map<string, { digest: string; doc: WeakRef<object> }>()
  // A document Hocuspocus has unloaded and dropped takes its entry with it.
  private readonly dropped = new FinalizationRegistry<string>((name) => {
    if (this.wrote.get(name)?.doc.deref() === undefined) this.wrote.delete(name)
  })

  /**
   * What to write for `name`, packed: the union of `stored` (the bytes as stored, packed or raw)
   * and `update` (`update` alone when that is the union).
   */
  next(name: string, stored: Uint8Array | null, update: Uint8Array, doc?: object): Uint8Array {
    const known = this.wrote.get(name)
    const same = stored === null || (doc !== undefined && known !== undefined && known.doc.deref() === doc && known.digest === digestOf(stored))
    const out = same ? update : mergeStates(storedUpdate(stored), update)
    const packed = packedOrRaw(out)
    // A merge that changed nothing (the stored state was already in this document) also counts.
    if (doc && (out === update || Buffer.compare(out, update) === 0)) {
      if (known?.doc.deref() !== doc) this.dropped.register(doc, name)
      this.wrote.set(name, { digest: digestOf(packed), doc: known?.doc.deref() === doc ? known.doc : new WeakRef(doc) })
    } else this.wrote.delete(name)
    return packed
  }
}

const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64')
