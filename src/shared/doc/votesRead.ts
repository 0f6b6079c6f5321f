// Reading votes from the meeting document (layout in votes.ts): each vote, the snapshot that
// evaluateVote takes, and the entries that arrived after the close (shown as late, never counted).
import * as Y from 'yjs'
import type { QuorumRule } from '../domain/council'
import { THRESHOLD_RULES } from '../domain/council'
import type { MemberId, MotionId, VoteId } from '../domain/ids'
import {
  CHOICES,
  compareEntries,
  latestChoice,
  VOTE_OUTCOMES,
  type BallotCounts,
  type Choice,
  type VoteInput,
  type VoteResult,
} from '../domain/votes'
import { headcount, presentAt } from './attendance'
import { childMaps, cmpStr, record, strField } from './guards'
import { readMotion } from './motions'
import { int, oneOf, str, strOrNull, strings } from './read'
import { readRecusals } from './recusals'
import { normaliseReceipt } from '../domain/voterCode'
import { ownerTallyOf, readOwnerFigures } from './voteOwnersRead'

import { VOTE_METHODS, type LateEntry, type PhoneChannel, type RollCallRecord, type Sealed, type Vote, type VoteCorrection, type VoteNote } from './voteTypes'

export * from './voteTypes'

export const ZERO: BallotCounts = { for: 0, against: 0, abstain: 0 }
export const isChoice = (v: unknown): v is Choice => (CHOICES as readonly unknown[]).includes(v)
const sameCounts = (a: BallotCounts, b: BallotCounts) => a.for === b.for && a.against === b.against && a.abstain === b.abstain

export function countChoices(choices: readonly Choice[]): BallotCounts {
  const c = { ...ZERO }
  for (const ch of choices) if (isChoice(ch)) c[ch] += 1
  return c
}

export const votesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('votes')

/** A nested map's entries, or none when it is missing or not a map. */
function entriesOf(m: Y.Map<unknown>, k: string): [string, unknown][] {
  const v = m.get(k)
  return v instanceof Y.Map ? [...(v as Y.Map<unknown>).entries()] : []
}

function readRollCall(m: Y.Map<unknown>): RollCallRecord[] {
  const out: RollCallRecord[] = []
  for (const [entryId, v] of entriesOf(m, 'rollCall')) {
    const r = record(v)
    const memberId = r && strField(r, 'memberId')
    const at = r && strField(r, 'at')
    if (r && memberId && at && isChoice(r.choice)) out.push({ entryId, memberId, choice: r.choice, at, device: strField(r, 'device') ?? '' })
  }
  return out
}

function readBallots(m: Y.Map<unknown>): { id: string; choice: Choice }[] {
  const out: { id: string; choice: Choice }[] = []
  for (const [id, v] of entriesOf(m, 'ballots')) {
    const r = record(v)
    if (r && isChoice(r.choice)) out.push({ id, choice: r.choice })
  }
  return out
}

function readHands(m: Y.Map<unknown>): BallotCounts {
  const h = m.get('handsCounts')
  if (!(h instanceof Y.Map)) return { ...ZERO }
  return { for: int(h, 'for', 0), against: int(h, 'against', 0), abstain: int(h, 'abstain', 0) }
}

/** Members checked off (secret ballot), by id. */
const readCheckedOff = (m: Y.Map<unknown>): string[] =>
  entriesOf(m, 'checkedOff')
    .filter(([, v]) => v === true)
    .map(([id]) => id)
    .sort(cmpStr)

function readSealed(m: Y.Map<unknown>): Sealed | null {
  const r = record(m.get('sealed'))
  if (!r) return null
  const list = (k: string) => (Array.isArray(r[k]) ? (r[k] as unknown[]).filter((x): x is string => typeof x === 'string') : [])
  const h = record(r.hands)
  const n = (k: string) => (h && Number.isSafeInteger(h[k]) ? (h[k] as number) : 0)
  return { rollCall: list('rollCall'), ballots: list('ballots'), checkedOff: list('checkedOff'), hands: { for: n('for'), against: n('against'), abstain: n('abstain') } }
}

