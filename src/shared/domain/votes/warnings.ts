// What a vote's counts say before (and after) they are frozen: nobody voted, only abstentions, or
// more votes than voters. ONE rule, used by the announce step on the screen, the self-check and the
// street office's checklist, so the three never disagree about whether a result needs a second look.
import { THRESHOLD_RULES, type ThresholdRule } from '../council'
import type { BallotCounts } from './ballots'
import { usesOwners } from './rules'

export const VOTE_WARNING_CODES = ['noVotesCast', 'noValidVotes', 'countsExceedEligible'] as const
/**
 * noVotesCast: for + against + abstain = 0 (e.g. counts never entered);
 * noValidVotes: only abstentions (abstentions are not valid votes, domain.md 2.8);
 * countsExceedEligible: more votes than voters eligible (present, not recused): cannot be right.
 */
export type VoteWarningCode = (typeof VOTE_WARNING_CODES)[number]

export interface VoteWarning {
  code: VoteWarningCode
  /** Figures for the sentence: cast, eligible, abstain. */
  params: Record<string, number>
  /** true: the counts cannot be right, so they must not be frozen. */
  blocking: boolean
}

const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/**
 * The warnings for these counts out of `eligible` voters. Counts that are not whole numbers are
 * the validator's business (validate.ts); here they give no warning rather than a wrong one.
 */
export function voteWarnings(counts: BallotCounts, eligible: number): VoteWarning[] {
  const { for: f, against: a, abstain: ab } = counts
  if (![f, a, ab, eligible].every(whole)) return []
  const cast = f + a + ab
  const out: VoteWarning[] = []
  if (cast > eligible) out.push({ code: 'countsExceedEligible', params: { cast, eligible }, blocking: true })
  if (cast === 0) out.push({ code: 'noVotesCast', params: { cast, eligible }, blocking: false })
  else if (f + a === 0) out.push({ code: 'noValidVotes', params: { cast, eligible, abstain: ab }, blocking: false })
  return out
}

/**
 * The warnings for a result (to be frozen, or frozen): under an owners' rule the owners' figures
 * decide, so "nobody voted" reads the participating owners; otherwise the counts, as voteWarnings.
 */
export function resultWarnings(result: { rule: ThresholdRule | string; counts: BallotCounts; figures?: readonly { name: string; value: number }[] | unknown }, eligible: number): VoteWarning[] {
  // A frozen result from a bundle may name a rule this version does not know: judged by its counts.
  const owners = (THRESHOLD_RULES as readonly string[]).includes(result.rule) && usesOwners(result.rule as ThresholdRule)
  if (!owners) return voteWarnings(result.counts, eligible)
  // Read defensively: a bundle's frozen result is any JSON.
  const figures = Array.isArray(result.figures) ? (result.figures as unknown[]) : []
  const found = figures.find((f): f is { value?: unknown } => typeof f === 'object' && f !== null && (f as { name?: unknown }).name === 'participationOwners')
  const participating = found?.value
  return participating === 0 ? [{ code: 'noVotesCast', params: { cast: 0, eligible }, blocking: false }] : []
}

/** Whether any warning means the counts cannot be frozen as they stand. */
export const blocksAnnounce = (warnings: readonly VoteWarning[]): boolean => warnings.some((w) => w.blocking)
