// A fund year read whole: the plain values the street office's checks, the 收支公示 and the XLSX
// 台账 are computed from (doc/fundRead.ts builds it from the document). No Yjs here.
import type { DecisionState } from './decision'
import type { ResolvedFundStep } from './fundPath'
import type { Acceptance, Implementation } from './implementation'
import type { LedgerState } from './ledger'
import type { ListItem, ProposalState } from './proposals'

export interface FundYearSnapshot {
  year: number
  proposals: ReadonlyMap<string, ProposalState>
  negativeList: readonly ListItem[]
  priorityList: readonly ListItem[]
  decisions: DecisionState
  ledger: LedgerState
  /** Each approved project's five steps. */
  paths: ReadonlyMap<string, readonly ResolvedFundStep[]>
  implementations: ReadonlyMap<string, Implementation>
  acceptances: ReadonlyMap<string, Acceptance>
  /** Proposals that have had a reply (回音) to their proposer. */
  replied: ReadonlySet<string>
}

/** A project's title (its proposal's), or its id when the proposal is not in this replica yet. */
export const projectTitle = (y: FundYearSnapshot, projectId: string): string => y.proposals.get(projectId)?.proposal.title ?? projectId
