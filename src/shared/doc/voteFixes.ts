// Putting a vote right without rewriting history (meeting document, layout in votes.ts):
//   cancelled: {by, reason, at}                 an open vote that cannot (or should not) be announced
//   corrections: Y.Map<entryId, {counts, result, by, reason, at}>   after the announcement
//   revoteOf: {voteId, by, reason, at}          on a new vote that repeats an earlier one
// The announced result is never touched: a correction sits beside it and the record shows both;
// a re-vote is a new vote, linked to the first. A cancelled vote frees the meeting: its motion
// goes back to debate, so it can be voted again, withdrawn or deferred.
import * as Y from 'yjs'
import { THRESHOLD_RULES, type ThresholdRule } from '../domain/council'
import { newEntryId, type MotionId, type VoteId } from '../domain/ids'
import { isOnFloor } from '../domain/motion'
import { evaluateVote, type BallotCounts, type VoteResult } from '../domain/votes'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, openVotes } from './guards'
import { motionMapOf, readMotion, readMotions, writeMotionStatus } from './motions'
import { ORIGIN_LOCAL } from './schema'
import { openVote } from './votes'
import { readVote, VOTE_METHODS, voteInput, votesMap, votesOf, type Vote, type VoteMethod, type VoteSettings } from './votesRead'

export const MAX_FIX_BY = 60
export const MAX_FIX_REASON = 500

/** Who and why, trimmed; refused (naming the field) when blank or too long. */
function note(input: { by: string; reason: string }, now: string): { by: string; reason: string; at: string } {
  const by = input.by.trim()
  const reason = input.reason.trim()
  const bad: Record<string, string> = {}
  if (!by) bad.by = 'required'
  else if (by.length > MAX_FIX_BY) bad.by = 'tooLong'
  if (!reason) bad.reason = 'required'
  else if (reason.length > MAX_FIX_REASON) bad.reason = 'tooLong'
  if (Object.keys(bad).length) throw new DocError('invalidInput', bad)
  return { by, reason, at: now }
}

function voteMap(doc: Y.Doc, voteId: VoteId): { vote: Vote; map: Y.Map<unknown> } {
  const map = votesMap(doc).get(voteId)
  const vote = readVote(doc, voteId)
  if (!(map instanceof Y.Map) || !vote) throw new DocError('notFound', { voteId })
  return { vote, map: map as Y.Map<unknown> }
}

/**
 * Cancels an open vote with the reason: nothing is counted or announced, the vote is closed as
 * cancelled, and its motion returns to debate. Ballots in a laptop's box are the caller's to
 * discard (they never entered the document).
 */
export function cancelVote(doc: Y.Doc, voteId: VoteId, input: { by: string; reason: string }, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const { vote, map } = voteMap(doc, voteId)
  if (vote.closedAt !== null) throw new DocError('voteClosed', { voteId })
  const cancelled = note(input, now)
  const motion = readMotion(doc, vote.motionId)
  const motionMap = motionMapOf(doc, vote.motionId)
  doc.transact(() => {
    map.set('cancelled', cancelled)
    map.set('closedAt', now)
    // A motion changed elsewhere meanwhile keeps its status; only one still being voted on goes back.
    if (motion && motionMap && motion.status === 'voting') writeMotionStatus(motionMap, 'voting', 'debating', now)
  }, origin)
}

/** The closed, announced vote that is the motion's latest: the only one a correction or re-vote may follow. */
function latestAnnounced(doc: Y.Doc, voteId: VoteId): { vote: Vote; map: Y.Map<unknown> } {
  const found = voteMap(doc, voteId)
  const { vote } = found
  if (vote.closedAt === null) throw new DocError('voteOpen', { voteId })
  if (!vote.result || vote.cancelled) throw new DocError('voteNotAnnounced', { voteId })
  const later = votesOf(doc, vote.motionId).filter((v) => v.id !== vote.id && v.openedAt >= vote.openedAt && !v.cancelled)
  if (later.length) throw new DocError('voteSuperseded', { voteId: later[0]?.id })
  return found
}

/** The result the rules give for corrected counts, from the same snapshot as the announcement. */
export function correctedResult(doc: Y.Doc, voteId: VoteId, counts: BallotCounts, settings: VoteSettings): VoteResult | null {
  const input = voteInput(doc, voteId, settings)
  return input ? evaluateVote({ ...input, counts: { for: counts.for, against: counts.against, abstain: counts.abstain } }) : null
}

