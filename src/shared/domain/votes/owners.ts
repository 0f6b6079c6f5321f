// The owners' rules of the Civil Code: double majority (art. 278) and unanimity of the affected
// owners (art. 279), over owners and exclusive floor area in exact hundredths of m².
import { areaToText } from '../member'
import { ALL_OF, reaches, smallestReaching, type Share } from './fraction'
import { reason, type Reason } from './reasons'
import { PARTICIPATION_SHARE, RULES } from './rules'
import type { FigureName, OwnerFigure, OwnerTally } from './types'

function figure(name: FigureName, value: number, of: number, share: Share): OwnerFigure {
  return { name, value, of, ...share, required: smallestReaching(of, share), met: reaches(value, of, share) }
}

export interface OwnersVerdict {
  met: boolean
  figures?: OwnerFigure[]
  reasons: Reason[]
}

/**
 * Participation by at least 2/3 of the area and 2/3 of the owners, then approval by more than half
 * (ordinary) or at least 3/4 (major: the maintenance fund, rebuilding, changing common parts) of
 * the participating area and participating owners. All four figures are always computed, so the
 * screen can show each against its threshold; every unmet one is a reason, participation first.
 */
export function evaluateDoubleMajority(major: boolean, owners: OwnerTally): OwnersVerdict {
  const approval = RULES[major ? 'double_majority_major' : 'double_majority_ordinary'].share
  const { participating: p, for: f } = owners
  const figures = [
    figure('participationArea', p.areaCentiM2, owners.totalAreaCentiM2, PARTICIPATION_SHARE),
    figure('participationOwners', p.owners, owners.totalOwners, PARTICIPATION_SHARE),
    figure('approvalArea', f.areaCentiM2, p.areaCentiM2, approval),
    figure('approvalOwners', f.owners, p.owners, approval),
  ] as const
  const [pa, po, aa, ao] = figures
  const m2 = areaToText
  const reasons: Reason[] = []
  if (!pa.met) reasons.push(reason('participationAreaNotMet', { participatingArea: m2(pa.value), totalArea: m2(pa.of), requiredArea: m2(pa.required) }))
  if (!po.met) reasons.push(reason('participationOwnersNotMet', { participatingOwners: po.value, totalOwners: po.of, requiredOwners: po.required }))
  if (!aa.met)
    reasons.push(reason(major ? 'approvalAreaNotThreeQuarters' : 'approvalAreaNotMoreThanHalf', { forArea: m2(aa.value), participatingArea: m2(aa.of), requiredArea: m2(aa.required) }))
  if (!ao.met)
    reasons.push(reason(major ? 'approvalOwnersNotThreeQuarters' : 'approvalOwnersNotMoreThanHalf', { forOwners: ao.value, participatingOwners: ao.of, requiredOwners: ao.required }))
  const met = reasons.length === 0
  if (met)
    reasons.push(
      reason(major ? 'passedDoubleMajorityMajor' : 'passedDoubleMajorityOrdinary', {
        forOwners: f.owners,
        participatingOwners: p.owners,
        forArea: m2(f.areaCentiM2),
        participatingArea: m2(p.areaCentiM2),
      }),
    )
  return { met, figures: [...figures], reasons }
}

/** Every affected owner agrees (一致同意); one missing is enough to fail. */
export function evaluateUnanimity(owners: OwnerTally): OwnersVerdict {
  const affected = owners.affectedOwners ?? 0
  const forOwners = owners.for.owners
  const met = reaches(forOwners, affected, ALL_OF)
  return {
    met,
    reasons: [
      met
        ? reason('passedUnanimity', { forOwners, affectedOwners: affected })
        : reason('failedNotUnanimous', { forOwners, affectedOwners: affected, missing: Math.max(0, affected - forOwners) }),
    ],
  }
}
