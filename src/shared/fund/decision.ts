// The decision (议决): each listed project voted on separately, and the rule that the approved
// projects' total cannot exceed the money available — stated BEFORE each vote (affordability, what
// the vote screen calls with the votes so far), and checked again on the merged record (two
// laptops recording approvals offline), where an excess is a conflict to resolve, never accepted.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { isPositiveFen, sumFen, type Fen } from './money'

export type ProjectVote = 'approved' | 'rejected' | 'pending'

/** One project's outcome as recorded (never edited); approved ones carry the budget voted. */
export interface DecisionEntry {
  id: string
  proposalId: string
  outcome: 'approved' | 'rejected'
  /** The budget approved, in fen (0 for a rejection). */
  budget: Fen
  on: IsoDate
  /** The Yishi meeting and motion that carried the vote, when it ran in Yishi. */
  meetingId?: string
  motionId?: string
  at: string
  by: string
}

export interface Affordability {
  available: Fen
  approvedTotal: Fen
  /** available − approved total (never negative before a vote: the rule refuses the approval). */
  remaining: Fen
  /** Every project still to vote on, with whether approving it now would fit. */
  pending: { proposalId: string; budget: Fen; fits: boolean; over: Fen }[]
  /** If every pending project were approved: the amount over the money available (0 when it fits). */
  overIfAllApproved: Fen
}

/**
 * What is still affordable, given the list (project → the budget put to the vote) and the votes so
 * far. Called before each vote so the screen can say "approving this would exceed the money by ¥x".
 */
export function affordability(list: readonly { proposalId: string; budget: Fen }[], votes: ReadonlyMap<string, ProjectVote>, available: Fen): Affordability {
  const approvedTotal = sumFen(list.filter((p) => votes.get(p.proposalId) === 'approved').map((p) => p.budget))
  const remaining = available - approvedTotal
  const pending = list
    .filter((p) => (votes.get(p.proposalId) ?? 'pending') === 'pending')
    .map((p) => ({ proposalId: p.proposalId, budget: p.budget, fits: p.budget <= remaining, over: Math.max(0, p.budget - remaining) }))
  const overIfAllApproved = Math.max(0, sumFen(pending.map((p) => p.budget)) - remaining)
  return { available, approvedTotal, remaining, pending, overIfAllApproved }
}

export interface DecisionState {
  /** The outcome that stands per project: the earliest recorded. */
  outcomes: Map<string, DecisionEntry>
  /** Later entries for a project already decided. */
  duplicates: DecisionEntry[]
  /** Approved project → budget: what the ledger spends against. */
  budgets: Map<string, Fen>
  approvedTotal: Fen
  /** Approvals recorded apart that together pass the money available (after a merge): to resolve. */
  overAvailable: { available: Fen; approvedTotal: Fen; over: Fen } | null
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function resolveDecisions(entries: readonly DecisionEntry[], available: Fen): DecisionState {
  const outcomes = new Map<string, DecisionEntry>()
  const duplicates: DecisionEntry[] = []
  for (const e of [...entries].sort((a, b) => cmp(a.at, b.at) || cmp(a.id, b.id))) {
    if (outcomes.has(e.proposalId)) duplicates.push(e)
    else outcomes.set(e.proposalId, e)
  }
  const budgets = new Map<string, Fen>()
  for (const e of outcomes.values()) if (e.outcome === 'approved') budgets.set(e.proposalId, e.budget)
  const approvedTotal = sumFen(budgets.values())
  const overAvailable = approvedTotal > available ? { available, approvedTotal, over: approvedTotal - available } : null
  return { outcomes, duplicates, budgets, approvedTotal, overAvailable }
}

export type DecisionRefusal =
  | { reason: 'notListed' | 'alreadyDecided' | 'dateInvalid' | 'budgetInvalid' }
  | { reason: 'overAvailable'; available: Fen; approvedTotal: Fen; budget: Fen; over: Fen }

/** Why an outcome cannot be recorded: the project must be on the list, undecided, and an approval must fit. */
export function decisionRefusal(state: DecisionState, listed: ReadonlySet<string>, d: { proposalId: string; outcome: 'approved' | 'rejected'; budget: Fen; on: IsoDate }, available: Fen): DecisionRefusal | null {
  if (!listed.has(d.proposalId)) return { reason: 'notListed' }
  if (state.outcomes.has(d.proposalId)) return { reason: 'alreadyDecided' }
  if (!isIsoDate(d.on)) return { reason: 'dateInvalid' }
  if (d.outcome === 'rejected') return d.budget === 0 ? null : { reason: 'budgetInvalid' }
  if (!isPositiveFen(d.budget)) return { reason: 'budgetInvalid' }
  if (state.approvedTotal + d.budget > available) return { reason: 'overAvailable', available, approvedTotal: state.approvedTotal, budget: d.budget, over: state.approvedTotal + d.budget - available }
  return null
}
