// The link between a fund year's listed projects and the meeting that votes on them (议决): each
// project is tabled as its own agenda item, so the meeting's own vote machinery (quorum, rule,
// tally, frozen result) runs each vote. The link lives once, in the fund document (map `tablings`),
// as a matter's steps name their meeting; the meeting's screens read it back by the agenda item a
// motion sits on, to say BEFORE the vote whether the project still fits the money available.
import type * as Y from 'yjs'
import { dateOf, isIsoDate, type IsoDate } from '../domain/dates'
import { newEntryId } from '../domain/ids'
import { affordability, type Affordability, type ProjectVote } from '../fund/decision'
import { isPositiveFen, type Fen } from '../fund/money'
import { jsonEntries, plainJson, type Recorder } from './entries'
import { DocError } from './errors'
import { assertFund, readAvailable, readDecisions, readProposalStates } from './fund'
import { assertInstant, cmpStr } from './guards'
import { readMeeting } from './meeting'
import { readMotions } from './motions'
import { ORIGIN_LOCAL } from './schema'
import { standingResult, votesOf } from './votesRead'

/** One listed project put to a meeting: the agenda item that carries its vote and the budget put to the vote. */
export interface Tabling {
  id: string
  proposalId: string
  meetingId: string
  itemId: string
  budget: Fen
  on: IsoDate
  at: string
  by: string
}

const tablingsMap = (doc: Y.Doc) => doc.getMap<unknown>('tablings')

export const readTablings = (doc: Y.Doc): Tabling[] =>
  jsonEntries<Tabling>(tablingsMap(doc), (r) => typeof r.proposalId === 'string' && typeof r.meetingId === 'string' && typeof r.itemId === 'string' && isPositiveFen(r.budget) && isIsoDate(r.on) && typeof r.at === 'string').sort(
    (a, b) => cmpStr(a.at, b.at) || cmpStr(a.id, b.id),
  )

/** The project a meeting's agenda item carries (the earliest link, should two laptops have tabled it). */
export const tablingOfItem = (doc: Y.Doc, meetingId: string, itemId: string): Tabling | null => readTablings(doc).find((x) => x.meetingId === meetingId && x.itemId === itemId) ?? null

/** Each listed project's standing tabling: the latest (a project not voted on may be tabled again in a later meeting). */
export function standingTablings(doc: Y.Doc): Map<string, Tabling> {
  const out = new Map<string, Tabling>()
  for (const x of readTablings(doc)) out.set(x.proposalId, x)
  return out
}

export type TablingRefusal = 'notListed' | 'alreadyDecided' | 'budgetInvalid' | 'dateInvalid' | 'alreadyTabled'

/**
 * Records the links once the agenda items exist in the meeting document. Each project must be on
 * the list and undecided, with a budget above zero; a project already tabled in this meeting is refused.
 */
export function recordTablings(doc: Y.Doc, meetingId: string, items: readonly { proposalId: string; itemId: string; budget: Fen }[], on: IsoDate, who: Recorder, origin: unknown = ORIGIN_LOCAL): string[] {
  assertFund(doc)
  assertInstant(who.now, 'now')
  if (!isIsoDate(on)) throw new DocError('badTransition', { reason: 'dateInvalid' satisfies TablingRefusal })
  const states = readProposalStates(doc)
  const decided = readDecisions(doc).outcomes
  const here = new Set(readTablings(doc).filter((x) => x.meetingId === meetingId).map((x) => x.proposalId))
  for (const i of items) {
    const reason: TablingRefusal | null =
      states.get(i.proposalId)?.status !== 'listed' ? 'notListed' : decided.has(i.proposalId) ? 'alreadyDecided' : here.has(i.proposalId) ? 'alreadyTabled' : !isPositiveFen(i.budget) ? 'budgetInvalid' : null
    if (reason) throw new DocError('badTransition', { reason, proposalId: i.proposalId })
  }
  const ids: string[] = []
  doc.transact(() => {
    for (const i of items) {
      const id = newEntryId()
      tablingsMap(doc).set(id, plainJson({ id, proposalId: i.proposalId, meetingId, itemId: i.itemId, budget: i.budget, on, at: who.now, by: who.by } satisfies Tabling))
      ids.push(id)
    }
  }, origin)
  return ids
}