/**
 * Records a correction of an announced vote: the corrected counts, evaluated by the same rules
 * (refused, with the rules' result, when they are impossible), who and why. The announced result
 * stays. A main motion's status follows the corrected outcome (its status log keeps the first);
 * an amendment whose outcome would flip is refused (its text is already in, or out of, the motion:
 * that is for a new amendment).
 */
export function recordCorrection(
  doc: Y.Doc,
  voteId: VoteId,
  input: { counts: BallotCounts; by: string; reason: string },
  settings: VoteSettings,
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): VoteResult {
  assertMeetingIn(doc, ['in_session', 'closed'])
  assertInstant(now, 'now')
  const { vote, map } = latestAnnounced(doc, voteId)
  const bad = (['for', 'against', 'abstain'] as const).filter((k) => !(Number.isSafeInteger(input.counts[k]) && input.counts[k] >= 0))
  if (bad.length) throw new DocError('invalidInput', Object.fromEntries(bad.map((k) => [k, 'countInvalid'])))
  const fix = note(input, now)
  const result = correctedResult(doc, voteId, input.counts, settings)
  if (!result) throw new DocError('notFound', { voteId })
  if (result.outcome === 'rejected') throw new DocError('correctionRejected', { reasons: result.reasons })
  const motion = readMotion(doc, vote.motionId)
  const motionMap = motionMapOf(doc, vote.motionId)
  const to = result.outcome === 'passed' ? 'passed' : 'failed'
  const flips = motion !== null && (motion.status === 'passed' || motion.status === 'failed') && motion.status !== to
  if (flips && motion.parentId !== null) throw new DocError('correctionChangesAmendment', { motionId: motion.id })
  const counts = { for: input.counts.for, against: input.counts.against, abstain: input.counts.abstain }
  doc.transact(() => {
    let list = map.get('corrections')
    if (!(list instanceof Y.Map)) {
      list = new Y.Map<unknown>()
      map.set('corrections', list)
    }
    ;(list as Y.Map<unknown>).set(newEntryId(), { counts, result: JSON.parse(JSON.stringify(result)) as VoteResult, ...fix })
    if (flips && motion && motionMap) writeMotionStatus(motionMap, motion.status, to, now)
  }, origin)
  return result
}

/**
 * Orders a re-vote: a new vote on the same (main) motion, linked to the announced one it repeats,
 * with who and why. The motion is back to voting; the first vote and its result stay on record.
 */
export function openRevote(
  doc: Y.Doc,
  voteId: VoteId,
  input: { method: VoteMethod; rule: ThresholdRule; by: string; reason: string },
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): VoteId {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  const { vote } = latestAnnounced(doc, voteId)
  if (!VOTE_METHODS.includes(input.method)) throw new DocError('invalidInput', { method: 'methodInvalid' })
  if (!THRESHOLD_RULES.includes(input.rule)) throw new DocError('invalidInput', { rule: 'ruleInvalid' })
  const link = { voteId: vote.id, ...note(input, now) }
  const open = openVotes(doc)[0]
  if (open) throw new DocError('voteOpen', { voteId: open.voteId })
  const motion = readMotion(doc, vote.motionId)
  const motionMap = motionMapOf(doc, vote.motionId)
  if (!motion || !motionMap) throw new DocError('notFound', { motionId: vote.motionId })
  // An adopted amendment already changed its motion's text: repeating it is a new amendment.
  if (motion.parentId !== null) throw new DocError('revoteAmendment', { motionId: motion.id })
  if (motion.status !== 'passed' && motion.status !== 'failed') throw new DocError('badMotionTransition', { from: motion.status, to: 'voting' })
  const floor = readMotions(doc).find((m) => m.parentId === null && m.id !== motion.id && isOnFloor(m.status))
  if (floor) throw new DocError('motionOnFloor', { motionId: floor.id })
  let id: VoteId | null = null
  // Every check that openVote makes again has passed above, so it cannot throw halfway through.
  doc.transact(() => {
    writeMotionStatus(motionMap, motion.status, 'debating', now)
    id = openVote(doc, motion.id as MotionId, { method: input.method, rule: input.rule }, now, origin)
    const m = votesMap(doc).get(id)
    if (m instanceof Y.Map) m.set('revoteOf', link)
  }, origin)
  if (!id) throw new DocError('notFound', { motionId: motion.id })
  return id
}
