// The decision of a campaign at its deadline, as a frozen value: effective or void (relocation),
// passed or failed (renovation), with the figures it was decided on and the entries it knew. Once
// written it is the record; whatever reaches the campaign later is shown as late, never counted.
import { closesAt, closesAtMs, SIGNING_THRESHOLDS, type CampaignEntry, type CampaignSettings, type SigningThreshold } from './campaign'
import { consentResult } from './campaignRenovation'
import { signingState, type BuildingRate } from './campaignSigning'
import { instantMs, isInstant, isIsoDate, type IsoDate } from './dates'
import type { Household } from './household'
import { VOTE_OUTCOMES, type OwnerTally, type VoteResult } from './votes'

interface DecisionBase {
  decisionId: string
  deadline: IsoDate
  /** The instant the window closed (end of the deadline day, community time). */
  closesAt: string
  /** When it was decided (on or after closesAt), and by whom. */
  decidedAt: string
  decidedBy: string
  /** Every entry the deciding device held, sorted: an entry not in this list is late. */
  entryIds: string[]
}

export interface RelocationDecision extends DecisionBase {
  kind: 'relocation'
  /** effective: the roll's signed share reached the threshold at the deadline; void otherwise. */
  outcome: 'effective' | 'void'
  /** The rate, frozen: signed households out of the roll. */
  signed: number
  roll: number
  thresholdPercent: SigningThreshold
  required: number
  byBuilding: BuildingRate[]
}

export interface RenovationDecision extends DecisionBase {
  kind: 'renovation'
  outcome: 'passed' | 'failed'
  /** evaluateVote's result: the four art. 278 figures and the reasons. */
  result: VoteResult
  owners: OwnerTally
  /** Households of the roll that had no floor area (counted as 0 m²). */
  missingArea: number
}

export type CampaignDecision = RelocationDecision | RenovationDecision

export type DecideRefusal = 'windowOpen'

/**
 * Decides a campaign once its window has closed (now ≥ the end of the deadline day). Pure: the
 * caller stores the value once (doc/campaign.ts decide) and never recomputes it.
 */
export function decideCampaign(
  settings: CampaignSettings,
  households: readonly Household[],
  entries: readonly CampaignEntry[],
  now: string,
  by: { decisionId: string; decidedBy: string },
): { ok: true; decision: CampaignDecision } | { ok: false; reason: DecideRefusal } {
  const ms = instantMs(now)
  if (Number.isNaN(ms) || ms < closesAtMs(settings)) return { ok: false, reason: 'windowOpen' }
  const base: DecisionBase = {
    decisionId: by.decisionId,
    deadline: settings.deadline,
    closesAt: closesAt(settings),
    decidedAt: now,
    decidedBy: by.decidedBy,
    // Payments are not decided (they are collected after the decision), so they are never late.
    entryIds: entries
      .filter((e) => e.type !== 'payment')
      .map((e) => e.entryId)
      .sort(),
  }
  if (settings.kind === 'relocation') {
    const s = signingState(settings, households, entries, now)
    return {
      ok: true,
      decision: {
        ...base,
        kind: 'relocation',
        outcome: s.reached ? 'effective' : 'void',
        signed: s.rate.num,
        roll: s.rate.den,
        thresholdPercent: settings.thresholdPercent,
        required: s.required,
        byBuilding: s.byBuilding,
      },
    }
  }
  const c = consentResult(settings, households, entries)
  return {
    ok: true,
    decision: { ...base, kind: 'renovation', outcome: c.result.outcome === 'passed' ? 'passed' : 'failed', result: c.result, owners: c.owners, missingArea: c.missingArea.length },
  }
}

/** Of several decisions (two devices decided offline), the one that stands: the earliest, then the smaller id. */
export function standingDecision<D extends CampaignDecision>(decisions: readonly D[]): D | null {
  let best: D | null = null
  for (const d of decisions) {
    if (best === null) best = d
    else {
      const a = instantMs(d.decidedAt)
      const b = instantMs(best.decidedAt)
      if (a < b || (a === b && d.decisionId < best.decisionId)) best = d
    }
  }
  return best
}

// ---- reading a decision from the wire -----------------------------------------------------------

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

function isOwnerTally(v: unknown): v is OwnerTally {
  if (!isObj(v) || !isCount(v.totalOwners) || !isCount(v.totalAreaCentiM2)) return false
  return ['participating', 'for', 'against'].every((k) => {
    const g = v[k]
    return isObj(g) && isCount(g.owners) && isCount(g.areaCentiM2)
  })
}

/** Whether a stored value is a whole decision; anything else a replica holds is ignored. */
export function isCampaignDecision(v: unknown): v is CampaignDecision {
  if (!isObj(v)) return false
  if (typeof v.decisionId !== 'string' || v.decisionId === '' || !isIsoDate(v.deadline) || !isInstant(v.closesAt) || !isInstant(v.decidedAt)) return false
  if (typeof v.decidedBy !== 'string' || !isStrList(v.entryIds)) return false
  // A decision is made only once the window has closed.
  if (instantMs(v.decidedAt) < instantMs(v.closesAt)) return false
  if (v.kind === 'relocation') {
    return (
      (v.outcome === 'effective' || v.outcome === 'void') &&
      isCount(v.signed) &&
      isCount(v.roll) &&
      v.signed <= v.roll &&
      isCount(v.required) &&
      (SIGNING_THRESHOLDS as readonly unknown[]).includes(v.thresholdPercent) &&
      Array.isArray(v.byBuilding) &&
      v.byBuilding.every((b) => isObj(b) && typeof b.building === 'string' && isCount(b.signed) && isCount(b.total))
    )
  }
  if (v.kind === 'renovation') {
    const r = v.result
    return (
      (v.outcome === 'passed' || v.outcome === 'failed') &&
      isObj(r) &&
      (VOTE_OUTCOMES as readonly unknown[]).includes(r.outcome) &&
      isObj(r.counts) &&
      isOwnerTally(v.owners) &&
      isCount(v.missingArea)
    )
  }
  return false
}
