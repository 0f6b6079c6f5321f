// Refusing impossible counts before any threshold is applied: the app "refuses counts that
// exceed the eligible voters present" (outcome 'rejected') instead of recording a wrong result.
import { areaToText } from '../member'
import { QUORUM_RULES, THRESHOLD_RULES, type ThresholdRule } from '../council'
import { reason, type Reason, type VoteField } from './reasons'
import { usesOwners } from './rules'
import type { OwnerTally, VoteInput } from './types'

/** A count or an area: a safe whole number, zero or more. */
export const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

function notWhole(fields: ReadonlyArray<readonly [VoteField, unknown]>): Reason[] {
  return fields.filter(([, v]) => !isCount(v)).map(([field, v]) => reason('countNotWholeNumber', { field, value: String(v) }))
}

/** Every reason to refuse the input, the first being the one to show; empty when it can be evaluated. */
export function validateVote(input: VoteInput): Reason[] {
  if (!THRESHOLD_RULES.includes(input.rule)) return [reason('ruleUnknown', { rule: String(input.rule) })]
  if (input.quorum && !QUORUM_RULES.includes(input.quorum.rule)) return [reason('ruleUnknown', { rule: String(input.quorum.rule) })]
  const { members, present, recused, counts } = input
  // Comparisons between numbers that are not whole are meaningless: stop at the first kind of error.
  const bad = notWhole([
    ['members', members],
    ['present', present],
    ['recused', recused],
    ['for', counts.for],
    ['against', counts.against],
    ['abstain', counts.abstain],
  ])
  if (bad.length) return bad
  const out: Reason[] = []
  if (present > members) out.push(reason('presentExceedsMembers', { present, members }))
  if (recused > present) out.push(reason('recusedExceedsPresent', { recused, present }))
  else {
    const cast = counts.for + counts.against + counts.abstain
    const eligible = present - recused
    if (cast > eligible) out.push(reason('countsExceedEligible', { cast, eligible, present, recused }))
  }
  if (usesOwners(input.rule)) out.push(...validateOwners(input.rule, input.owners))
  return out
}

function validateOwners(rule: ThresholdRule, owners: OwnerTally | undefined): Reason[] {
  if (!owners) return [reason('ownersRequired', { rule })]
  const unanimity = rule === 'unanimity_affected'
  const { totalOwners, totalAreaCentiM2: totalArea, participating: p, for: f, against: a } = owners
  const bad = notWhole([
    ['totalOwners', totalOwners],
    ['totalArea', totalArea],
    ['participatingOwners', p.owners],
    ['participatingArea', p.areaCentiM2],
    ['forOwners', f.owners],
    ['forArea', f.areaCentiM2],
    ['againstOwners', a.owners],
    ['againstArea', a.areaCentiM2],
    ...(unanimity && owners.affectedOwners !== undefined ? [['affectedOwners', owners.affectedOwners] as const] : []),
  ])
  if (bad.length) return bad
  const out: Reason[] = []
  const m2 = areaToText
  // Shares of an unknown whole cannot be computed; unanimity counts heads only, so area may be unknown.
  if (totalOwners === 0 || (!unanimity && totalArea === 0)) out.push(reason('ownerTotalsMissing', { totalOwners, totalArea: m2(totalArea) }))
  if (p.owners > totalOwners) out.push(reason('participatingOwnersExceedTotal', { participatingOwners: p.owners, totalOwners }))
  if (p.areaCentiM2 > totalArea) out.push(reason('participatingAreaExceedsTotal', { participatingArea: m2(p.areaCentiM2), totalArea: m2(totalArea) }))
  if (f.owners + a.owners > p.owners)
    out.push(reason('ownerVotesExceedParticipating', { forOwners: f.owners, againstOwners: a.owners, participatingOwners: p.owners }))
  if (f.areaCentiM2 + a.areaCentiM2 > p.areaCentiM2)
    out.push(reason('ownerAreaExceedsParticipating', { forArea: m2(f.areaCentiM2), againstArea: m2(a.areaCentiM2), participatingArea: m2(p.areaCentiM2) }))
  // Area belongs to someone: area with no owner behind it is a typing slip (an owner's area may be 0, not the reverse).
  for (const [field, group] of [['participatingArea', p], ['forArea', f], ['againstArea', a]] as const) {
    if (group.owners === 0 && group.areaCentiM2 > 0) out.push(reason('ownerAreaWithoutOwners', { field }))
  }
  if (unanimity) {
    const affected = owners.affectedOwners
    // Unanimity of nobody is not a decision: the number of affected owners must be known.
    if (affected === undefined || affected === 0) out.push(reason('affectedOwnersRequired'))
    else {
      if (affected > totalOwners) out.push(reason('affectedExceedsTotal', { affectedOwners: affected, totalOwners }))
      if (f.owners > affected) out.push(reason('forExceedsAffected', { forOwners: f.owners, affectedOwners: affected }))
    }
  }
  return out
}
