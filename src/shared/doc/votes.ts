// Votes (表决) in the meeting document: opening a vote on a motion, hands counts, roll call,
// secret-ballot check-off, and the close that freezes the announced result.
//
// Layout (meeting doc):
//   votes  Y.Map<voteId, Y.Map{motionId, method: hands|roll_call|secret, rule, openedAt, closedAt|null,
//          eligible: Y.Array<memberId>          present and not recused when the vote opened
//          handsCounts: Y.Map{for, against, abstain}
//          rollCall: Y.Map<entryId, {memberId, choice, at, device}>   every entry kept (latestChoice decides)
//          checkedOff: Y.Map<memberId, true>   secret ballot: who has voted, never what
//          ballots: Y.Map<randomId, {choice}>   secret ballot: written ONLY at close, shuffled
//          result: the announced VoteResult, frozen at close (JSON)
//          sealed: {rollCall: entryIds, ballots: ids, checkedOff: memberIds, hands}   what the result counted
//          late: Y.Array<{choice|null, memberId|null, receivedAt}>
//          cancelled, corrections, revoteOf: putting a vote right (voteFixes.ts)
//          phone: Y.Map{enabled, received, sealedAt, receipts}   ballots from phones (phoneVoting.ts) }>
//
// WHY the ballots of an open secret vote are not in the document: Yjs records every insert with
// (clientId, clock). A check-off followed by that voter's ballot on the same device would sit at
// consecutive clocks of one client, and anyone holding the document could pair them and read who
// voted what. So ballots wait in the device's local ballot box (renderer/data/ballotBox.ts: no
// time, no voter, no sequence) and enter the document only at close, in ONE transaction, shuffled
// with a CSPRNG, under fresh random ids, carrying nothing but the choice.
//
// Late entries: whatever reaches a closed vote (a roll-call entry, a check-off or ballots from a
// device that was offline, a second concurrent close) is outside `sealed` and is reported by
// lateEntries: shown as late, never counted, never dropped.
import * as Y from 'yjs'
import { THRESHOLD_RULES, type ThresholdRule } from '../domain/council'
import { newEntryId, newVoteId, type MemberId, type MotionId, type VoteId } from '../domain/ids'
import { randomHex, shuffled } from '../domain/random'
import { ballotBoxFull, ballotBoxOf, isMeetingRule, type BallotCounts, type Choice, type VoteResult } from '../domain/votes'
import { presentAt } from './attendance'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, cmpStr, openVotes } from './guards'
import { assertCanVote, checkAmendment, motionMapOf, readMotion, writeAmendment, writeMotionStatus, type Motion } from './motions'
import { readRecusals } from './recusals'
import { ORIGIN_LOCAL } from './schema'
import { countsOf, isChoice, readVote, VOTE_METHODS, votesMap, type Vote, type VoteMethod } from './votesRead'