/** A motion's frozen result on a tabled item: passed → approved, failed → rejected (an invalid or cancelled vote decides nothing). */
export interface ItemOutcome {
  itemId: string
  motionId: string
  outcome: 'approved' | 'rejected'
  /** The meeting's day: the decision's date. */
  on: IsoDate
}

/** The outcome each agenda item's main motion received, from the meeting's own frozen vote results. */
export function itemOutcomes(meetingDoc: Y.Doc): Map<string, ItemOutcome> {
  const meeting = readMeeting(meetingDoc)
  const out = new Map<string, ItemOutcome>()
  if (!meeting) return out
  for (const m of readMotions(meetingDoc).filter((x) => x.parentId === null)) {
    const closed = votesOf(meetingDoc, m.id).filter((v) => v.closedAt !== null && v.result !== null)
    const last = closed.sort((a, b) => cmpStr(a.closedAt ?? '', b.closedAt ?? '')).at(-1)
    const r = last ? standingResult(last) : null
    if (r && (r.outcome === 'passed' || r.outcome === 'failed')) out.set(m.itemId, { itemId: m.itemId, motionId: m.id, outcome: r.outcome === 'passed' ? 'approved' : 'rejected', on: dateOf(meeting.startsAt) })
  }
  return out
}

/** What the vote screen says before a tabled project's vote: its budget and whether approving it fits. */
export interface FundVoteLine {
  proposalId: string
  title: string
  budget: Fen
  affordability: Affordability
  /** Approved total if this project were approved; over > 0 when it would pass the money available. */
  approvedIfPassed: Fen
  over: Fen
}

/**
 * The affordability of the project an agenda item carries, counting the decisions recorded and the
 * votes this meeting has already frozen but nobody has recorded yet (the votes earlier that evening).
 */
export function fundVoteLine(fundDoc: Y.Doc, meetingDoc: Y.Doc, meetingId: string, itemId: string): FundVoteLine | null {
  const tabling = tablingOfItem(fundDoc, meetingId, itemId)
  if (!tabling) return null
  const states = readProposalStates(fundDoc)
  const decisions = readDecisions(fundDoc).outcomes
  const tablings = standingTablings(fundDoc)
  const frozen = new Map([...itemOutcomes(meetingDoc).values()].map((o) => [o.itemId, o.outcome]))
  const votes = new Map<string, ProjectVote>()
  const list: { proposalId: string; budget: Fen }[] = []
  for (const [pid, d] of decisions) {
    votes.set(pid, d.outcome)
    if (d.outcome === 'approved') list.push({ proposalId: pid, budget: d.budget })
  }
  for (const x of tablings.values()) {
    if (decisions.has(x.proposalId)) continue
    list.push({ proposalId: x.proposalId, budget: x.budget })
    const f = x.meetingId === meetingId && x.itemId !== itemId ? frozen.get(x.itemId) : undefined
    votes.set(x.proposalId, f ?? 'pending')
  }
  if (!tablings.has(tabling.proposalId)) list.push({ proposalId: tabling.proposalId, budget: tabling.budget })
  votes.set(tabling.proposalId, 'pending')
  const a = affordability(list, votes, readAvailable(fundDoc))
  const approvedIfPassed = a.approvedTotal + tabling.budget
  return { proposalId: tabling.proposalId, title: states.get(tabling.proposalId)?.proposal.title ?? '', budget: tabling.budget, affordability: a, approvedIfPassed, over: Math.max(0, approvedIfPassed - a.available) }
}