/** The phone channel of a vote map, read leniently. */
export function readPhone(m: Y.Map<unknown>): PhoneChannel | null {
  const p = m.get('phone')
  if (!(p instanceof Y.Map)) return null
  const phone = p as Y.Map<unknown>
  const received = phone.get('received')
  const sealedAt = phone.get('sealedAt')
  const receipts = phone.get('receipts')
  return {
    enabled: phone.get('enabled') === true,
    received: Number.isSafeInteger(received) && (received as number) >= 0 ? (received as number) : 0,
    sealedAt: typeof sealedAt === 'string' ? sealedAt : null,
    receipts: Array.isArray(receipts) ? receipts.filter((r): r is string => typeof r === 'string' && normaliseReceipt(r) === r) : [],
  }
}

function readResult(m: Y.Map<unknown>): VoteResult | null {
  const r = record(m.get('result'))
  return r && (VOTE_OUTCOMES as readonly unknown[]).includes(r.outcome) && record(r.counts) ? (r as unknown as VoteResult) : null
}

function readVoteMap(id: string, m: Y.Map<unknown>): Vote {
  const closedAt = strOrNull(m, 'closedAt')
  const sealed = closedAt === null ? null : readSealed(m)
  const eligible = [...new Set(strings(m, 'eligible'))].sort(cmpStr) as MemberId[]
  const rollCall = readRollCall(m)
  const counted = sealed ? rollCall.filter((e) => sealed.rollCall.includes(e.entryId)) : rollCall
  const ballots = readBallots(m).filter((b) => !sealed || sealed.ballots.includes(b.id))
  return {
    id: id as VoteId,
    motionId: str(m, 'motionId') as MotionId,
    method: oneOf(m, 'method', VOTE_METHODS, 'hands'),
    rule: oneOf(m, 'rule', THRESHOLD_RULES, 'simple_majority'),
    openedAt: str(m, 'openedAt'),
    closedAt,
    eligible,
    handsCounts: readHands(m),
    rollCall: [...rollCall].sort(compareEntries),
    decisions: latestChoice(counted.filter((e) => eligible.includes(e.memberId as MemberId))),
    checkedOff: readCheckedOff(m) as MemberId[],
    ballotCounts: closedAt === null ? { ...ZERO } : countChoices(ballots.map((b) => b.choice)),
    result: closedAt === null ? null : readResult(m),
    sealed,
    phone: readPhone(m),
    // Before the close, the only ballots in the document are those the phone host sealed in.
    phoneBallots: closedAt === null ? readBallots(m).map((b) => b.choice) : [],
    cancelled: closedAt === null ? null : readNote(m.get('cancelled')),
    corrections: closedAt === null ? [] : readCorrections(m),
    revoteOf: readRevoteOf(m.get('revoteOf')),
    ownerFigures: readOwnerFigures(m),
  }
}

function readNote(v: unknown): VoteNote | null {
  const r = record(v)
  const by = r && strField(r, 'by')
  const reason = r && strField(r, 'reason')
  const at = r && strField(r, 'at')
  return r && by !== null && reason !== null && at ? { by, reason, at } : null
}

function readRevoteOf(v: unknown): (VoteNote & { voteId: VoteId }) | null {
  const note = readNote(v)
  const r = record(v)
  const voteId = r && strField(r, 'voteId')
  return note && voteId ? { ...note, voteId: voteId as VoteId } : null
}

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** Corrections, oldest first (by time, then id, so every replica lists them alike). */
function readCorrections(m: Y.Map<unknown>): VoteCorrection[] {
  const out: VoteCorrection[] = []
  for (const [id, v] of entriesOf(m, 'corrections')) {
    const note = readNote(v)
    const r = record(v)
    const c = r && record(r.counts)
    const result = r && record(r.result)
    if (!note || !c || !result || !CHOICES.every((k) => isWhole(c[k]))) continue
    if (!(VOTE_OUTCOMES as readonly unknown[]).includes(result.outcome) || !record(result.counts)) continue
    out.push({ id, ...note, counts: { for: c.for as number, against: c.against as number, abstain: c.abstain as number }, result: result as unknown as VoteResult })
  }
  return out.sort((a, b) => cmpStr(a.at, b.at) || cmpStr(a.id, b.id))
}

/** The result that stands: the latest correction's, or the announced one. */
export const standingResult = (vote: Pick<Vote, 'result' | 'corrections'>): VoteResult | null => vote.corrections.at(-1)?.result ?? vote.result

export function readVote(doc: Y.Doc, id: VoteId): Vote | null {
  const m = votesMap(doc).get(id)
  return m instanceof Y.Map ? readVoteMap(id, m as Y.Map<unknown>) : null
}

