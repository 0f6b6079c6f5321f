// Voting and quorum rules (domain.md 2.3, 2.6–2.8) as a table of meetings: every threshold, every
// way of counting (show of hands, roll call, secret ballot), recusals, quorum at its edges, refusals.
import { describe, expect, it } from 'vitest'
import { THRESHOLD_RULES, type QuorumRule, type ThresholdRule } from '../../src/shared/domain/council'
import {
  evaluateQuorum,
  evaluateVote,
  latestChoice,
  tallyBallots,
  VOTE_REASON_CODES,
  VOTE_REASON_PARAMS,
  type Choice,
  type OwnerTally,
  type VoteCountsInput,
  type VoteInput,
  type VoteOutcome,
  type VoteReasonCode,
  type VoteResult,
} from '../../src/shared/domain/votes'

// ---- builders, so each row reads like the secretary's notes --------------------------------

interface Setup {
  rule: ThresholdRule
  members: number
  present: number
  recused?: number
  quorum?: VoteInput['quorum']
  owners?: OwnerTally
}

const vote = (s: Setup, counts: VoteCountsInput): VoteInput => ({
  rule: s.rule,
  quorum: s.quorum ?? null,
  members: s.members,
  present: s.present,
  recused: s.recused ?? 0,
  counts,
  ...(s.owners ? { owners: s.owners } : {}),
})

/** Show of hands: the recorder types the three counts. */
const hands = (f: number, against: number, abstain: number): VoteCountsInput => ({ for: f, against, abstain })

const CHOICE: Record<string, Choice> = { F: 'for', A: 'against', X: 'abstain' }
/** Secret ballot: one letter a ballot paper (F for, A against, X abstain), in the order drawn. */
const secret = (papers: string): VoteCountsInput => tallyBallots([...papers].map((c) => ({ choice: CHOICE[c] as Choice })))

/**
 * Roll call: "member:letter" entries, possibly from two devices; a later entry for the same
 * member (a larger minute) replaces the earlier one.
 */
const rollCall = (...entries: string[]): VoteCountsInput =>
  tallyBallots(
    latestChoice(
      entries.map((e, i) => {
        const [memberId = '', letter = '', minute = '00'] = e.split(':')
        return { memberId, choice: CHOICE[letter] as Choice, at: `2025-03-01T09:${minute.padStart(2, '0')}:00.000Z`, entryId: `e${i}` }
      }),
    ),
  )

/** Names m1…mn voting the given letters in order. */
const roll = (letters: string): string[] => [...letters].map((c, i) => `m${i + 1}:${c}`)

/** m² (as written, up to two decimals) to exact hundredths: rounding removes binary noise (0.29 × 100). */
const centi = (m2: number): number => Math.round(m2 * 100)
/** Owners as [headcount, m²]. */
type Group = [owners: number, m2: number]
const ownersOf = (o: { total: Group; part: Group; for: Group; against?: Group; affected?: number }): OwnerTally => ({
  totalOwners: o.total[0],
  totalAreaCentiM2: centi(o.total[1]),
  participating: { owners: o.part[0], areaCentiM2: centi(o.part[1]) },
  for: { owners: o.for[0], areaCentiM2: centi(o.for[1]) },
  against: { owners: (o.against ?? [0, 0])[0], areaCentiM2: centi((o.against ?? [0, 0])[1]) },
  ...(o.affected !== undefined ? { affectedOwners: o.affected } : {}),
})

const q = (rule: QuorumRule, extra: Partial<NonNullable<VoteInput['quorum']>> = {}): VoteInput['quorum'] => ({ rule, ...extra })

// An estate of 100 owners holding 10,000 m², for the art. 278 rows.
const ESTATE: Group = [100, 10_000]
const dm = (rule: 'double_majority_ordinary' | 'double_majority_major', o: Parameters<typeof ownersOf>[0], quorum?: VoteInput['quorum']) =>
  vote({ rule, members: 9, present: 9, owners: ownersOf(o), ...(quorum ? { quorum } : {}) }, hands(0, 0, 0))
const una = (o: Parameters<typeof ownersOf>[0]) => vote({ rule: 'unanimity_affected', members: 7, present: 7, owners: ownersOf(o) }, hands(0, 0, 0))

type Row = [description: string, input: VoteInput, outcome: VoteOutcome, code: VoteReasonCode]

