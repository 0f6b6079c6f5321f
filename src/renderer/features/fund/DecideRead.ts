// What the decide tab reads from the fund document: the listed projects, the budget each is (or
// will be) put to the vote with, the votes so far, and what still fits (shared/fund/decision.ts).
import type * as Y from 'yjs'
import { readAvailable, readDecisions, readProposalStates } from '../../../shared/doc/fund'
import { standingTablings } from '../../../shared/doc/fundTabling'
import { affordability, type ProjectVote } from '../../../shared/fund/decision'

/** The listed projects with the budget put (or to be put) to the vote, the votes so far, and what still fits. */
export function readDecide(d: Y.Doc) {
  const states = readProposalStates(d)
  const decisions = readDecisions(d)
  const tablings = standingTablings(d)
  const listed = [...states.values()].filter((s) => s.status === 'listed').map((s) => s.proposal)
  const list = listed.map((p) => ({ proposalId: p.id, budget: decisions.outcomes.get(p.id)?.budget || tablings.get(p.id)?.budget || p.estimatedCost }))
  const votes = new Map<string, ProjectVote>(listed.map((p) => [p.id, decisions.outcomes.get(p.id)?.outcome ?? 'pending']))
  const available = readAvailable(d)
  return { listed, list, votes, tablings, decisions, available, afford: affordability(list, votes, available) }
}

