// What the SocketGate (gate.ts) enforces, apart from the gate itself: its limits, the close codes
// it and the hooks send, the bounds on what a connection may queue before authentication, and
// the marks on frames it has checked (so beforeHandleMessage does not check them twice).
import type { UpdateBounds } from './updateBounds'

export interface GateLimits {
  maxMessageBytes: number
  maxMessagesPerSecond: number
  updateBounds: UpdateBounds
  /** A socket with no authenticated document after this long is closed. */
  authTimeoutMs: number
  /** Shared by every socket of a server: bytes held for documents not (yet) authenticated, and the most allowed. */
  preAuthBudget: { used: number; max: number }
}

/** Close codes sent by the gate and the hooks (4xxx are Hocuspocus-style application codes). */
export const Close = {
  malformed: { code: 1007, reason: 'malformed-message' },
  tooLarge: { code: 1009, reason: 'message-too-large' },
  policy: (reason: string) => ({ code: 1008, reason }),
  revoked: { code: 4403, reason: 'code-revoked' },
  /** Hocuspocus cannot authenticate one document name twice on one socket: reconnect instead. */
  reauthenticate: { code: 4409, reason: 'reconnect-to-reauthenticate' },
} as const

// Documents a single connection may open, and what it may send for documents whose
// authentication has not finished: a provider sends auth, sync step 1 and awareness, plus
// whatever it queued while offline. Hocuspocus keeps all of that in memory until then (and for a
// refused document, for the life of the connection), so it is bounded per connection.
export const MAX_DOCUMENTS = 1024
export const MAX_PENDING_MESSAGES = 2000
export const pendingBytesLimit = (maxMessageBytes: number) => 4 * maxMessageBytes
/** Document names are `council/<uuid>/meeting/<uuid>` (about 90 bytes); tokens are join codes. */
export const MAX_DOCUMENT_NAME_LENGTH = 256
export const MAX_AUTH_FRAME_BYTES = 2048

export type Frame = [data: Uint8Array, isBinary: unknown]

/** Frames that a gate validated and handed to Hocuspocus. */
export const checked = new WeakSet<object>()
export const wasChecked = (frame: object): boolean => checked.has(frame)
/** Frames handed to Hocuspocus's queue before authentication, not decoded yet (see SocketGate.install). */
export const unchecked = new WeakSet<object>()