const simpleMajority: Row[] = [
  ['hands: 10 for, 5 against', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(10, 5, 0)), 'passed', 'passedSimpleMajority'],
  ['hands: a tie fails', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(6, 6, 0)), 'failed', 'failedTie'],
  ['hands: 5 for, 6 against', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(5, 6, 0)), 'failed', 'failedMoreAgainst'],
  ['hands: abstentions are not valid votes, 3–2 with 15 abstaining passes', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(3, 2, 15)), 'passed', 'passedSimpleMajority'],
  ['hands: a tie stays a tie whatever the abstentions', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(4, 4, 8)), 'failed', 'failedTie'],
  ['hands: everyone abstains', vote({ rule: 'simple_majority', members: 25, present: 10 }, hands(0, 0, 10)), 'failed', 'failedNoValidVotes'],
  ['hands: nobody raises a hand', vote({ rule: 'simple_majority', members: 25, present: 10 }, hands(0, 0, 0)), 'failed', 'failedNoValidVotes'],
  ['hands: 2 recused, the other 18 all vote, 10–8', vote({ rule: 'simple_majority', members: 25, present: 20, recused: 2 }, hands(10, 8, 0)), 'passed', 'passedSimpleMajority'],
  ['roll call: 2 for, 1 against, 1 abstain', vote({ rule: 'simple_majority', members: 5, present: 4 }, rollCall(...roll('FFAX'))), 'passed', 'passedSimpleMajority'],
  ['roll call: a second device turns m2 from for to against, making a tie', vote({ rule: 'simple_majority', members: 5, present: 4 }, rollCall(...roll('FFAA').slice(0, 3), 'm4:F:01', 'm2:A:05')), 'failed', 'failedTie'],
  ['secret ballot: 3 for, 3 against, 1 abstain', vote({ rule: 'simple_majority', members: 9, present: 7 }, secret('FAFXAFA')), 'failed', 'failedTie'],
  ['secret ballot: 5 for, 2 against', vote({ rule: 'simple_majority', members: 9, present: 7 }, secret('FFAFFAF')), 'passed', 'passedSimpleMajority'],
]

const halves: Row[] = [
  ['half of present: 13 of 25 present', vote({ rule: 'half_present', members: 30, present: 25 }, hands(13, 12, 0)), 'passed', 'passedMoreThanHalfPresent'],
  ['half of present: exactly half (12 of 24) fails', vote({ rule: 'half_present', members: 30, present: 24 }, hands(12, 0, 12)), 'failed', 'failedNotMoreThanHalfPresent'],
  ['half of present: abstentions weigh against, 10 for of 20', vote({ rule: 'half_present', members: 25, present: 20 }, hands(10, 2, 8)), 'failed', 'failedNotMoreThanHalfPresent'],
  ['half of present: 12 of 25 present fails', vote({ rule: 'half_present', members: 30, present: 25 }, hands(12, 0, 0)), 'failed', 'failedNotMoreThanHalfPresent'],
  ['half of present: 3 recused leaves 22 eligible, so 12 passes', vote({ rule: 'half_present', members: 30, present: 25, recused: 3 }, hands(12, 0, 0)), 'passed', 'passedMoreThanHalfPresent'],
  ['half of present: everyone present is recused', vote({ rule: 'half_present', members: 30, present: 3, recused: 3 }, hands(0, 0, 0)), 'failed', 'failedNoEligibleVoters'],
  ['half of present: secret ballot, 4 of 7', vote({ rule: 'half_present', members: 9, present: 7 }, secret('FFFFAAX')), 'passed', 'passedMoreThanHalfPresent'],
  ['half of present: roll call, 3 of 6', vote({ rule: 'half_present', members: 9, present: 6 }, rollCall(...roll('FFFAAA'))), 'failed', 'failedNotMoreThanHalfPresent'],
  ['half of all: the issue example, 12 for of 25 members', vote({ rule: 'half_all', members: 25, present: 20 }, hands(12, 3, 5)), 'failed', 'failedNotMoreThanHalf'],
  ['half of all: 13 of 25 members', vote({ rule: 'half_all', members: 25, present: 20 }, hands(13, 3, 4)), 'passed', 'passedMoreThanHalf'],
  ['half of all: exactly half (12 of 24) fails', vote({ rule: 'half_all', members: 24, present: 24 }, hands(12, 12, 0)), 'failed', 'failedNotMoreThanHalf'],
  ['half of all: recused members stay in the denominator', vote({ rule: 'half_all', members: 25, present: 25, recused: 2 }, hands(12, 0, 11)), 'failed', 'failedNotMoreThanHalf'],
  ['half of all: roll call, 5 of 9', vote({ rule: 'half_all', members: 9, present: 8 }, rollCall(...roll('FFFFFAAX'))), 'passed', 'passedMoreThanHalf'],
  ['half of all: nobody on the register', vote({ rule: 'half_all', members: 0, present: 0 }, hands(0, 0, 0)), 'failed', 'failedNoEligibleVoters'],
]

