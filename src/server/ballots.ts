// Ballots from residents' phones (手机投票), served by the host the meeting is synced through:
//   POST /ballot/api/open  {meeting, code}                 -> what there is to vote on now
//   POST /ballot/api/cast  {meeting, code, voteId, choice} -> a receipt
//   POST /ballot/api/seal  {meeting, voteId, code: rw join code} -> the phone ballots written in
//   POST /ballot/api/survey, /ballot/api/answer                  -> a fund project's satisfaction survey
//                                                                   (phoneSurvey.ts, shared/phoneSurvey.ts)
// (contract, error codes and statuses: src/shared/phoneBallot.ts). Phones never join the CRDT: the
// host checks the one-time code against the meeting document's `voterCodes` (hashes only) and
// writes for them, through a Hocuspocus direct connection, so every connected device sees it.
//
// Secret ballots wait in the host's data folder (ballotStore.ts) as counts until the secretary's
// app asks for the seal, which writes them into the document in one shuffled transaction
// (sealPhoneBallots). Until then the document only learns how many came in (setPhoneReceived).
// Roll-call answers are public and go into the document at once (recordRollCall, device PHONE_DEVICE).
//
// Everything that changes a vote runs under that vote's lock (PendingBallotBackend.locked: per
// process with files, across instances with postgres), so concurrent phones are counted exactly
// and a seal never races a cast. Rate limits (phoneLimits.ts) per address, per code, and for
// failed code lookups per address. Nothing logged names a code, a choice or an address.
// Here: the dispatch and /open; phoneContext.ts the steps every request shares (meeting, code,
// writes), phoneCast.ts and phoneSeal.ts the two actions, docLeases.ts the direct connections.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Hocuspocus } from '@hocuspocus/server'
import { readMotion } from '../shared/doc/motions'
import { currentVote } from '../shared/doc/votesRead'
import { PHONE_ERROR_STATUS, type OpenResponse } from '../shared/phoneBallot'
import { HttpError, readJson, send } from './http'
import { errorText, type SyncServerLogger } from './log'
import { phoneCast } from './phoneCast'
import { isMeetingName, PhoneContext } from './phoneContext'
import { PhoneError, phoneErrorOf, refuse } from './phoneErrors'
import { clientAddress, DEFAULT_PHONE_LIMITS, RateLimited, type PhoneLimits } from './phoneLimits'
import { phoneSeal } from './phoneSeal'
import { surveyAnswer, surveyOpen } from './phoneSurvey'
import type { CouncilRegistry } from './registry'
import type { DocumentBackend, PendingBallotBackend } from './storageTypes'

export { PHONE_HOST_ORIGIN } from './phoneContext'
export { clientAddress, DEFAULT_PHONE_LIMITS, type PhoneLimits } from './phoneLimits'

export const BALLOT_API_PREFIX = '/ballot/api/'

export interface BallotServiceDeps {
  hocuspocus: Hocuspocus
  documents: DocumentBackend
  registry: CouncilRegistry
  /** Pending ballots and the per-vote lock (files in the data folder, or PostgreSQL shared by every instance). */
  store: PendingBallotBackend
  log: SyncServerLogger
  limits?: Partial<PhoneLimits>
  now?: () => Date
}

/** POST /ballot/api/open: what there is to vote on now (polled by the page). */
async function phoneOpen(ctx: PhoneContext, body: Record<string, unknown>, address: string): Promise<OpenResponse> {
  const r = await ctx.codeRequest(body, address)
  return ctx.withCode(r, address, async (_conn, doc) => {
    const vote = currentVote(doc)
    if (!vote || !vote.phone?.enabled || vote.phone.sealedAt !== null || (vote.method !== 'secret' && vote.method !== 'roll_call')) return { ok: true, vote: null }
    const held = await ctx.pending(r.meeting, vote.id)
    return {
      ok: true,
      vote: { voteId: vote.id, method: vote.method, motionText: readMotion(doc, vote.motionId)?.text ?? '', voted: held.used.includes(r.hash) },
    }
  })
}

const ACTIONS = { open: phoneOpen, cast: phoneCast, seal: phoneSeal, survey: surveyOpen, answer: surveyAnswer } as const

export function createBallotService(deps: BallotServiceDeps) {
  const { log } = deps
  const now = () => (deps.now ?? (() => new Date()))().toISOString()
  const ctx = new PhoneContext({ ...deps, limits: { ...DEFAULT_PHONE_LIMITS, ...deps.limits }, now })
  const { perAddress } = ctx.limits
  let inFlight = 0
  let closed = false
  let idle: (() => void) | null = null

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const address = clientAddress(req)
    const action = path.slice(BALLOT_API_PREFIX.length)
    let meeting: string | undefined
    try {
      if (!perAddress.take(address)) throw new RateLimited(perAddress.retryAfter(address))
      if (!Object.hasOwn(ACTIONS, action)) return refuse('not-found')
      if (req.method !== 'POST') return refuse('method-not-allowed')
      let body: Record<string, unknown>
      try {
        body = await readJson(req)
      } catch (e) {
        if (!(e instanceof HttpError)) throw e
        if (e.status === 413) return send(res, 413, { error: 'body-too-large' }, true)
        return refuse(e.code === 'unsupported-media-type' ? 'unsupported-media-type' : 'invalid-request')
      }
      if (isMeetingName(body.meeting)) meeting = body.meeting
      if (closed) return refuse('unavailable')
      inFlight += 1
      try {
        return send(res, 200, await ACTIONS[action as keyof typeof ACTIONS](ctx, body, address))
      } finally {
        inFlight -= 1
        if (inFlight === 0) idle?.()
      }
    } catch (e) {
      let error: PhoneError
      try {
        error = phoneErrorOf(e)
      } catch {
        log({ type: 'phone-error', ...(meeting ? { documentName: meeting } : {}), error: errorText(e) })
        error = new PhoneError('unavailable')
      }
      if ((action === 'cast' || action === 'seal' || action === 'answer') && (error.code !== 'rate-limited' || ctx.limits.quietFor(1_000))) {
        log({ type: 'phone-refused', action, reason: error.code, ...(meeting ? { documentName: meeting } : {}) })
      }
      const headers: Record<string, string> = error instanceof RateLimited ? { 'retry-after': String(Math.max(1, error.retryAfter)) } : {}
      return send(res, PHONE_ERROR_STATUS[error.code], { error: error.code }, false, headers)
    }
  }

  /** Refuses new requests, waits for those in flight and for their documents to be let go. */
  async function close(): Promise<void> {
    closed = true
    if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve))
    await ctx.docs.settle()
  }

  return { api, close }
}

export type BallotService = ReturnType<typeof createBallotService>