export * from './votesRead'

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** Opens a vote on a motion under debate (motion → voting). Eligible: present now and not recused. */
export function openVote(doc: Y.Doc, motionId: MotionId, options: { method: VoteMethod; rule: ThresholdRule; phones?: boolean }, now: string, origin: unknown = ORIGIN_LOCAL): VoteId {
  assertMeetingIn(doc, ['in_session'])
  assertInstant(now, 'now')
  if (!VOTE_METHODS.includes(options.method)) throw new DocError('invalidInput', { method: 'methodInvalid' })
  // A show of hands is counted in the room; phones vote by roll call (named codes) or secret ballot (drawn codes).
  if (options.phones && options.method === 'hands') throw new DocError('invalidInput', { method: 'phonesNeedBallot' })
  if (!THRESHOLD_RULES.includes(options.rule)) throw new DocError('invalidInput', { rule: 'ruleInvalid' })
  // The owners' rules need owners' figures, which a secret ballot cannot have (meetingRules.ts):
  // such a vote could never be announced and would block the meeting's voting.
  if (!isMeetingRule(options.rule, options.method)) throw new DocError('invalidInput', { rule: 'ownersRuleInMeeting' })
  const open = openVotes(doc)[0]
  if (open) throw new DocError('voteOpen', { voteId: open.voteId })
  const { motion, map: motionMap } = assertCanVote(doc, motionId)
  const recused = new Set<string>(readRecusals(doc, motion.itemId).map((r) => r.memberId))
  const eligible = presentAt(doc, now).filter((id) => !recused.has(id))
  const id = newVoteId()
  doc.transact(() => {
    const v = new Y.Map<unknown>()
    votesMap(doc).set(id, v)
    for (const [k, val] of Object.entries({ motionId, method: options.method, rule: options.rule, openedAt: now, closedAt: null, result: null, sealed: null })) v.set(k, val)
    const list = new Y.Array<string>()
    list.push(eligible)
    v.set('eligible', list)
    const hands = new Y.Map<unknown>()
    v.set('handsCounts', hands)
    for (const k of ['for', 'against', 'abstain']) hands.set(k, 0)
    for (const k of ['rollCall', 'checkedOff', 'ballots']) v.set(k, new Y.Map<unknown>())
    v.set('late', new Y.Array<unknown>())
    if (options.phones) {
      const phone = new Y.Map<unknown>()
      v.set('phone', phone)
      for (const [k, val] of Object.entries({ enabled: true, received: 0, sealedAt: null, receipts: [] })) phone.set(k, val)
    }
    writeMotionStatus(motionMap, 'debating', 'voting', now)
  }, origin)
  return id
}

/** The open vote's map and its reading, after checking the method. */
function openVoteFor(doc: Y.Doc, voteId: VoteId, method: VoteMethod | null): { vote: Vote; map: Y.Map<unknown> } {
  assertMeetingIn(doc, ['in_session'])
  const map = votesMap(doc).get(voteId)
  const vote = readVote(doc, voteId)
  if (!(map instanceof Y.Map) || !vote) throw new DocError('notFound', { voteId })
  if (vote.closedAt !== null) throw new DocError('voteClosed', { voteId })
  if (method && vote.method !== method) throw new DocError('wrongVoteMethod', { method: vote.method })
  return { vote, map: map as Y.Map<unknown> }
}

const subMap = (m: Y.Map<unknown>, k: string): Y.Map<unknown> => {
  let v = m.get(k)
  if (!(v instanceof Y.Map)) {
    v = new Y.Map<unknown>()
    m.set(k, v)
  }
  return v as Y.Map<unknown>
}

/** Show of hands: the counts the recorder entered, refused when they exceed the eligible voters. */
export function setHandsCounts(doc: Y.Doc, voteId: VoteId, counts: BallotCounts, origin: unknown = ORIGIN_LOCAL): void {
  const { vote, map } = openVoteFor(doc, voteId, 'hands')
  const bad = (['for', 'against', 'abstain'] as const).filter((k) => !isCount(counts[k]))
  if (bad.length) throw new DocError('invalidInput', Object.fromEntries(bad.map((k) => [k, 'countInvalid'])))
  const cast = counts.for + counts.against + counts.abstain
  if (cast > vote.eligible.length) throw new DocError('countsExceedEligible', { cast, eligible: vote.eligible.length })
  // All three keys every time: concurrent entries on two devices then settle to one device's
  // counts as a whole, never a mix of both.
  doc.transact(() => {
    const h = subMap(map, 'handsCounts')
    for (const k of ['for', 'against', 'abstain'] as const) h.set(k, counts[k])
  }, origin)
}

/**
 * Show of hands, one field as the secretary types it: every valid whole number is stored at once,
 * so nothing typed waits for a save button. Unlike setHandsCounts, a sum above the eligible voters
 * is kept as typed (a slip mid-typing, like 3 before 30, must not be lost); announcing refuses it
 * (evaluateVote: countsExceedEligible) and the confirm step says so (domain/votes/warnings.ts).
 */
