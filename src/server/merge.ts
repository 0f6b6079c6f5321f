// How both storage backends merge a store with what is stored: a union, so nothing is lost.
import * as Y from 'yjs'

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
