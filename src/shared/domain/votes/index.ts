// Voting and quorum rules (domain.md 2.3, 2.6–2.8): pure functions over plain snapshots.
export { evaluateQuorum, QUORUM_SHARES, type QuorumInput, type QuorumResult } from './quorum'
export { evaluateVote } from './tally'
export { ballotBoxFull, ballotBoxOf, ballotRoom, ballotsIn, type BallotBox, type BallotBoxVote } from './ballotBox'
export { validateVote } from './validate'
export { RULES, PARTICIPATION_SHARE, usesOwners, type RuleDefinition } from './rules'
export { evaluateDoubleMajority, evaluateUnanimity, type OwnersVerdict } from './owners'
export { CHOICES, compareEntries, latestChoice, tallyBallots, type BallotCounts, type Choice, type RollCallDecision, type RollCallEntry } from './ballots'
export { ALL_OF, AT_LEAST_THREE_QUARTERS, AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, reaches, smallestReaching, type Share } from './fraction'
export { VOTE_FIELDS, VOTE_REASON_CODES, VOTE_REASON_PARAMS, type Reason, type VoteField, type VoteReasonCode } from './reasons'
export {
  VOTE_DENOMINATORS,
  VOTE_OUTCOMES,
  type FigureName,
  type OwnerFigure,
  type OwnerTally,
  type VoteCounts,
  type VoteCountsInput,
  type VoteDenominator,
  type VoteInput,
  type VoteOutcome,
  type VoteResult,
  type VoteThreshold,
} from './types'
export { blocksAnnounce, resultWarnings, VOTE_WARNING_CODES, voteWarnings, type VoteWarning, type VoteWarningCode } from './warnings'
export { isMeetingRule, OWNER_RULE_METHODS, rulesForMethod } from './meetingRules'