const twoThirds: Row[] = [
  ['2/3 of present: exactly 16 of 24 passes', vote({ rule: 'two_thirds_present', members: 25, present: 24 }, hands(16, 8, 0)), 'passed', 'passedTwoThirdsPresent'],
  ['2/3 of present: 15 of 24, one below', vote({ rule: 'two_thirds_present', members: 25, present: 24 }, hands(15, 9, 0)), 'failed', 'failedNotTwoThirdsPresent'],
  ['2/3 of present: 17 of 25 passes (51 ≥ 50)', vote({ rule: 'two_thirds_present', members: 25, present: 25 }, hands(17, 8, 0)), 'passed', 'passedTwoThirdsPresent'],
  ['2/3 of present: 16 of 25 fails (48 < 50)', vote({ rule: 'two_thirds_present', members: 25, present: 25 }, hands(16, 9, 0)), 'failed', 'failedNotTwoThirdsPresent'],
  ['2/3 of present: 27 present, 3 recused, 16 of 24 eligible passes', vote({ rule: 'two_thirds_present', members: 30, present: 27, recused: 3 }, hands(16, 8, 0)), 'passed', 'passedTwoThirdsPresent'],
  ['2/3 of present: nobody came', vote({ rule: 'two_thirds_present', members: 10, present: 0 }, hands(0, 0, 0)), 'failed', 'failedNoEligibleVoters'],
  ['2/3 of present: secret ballot, 6 of 9', vote({ rule: 'two_thirds_present', members: 11, present: 9 }, secret('FFFFFFAAX')), 'passed', 'passedTwoThirdsPresent'],
  ['2/3 of all: exactly 20 of 30', vote({ rule: 'two_thirds_all', members: 30, present: 28 }, hands(20, 8, 0)), 'passed', 'passedTwoThirds'],
  ['2/3 of all: 19 of 30, one below', vote({ rule: 'two_thirds_all', members: 30, present: 28 }, hands(19, 9, 0)), 'failed', 'failedNotTwoThirds'],
  ['2/3 of all: 17 of 25', vote({ rule: 'two_thirds_all', members: 25, present: 20 }, hands(17, 3, 0)), 'passed', 'passedTwoThirds'],
  ['2/3 of all: 16 of 25', vote({ rule: 'two_thirds_all', members: 25, present: 20 }, hands(16, 3, 1)), 'failed', 'failedNotTwoThirds'],
  ['2/3 of all: roll call, 4 of 6', vote({ rule: 'two_thirds_all', members: 6, present: 6 }, rollCall(...roll('FAFXFF'))), 'passed', 'passedTwoThirds'],
]

const threeQuarters: Row[] = [
  ['3/4 of present: exactly 15 of 20', vote({ rule: 'three_quarters_present', members: 25, present: 20 }, hands(15, 5, 0)), 'passed', 'passedThreeQuartersPresent'],
  ['3/4 of present: 14 of 20, one below', vote({ rule: 'three_quarters_present', members: 25, present: 20 }, hands(14, 5, 1)), 'failed', 'failedNotThreeQuartersPresent'],
  ['3/4 of present: 21 present, 1 recused, 15 of 20 passes', vote({ rule: 'three_quarters_present', members: 25, present: 21, recused: 1 }, hands(15, 5, 0)), 'passed', 'passedThreeQuartersPresent'],
  ['3/4 of present: 21 present, none recused, 15 of 21 fails', vote({ rule: 'three_quarters_present', members: 25, present: 21 }, hands(15, 6, 0)), 'failed', 'failedNotThreeQuartersPresent'],
  ['3/4 of present: secret ballot, 3 of 4', vote({ rule: 'three_quarters_present', members: 5, present: 4 }, secret('FAFF')), 'passed', 'passedThreeQuartersPresent'],
  ['3/4 of all: exactly 21 of 28', vote({ rule: 'three_quarters_all', members: 28, present: 28 }, hands(21, 7, 0)), 'passed', 'passedThreeQuarters'],
  ['3/4 of all: 20 of 28, one below', vote({ rule: 'three_quarters_all', members: 28, present: 28 }, hands(20, 8, 0)), 'failed', 'failedNotThreeQuarters'],
  ['3/4 of all: 3 of 4', vote({ rule: 'three_quarters_all', members: 4, present: 3 }, hands(3, 0, 0)), 'passed', 'passedThreeQuarters'],
  ['3/4 of all: roll call, 6 of 9 (all present) fails', vote({ rule: 'three_quarters_all', members: 9, present: 9 }, rollCall(...roll('FFFFFFAAA'))), 'failed', 'failedNotThreeQuarters'],
]

