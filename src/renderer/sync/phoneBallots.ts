// The phone host's HTTP side for the secretary's app (src/shared/phoneBallot.ts): the seal that
// writes the phone ballots into the meeting document before a vote with phones closes. The host
// is the council's sync server, on the same address. Failures are PhoneHostErrors.
import { isPhoneErrorCode, type PhoneErrorCode, type SealRequest, type SealResponse } from '../../shared/phoneBallot'
import { postJson } from './councilServer'

/** unreachable: no answer (network, timeout); bad-response: an answer that is not the contract's. */
export type PhoneHostErrorCode = PhoneErrorCode | 'unreachable' | 'bad-response'

export class PhoneHostError extends Error {
  constructor(readonly code: PhoneHostErrorCode) {
    super(`phone host: ${code}`)
    this.name = 'PhoneHostError'
  }
}

/** Asks the host to write the vote's phone ballots into the meeting document; resolves with how many it wrote. */
export async function sealPhoneBallots(serverUrl: string, body: SealRequest): Promise<SealResponse> {
  const answer = await postJson(serverUrl, '/ballot/api/seal', body)
  if (!answer) throw new PhoneHostError('unreachable')
  const { ok, status, body: obj } = answer
  if (ok && obj.ok === true && Number.isSafeInteger(obj.ballots)) return { ok: true, ballots: obj.ballots as number }
  if (isPhoneErrorCode(obj.error)) throw new PhoneHostError(obj.error)
  // Not the contract's answer: an older server without the ballot routes, or a proxy's page.
  throw new PhoneHostError(status === 404 ? 'not-found' : 'bad-response')
}
