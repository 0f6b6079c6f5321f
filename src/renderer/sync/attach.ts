// One open document attached to its council's server: a HocuspocusProvider on the server's
// shared WebSocket, with what the SyncManager (provider.ts) needs to know of it: whether its
// changes are acknowledged and stored, whether the server refused them (a read-only device),
// and whether authentication failed.
import { HocuspocusProvider, MessageType, type onMessageParameters } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { parseStoreReport, storedCovers } from '../../shared/sync/storeReport'
import type { CouncilSyncRow } from '../data/db'
import type { DocHandle } from './docs'
import type { Socket } from './sockets'

export interface Attached {
  provider: HocuspocusProvider
  socket: Socket
  authFailed: boolean
  /** Local changes sent but not yet acknowledged by the server. */
  localPending: boolean
  /** A read-only device's copy holds changes the server refused to store (they stay on this device only). */
  refused: boolean
  /** What the server last said it has stored of this document (its "stored" report), or null. */
  storedSv: Map<number, number> | null
  stop: () => void
}

/** The server has stored everything this copy holds (the server reports after each store). */
export const storedAll = (a: Attached, doc: Y.Doc): boolean => a.storedSv !== null && storedCovers(a.storedSv, Y.decodeStateVector(Y.encodeStateVector(doc)))

/** What the manager hears from an attached document. */
export interface AttachHooks {
  /** The provider synced, or the server reported a store: the manager re-checks what is stored. */
  synced: (a: Attached) => void
  /** A change made on this device (read-write only): queue it until the server stores it. */
  localChange: () => void
  /** Something the council's status shows changed (auth, refused changes). */
  changed: () => void
}

/**
 * Makes the document's provider on `socket` (whose reference the caller took) with its listeners
 * wired; the caller records it, then calls `provider.attach()` (an open socket starts the handshake at once).
 */
export function makeProvider(handle: DocHandle, row: CouncilSyncRow, socket: Socket, hooks: AttachHooks): Attached {
  const provider = new HocuspocusProvider({ name: handle.name, document: handle.doc, websocketProvider: socket.ws, token: row.code })
  const attached: Attached = { provider, socket, authFailed: false, localPending: false, refused: false, storedSv: null, stop: () => {} }
  const onUnsynced = ({ number }: { number: number }) => {
    if (number === 0 && provider.isSynced) hooks.synced(attached)
  }
  const onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === provider) {
      if (provider.isSynced) hooks.synced(attached)
      return
    }
    if (row.access !== 'rw') return
    attached.localPending = true
    hooks.localChange()
  }
  // After each store the server tells the document's clients what is on its disk.
  const onStateless = ({ payload }: { payload: string }) => {
    const report = parseStoreReport(payload)
    if (report?.kind !== 'stored') return
    attached.storedSv = Y.decodeStateVector(report.stateVector)
    hooks.synced(attached)
  }
  const setAuthFailed = (failed: boolean) => () => {
    attached.authFailed = failed
    hooks.changed()
  }
  // The server answers every change a read-only connection sends with "stored" or "not stored"
  // (a SyncStatus frame); the handshake sends all this copy has that the server lacks, so the
  // latest answer says whether this copy holds changes the server refused.
  const onMessage = ({ message }: onMessageParameters) => {
    if (row.access !== 'ro') return
    message.readVarString()
    if (message.readVarUint() !== MessageType.SyncStatus) return
    const refused = message.readVarUint() === 0
    if (refused === attached.refused) return
    attached.refused = refused
    hooks.changed()
  }
  provider.on('message', onMessage)
  provider.on('stateless', onStateless)
  provider.on('synced', () => hooks.synced(attached))
  provider.on('unsyncedChanges', onUnsynced)
  provider.on('authenticationFailed', setAuthFailed(true))
  provider.on('authenticated', setAuthFailed(false))
  handle.doc.on('update', onUpdate)
  attached.stop = () => handle.doc.off('update', onUpdate)
  return attached
}