const quorum: Row[] = [
  ['quorum >1/2: 13 of 25 present is enough', vote({ rule: 'half_present', members: 25, present: 13, quorum: q('more_than_half') }, hands(7, 6, 0)), 'passed', 'passedMoreThanHalfPresent'],
  ['quorum >1/2: 12 of 25 present is not: recorded but invalid', vote({ rule: 'half_present', members: 25, present: 12, quorum: q('more_than_half') }, hands(12, 0, 0)), 'invalid', 'quorumNotMet'],
  ['quorum >1/2: exactly half (12 of 24) is not enough', vote({ rule: 'simple_majority', members: 24, present: 12, quorum: q('more_than_half') }, hands(8, 4, 0)), 'invalid', 'quorumNotMet'],
  ['quorum ≥2/3: 17 of 25 present is enough', vote({ rule: 'simple_majority', members: 25, present: 17, quorum: q('at_least_two_thirds') }, hands(9, 8, 0)), 'passed', 'passedSimpleMajority'],
  ['quorum ≥2/3: 16 of 25 present is not', vote({ rule: 'simple_majority', members: 25, present: 16, quorum: q('at_least_two_thirds') }, hands(9, 7, 0)), 'invalid', 'quorumNotMet'],
  ['quorum ≥2/3: exactly 16 of 24 is enough', vote({ rule: 'two_thirds_all', members: 24, present: 16, quorum: q('at_least_two_thirds') }, hands(16, 0, 0)), 'passed', 'passedTwoThirds'],
  ['quorum met, threshold failed: plainly failed', vote({ rule: 'simple_majority', members: 25, present: 17, quorum: q('at_least_two_thirds') }, hands(8, 8, 1)), 'failed', 'failedTie'],
  ['quorum missed and a tie: invalid, quorum is the key reason', vote({ rule: 'simple_majority', members: 25, present: 12, quorum: q('more_than_half') }, hands(6, 6, 0)), 'invalid', 'quorumNotMet'],
  ['recused present count for quorum by default: 17 of 25, 1 recused', vote({ rule: 'simple_majority', members: 25, present: 17, recused: 1, quorum: q('at_least_two_thirds') }, hands(9, 7, 0)), 'passed', 'passedSimpleMajority'],
  ["setting: recused don't count, 17 present less 1 recused misses 2/3", vote({ rule: 'simple_majority', members: 25, present: 17, recused: 1, quorum: q('at_least_two_thirds', { recusedCountForQuorum: false }) }, hands(9, 7, 0)), 'invalid', 'quorumNotMet'],
  ["the caller's verdict (met: false, from sign-in times) wins", vote({ rule: 'simple_majority', members: 25, present: 20, quorum: q('more_than_half', { met: false }) }, hands(15, 5, 0)), 'invalid', 'quorumNotMet'],
  ["the caller's verdict (met: true) wins", vote({ rule: 'simple_majority', members: 25, present: 20, quorum: q('at_least_two_thirds', { met: true }) }, hands(15, 5, 0)), 'passed', 'passedSimpleMajority'],
  ['an empty register has no quorum', vote({ rule: 'simple_majority', members: 0, present: 0, quorum: q('more_than_half') }, hands(0, 0, 0)), 'invalid', 'quorumNoMembers'],
  ['quorum ≥2/3 with a secret ballot: 6 of 10 present misses', vote({ rule: 'simple_majority', members: 10, present: 6, quorum: q('at_least_two_thirds') }, secret('FFFFAA')), 'invalid', 'quorumNotMet'],
]

