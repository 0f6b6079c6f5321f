// What a phone is told when a request is refused: a PhoneErrorCode (src/shared/phoneBallot.ts),
// thrown as a PhoneError, including for the DocErrors of the shared document accessors.
import { DocError, type DocErrorCode } from '../shared/doc/errors'
import type { PhoneErrorCode } from '../shared/phoneBallot'

export class PhoneError extends Error {
  constructor(readonly code: PhoneErrorCode) {
    super(code)
  }
}

export const refuse = (code: PhoneErrorCode): never => {
  throw new PhoneError(code)
}

/** What the phone is told for a DocError from the shared accessors. */
const DOC_ERRORS: Partial<Record<DocErrorCode, PhoneErrorCode>> = {
  voteClosed: 'vote-closed',
  phonesNotEnabled: 'vote-closed',
  notFound: 'vote-closed',
  wrongCodeKind: 'wrong-code-kind',
  wrongVoteMethod: 'wrong-code-kind',
  notEligible: 'not-eligible',
  ballotsFull: 'ballots-full',
  ballotsExceedVoters: 'ballots-full',
  wrongMeetingStatus: 'expired',
  invalidInput: 'invalid-request',
}

export function phoneErrorOf(e: unknown): PhoneError {
  if (e instanceof PhoneError) return e
  if (e instanceof DocError) return new PhoneError(DOC_ERRORS[e.code] ?? 'unavailable')
  throw e
}