export function setHandsCount(doc: Y.Doc, voteId: VoteId, field: Choice, value: number, origin: unknown = ORIGIN_LOCAL): void {
  const { map } = openVoteFor(doc, voteId, 'hands')
  if (!isChoice(field)) throw new DocError('invalidInput', { field: 'choiceInvalid' })
  if (!isCount(value)) throw new DocError('invalidInput', { [field]: 'countInvalid' })
  const h = subMap(map, 'handsCounts')
  if (h.get(field) === value) return
  doc.transact(() => h.set(field, value), origin)
}

/** Roll call (记名): one entry per call; a member called twice keeps both, the latest decides. */
export function recordRollCall(
  doc: Y.Doc,
  voteId: VoteId,
  memberId: MemberId,
  choice: Choice,
  now: string,
  device: string = String(doc.clientID),
  origin: unknown = ORIGIN_LOCAL,
): string {
  const { vote, map } = openVoteFor(doc, voteId, 'roll_call')
  assertInstant(now, 'now')
  if (!isChoice(choice)) throw new DocError('invalidInput', { choice: 'choiceInvalid' })
  if (!vote.eligible.includes(memberId)) throw new DocError('notEligible', { memberId })
  const entryId = newEntryId()
  doc.transact(() => subMap(map, 'rollCall').set(entryId, { memberId, choice, at: now, device: device.slice(0, 100) }), origin)
  return entryId
}

/** Secret ballot: marks that a member has voted (the ballot itself goes to the local ballot box). */
export function checkOffVoter(doc: Y.Doc, voteId: VoteId, memberId: MemberId, origin: unknown = ORIGIN_LOCAL): void {
  const { map } = openVoteFor(doc, voteId, 'secret')
  assertCanCheckOff(doc, voteId, memberId)
  doc.transact(() => subMap(map, 'checkedOff').set(memberId, true), origin)
}

/** Throws unless a secret vote may be checked off for this member now (for the ballot box, before its durable write). */
export function assertCanCheckOff(doc: Y.Doc, voteId: VoteId, memberId: MemberId): void {
  const { vote } = openVoteFor(doc, voteId, 'secret')
  if (!vote.eligible.includes(memberId)) throw new DocError('notEligible', { memberId })
  if (vote.checkedOff.includes(memberId)) throw new DocError('alreadyVoted', { memberId })
  // Drawn phone codes name no one, so with phones the box stops at as many ballots as eligible voters.
  if (vote.phone && ballotBoxFull(ballotBoxOf(vote))) throw new DocError('ballotsFull', { eligible: vote.eligible.length })
}

function amendmentTarget(doc: Y.Doc, amendment: Motion): Y.Map<unknown> | null {
  try {
    return checkAmendment(doc, { ...amendment, status: 'passed' })
  } catch (e) {
    if (e instanceof DocError) return null
    throw e
  }
}

const CLOSABLE = ['passed', 'failed', 'invalid'] as const
const same = (a: BallotCounts, b: { for?: unknown; against?: unknown; abstain?: unknown }) => a.for === b.for && a.against === b.against && a.abstain === b.abstain

/**
 * Closes a vote in ONE transaction: writes the secret ballots shuffled under fresh random ids (no
 * voter, no time), freezes the announced result and what it counted, sets the motion passed or
 * failed (an invalid vote fails, its result says invalid) and closedAt. A passed amendment is
 * applied to its parent in the same transaction. `result` must match the document's counts. A motion
 * no longer 'voting' (changed concurrently elsewhere) keeps its status; the vote still closes.
 */
