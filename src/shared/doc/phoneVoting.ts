// Ballots from phones (手机投票) in the meeting document: the meeting's voter codes, a vote's phone
// channel, and the host's seal. The host (the sync server the meeting is hosted on) is the only
// writer of what phones send; phones never join the CRDT.
//
// Layout (meeting doc):
//   voterCodes  Y.Map<sha256(code), {kind: 'drawn'} | {kind: 'named', memberId}>
//               drawn (抽取): for secret ballots. Slips carry no name and are handed out (or drawn)
//               at random; nothing records who received which one. Issued in batches, in ONE
//               transaction, so even the order of Yjs inserts says nothing about who got which.
//               named (记名): for roll calls; bound to a member, whose name the roll call records.
//   votes/<id>/phone  Y.Map{enabled: true, received: number, sealedAt: string|null, receipts: string[]}
//               received: ballots the host has accepted so far (a count, nothing else).
//               receipts: written at the seal, sorted: the list the projector publishes. A receipt
//               is drawn at random by the host, so it says nothing of the choice or the code.
//
// WHY secret phone ballots reach the document only at the seal: a ballot written as it arrives
// would let anyone holding the document watch the tally move as a given resident taps "vote"
// (and Yjs orders the inserts). So the host keeps them (as counts, plus the codes used, in its data
// folder) and writes them in ONE transaction, shuffled, under fresh random ids, carrying only the
// choice, when the secretary closes the vote. Roll-call answers are public and go in at once.
import * as Y from 'yjs'
import type { MemberId, VoteId } from '../domain/ids'
import { randomHex, shuffled } from '../domain/random'
import { normaliseReceipt, VOTER_CODE_HASH } from '../domain/voterCode'
import { ballotBoxFull, ballotBoxOf, ballotRoom, type Choice } from '../domain/votes'
import { DocError } from './errors'
import { assertInstant, assertMeetingIn, record, strField } from './guards'
import { ORIGIN_LOCAL } from './schema'
import { isChoice, readVote, votesMap, type Vote } from './votesRead'

export { readPhone } from './votesRead'

/** The device label of roll-call entries the host writes for phones. */
export const PHONE_DEVICE = 'phone'

export type VoterCodeEntry = { kind: 'drawn' } | { kind: 'named'; memberId: MemberId }

export const voterCodesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('voterCodes')

/** Statuses in which codes may be issued: from sign-in until the meeting closes. */
const ISSUING = ['noticed', 'in_session'] as const

function assertHashes(hashes: readonly string[]): void {
  if (!hashes.every((h) => typeof h === 'string' && VOTER_CODE_HASH.test(h))) throw new DocError('invalidInput', { codes: 'hashInvalid' })
  if (new Set(hashes).size !== hashes.length) throw new DocError('invalidInput', { codes: 'duplicate' })
}

/** Adds a batch of drawn (unnamed) codes, by hash, in one transaction. */
export function issueDrawnCodes(doc: Y.Doc, hashes: readonly string[], origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ISSUING)
  assertHashes(hashes)
  if (hashes.length > 500) throw new DocError('invalidInput', { codes: 'tooMany' })
  const map = voterCodesMap(doc)
  doc.transact(() => {
    for (const h of shuffled(hashes)) map.set(h, { kind: 'drawn' })
  }, origin)
}

/** Gives each member a named code; a member's earlier named code stops working (a lost slip). */
export function issueNamedCodes(doc: Y.Doc, entries: readonly { memberId: MemberId; hash: string }[], origin: unknown = ORIGIN_LOCAL): void {
  assertMeetingIn(doc, ISSUING)
  assertHashes(entries.map((e) => e.hash))
  const members = new Set(entries.map((e) => e.memberId))
  if (members.size !== entries.length || ![...members].every((m) => typeof m === 'string' && m.length > 0 && m.length <= 100)) throw new DocError('invalidInput', { codes: 'memberInvalid' })
  const map = voterCodesMap(doc)
  doc.transact(() => {
    for (const [hash, v] of [...map.entries()]) {
      const r = record(v)
      if (r && r.kind === 'named' && members.has(strField(r, 'memberId') as MemberId)) map.delete(hash)
    }
    for (const e of entries) map.set(e.hash, { kind: 'named', memberId: e.memberId })
  }, origin)
}

export function readVoterCode(doc: Y.Doc, hash: string): VoterCodeEntry | null {
  const r = record(voterCodesMap(doc).get(hash))
  if (!r) return null
  if (r.kind === 'drawn') return { kind: 'drawn' }
  const memberId = strField(r, 'memberId')
  return r.kind === 'named' && memberId ? { kind: 'named', memberId: memberId as MemberId } : null
}