/** Every vote of the meeting, oldest first. */
export function readVotes(doc: Y.Doc): Vote[] {
  return childMaps(votesMap(doc))
    .map(([id, m]) => readVoteMap(id, m))
    .sort((a, b) => cmpStr(a.openedAt, b.openedAt) || cmpStr(a.id, b.id))
}

export const votesOf = (doc: Y.Doc, motionId: MotionId): Vote[] => readVotes(doc).filter((v) => v.motionId === motionId)
export const currentVote = (doc: Y.Doc): Vote | null => readVotes(doc).find((v) => v.closedAt === null) ?? null

/** The counts a vote stands at: hands entered, decided roll call, or the given / sealed ballots. */
export function countsOf(vote: Vote, ballots?: readonly Choice[]): BallotCounts {
  if (vote.method === 'hands') return { ...vote.handsCounts }
  if (vote.method === 'roll_call') return countChoices(vote.decisions.map((d) => d.choice))
  if (vote.closedAt !== null) return { ...vote.ballotCounts }
  return countChoices([...(ballots ?? []), ...vote.phoneBallots])
}

/** Council settings the snapshot needs. recusedCountForQuorum: domain.md 2.6 (default true). */
export interface VoteSettings {
  quorumRule: QuorumRule
  recusedCountForQuorum?: boolean
}

/**
 * The plain snapshot for evaluateVote: members from the roster, present at the vote's opening,
 * recused on the motion's item (among those present), and the counts. For an open secret vote pass
 * the ballot box's contents as `ballots`; once closed, the sealed ballots are used.
 */
export function voteInput(doc: Y.Doc, voteId: VoteId, settings: VoteSettings, ballots?: readonly Choice[]): VoteInput | null {
  const vote = readVote(doc, voteId)
  if (!vote) return null
  const present = presentAt(doc, vote.openedAt)
  const itemId = readMotion(doc, vote.motionId)?.itemId
  const recused = itemId ? readRecusals(doc, itemId).filter((r) => present.includes(r.memberId)).length : 0
  const map = votesMap(doc).get(voteId)
  const owners = map instanceof Y.Map ? ownerTallyOf(doc, map as Y.Map<unknown>, vote) : undefined
  return {
    ...(owners ? { owners } : {}),
    rule: vote.rule,
    quorum: { rule: settings.quorumRule, recusedCountForQuorum: settings.recusedCountForQuorum ?? true },
    members: headcount(doc, vote.openedAt).members,
    present: present.length,
    recused,
    counts: countsOf(vote, ballots),
  }
}

/** What reached a closed vote after its close: shown as late, never counted, never dropped. */
export function lateEntries(doc: Y.Doc, voteId: VoteId): LateEntry[] {
  const m = votesMap(doc).get(voteId)
  if (!(m instanceof Y.Map)) return []
  const map = m as Y.Map<unknown>
  const sealed = typeof map.get('closedAt') === 'string' ? readSealed(map) : null
  const out: LateEntry[] = []
  if (sealed) {
    for (const e of readRollCall(map).sort(compareEntries).reverse())
      if (!sealed.rollCall.includes(e.entryId)) out.push({ source: 'rollCall', choice: e.choice, memberId: e.memberId as MemberId, receivedAt: e.at })
    for (const b of readBallots(map).sort((a, b) => cmpStr(a.id, b.id))) if (!sealed.ballots.includes(b.id)) out.push({ source: 'ballot', choice: b.choice, memberId: null, receivedAt: null })
    for (const id of readCheckedOff(map)) if (!sealed.checkedOff.includes(id)) out.push({ source: 'checkOff', choice: null, memberId: id as MemberId, receivedAt: null })
    const hands = readHands(map)
    if (map.get('method') === 'hands' && !sameCounts(hands, sealed.hands)) out.push({ source: 'hands', choice: null, memberId: null, receivedAt: null, counts: hands })
  }
  const late = map.get('late')
  if (late instanceof Y.Array) {
    for (const v of late.toArray()) {
      const r = record(v)
      if (!r) continue
      out.push({ source: 'recorded', choice: isChoice(r.choice) ? r.choice : null, memberId: strField(r, 'memberId') as MemberId | null, receivedAt: strField(r, 'receivedAt') })
    }
  }
  return out
}
