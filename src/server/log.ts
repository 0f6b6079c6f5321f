// What the sync server reports: one typed event per thing that happened, so tests can assert on
// them and the command line can print them as JSON lines. Never contains codes or secrets.

export type SyncServerEvent =
  | { type: 'listening'; url: string }
  | { type: 'closed' }
  | { type: 'auth-ok'; documentName: string; access: 'rw' | 'ro'; codeId: string }
  | { type: 'auth-refused'; documentName: string; reason: string }
  /** A frame that could not be decoded, or decoded to something a client may not send. */
  | { type: 'malformed-message'; reason: string; documentName?: string }
  | { type: 'message-too-large'; bytes?: number }
  /** A well-formed update over the cost bounds (updateBounds.ts): its connection is closed. */
  | { type: 'update-too-costly'; reason: string; documentName?: string }
  /** The connection sends faster than allowed: reading from it is paused, nothing is dropped. */
  | { type: 'throttled' }
  /** A connection closed by the server for breaking a limit or a rule. */
  | { type: 'connection-closed'; code: number; reason: string }
  | { type: 'write-refused'; documentName: string }
  | { type: 'codes-changed'; councilId: string; codeId?: string; connectionsClosed: number }
  | { type: 'council-registered'; councilId: string; created: boolean; rotated: boolean }
  | { type: 'code-revoked'; councilId: string; codeId: string }
  /** A store failed; it is retried (attempt 1, 2…) until it succeeds, and the clients are told. */
  | { type: 'store-failed'; documentName: string; error: string; attempt?: number }
  | { type: 'store-recovered'; documentName: string; attempts: number }
  | { type: 'load-failed'; documentName: string; error: string }
  | { type: 'socket-error'; error: string }
  | { type: 'redis-error'; error: string }
  | { type: 'http-error'; error: string }
  /** A phone ballot (cast) or a seal refused, by reason (a PhoneErrorCode). Never the code or the choice. */
  | { type: 'phone-refused'; action: 'cast' | 'seal' | 'answer'; reason: string; documentName?: string }
  /** The host wrote a vote's phone ballots into the meeting document. */
  | { type: 'phone-sealed'; documentName: string; voteId: string; ballots: number }
  /** A vote's pending phone ballot file does not read back: the vote answers 'unavailable'. */
  | { type: 'phone-ballots-unreadable'; documentName: string; voteId: string; error: string }
  /** Something failed while handling a phone ballot request. */
  | { type: 'phone-error'; documentName?: string; error: string }
  | { type: 'close-timeout' }

export type SyncServerLogger = (event: SyncServerEvent) => void

const QUIET = new Set<SyncServerEvent['type']>(['auth-ok', 'listening', 'closed', 'council-registered', 'code-revoked', 'codes-changed', 'phone-sealed'])

/** Default: problems as JSON lines on stderr; routine events are not printed. */
export const defaultLogger: SyncServerLogger = (event) => {
  if (!QUIET.has(event.type)) console.error(JSON.stringify({ time: new Date().toISOString(), ...event }))
}

/** Every event as a JSON line on stdout (the command line). */
export const jsonLinesLogger: SyncServerLogger = (event) => {
  console.log(JSON.stringify({ time: new Date().toISOString(), ...event }))
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 300)