/** How many codes are out: drawn codes, and the members holding a named one. */
export function voterCodeSummary(doc: Y.Doc): { drawn: number; named: MemberId[] } {
  let drawn = 0
  const named: MemberId[] = []
  for (const v of voterCodesMap(doc).values()) {
    const r = record(v)
    if (r?.kind === 'drawn') drawn += 1
    else if (r?.kind === 'named' && strField(r, 'memberId')) named.push(strField(r, 'memberId') as MemberId)
  }
  return { drawn, named: named.sort() }
}

/** Which code kind a vote method takes from phones; hands are counted in the room, never by phone. */
export const codeKindFor = (method: Vote['method']): VoterCodeEntry['kind'] | null => (method === 'secret' ? 'drawn' : method === 'roll_call' ? 'named' : null)

function phoneMapOf(doc: Y.Doc, voteId: VoteId): Y.Map<unknown> {
  const v = votesMap(doc).get(voteId)
  const p = v instanceof Y.Map ? (v as Y.Map<unknown>).get('phone') : null
  if (!(p instanceof Y.Map)) throw new DocError('phonesNotEnabled', { voteId })
  return p as Y.Map<unknown>
}

function openPhoneVote(doc: Y.Doc, voteId: VoteId): { vote: Vote; phone: Y.Map<unknown> } {
  assertMeetingIn(doc, ['in_session'])
  const vote = readVote(doc, voteId)
  if (!vote) throw new DocError('notFound', { voteId })
  if (vote.closedAt !== null) throw new DocError('voteClosed', { voteId })
  const phone = phoneMapOf(doc, voteId)
  if (vote.phone?.sealedAt) throw new DocError('voteClosed', { voteId, phone: 'sealed' })
  return { vote, phone }
}

/** How many ballots may still come from phones: eligible voters less those already in. */
export function phoneRoom(vote: Vote): number {
  if (vote.method === 'secret') return ballotRoom(ballotBoxOf(vote))
  return vote.eligible.length
}

/**
 * Whether a phone holding this code may vote in this vote now, for the host before it accepts a
 * ballot (the host also checks the code was not used). Throws a DocError whose code the page shows.
 */
export function assertPhoneMayVote(doc: Y.Doc, voteId: VoteId, code: VoterCodeEntry): Vote {
  const { vote } = openPhoneVote(doc, voteId)
  if (codeKindFor(vote.method) !== code.kind) throw new DocError('wrongCodeKind', { method: vote.method })
  if (code.kind === 'named' && !vote.eligible.includes(code.memberId)) throw new DocError('notEligible', { memberId: code.memberId })
  if (vote.method === 'secret' && ballotBoxFull(ballotBoxOf(vote))) throw new DocError('ballotsFull', { eligible: vote.eligible.length })
  return vote
}

/** The host's running count of accepted phone ballots (a number only). */
export function setPhoneReceived(doc: Y.Doc, voteId: VoteId, received: number, origin: unknown = ORIGIN_LOCAL): void {
  const { phone } = openPhoneVote(doc, voteId)
  if (!Number.isSafeInteger(received) || received < 0) throw new DocError('invalidInput', { received: 'countInvalid' })
  doc.transact(() => phone.set('received', received), origin)
}

/**
 * The host's seal, when the secretary closes a vote with phones: in ONE transaction, the secret
 * ballots shuffled under fresh random ids (choice only: no code, no voter, no time), the sorted
 * receipts, the final count, and sealedAt. After it, phones are refused and the vote can close.
 */
export function sealPhoneBallots(doc: Y.Doc, voteId: VoteId, input: { choices: readonly Choice[]; receipts: readonly string[] }, now: string, origin: unknown = ORIGIN_LOCAL): void {
  const { vote, phone } = openPhoneVote(doc, voteId)
  assertInstant(now, 'now')
  if (!input.choices.every(isChoice)) throw new DocError('invalidInput', { ballots: 'choiceInvalid' })
  if (vote.method !== 'secret' && input.choices.length) throw new DocError('invalidInput', { ballots: 'notSecret' })
  const receipts = input.receipts.map(normaliseReceipt)
  if (receipts.some((r) => r === null)) throw new DocError('invalidInput', { receipts: 'receiptInvalid' })
  if (vote.method === 'secret' && input.choices.length > vote.eligible.length - vote.checkedOff.length) {
    throw new DocError('ballotsExceedVoters', { ballots: input.choices.length, eligible: vote.eligible.length - vote.checkedOff.length })
  }
  const map = votesMap(doc).get(voteId) as Y.Map<unknown>
  const sealed = shuffled(input.choices).map((choice) => ({ id: randomHex(16), choice }))
  doc.transact(() => {
    let box = map.get('ballots')
    if (!(box instanceof Y.Map)) {
      box = new Y.Map<unknown>()
      map.set('ballots', box)
    }
    for (const b of sealed) (box as Y.Map<unknown>).set(b.id, { choice: b.choice })
    phone.set('receipts', [...(receipts as string[])].sort())
    phone.set('received', vote.method === 'secret' ? input.choices.length : receipts.length)
    phone.set('sealedAt', now)
  }, origin)
}
