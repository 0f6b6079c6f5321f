// POST /ballot/api/seal: the secretary's app asks the host to write the held phone ballots into
// the meeting document (shuffled, bare choices), under the vote's lock. Idempotent.
import { parseAnyDocName } from '../shared/doc/names'
import { sealPhoneBallots } from '../shared/doc/phoneVoting'
import { readVote } from '../shared/doc/votesRead'
import { isIdString, type VoteId } from '../shared/domain/ids'
import type { Choice } from '../shared/domain/votes'
import type { SealResponse } from '../shared/phoneBallot'
import { errorText } from './log'
import { isMeetingName, PHONE_HOST_ORIGIN, type PhoneContext } from './phoneContext'
import { phoneErrorOf, refuse } from './phoneErrors'
import { RateLimited } from './phoneLimits'

export async function phoneSeal(ctx: PhoneContext, body: Record<string, unknown>, address: string): Promise<SealResponse> {
  const { meeting, voteId, code } = body
  if (!isMeetingName(meeting) || !isIdString(voteId) || typeof code !== 'string' || code.length > 1000) return refuse('invalid-request')
  const { store, log, now, registry, docs } = ctx
  const { failures } = ctx.limits
  if (!failures.has(address)) throw new RateLimited(failures.retryAfter(address))
  const auth = await registry.authorize(parseAnyDocName(meeting)!.councilId, code)
  if (!auth.ok || auth.access !== 'rw') {
    failures.take(address)
    return refuse('forbidden')
  }
  const result = await docs.use(meeting, (conn, doc) =>
    store.locked(meeting, voteId, async (): Promise<SealResponse> => {
      const vote = readVote(doc, voteId as VoteId)
      if (!vote?.phone) return refuse('vote-closed')
      // Sealed already (a retry, a second device): the same answer. The document decides; the
      // pending file is marked too in case a crash came between the two.
      if (vote.phone.sealedAt !== null) {
        const held = await store.get(meeting, voteId).catch(() => null)
        if (held && !held.sealed) await store.put({ ...held, sealed: true }).catch(() => {})
        return { ok: true, ballots: vote.phone.received }
      }
      if (vote.closedAt !== null) return refuse('vote-closed')
      const held = await ctx.pending(meeting, voteId)
      const choices: Choice[] = vote.method === 'secret' ? (['for', 'against', 'abstain'] as const).flatMap((c) => Array<Choice>(held.counts[c]).fill(c)) : []
      try {
        await ctx.write(conn, meeting, (d) => sealPhoneBallots(d, voteId as VoteId, { choices, receipts: held.receipts }, now(), PHONE_HOST_ORIGIN))
      } catch (e) {
        throw phoneErrorOf(e)
      }
      try {
        await store.put({ ...held, sealed: true })
      } catch (e) {
        // The document is sealed: casts are refused by it already.
        log({ type: 'phone-error', documentName: meeting, error: `pending file not marked sealed: ${errorText(e)}` })
      }
      const ballots = vote.method === 'secret' ? choices.length : held.receipts.length
      log({ type: 'phone-sealed', documentName: meeting, voteId, ballots })
      return { ok: true, ballots }
    }),
  )
  return result ?? refuse('not-found')
}