export function closeVote(doc: Y.Doc, voteId: VoteId, input: { ballots: readonly Choice[]; result: VoteResult }, now: string, origin: unknown = ORIGIN_LOCAL): void {
  const { vote, map } = openVoteFor(doc, voteId, null)
  assertInstant(now, 'now')
  const { ballots, result } = input
  if (!(CLOSABLE as readonly string[]).includes(result?.outcome)) throw new DocError('invalidInput', { result: result?.outcome === 'rejected' ? 'rejected' : 'outcomeInvalid' })
  if (vote.method !== 'secret' && ballots.length) throw new DocError('invalidInput', { ballots: 'notSecret' })
  if (!ballots.every(isChoice)) throw new DocError('invalidInput', { ballots: 'choiceInvalid' })
  if (vote.method === 'secret' && ballots.length > vote.checkedOff.length) throw new DocError('ballotsExceedVoters', { ballots: ballots.length, checkedOff: vote.checkedOff.length })
  // Phone ballots are written in by the host's seal first; closing before it would leave them out.
  if (vote.phone && vote.phone.sealedAt === null) throw new DocError('phoneBallotsPending', { voteId })
  const expected = countsOf(vote, ballots)
  if (!same(expected, result.counts ?? {})) throw new DocError('resultMismatch', { expected, got: result.counts })
  // The motion is decided only if it is still being voted on: a concurrent change on another
  // device (a withdrawal synced in meanwhile) stands, and the vote still closes, so it never stays open.
  const motion = readMotion(doc, vote.motionId)
  const motionMap = motionMapOf(doc, vote.motionId)
  const decide = motion !== null && motionMap !== null && motion.status === 'voting'
  const outcome = result.outcome === 'passed' ? 'passed' : 'failed'
  // A passed amendment is applied to its parent now; if the parent left the floor meanwhile (a
  // concurrent withdrawal on another device), the vote still closes and the text stays as it was.
  const parentMap = decide && motion.parentId !== null && outcome === 'passed' ? amendmentTarget(doc, motion) : null
  const frozen = JSON.parse(JSON.stringify(result)) as VoteResult
  const sealedBallots = shuffled(ballots).map((choice) => ({ id: randomHex(16), choice }))
  doc.transact(() => {
    const box = subMap(map, 'ballots')
    // The phone ballots the host sealed in before the close are counted with the box's.
    const phoneIds = [...box.keys()]
    for (const b of sealedBallots) box.set(b.id, { choice: b.choice })
    map.set('result', frozen)
    map.set('sealed', {
      rollCall: vote.rollCall.map((e) => e.entryId).sort(cmpStr),
      ballots: [...phoneIds, ...sealedBallots.map((b) => b.id)].sort(cmpStr),
      checkedOff: [...vote.checkedOff],
      hands: { ...vote.handsCounts },
    })
    map.set('closedAt', now)
    if (decide) writeMotionStatus(motionMap, 'voting', outcome, now)
    if (parentMap && motion) writeAmendment(parentMap, motion, now)
  }, origin)
}

/**
 * Records what reached a vote after its close (a ballot box found holding ballots, a late roll-call
 * answer): kept in `late`, shuffled, shown as late, never counted.
 */
export function recordLate(doc: Y.Doc, voteId: VoteId, entries: readonly { choice: Choice | null; memberId: MemberId | null }[], now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ['in_session', 'closed', 'minutes_drafted'])
  assertInstant(now, 'now')
  const map = votesMap(doc).get(voteId)
  const vote = readVote(doc, voteId)
  if (!(map instanceof Y.Map) || !vote) throw new DocError('notFound', { voteId })
  if (vote.closedAt === null) throw new DocError('voteOpen', { voteId })
  if (!entries.every((e) => e.choice === null || isChoice(e.choice))) throw new DocError('invalidInput', { choice: 'choiceInvalid' })
  if (!entries.length) return
  doc.transact(() => {
    let late = map.get('late')
    if (!(late instanceof Y.Array)) {
      late = new Y.Array<unknown>()
      map.set('late', late)
    }
    ;(late as Y.Array<unknown>).push(shuffled(entries).map((e) => ({ choice: e.choice, memberId: e.memberId, receivedAt: now })))
  }, origin)
}
