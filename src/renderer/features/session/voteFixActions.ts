// The secretary's actions that keep a vote right: a hands count (or an owners' figure) as typed, cancelling an open vote,
// a correction of an announced result, a re-vote. One transaction each on the meeting document,
// acknowledged once stored on this device; the rules live in shared/doc/voteFixes.ts.
import type { Council, ThresholdRule } from '../../../shared/domain/council'
import type { MemberId, VoteId } from '../../../shared/domain/ids'
import type { BallotCounts, Choice, VoteResult } from '../../../shared/domain/votes'
import { readVote, setHandsCount, type VoteMethod } from '../../../shared/doc/votes'
import { cancelVote, correctedResult, openRevote, recordCorrection } from '../../../shared/doc/voteFixes'
import { setOwnerFigure, setVoteArea } from '../../../shared/doc/voteOwners'
import type { OwnerFigureField } from '../../../shared/doc/voteOwnersRead'
import type { AppEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { writeDoc } from '../../kit/write'
import { clearVote } from '../../data/ballotBox'

const settingsOf = (council: Council) => ({ quorumRule: council.quorumRule, recusedCountForQuorum: council.recusedCountForQuorum })

export async function enterHand(env: AppEnv, h: DocHandle, voteId: VoteId, field: Choice, value: number): Promise<void> {
  await writeDoc(env, h, (d) => void setHandsCount(d, voteId, field, value))
}

/** Cancels the open vote; a secret ballot's box on this laptop is emptied (nothing in it was counted). */
export async function cancelOpenVote(env: AppEnv, h: DocHandle, voteId: VoteId, input: { by: string; reason: string }): Promise<void> {
  const secret = readVote(h.doc, voteId)?.method === 'secret'
  await writeDoc(env, h, (d, now) => cancelVote(d, voteId, input, now))
  if (secret) await clearVote(env.db, voteId)
}

/** The result the rules would give for corrected counts (shown before the correction is recorded). */
export const previewCorrection = (h: DocHandle, council: Council, voteId: VoteId, counts: BallotCounts): VoteResult | null =>
  correctedResult(h.doc, voteId, counts, settingsOf(council))

export async function correctVote(env: AppEnv, h: DocHandle, council: Council, voteId: VoteId, input: { counts: BallotCounts; by: string; reason: string }): Promise<void> {
  await writeDoc(env, h, (d, now) => void recordCorrection(d, voteId, input, settingsOf(council), now))
}

export async function revote(env: AppEnv, h: DocHandle, voteId: VoteId, input: { method: VoteMethod; rule: ThresholdRule; by: string; reason: string }): Promise<void> {
  await writeDoc(env, h, (d, now) => void openRevote(d, voteId, input, now))
}

/** An owners' figure as typed (null: cleared). */
export async function enterOwnerFigure(env: AppEnv, h: DocHandle, voteId: VoteId, field: OwnerFigureField, value: number | null): Promise<void> {
  await writeDoc(env, h, (d) => void setOwnerFigure(d, voteId, field, value))
}

/** A roll-call member's floor area typed on the vote (null: cleared). */
export async function enterVoteArea(env: AppEnv, h: DocHandle, voteId: VoteId, memberId: MemberId, centiM2: number | null): Promise<void> {
  await writeDoc(env, h, (d) => void setVoteArea(d, voteId, memberId, centiM2))
}
