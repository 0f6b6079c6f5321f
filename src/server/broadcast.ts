// One change, sent once to each OTHER client of its document. Hocuspocus 3.4's Document sends
// every update to every connection of the document, its sender included, and encodes the message
// again for each: the sender applies its own change a second time (a no-op) and, on a busy server,
// the other clients wait behind that send. The sender learns its change arrived from the sync
// status message Hocuspocus sends it anyway. Updates applied by the server itself or relayed from
// another instance (origin not a connection of the document) still go to every connection.
//
// A keystroke goes out before the server applies it (issue 20, budget 5): once the gate has
// decoded an update frame and found that it integrates for free (cheapUpdate.ts: new structs
// continuing the sender's clock, every reference present, nothing to scan), the frame itself is
// sent to the document's other connections (the same sync update message Hocuspocus sends), and
// Hocuspocus then applies it as usual (store, hooks, relay). Its update event does not send it a
// second time to those connections; a connection that joined in between still gets it.
import { Connection, Document, OutgoingMessage } from '@hocuspocus/server'
import type { WebSocket } from 'ws'
import type * as Y from 'yjs'

type Update = (this: Document, update: Uint8Array, origin: unknown) => Document

/** Per sender: the connections each of its forwarded, not yet applied, updates went to (in order). */
const forwarded = new WeakMap<Connection, Set<Connection>[]>()

let installed = false

/** Installs the broadcast on Hocuspocus's Document (before any document exists: its constructor binds the handler). */
export function sendUpdatesToOthersOnly(): void {
  if (installed) return
  installed = true
  const handleUpdate: Update = function (update, origin) {
    // A forwarded update's own event: one event per forwarded frame, in the sender's order.
    const sentTo = origin instanceof Connection ? forwarded.get(origin)?.shift() : undefined
    // Sent before the onChange and store hooks run (issue 20, budget 5): they schedule work for
    // later, and the other clients need not wait for that scheduling.
    let message: Uint8Array | null = null
    this.getConnections().forEach((connection) => {
      if (connection === origin || sentTo?.has(connection)) return
      message ??= new OutgoingMessage(this.name).createSyncMessage().writeUpdate(update).toUint8Array()
      connection.send(message)
    })
    this.callbacks.onUpdate(this, origin as never, update)
    return this
  }
  ;(Document.prototype as unknown as { handleUpdate: Update }).handleUpdate = handleUpdate
}

/**
 * Sends an update frame from `ws` to the other connections of its document before Hocuspocus
 * applies it. Only for a frame the gate has checked whose update adds new structs that integrate
 * for free (so applying it raises exactly one update event), from a connection that may write.
 */
export function forwardBeforeApplying(doc: Y.Doc | undefined, ws: WebSocket, frame: Uint8Array): void {
  if (!(doc instanceof Document)) return
  const connections = doc.getConnections()
  const from = connections.find((c) => c.webSocket === ws)
  if (!from || from.readOnly) return
  const to = new Set<Connection>()
  for (const connection of connections) {
    if (connection === from) continue
    connection.send(frame)
    to.add(connection)
  }
  let queue = forwarded.get(from)
  if (!queue) forwarded.set(from, (queue = []))
  queue.push(to)
  // Hocuspocus applies the frame within this task's microtasks. Should it not raise the update
  // event by then (the same structs already arrived another way), the record goes, so that it
  // cannot keep a later update from those connections: at worst one is sent twice (a no-op).
  setImmediate(() => {
    const at = queue.indexOf(to)
    if (at >= 0) queue.splice(at, 1)
  })
}
