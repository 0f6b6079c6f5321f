// Evaluating one vote: refuse impossible counts, apply the rule's threshold exactly, then the
// quorum, and say why in reason codes. Pure: the same snapshot gives the same result everywhere.
import { evaluateQuorum, type QuorumResult } from './quorum'
import { reaches, smallestReaching } from './fraction'
import { reason, type Reason } from './reasons'
import { RULES, type RuleDefinition } from './rules'
import { evaluateDoubleMajority, evaluateUnanimity } from './owners'
import { isCount, validateVote } from './validate'
import type { OwnerFigure, OwnerTally, VoteCounts, VoteInput, VoteResult } from './types'

interface Verdict {
  met: boolean
  of: number
  required: number | null
  figures?: OwnerFigure[]
  reasons: Reason[]
}

/** a − b when both are whole and a ≥ b; 0 otherwise, so a refused result never carries NaN or a negative. */
const diff = (a: number, b: number): number => (isCount(a) && isCount(b) && a >= b ? a - b : 0)

function countsOf(input: VoteInput): VoteCounts {
  const { members, present, recused, counts } = input
  const cast = counts.for + counts.against + counts.abstain
  return {
    for: counts.for,
    against: counts.against,
    abstain: counts.abstain,
    absent: diff(members, present),
    recused,
    notVoted: diff(diff(present, recused), cast),
  }
}

function simpleMajority(input: VoteInput): Verdict {
  const { for: f, against, abstain } = input.counts
  const params = { for: f, against, abstain }
  const met = f > against
  const code = met ? 'passedSimpleMajority' : f + against === 0 ? 'failedNoValidVotes' : f === against ? 'failedTie' : 'failedMoreAgainst'
  // for > against is "more than half of for + against"; the 'for' votes needed, given the against votes.
  return { met, of: f + against, required: against + 1, reasons: [reason(code, params)] }
}

function share(input: VoteInput, def: RuleDefinition): Verdict {
  const { present, recused, members } = input
  const ofPresent = def.denominator === 'eligible'
  const of = ofPresent ? present - recused : members
  const f = input.counts.for
  const required = smallestReaching(of, def.share)
  if (of === 0) return { met: false, of, required, reasons: [reason('failedNoEligibleVoters', { denominator: of, present, recused })] }
  const met = reaches(f, of, def.share)
  // Every share rule names both codes in RULES; the fallback only satisfies the optional type.
  const code = (met ? def.passed : def.failed) ?? (met ? 'passedMoreThanHalf' : 'failedNotMoreThanHalf')
  // Present rules carry present and recused beside the denominator: the minutes show who was left out and why.
  const params: Record<string, number> = ofPresent ? { for: f, denominator: of, required, present, recused } : { for: f, denominator: of, required }
  return { met, of, required, reasons: [reason(code, params)] }
}

function owners(input: VoteInput, tally: OwnerTally): Verdict {
  if (input.rule === 'unanimity_affected') {
    const affected = tally.affectedOwners ?? 0
    return { ...evaluateUnanimity(tally), of: affected, required: affected }
  }
  return { ...evaluateDoubleMajority(input.rule === 'double_majority_major', tally), of: tally.participating.owners, required: null }
}

function judge(input: VoteInput, def: RuleDefinition): Verdict {
  if (def.denominator === 'cast') return simpleMajority(input)
  if (def.denominator === 'owners') return owners(input, input.owners as OwnerTally) // present: validated
  return share(input, def)
}

function quorumAt(input: VoteInput): QuorumResult | null {
  const q = input.quorum
  if (!q) return null
  const counted = q.recusedCountForQuorum === false ? input.present - input.recused : input.present
  const computed = evaluateQuorum(q.rule, { members: input.members, present: counted })
  if (q.met === undefined || q.met === computed.met) return computed
  // The caller's verdict wins (it may know sign-in times we do not); the figures stay ours.
  const code = q.met ? 'quorumMet' : computed.reason.code === 'quorumNoMembers' ? 'quorumNoMembers' : 'quorumNotMet'
  return { ...computed, met: q.met, reason: reason(code, code === 'quorumNoMembers' ? computed.reason.params : { present: counted, required: computed.required, members: input.members }) }
}

/**
 * The outcome of one vote. 'rejected': the counts are impossible (the UI refuses them);
 * 'invalid': held without quorum, recorded but void, with what the threshold would have said;
 * otherwise 'passed' or 'failed' by the rule's exact threshold.
 */
export function evaluateVote(input: VoteInput): VoteResult {
  const def: RuleDefinition = RULES[input.rule] ?? RULES.simple_majority
  const counts = countsOf(input)
  const refused = validateVote(input)
  if (refused.length)
    return { outcome: 'rejected', rule: input.rule, denominator: def.denominator, counts, threshold: { ...def.share, of: 0, required: null }, thresholdMet: false, quorum: null, reasons: refused }

  const verdict = judge(input, def)
  const quorum = quorumAt(input)
  const valid = quorum === null || quorum.met
  const result: VoteResult = {
    outcome: !valid ? 'invalid' : verdict.met ? 'passed' : 'failed',
    rule: input.rule,
    denominator: def.denominator,
    counts,
    threshold: { ...def.share, of: verdict.of, required: verdict.required },
    thresholdMet: verdict.met,
    quorum,
    reasons: valid ? [...verdict.reasons, ...(quorum ? [quorum.reason] : [])] : [quorum.reason, ...verdict.reasons],
  }
  if (verdict.figures) result.figures = verdict.figures
  return result
}