const doubleMajority: Row[] = [
  ['ordinary: 70 owners (7,000 m²) take part, 40 (4,000 m²) agree', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, 4000], against: [30, 3000] }), 'passed', 'passedDoubleMajorityOrdinary'],
  ['ordinary: participation of exactly 2/3 of both passes', dm('double_majority_ordinary', { total: [99, 9000], part: [66, 6000], for: [34, 3000.01] }), 'passed', 'passedDoubleMajorityOrdinary'],
  ['ordinary: area taking part below 2/3 (6,666 of 10,000 m²)', dm('double_majority_ordinary', { total: ESTATE, part: [80, 6666], for: [60, 5000] }), 'failed', 'participationAreaNotMet'],
  ['ordinary: owners taking part below 2/3 (66 of 100)', dm('double_majority_ordinary', { total: ESTATE, part: [66, 8000], for: [60, 7000] }), 'failed', 'participationOwnersNotMet'],
  ['ordinary: passes on headcount, fails on area', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, 3000], against: [30, 4000] }), 'failed', 'approvalAreaNotMoreThanHalf'],
  ['ordinary: passes on area, fails on headcount (exactly half)', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [35, 5000], against: [35, 2000] }), 'failed', 'approvalOwnersNotMoreThanHalf'],
  ['ordinary: exactly half the area is not more than half', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [50, 3500], against: [20, 3500] }), 'failed', 'approvalAreaNotMoreThanHalf'],
  ['ordinary: half the area plus 0.01 m² is enough', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [50, 3500.01], against: [20, 3499.99] }), 'passed', 'passedDoubleMajorityOrdinary'],
  ['ordinary: would pass, but the council had no quorum', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, 4000] }, { rule: 'more_than_half', met: false }), 'invalid', 'quorumNotMet'],
  ['major: exactly 3/4 of owners and area', dm('double_majority_major', { total: ESTATE, part: [80, 8000], for: [60, 6000], against: [20, 2000] }), 'passed', 'passedDoubleMajorityMajor'],
  ['major: what passes as ordinary (40 of 70) fails as major', dm('double_majority_major', { total: ESTATE, part: [70, 7000], for: [40, 4000], against: [30, 3000] }), 'failed', 'approvalAreaNotThreeQuarters'],
  ['major: 3/4 of owners, area 0.01 m² short', dm('double_majority_major', { total: ESTATE, part: [80, 8000], for: [60, 5999.99] }), 'failed', 'approvalAreaNotThreeQuarters'],
  ['major: 3/4 of area, one owner short', dm('double_majority_major', { total: ESTATE, part: [80, 8000], for: [59, 6000] }), 'failed', 'approvalOwnersNotThreeQuarters'],
  ['major: participation fails first', dm('double_majority_major', { total: ESTATE, part: [60, 6000], for: [60, 6000] }), 'failed', 'participationAreaNotMet'],
  ['ordinary: owner figures missing', vote({ rule: 'double_majority_ordinary', members: 9, present: 9 }, hands(5, 0, 0)), 'rejected', 'ownersRequired'],
  ['major: owner figures missing', vote({ rule: 'double_majority_major', members: 9, present: 9 }, hands(5, 0, 0)), 'rejected', 'ownersRequired'],
  ['owners for + against exceed those taking part', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, 4000], against: [31, 3000] }), 'rejected', 'ownerVotesExceedParticipating'],
  ['area for + against exceeds the area taking part', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, 4000], against: [30, 3000.01] }), 'rejected', 'ownerAreaExceedsParticipating'],
  ['more owners taking part than there are owners', dm('double_majority_ordinary', { total: ESTATE, part: [101, 7000], for: [60, 4000] }), 'rejected', 'participatingOwnersExceedTotal'],
  ['more area taking part than the estate has', dm('double_majority_ordinary', { total: ESTATE, part: [70, 10_000.01], for: [60, 9000] }), 'rejected', 'participatingAreaExceedsTotal'],
  ['total area unknown', dm('double_majority_ordinary', { total: [100, 0], part: [70, 0], for: [40, 0] }), 'rejected', 'ownerTotalsMissing'],
  ['area against with no owner against', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, 4000], against: [0, 100] }), 'rejected', 'ownerAreaWithoutOwners'],
]

const unanimity: Row[] = [
  ['all 5 affected owners agree', una({ total: [40, 3000], part: [5, 400], for: [5, 400], affected: 5 }), 'passed', 'passedUnanimity'],
  ['one of 5 affected owners missing', una({ total: [40, 3000], part: [5, 400], for: [4, 320], affected: 5 }), 'failed', 'failedNotUnanimous'],
  ['one of 5 against', una({ total: [40, 3000], part: [5, 400], for: [4, 320], against: [1, 80], affected: 5 }), 'failed', 'failedNotUnanimous'],
  ['area unknown does not matter for unanimity', una({ total: [40, 0], part: [3, 0], for: [3, 0], affected: 3 }), 'passed', 'passedUnanimity'],
  ['affected owners not given', una({ total: [40, 3000], part: [5, 400], for: [5, 400] }), 'rejected', 'affectedOwnersRequired'],
  ['no affected owners', una({ total: [40, 3000], part: [0, 0], for: [0, 0], affected: 0 }), 'rejected', 'affectedOwnersRequired'],
  ['more agreeing than affected', una({ total: [40, 3000], part: [6, 400], for: [6, 400], affected: 5 }), 'rejected', 'forExceedsAffected'],
  ['more affected than owners', una({ total: [4, 3000], part: [4, 400], for: [4, 400], affected: 5 }), 'rejected', 'affectedExceedsTotal'],
  ['owner figures missing', vote({ rule: 'unanimity_affected', members: 7, present: 7 }, hands(7, 0, 0)), 'rejected', 'ownersRequired'],
]

