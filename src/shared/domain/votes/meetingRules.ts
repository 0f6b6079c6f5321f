// Which threshold rules a vote held in a meeting can use. The owners' rules (Civil Code arts. 278,
// 279: double majority of owners and floor area, unanimity of the affected owners) need figures a
// meeting vote does not collect, so they are not offered there and a vote cannot be opened with them;
// they remain for the council's settings and campaigns, where the figures exist.
import { THRESHOLD_RULES, type ThresholdRule } from '../council'
import { usesOwners } from './rules'

export const MEETING_VOTE_RULES: readonly ThresholdRule[] = THRESHOLD_RULES.filter((r) => !usesOwners(r))

export const isMeetingRule = (rule: ThresholdRule): boolean => MEETING_VOTE_RULES.includes(rule)
