// The plain snapshots a vote is evaluated from, and the result it is recorded with.
import type { QuorumRule, ThresholdRule } from '../council'
import type { Share } from './fraction'
import type { QuorumResult } from './quorum'
import type { Reason } from './reasons'

export const VOTE_OUTCOMES = ['passed', 'failed', 'invalid', 'rejected'] as const
/** invalid: held without quorum, recorded but void (domain.md 2.3); rejected: the counts are refused. */
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number]

export const VOTE_DENOMINATORS = ['cast', 'eligible', 'members', 'owners'] as const
/**
 * What a threshold is a share of (domain.md 2.7: every tally stores its denominator):
 * cast = for + against (valid votes); eligible = present − recused; members = all voting members
 * on the register; owners = owners and their exclusive floor area (arts. 278, 279).
 */
export type VoteDenominator = (typeof VOTE_DENOMINATORS)[number]

export interface VoteCountsInput {
  for: number
  against: number
  abstain: number
}

/** Owners and exclusive floor area (hundredths of m², integers) for the Civil Code rules. */
export interface OwnerTally {
  totalOwners: number
  /** Exclusive area of ALL owners of the building or estate. */
  totalAreaCentiM2: number
  /** The owners who took part in the vote (参与表决). */
  participating: { owners: number; areaCentiM2: number }
  for: { owners: number; areaCentiM2: number }
  against: { owners: number; areaCentiM2: number }
  /** unanimity_affected: how many owners the matter affects (有利害关系的业主). */
  affectedOwners?: number
}

export interface VoteInput {
  rule: ThresholdRule
  /**
   * null: quorum not checked. `met` given: the caller's verdict wins (e.g. computed from sign-in
   * times); otherwise computed from members and present. `recusedCountForQuorum` (default true,
   * domain.md 2.6) says whether the recused members present count toward it.
   */
  quorum: { rule: QuorumRule; met?: boolean; recusedCountForQuorum?: boolean } | null
  /** All voting members on the register that day (observers excluded). */
  members: number
  /** Voting members present at this vote, recused ones included. */
  present: number
  /** Members present who are recused from this item (回避): present, but not voters. */
  recused: number
  /** Show of hands: the counts entered; roll call and secret ballot: the ballots counted (tallyBallots). */
  counts: VoteCountsInput
  /** Required by double_majority_* and unanimity_affected; ignored by the other rules. */
  owners?: OwnerTally
}

export interface VoteCounts {
  for: number
  against: number
  abstain: number
  /** members − present */
  absent: number
  recused: number
  /** eligible − (for + against + abstain): present, not recused, gave no vote. */
  notVoted: number
}

export type FigureName = 'participationArea' | 'participationOwners' | 'approvalArea' | 'approvalOwners'

/** One of the four double-majority figures, against its own threshold. */
export interface OwnerFigure extends Share {
  name: FigureName
  /** Owners, or hundredths of m² for the area figures. */
  value: number
  of: number
  /** The smallest value that meets it. */
  required: number
  met: boolean
}

export interface VoteThreshold extends Share {
  /** The denominator's value: cast votes, eligible voters, members, or (owner rules) owners. */
  of: number
  /**
   * 'for' votes needed: the smallest count reaching the share of `of`; simple majority: against + 1
   * (given the against votes); unanimity: every affected owner; double majority: null (see figures).
   */
  required: number | null
}

export interface VoteResult {
  outcome: VoteOutcome
  rule: ThresholdRule
  denominator: VoteDenominator
  counts: VoteCounts
  threshold: VoteThreshold
  /** What the threshold alone says, quorum aside: an invalid vote still shows whether it would have passed. */
  thresholdMet: boolean
  /** The quorum check at this vote, or null when not checked (or the counts were refused). */
  quorum: QuorumResult | null
  /** double_majority_*: participation (area, owners), then approval (area, owners). */
  figures?: OwnerFigure[]
  /** The key reason first: quorumNotMet for an invalid vote, the refusal, or the threshold's verdict. */
  reasons: Reason[]
}
