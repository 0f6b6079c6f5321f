// The thresholds of domain.md 2.8 as data: each rule's share, what it is a share of, and the
// reason codes it passes or fails with.
import type { ThresholdRule } from '../council'
import { ALL_OF, AT_LEAST_THREE_QUARTERS, AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, type Share } from './fraction'
import type { VoteReasonCode } from './reasons'
import type { VoteDenominator } from './types'

export interface RuleDefinition {
  /** The approval share: for / denominator must reach it. */
  share: Share
  denominator: VoteDenominator
  /** Headcount rules: the verdict's reason codes (owner rules build theirs from the figures). */
  passed?: VoteReasonCode
  failed?: VoteReasonCode
}

/**
 * Denominators, and why:
 * - simple majority is for > against, i.e. more than half of the valid votes (for + against);
 *   abstentions are not valid votes (domain.md 2.8), so they neither help nor hurt.
 * - "members present" rules divide by the ELIGIBLE voters, present − recused. A recused member
 *   counts as present but not as a voter (domain.md 2.6): kept in the denominator, their silence
 *   would weigh exactly like a vote against, and a recusal must not sway the item either way.
 *   The reason params carry present and recused next to the denominator so the minutes show it.
 * - "all members" rules divide by the whole register (observers excluded), recused or not: the
 *   base of such a rule is fixed by the charter; a recusal there weighs like an absence.
 * - double majority: owners and exclusive area, participation against all owners, approval
 *   against those who took part (参与表决, Civil Code art. 278 as amended in 2021).
 * - unanimity: every affected owner (art. 279).
 * 以上 ("or more") includes the number itself, so 2/3 and 3/4 are "at least"; 过半数 is strict.
 */
export const RULES: Readonly<Record<ThresholdRule, RuleDefinition>> = {
  simple_majority: { share: MORE_THAN_HALF, denominator: 'cast' },
  half_present: { share: MORE_THAN_HALF, denominator: 'eligible', passed: 'passedMoreThanHalfPresent', failed: 'failedNotMoreThanHalfPresent' },
  half_all: { share: MORE_THAN_HALF, denominator: 'members', passed: 'passedMoreThanHalf', failed: 'failedNotMoreThanHalf' },
  two_thirds_present: { share: AT_LEAST_TWO_THIRDS, denominator: 'eligible', passed: 'passedTwoThirdsPresent', failed: 'failedNotTwoThirdsPresent' },
  two_thirds_all: { share: AT_LEAST_TWO_THIRDS, denominator: 'members', passed: 'passedTwoThirds', failed: 'failedNotTwoThirds' },
  three_quarters_present: { share: AT_LEAST_THREE_QUARTERS, denominator: 'eligible', passed: 'passedThreeQuartersPresent', failed: 'failedNotThreeQuartersPresent' },
  three_quarters_all: { share: AT_LEAST_THREE_QUARTERS, denominator: 'members', passed: 'passedThreeQuarters', failed: 'failedNotThreeQuarters' },
  double_majority_ordinary: { share: MORE_THAN_HALF, denominator: 'owners' },
  double_majority_major: { share: AT_LEAST_THREE_QUARTERS, denominator: 'owners' },
  unanimity_affected: { share: ALL_OF, denominator: 'owners' },
}

/** Participation in an art. 278 vote: at least two thirds of the area and of the owners. */
export const PARTICIPATION_SHARE: Share = AT_LEAST_TWO_THIRDS

export const usesOwners = (rule: ThresholdRule): boolean => RULES[rule].denominator === 'owners'