const refused: Row[] = [
  ['hands: 10 + 5 + 6 = 21 cast with 20 present', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(10, 5, 6)), 'rejected', 'countsExceedEligible'],
  ['hands: 10 + 9 = 19 cast with 20 present but 2 recused', vote({ rule: 'simple_majority', members: 25, present: 20, recused: 2 }, hands(10, 9, 0)), 'rejected', 'countsExceedEligible'],
  ['hands: exactly as many votes as eligible voters is fine', vote({ rule: 'half_present', members: 25, present: 20, recused: 2 }, hands(10, 8, 0)), 'passed', 'passedMoreThanHalfPresent'],
  ['secret ballot: 8 papers in the box with 7 present', vote({ rule: 'simple_majority', members: 9, present: 7 }, secret('FFFFAAAX')), 'rejected', 'countsExceedEligible'],
  ['roll call: 5 members entered with 4 present', vote({ rule: 'half_all', members: 9, present: 4 }, rollCall(...roll('FFFFF'))), 'rejected', 'countsExceedEligible'],
  ['a negative count', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(-1, 5, 0)), 'rejected', 'countNotWholeNumber'],
  ['a fractional count', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(2.5, 5, 0)), 'rejected', 'countNotWholeNumber'],
  ['a count that is not a number', vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(Number.NaN, 5, 0)), 'rejected', 'countNotWholeNumber'],
  ['more present than members', vote({ rule: 'simple_majority', members: 20, present: 21 }, hands(10, 5, 0)), 'rejected', 'presentExceedsMembers'],
  ['more recused than present', vote({ rule: 'simple_majority', members: 20, present: 3, recused: 4 }, hands(0, 0, 0)), 'rejected', 'recusedExceedsPresent'],
  ['a negative owner area', dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, -1] }), 'rejected', 'countNotWholeNumber'],
  ['an unknown rule', { ...vote({ rule: 'simple_majority', members: 5, present: 5 }, hands(3, 0, 0)), rule: 'two_thirds_of_cast' as ThresholdRule }, 'rejected', 'ruleUnknown'],
  ['an unknown quorum rule', vote({ rule: 'simple_majority', members: 5, present: 5, quorum: { rule: 'everyone' as QuorumRule } }, hands(3, 0, 0)), 'rejected', 'ruleUnknown'],
]

const ALL: Row[] = [...simpleMajority, ...halves, ...twoThirds, ...threeQuarters, ...quorum, ...doubleMajority, ...unanimity, ...refused]

/** Every invariant a recorded result must keep, whatever the row. */
function expectWellFormed(input: VoteInput, r: VoteResult): void {
  for (const reason of r.reasons) expect(Object.keys(reason.params).sort(), reason.code).toEqual([...VOTE_REASON_PARAMS[reason.code]].sort())
  if (r.outcome === 'rejected') return
  const cast = r.counts.for + r.counts.against + r.counts.abstain
  expect(cast + r.counts.notVoted).toBe(input.present - input.recused)
  expect(r.counts.absent).toBe(input.members - input.present)
  expect(r.counts.recused).toBe(input.recused)
  expect(r.outcome === 'passed').toBe(r.thresholdMet && (r.quorum === null || r.quorum.met))
}

describe('evaluateVote: scenarios', () => {
  it('has at least 70 scenarios, covering every rule and every reason a vote can give', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(70)
    const rules = new Set(ALL.map(([, input]) => input.rule))
    expect(THRESHOLD_RULES.filter((rule) => !rules.has(rule))).toEqual([])
    const given = new Set(ALL.flatMap(([, input]) => evaluateVote(input).reasons.map((r) => r.code)))
    expect(VOTE_REASON_CODES.filter((code) => !given.has(code))).toEqual([])
  })

  it.each(ALL)('%s', (_description, input, outcome, code) => {
    const r = evaluateVote(input)
    expect(r.outcome).toBe(outcome)
    expect(r.reasons[0]?.code).toBe(code)
    expectWellFormed(input, r)
  })
})

