// The reasons a quorum or vote result gives: stable codes the UI translates (votes:reason.<code>)
// with their parameters, so the screen, the minutes and the street office read the same words.

/** Every code a result can carry; each has a sentence under `reason.<code>` in votes.json. */
export const VOTE_REASON_CODES = [
  // The counts are refused (outcome 'rejected'): the screen asks for them again.
  'ruleUnknown',
  'countNotWholeNumber',
  'presentExceedsMembers',
  'recusedExceedsPresent',
  'countsExceedEligible',
  'ownersRequired',
  'ownerTotalsMissing',
  'participatingOwnersExceedTotal',
  'participatingAreaExceedsTotal',
  'ownerVotesExceedParticipating',
  'ownerAreaExceedsParticipating',
  'ownerAreaWithoutOwners',
  'affectedOwnersRequired',
  'affectedExceedsTotal',
  'forExceedsAffected',
  // Quorum.
  'quorumMet',
  'quorumNotMet',
  'quorumNoMembers',
  // Simple majority.
  'passedSimpleMajority',
  'failedTie',
  'failedNoValidVotes',
  'failedMoreAgainst',
  // Shares of those present (eligible) or of all members.
  'failedNoEligibleVoters',
  'passedMoreThanHalf',
  'failedNotMoreThanHalf',
  'passedMoreThanHalfPresent',
  'failedNotMoreThanHalfPresent',
  'passedTwoThirds',
  'failedNotTwoThirds',
  'passedTwoThirdsPresent',
  'failedNotTwoThirdsPresent',
  'passedThreeQuarters',
  'failedNotThreeQuarters',
  'passedThreeQuartersPresent',
  'failedNotThreeQuartersPresent',
  // Owners (Civil Code arts. 278 and 279).
  'passedDoubleMajorityOrdinary',
  'passedDoubleMajorityMajor',
  'participationAreaNotMet',
  'participationOwnersNotMet',
  'approvalAreaNotMoreThanHalf',
  'approvalOwnersNotMoreThanHalf',
  'approvalAreaNotThreeQuarters',
  'approvalOwnersNotThreeQuarters',
  'passedUnanimity',
  'failedNotUnanimous',
] as const
export type VoteReasonCode = (typeof VOTE_REASON_CODES)[number]

/**
 * A code and the values its sentence interpolates. Numbers are plain counts; parameters whose
 * name ends in `Area` are exact square metres as text ("1234.5", from hundredths of m²), so no
 * translation has to divide; `field` names a counts field (votes:field.<name>); `rule` a ThresholdRule.
 */
export interface Reason {
  code: VoteReasonCode
  params: Record<string, number | string>
}

const SHARE = ['for', 'denominator', 'required'] as const
const SHARE_PRESENT = [...SHARE, 'present', 'recused'] as const
const OWNERS_PASSED = ['forOwners', 'participatingOwners', 'forArea', 'participatingArea'] as const

/** The parameters each code carries (a sentence may use fewer); tests hold both sides to this. */
export const VOTE_REASON_PARAMS: Readonly<Record<VoteReasonCode, readonly string[]>> = {
  ruleUnknown: ['rule'],
  countNotWholeNumber: ['field', 'value'],
  presentExceedsMembers: ['present', 'members'],
  recusedExceedsPresent: ['recused', 'present'],
  countsExceedEligible: ['cast', 'eligible', 'present', 'recused'],
  ownersRequired: ['rule'],
  ownerTotalsMissing: ['totalOwners', 'totalArea'],
  participatingOwnersExceedTotal: ['participatingOwners', 'totalOwners'],
  participatingAreaExceedsTotal: ['participatingArea', 'totalArea'],
  ownerVotesExceedParticipating: ['forOwners', 'againstOwners', 'participatingOwners'],
  ownerAreaExceedsParticipating: ['forArea', 'againstArea', 'participatingArea'],
  ownerAreaWithoutOwners: ['field'],
  affectedOwnersRequired: [],
  affectedExceedsTotal: ['affectedOwners', 'totalOwners'],
  forExceedsAffected: ['forOwners', 'affectedOwners'],
  quorumMet: ['present', 'required', 'members'],
  quorumNotMet: ['present', 'required', 'members'],
  quorumNoMembers: ['members'],
  passedSimpleMajority: ['for', 'against', 'abstain'],
  failedTie: ['for', 'against', 'abstain'],
  failedNoValidVotes: ['for', 'against', 'abstain'],
  failedMoreAgainst: ['for', 'against', 'abstain'],
  failedNoEligibleVoters: ['denominator', 'present', 'recused'],
  passedMoreThanHalf: SHARE,
  failedNotMoreThanHalf: SHARE,
  passedMoreThanHalfPresent: SHARE_PRESENT,
  failedNotMoreThanHalfPresent: SHARE_PRESENT,
  passedTwoThirds: SHARE,
  failedNotTwoThirds: SHARE,
  passedTwoThirdsPresent: SHARE_PRESENT,
  failedNotTwoThirdsPresent: SHARE_PRESENT,
  passedThreeQuarters: SHARE,
  failedNotThreeQuarters: SHARE,
  passedThreeQuartersPresent: SHARE_PRESENT,
  failedNotThreeQuartersPresent: SHARE_PRESENT,
  passedDoubleMajorityOrdinary: OWNERS_PASSED,
  passedDoubleMajorityMajor: OWNERS_PASSED,
  participationAreaNotMet: ['participatingArea', 'totalArea', 'requiredArea'],
  participationOwnersNotMet: ['participatingOwners', 'totalOwners', 'requiredOwners'],
  approvalAreaNotMoreThanHalf: ['forArea', 'participatingArea', 'requiredArea'],
  approvalOwnersNotMoreThanHalf: ['forOwners', 'participatingOwners', 'requiredOwners'],
  approvalAreaNotThreeQuarters: ['forArea', 'participatingArea', 'requiredArea'],
  approvalOwnersNotThreeQuarters: ['forOwners', 'participatingOwners', 'requiredOwners'],
  passedUnanimity: ['forOwners', 'affectedOwners'],
  failedNotUnanimous: ['forOwners', 'affectedOwners', 'missing'],
}

/** The counts fields a `countNotWholeNumber` or `ownerAreaWithoutOwners` reason can name (votes:field.<name>). */
export const VOTE_FIELDS = [
  'members',
  'present',
  'recused',
  'for',
  'against',
  'abstain',
  'totalOwners',
  'totalArea',
  'participatingOwners',
  'participatingArea',
  'forOwners',
  'forArea',
  'againstOwners',
  'againstArea',
  'affectedOwners',
] as const
export type VoteField = (typeof VOTE_FIELDS)[number]

export const reason = (code: VoteReasonCode, params: Record<string, number | string> = {}): Reason => ({ code, params })
