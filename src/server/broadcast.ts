// One change, sent once to each OTHER client of its document. Hocuspocus 3.4's Document sends
// every update to every connection of the document, its sender included, and encodes the message
// again for each: the sender applies its own change a second time (a no-op) and, on a busy server,
// the other clients wait behind that send. The sender learns its change arrived from the sync
// status message Hocuspocus sends it anyway. Updates applied by the server itself or relayed from
// another instance (origin not a connection of the document) still go to every connection.
import { Document, OutgoingMessage } from '@hocuspocus/server'

type Update = (this: Document, update: Uint8Array, origin: unknown) => Document

let installed = false

/** Installs the broadcast on Hocuspocus's Document (before any document exists: its constructor binds the handler). */
export function sendUpdatesToOthersOnly(): void {
  if (installed) return
  installed = true
  const handleUpdate: Update = function (update, origin) {
    // Sent before the onChange and store hooks run (issue 20, budget 5): they schedule work for
    // later, and the other clients need not wait for that scheduling.
    const message = new OutgoingMessage(this.name).createSyncMessage().writeUpdate(update).toUint8Array()
    this.getConnections().forEach((connection) => {
      if (connection !== origin) connection.send(message)
    })
    this.callbacks.onUpdate(this, origin as never, update)
    return this
  }
  ;(Document.prototype as unknown as { handleUpdate: Update }).handleUpdate = handleUpdate
}