describe('evaluateVote: what a result records', () => {
  it('the issue example: 未通过，赞成 12 票，未过应到 25 人的半数', () => {
    const r = evaluateVote(vote({ rule: 'half_all', members: 25, present: 20 }, hands(12, 3, 5)))
    expect(r).toMatchObject({
      outcome: 'failed',
      denominator: 'members',
      counts: { for: 12, against: 3, abstain: 5, absent: 5, recused: 0, notVoted: 0 },
      threshold: { num: 1, den: 2, strict: true, of: 25, required: 13 },
      thresholdMet: false,
      quorum: null,
    })
    expect(r.reasons).toEqual([{ code: 'failedNotMoreThanHalf', params: { for: 12, denominator: 25, required: 13 } }])
  })

  it('a "present" rule divides by present − recused and says so in its params', () => {
    const r = evaluateVote(vote({ rule: 'two_thirds_present', members: 30, present: 27, recused: 3 }, hands(16, 6, 1)))
    expect(r.denominator).toBe('eligible')
    expect(r.threshold).toMatchObject({ num: 2, den: 3, strict: false, of: 24, required: 16 })
    expect(r.counts).toEqual({ for: 16, against: 6, abstain: 1, absent: 3, recused: 3, notVoted: 1 })
    expect(r.reasons[0]).toEqual({ code: 'passedTwoThirdsPresent', params: { for: 16, denominator: 24, required: 16, present: 27, recused: 3 } })
  })

  it('simple majority is a share of the valid votes and needs one more than against', () => {
    const r = evaluateVote(vote({ rule: 'simple_majority', members: 25, present: 20 }, hands(6, 6, 8)))
    expect(r.denominator).toBe('cast')
    expect(r.threshold).toMatchObject({ of: 12, required: 7 })
    expect(r.reasons[0]).toEqual({ code: 'failedTie', params: { for: 6, against: 6, abstain: 8 } })
  })

  it('an invalid vote keeps its counts and what the threshold would have said', () => {
    const r = evaluateVote(vote({ rule: 'half_present', members: 25, present: 12, quorum: q('more_than_half') }, hands(12, 0, 0)))
    expect(r.outcome).toBe('invalid')
    expect(r.thresholdMet).toBe(true)
    expect(r.counts.for).toBe(12)
    expect(r.quorum).toMatchObject({ met: false, required: 13, present: 12, members: 25 })
    expect(r.reasons.map((x) => x.code)).toEqual(['quorumNotMet', 'passedMoreThanHalfPresent'])
    expect(r.reasons[0]?.params).toEqual({ present: 12, required: 13, members: 25 })
  })

  it('a valid vote lists the quorum it met after its verdict', () => {
    const r = evaluateVote(vote({ rule: 'simple_majority', members: 25, present: 17, quorum: q('at_least_two_thirds') }, hands(9, 8, 0)))
    expect(r.reasons.map((x) => x.code)).toEqual(['passedSimpleMajority', 'quorumMet'])
  })

  it('double majority records the four figures, each against its threshold, in exact hundredths of m²', () => {
    const r = evaluateVote(dm('double_majority_ordinary', { total: ESTATE, part: [70, 7000], for: [40, 3000], against: [30, 4000] }))
    expect(r.denominator).toBe('owners')
    expect(r.figures).toEqual([
      { name: 'participationArea', value: 700_000, of: 1_000_000, num: 2, den: 3, strict: false, required: 666_667, met: true },
      { name: 'participationOwners', value: 70, of: 100, num: 2, den: 3, strict: false, required: 67, met: true },
      { name: 'approvalArea', value: 300_000, of: 700_000, num: 1, den: 2, strict: true, required: 350_001, met: false },
      { name: 'approvalOwners', value: 40, of: 70, num: 1, den: 2, strict: true, required: 36, met: true },
    ])
    expect(r.reasons).toEqual([{ code: 'approvalAreaNotMoreThanHalf', params: { forArea: '3000', participatingArea: '7000', requiredArea: '3500.01' } }])
  })

  it('double majority lists every unmet figure, participation first', () => {
    const r = evaluateVote(dm('double_majority_major', { total: ESTATE, part: [60, 6000], for: [40, 4000] }))
    expect(r.reasons.map((x) => x.code)).toEqual(['participationAreaNotMet', 'participationOwnersNotMet', 'approvalAreaNotThreeQuarters', 'approvalOwnersNotThreeQuarters'])
  })

  it('unanimity says how many are missing', () => {
    const r = evaluateVote(una({ total: [40, 3000], part: [5, 400], for: [4, 320], affected: 5 }))
    expect(r.threshold).toMatchObject({ num: 1, den: 1, strict: false, of: 5, required: 5 })
    expect(r.reasons[0]).toEqual({ code: 'failedNotUnanimous', params: { forOwners: 4, affectedOwners: 5, missing: 1 } })
  })

  it('a refusal lists every problem it found and never carries NaN', () => {
    const r = evaluateVote(vote({ rule: 'simple_majority', members: 20, present: 21, recused: 22 }, hands(30, 0, 0)))
    expect(r.reasons.map((x) => x.code)).toEqual(['presentExceedsMembers', 'recusedExceedsPresent'])
    expect(r.quorum).toBeNull()
    const nan = evaluateVote(vote({ rule: 'simple_majority', members: 20, present: 10 }, hands(Number.NaN, 0, 0)))
    expect(nan.reasons[0]).toEqual({ code: 'countNotWholeNumber', params: { field: 'for', value: 'NaN' } })
    expect(Object.values(nan.counts).filter((n) => Number.isNaN(n))).toEqual([Number.NaN]) // only the for count as typed
    expect(nan.counts.notVoted).toBe(0)
  })

  it('owner figures are ignored by the headcount rules', () => {
    const o = ownersOf({ total: [1, 1], part: [5, 5], for: [9, 9] })
    expect(evaluateVote({ ...vote({ rule: 'simple_majority', members: 5, present: 5 }, hands(3, 1, 0)), owners: o }).outcome).toBe('passed')
  })
})

