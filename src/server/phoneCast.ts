// POST /ballot/api/cast: one phone ballot, under its vote's lock (ballots.ts explains the order
// of writes: a secret ballot durable in the pending store first, a roll-call answer in the document first).
import { assertPhoneMayVote, PHONE_DEVICE, setPhoneReceived } from '../shared/doc/phoneVoting'
import { recordRollCall } from '../shared/doc/votes'
import { isChoice, readVote } from '../shared/doc/votesRead'
import { isIdString, type VoteId } from '../shared/domain/ids'
import { newReceipt } from '../shared/domain/voterCode'
import { ballotBoxFull, ballotBoxOf, type Choice } from '../shared/domain/votes'
import { isCastAttempt, type CastResponse } from '../shared/phoneBallot'
import { retryToken } from './ballotStore'
import { errorText } from './log'
import { PHONE_HOST_ORIGIN, type PhoneContext } from './phoneContext'
import { phoneErrorOf, refuse } from './phoneErrors'

export async function phoneCast(ctx: PhoneContext, body: Record<string, unknown>, address: string): Promise<CastResponse> {
  const { voteId, choice, attempt } = body
  if (!isIdString(voteId) || !isChoice(choice) || (attempt !== undefined && !isCastAttempt(attempt))) return refuse('invalid-request')
  const { store, log, now } = ctx
  const r = await ctx.codeRequest(body, address)
  return ctx.withCode(r, address, (conn, doc, entry) =>
    store.locked(r.meeting, voteId, async () => {
      const vote = readVote(doc, voteId as VoteId)
      if (!vote?.phone?.enabled) return refuse('vote-closed')
      const held = await ctx.pending(r.meeting, voteId)
      // The same ballot again (its reply was lost): the receipt it got, even if the vote closed since.
      const token = attempt === undefined ? null : retryToken(r.hash, attempt as string, choice)
      const earlier = token !== null && held.used.includes(r.hash) ? held.retries[token] : undefined
      if (earlier !== undefined) return { ok: true as const, receipt: earlier }
      if (vote.closedAt !== null || vote.phone.sealedAt !== null || held.sealed) return refuse('vote-closed')
      if (held.used.includes(r.hash)) return refuse('code-used')
      try {
        assertPhoneMayVote(doc, voteId as VoteId, entry)
      } catch (e) {
        throw phoneErrorOf(e)
      }
      let receipt = newReceipt()
      while (held.receipts.includes(receipt)) receipt = newReceipt()
      const marked = { used: [...held.used, r.hash], receipts: [...held.receipts, receipt], retries: token === null ? held.retries : { ...held.retries, [token]: receipt } }
      if (vote.method === 'secret') {
        // The pending count may be ahead of the document's (a store that failed before): it counts.
        const cast = held.counts.for + held.counts.against + held.counts.abstain
        if (ballotBoxFull(ballotBoxOf(vote, cast))) return refuse('ballots-full')
        // Durable first: the phone gets its receipt only for a ballot that is on disk.
        await store.put({ ...held, ...marked, counts: { ...held.counts, [choice]: held.counts[choice as Choice] + 1 } })
        try {
          await ctx.write(conn, r.meeting, (d) => setPhoneReceived(d, voteId as VoteId, cast + 1, PHONE_HOST_ORIGIN))
        } catch (e) {
          // The ballot is held and will be sealed in; only the running count is behind.
          log({ type: 'phone-error', documentName: r.meeting, error: `received count not updated: ${errorText(e)}` })
        }
      } else {
        if (entry.kind !== 'named') return refuse('wrong-code-kind')
        try {
          // The answer and the running count in one transaction: named answers are public anyway.
          await ctx.write(conn, r.meeting, (d) =>
            d.transact(() => {
              recordRollCall(d, voteId as VoteId, entry.memberId, choice as Choice, now(), PHONE_DEVICE, PHONE_HOST_ORIGIN)
              setPhoneReceived(d, voteId as VoteId, held.receipts.length + 1, PHONE_HOST_ORIGIN)
            }, PHONE_HOST_ORIGIN),
          )
        } catch (e) {
          throw phoneErrorOf(e)
        }
        await store.put({ ...held, ...marked })
      }
      return { ok: true, receipt }
    }),
  )
}
