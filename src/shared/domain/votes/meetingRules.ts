// Which threshold rules a vote held in a meeting can use, by method. The owners' rules (Civil Code
// arts. 278, 279: double majority of owners and floor area, unanimity of the affected owners) need
// owners' figures: a roll call computes them from who voted and each member's floor area, a show
// of hands takes them as typed (doc/voteOwnersRead.ts). A secret ballot has neither (who voted
// what is not known, and typing figures would defeat it), so there they are not offered.
import { THRESHOLD_RULES, type ThresholdRule } from '../council'
import { usesOwners } from './rules'

export const OWNER_RULE_METHODS = ['hands', 'roll_call'] as const

/** The rules a vote by `method` may use. */
export function rulesForMethod(method: string): readonly ThresholdRule[] {
  return (OWNER_RULE_METHODS as readonly string[]).includes(method) ? THRESHOLD_RULES : THRESHOLD_RULES.filter((r) => !usesOwners(r))
}

export const isMeetingRule = (rule: ThresholdRule, method: string): boolean => rulesForMethod(method).includes(rule)