describe('evaluateQuorum', () => {
  it.each([
    ['more_than_half', 25, 13, true, 13, 'quorumMet'],
    ['more_than_half', 25, 12, false, 13, 'quorumNotMet'],
    ['more_than_half', 24, 12, false, 13, 'quorumNotMet'],
    ['more_than_half', 24, 13, true, 13, 'quorumMet'],
    ['more_than_half', 1, 1, true, 1, 'quorumMet'],
    ['more_than_half', 1, 0, false, 1, 'quorumNotMet'],
    ['at_least_two_thirds', 25, 17, true, 17, 'quorumMet'],
    ['at_least_two_thirds', 25, 16, false, 17, 'quorumNotMet'],
    ['at_least_two_thirds', 24, 16, true, 16, 'quorumMet'],
    ['at_least_two_thirds', 24, 15, false, 16, 'quorumNotMet'],
    ['at_least_two_thirds', 3, 2, true, 2, 'quorumMet'],
    ['at_least_two_thirds', 0, 0, false, 1, 'quorumNoMembers'],
    ['more_than_half', 0, 0, false, 1, 'quorumNoMembers'],
    ['more_than_half', 10, 11, false, 6, 'presentExceedsMembers'],
    ['more_than_half', 10, -1, false, 6, 'countNotWholeNumber'],
    ['at_least_two_thirds', 10.5, 8, false, 1, 'countNotWholeNumber'],
  ] as const)('%s: %i members, %i present → met %s, needs %i (%s)', (rule, members, present, met, required, code) => {
    const r = evaluateQuorum(rule, { members, present })
    expect(r).toMatchObject({ met, required, members, present })
    expect(r.reason.code).toBe(code)
    expect(Object.keys(r.reason.params).sort()).toEqual([...VOTE_REASON_PARAMS[r.reason.code]].sort())
  })

  it('an unknown quorum rule is never met', () => {
    expect(evaluateQuorum('all' as QuorumRule, { members: 5, present: 5 })).toMatchObject({ met: false, reason: { code: 'ruleUnknown' } })
  })
})

describe('ballots', () => {
  it('tallyBallots counts each choice', () => {
    expect(tallyBallots([])).toEqual({ for: 0, against: 0, abstain: 0 })
    expect(secret('FFAXXX')).toEqual({ for: 2, against: 1, abstain: 3 })
  })

  it('tallyBallots refuses a choice it does not know, rather than losing it', () => {
    expect(() => tallyBallots([{ choice: 'spoiled' as Choice }])).toThrow(RangeError)
  })

  it('latestChoice: the latest entry wins and the disagreeing ones are shown', () => {
    const a = { memberId: 'm1', choice: 'for' as const, at: '2025-03-01T09:00:00.000Z', entryId: 'laptop-1' }
    const b = { memberId: 'm1', choice: 'against' as const, at: '2025-03-01T09:02:00.000Z', entryId: 'tablet-1' }
    const c = { memberId: 'm2', choice: 'abstain' as const, at: '2025-03-01T09:01:00.000Z', entryId: 'laptop-2' }
    const [m1, m2] = latestChoice([a, c, b])
    expect(m1).toEqual({ memberId: 'm1', choice: 'against', decidedBy: b, entries: [b, a], conflicting: [a] })
    expect(m2).toEqual({ memberId: 'm2', choice: 'abstain', decidedBy: c, entries: [c], conflicting: [] })
  })

  it('latestChoice: the same instant written two ways is a tie, broken by the greater entryId', () => {
    const a = { memberId: 'm1', choice: 'for' as const, at: '2025-03-01T09:00:00Z', entryId: 'b' }
    const b = { memberId: 'm1', choice: 'against' as const, at: '2025-03-01T09:00:00.000Z', entryId: 'a' }
    expect(latestChoice([a, b])[0]?.choice).toBe('for')
    expect(latestChoice([b, a])[0]?.choice).toBe('for')
  })

  it('latestChoice: the same choice entered on two devices is no conflict', () => {
    const a = { memberId: 'm1', choice: 'for' as const, at: '2025-03-01T09:00:00.000Z', entryId: 'x' }
    const b = { ...a, at: '2025-03-01T09:00:05.000Z', entryId: 'y' }
    expect(latestChoice([a, b])[0]).toMatchObject({ choice: 'for', decidedBy: b, conflicting: [] })
  })

  it('latestChoice: an unreadable time never overrides a readable one', () => {
    const a = { memberId: 'm1', choice: 'for' as const, at: '2025-03-01T09:00:00.000Z', entryId: 'a' }
    const b = { memberId: 'm1', choice: 'against' as const, at: 'garbled', entryId: 'z' }
    expect(latestChoice([b, a])[0]).toMatchObject({ choice: 'for', conflicting: [b] })
  })
})
