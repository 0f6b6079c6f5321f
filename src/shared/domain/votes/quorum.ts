// Quorum (domain.md 2.3): is the share of members present enough for the meeting to decide?
import { QUORUM_RULES, type QuorumRule } from '../council'
import { AT_LEAST_TWO_THIRDS, MORE_THAN_HALF, reaches, smallestReaching, type Share } from './fraction'
import { reason, type Reason } from './reasons'

/** more than half: present·2 > members; at least two thirds: present·3 ≥ members·2. */
export const QUORUM_SHARES: Readonly<Record<QuorumRule, Share>> = {
  more_than_half: MORE_THAN_HALF,
  at_least_two_thirds: AT_LEAST_TWO_THIRDS,
}

export interface QuorumInput {
  /** Voting members on the register that day; observers excluded (they never count, domain.md 1). */
  members: number
  /**
   * Present members counting for quorum at this moment. Whether recused members count is a
   * council setting (domain.md 2.6): the caller decides and passes the number.
   */
  present: number
}

export interface QuorumResult {
  met: boolean
  /** The smallest headcount that meets the quorum (at least 1). */
  required: number
  present: number
  members: number
  /** quorumMet / quorumNotMet / quorumNoMembers, or why the numbers were refused. */
  reason: Reason
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

export function evaluateQuorum(rule: QuorumRule, input: QuorumInput): QuorumResult {
  const { members, present } = input
  const share = QUORUM_RULES.includes(rule) ? QUORUM_SHARES[rule] : undefined
  const required = share && isCount(members) ? smallestReaching(members, share) : 1
  const result = (met: boolean, r: Reason): QuorumResult => ({ met, required, present, members, reason: r })
  // Refused numbers never meet a quorum: a wrong count must not make a vote valid.
  if (!share) return result(false, reason('ruleUnknown', { rule: String(rule) }))
  for (const [field, value] of [['members', members], ['present', present]] as const) {
    if (!isCount(value)) return result(false, reason('countNotWholeNumber', { field, value: String(value) }))
  }
  if (present > members) return result(false, reason('presentExceedsMembers', { present, members }))
  // A register with nobody on it has no quorum to meet.
  if (members === 0) return result(false, reason('quorumNoMembers', { members }))
  const met = reaches(present, members, share)
  return result(met, reason(met ? 'quorumMet' : 'quorumNotMet', { present, required, members }))
}
