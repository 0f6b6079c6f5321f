// Live updates between windows of this app on one device (the projector tab or window, a
// second tab): y-indexeddb only reads the store when a document opens, so open replicas of a
// document relay their updates over a BroadcastChannel named after it. No server involved.
import * as Y from 'yjs'

type Message = { kind: 'update'; update: Uint8Array } | { kind: 'hello'; stateVector: Uint8Array }

export const TAB_ORIGIN = 'tab'

/** Starts relaying a document; returns the function that stops it. */
export function relayBetweenTabs(name: string, doc: Y.Doc, channelPrefix = 'yishi'): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(`${channelPrefix}:${name}`)
  const post = (m: Message) => channel.postMessage(m)
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== TAB_ORIGIN) post({ kind: 'update', update })
  }
  channel.onmessage = (e: MessageEvent<Message>) => {
    const m = e.data
    try {
      if (m.kind === 'update') Y.applyUpdate(doc, m.update, TAB_ORIGIN)
      else if (m.kind === 'hello') {
        // A window that just opened the document: send what it lacks, and ask for what we lack.
        post({ kind: 'update', update: Y.encodeStateAsUpdate(doc, m.stateVector) })
      }
    } catch (error) {
      // A malformed message from another window is dropped; the document stays as it was.
      console.error('tab relay: dropped a malformed update', error)
    }
  }
  doc.on('update', onUpdate)
  post({ kind: 'hello', stateVector: Y.encodeStateVector(doc) })
  return () => {
    doc.off('update', onUpdate)
    channel.close()
  }
}
