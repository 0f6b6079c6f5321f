// The HTTP contract between a resident's phone (the ballot page), the secretary's app and the host
// that serves the page: the sync server the meeting is hosted on (src/server/ballots.ts).
//
//   GET  /ballot/                       the ballot page (a separate small entry of the web build)
//   POST /ballot/api/open   OpenRequest -> 200 OpenResponse          (phone: what is there to vote on)
//   POST /ballot/api/cast   CastRequest -> 200 CastResponse          (phone: one ballot)
//   POST /ballot/api/seal   SealRequest -> 200 SealResponse          (secretary's app, before closing)
//   errors: {error: PhoneErrorCode}, with the HTTP status of PHONE_ERROR_STATUS
//
// JSON in and out, bodies of at most 4 KiB. The page polls /open every few seconds while it waits
// for a vote: no WebSocket, so old phone browsers work. Nothing here names members, except that a
// roll-call (named) code's own holder is the one who votes.
import type { Choice } from './domain/votes'

export interface OpenRequest {
  /** The meeting's id (ballot addresses carry only that), or its document name council/<id>/meeting/<id>. */
  meeting: string
  code: string
}

export interface OpenVote {
  voteId: string
  method: 'secret' | 'roll_call'
  /** The motion's text, as put to the vote: the only content of the council the page shows. */
  motionText: string
  /** Whether this code has already voted in this vote (a receipt was given). */
  voted: boolean
}

/** `vote: null` when no vote takes phone ballots right now: the page waits and asks again. */
export interface OpenResponse {
  ok: true
  vote: OpenVote | null
}

export interface CastRequest {
  meeting: string
  code: string
  voteId: string
  choice: Choice
  /**
   * A random id the phone makes once per ballot and sends again with every retry of it: when the
   * host stored the ballot but its reply was lost, the retry (same code, same choice, same attempt)
   * gets the same receipt instead of 'code-used'. Optional: a page without it gets 'code-used'.
   */
  attempt?: string
}

/** What an attempt id looks like: 16 to 64 base64url characters (the phone sends 22, 128 bits). */
export const isCastAttempt = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(v)

export interface CastResponse {
  ok: true
  /** "XXXX-XXXX": shown on the phone, published on the projector's list after the close. */
  receipt: string
}

export interface SealRequest {
  meeting: string
  voteId: string
  /** A read-write join code of the meeting's council: only the council's own devices close a vote. */
  code: string
}

export interface SealResponse {
  ok: true
  /** How many phone ballots were written into the meeting document. */
  ballots: number
}

export const PHONE_ERROR_CODES = [
  'invalid-request', // malformed body, unknown choice, not a meeting name
  'invalid-code', // not a code of this meeting: mistyped, guessed, or another meeting's
  'expired', // the meeting is not in session (not started, or over): its codes no longer work
  'code-used', // this code has already voted in this vote
  'wrong-code-kind', // a drawn code in a roll call, or a named code in a secret ballot
  'not-eligible', // a named code whose member is not eligible (recused, absent when the vote opened)
  'vote-closed', // the vote has closed (or is closing), or never took phone ballots
  'ballots-full', // every eligible voter has a ballot in
  'rate-limited', // too many requests from this address or for this code; wait and try again
  'forbidden', // seal: not a read-write code of the council
  'not-found', // no such page or document
  'method-not-allowed',
  'unsupported-media-type',
  'body-too-large',
  'unavailable', // the host could not read or write the meeting right now; try again
] as const
export type PhoneErrorCode = (typeof PHONE_ERROR_CODES)[number]

export const PHONE_ERROR_STATUS: Record<PhoneErrorCode, number> = {
  'invalid-request': 400,
  'invalid-code': 403,
  expired: 403,
  'code-used': 409,
  'wrong-code-kind': 403,
  'not-eligible': 403,
  'vote-closed': 409,
  'ballots-full': 409,
  'rate-limited': 429,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'unsupported-media-type': 415,
  'body-too-large': 413,
  unavailable: 503,
}

export const isPhoneErrorCode = (v: unknown): v is PhoneErrorCode => (PHONE_ERROR_CODES as readonly unknown[]).includes(v)
