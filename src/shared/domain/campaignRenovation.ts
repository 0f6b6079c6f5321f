// Self-managed renovation (自治改造): each owner's consent decided from all its entries, the Civil
// Code art. 278 double majority over the roll (by evaluateVote, never re-implemented here), the
// contributions (自筹) shared EXACTLY by floor area, and the payments against them.
import { campaignRoll, compareCampaignEntries, entryRefusal, type CampaignEntry, type CampaignSettings, type ConsentChoice, type ConsentEntry, type ContributionPlan, type PaymentEntry } from './campaign'
import type { EntryVerdict } from './campaignSigning'
import type { Household, HouseholdId } from './household'
import { evaluateVote, type OwnerTally, type VoteResult } from './votes'

export interface HouseholdConsent {
  household: Household
  /** The latest counted entry's choice; null when none counted (the owner has not answered). */
  choice: ConsentChoice | null
  decidedBy: ConsentEntry | null
  /** Every consent entry for the household, newest first. */
  entries: EntryVerdict<ConsentEntry>[]
  /** Counted entries on the deciding entry's day with another choice (two devices disagreed): to confirm. */
  conflicting: ConsentEntry[]
}

export interface ConsentState {
  /** evaluateVote's result under double_majority_ordinary or _major: all four figures against their thresholds. */
  result: VoteResult
  owners: OwnerTally
  households: HouseholdConsent[]
  /** Households of the roll without a floor area: counted as 0 m², so the area figures are provisional. */
  missingArea: HouseholdId[]
  stray: EntryVerdict[]
}

const PARTICIPATES: Record<ConsentChoice, boolean> = { agree: true, disagree: true, abstain: true, notTakingPart: false }

/**
 * Art. 278 over the roll: one owner per household (the exclusive part is the unit of the headcount),
 * the household's exclusive floor area. Participation: agree, disagree or abstain; approval: agree.
 */
export function consentResult(settings: CampaignSettings, households: readonly Household[], entries: readonly CampaignEntry[]): ConsentState {
  const roll = campaignRoll(settings, households)
  const onRoll = new Set<string>(roll.map((h) => h.id))
  const byHousehold = new Map<string, ConsentEntry[]>()
  const stray: EntryVerdict[] = []
  for (const e of entries) {
    if (e.type === 'payment' && onRoll.has(e.householdId)) continue // payments: see payments()
    if (e.type !== 'consent' || !onRoll.has(e.householdId)) {
      stray.push({ entry: e, counted: false, refusal: entryRefusal(settings, onRoll, e) ?? 'wrongCampaignKind' })
      continue
    }
    const list = byHousehold.get(e.householdId)
    if (list) list.push(e)
    else byHousehold.set(e.householdId, [e])
  }
  stray.sort((a, b) => compareCampaignEntries(b.entry, a.entry))

  const tally = { total: { owners: 0, area: 0 }, participating: { owners: 0, area: 0 }, agree: { owners: 0, area: 0 }, disagree: { owners: 0, area: 0 }, abstain: 0 }
  const out: HouseholdConsent[] = []
  const missingArea: HouseholdId[] = []
  for (const h of roll) {
    const verdicts = [...(byHousehold.get(h.id) ?? [])].sort(compareCampaignEntries).map((entry): EntryVerdict<ConsentEntry> => {
      const refusal = entryRefusal(settings, onRoll, entry)
      return { entry, counted: refusal === null, refusal }
    })
    const counted = verdicts.filter((v) => v.counted).map((v) => v.entry)
    const decidedBy = counted[counted.length - 1] ?? null
    const choice = decidedBy?.choice ?? null
    const conflicting = decidedBy ? counted.filter((e) => e.date === decidedBy.date && e.choice !== decidedBy.choice) : []
    out.push({ household: h, choice, decidedBy, entries: verdicts.reverse(), conflicting })
    const area = h.areaCentiM2 ?? 0
    if (h.areaCentiM2 === null) missingArea.push(h.id)
    tally.total.owners++
    tally.total.area += area
    if (choice === null || !PARTICIPATES[choice]) continue
    tally.participating.owners++
    tally.participating.area += area
    if (choice === 'agree') {
      tally.agree.owners++
      tally.agree.area += area
    } else if (choice === 'disagree') {
      tally.disagree.owners++
      tally.disagree.area += area
    } else tally.abstain++
  }

  const owners: OwnerTally = {
    totalOwners: tally.total.owners,
    totalAreaCentiM2: tally.total.area,
    participating: { owners: tally.participating.owners, areaCentiM2: tally.participating.area },
    for: { owners: tally.agree.owners, areaCentiM2: tally.agree.area },
    against: { owners: tally.disagree.owners, areaCentiM2: tally.disagree.area },
  }
  // Members are the owners, those present the participants: evaluateVote checks the counts and
  // applies the four figures; no quorum beyond art. 278's own participation figures.
  const result = evaluateVote({
    rule: settings.matter === 'major' ? 'double_majority_major' : 'double_majority_ordinary',
    quorum: null,
    members: owners.totalOwners,
    present: owners.participating.owners,
    recused: 0,
    counts: { for: tally.agree.owners, against: tally.disagree.owners, abstain: tally.abstain },
    owners,
  })
  return { result, owners, households: out, missingArea, stray }
}

// ---- contributions ----------------------------------------------------------------------------

export interface Contribution {
  householdId: HouseholdId
  areaCentiM2: number
  dueFen: number
}

export interface ContributionsResult {
  /** What the households owe in all: exactly the sum of dueFen. */
  totalFen: number
  perHousehold: Contribution[]
  /** Households without a floor area: they owe nothing until it is entered. */
  missingArea: HouseholdId[]
}

/**
 * Shares `total` among weights in proportion, in whole units, summing EXACTLY to `total`: each gets
 * the floor of its exact quota, and the units left over go one each to the largest remainders, ties
 * to the smaller id (largest remainder, Hamilton's method). Exact in bigint.
 */
export function shareByLargestRemainder(total: bigint, weights: readonly { id: string; weight: bigint }[]): Map<string, bigint> {
  const sum = weights.reduce((s, w) => s + w.weight, 0n)
  const out = new Map<string, bigint>()
  if (sum === 0n || total === 0n) {
    for (const w of weights) out.set(w.id, 0n)
    return out
  }
  const parts = weights.map((w) => ({ id: w.id, floor: (total * w.weight) / sum, rem: (total * w.weight) % sum }))
  let left = total - parts.reduce((s, p) => s + p.floor, 0n)
  const order = [...parts].sort((a, b) => (a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const p of order) {
    if (left === 0n) break
    p.floor += 1n
    left -= 1n
  }
  for (const p of parts) out.set(p.id, p.floor)
  return out
}

/**
 * Per-household contributions over the roll. perM2: the total is Σ area × rate, rounded half up to
 * the fen once (areas are in hundredths of m²), then shared by area; total: the given sum shared by
 * area. Either way the amounts sum to the total exactly.
 */
export function contributions(roll: readonly Household[], plan: ContributionPlan): ContributionsResult {
  const missingArea = roll.filter((h) => h.areaCentiM2 === null).map((h) => h.id)
  const weights = roll.map((h) => ({ id: h.id as string, weight: BigInt(h.areaCentiM2 ?? 0) }))
  const area = weights.reduce((s, w) => s + w.weight, 0n)
  let total = 0n
  if (plan.mode === 'perM2') total = (area * BigInt(plan.fenPerM2) + 50n) / 100n
  else if (plan.mode === 'total') total = area > 0n ? BigInt(plan.totalFen) : 0n
  const shares = shareByLargestRemainder(total, weights)
  return {
    totalFen: Number(total),
    perHousehold: roll.map((h) => ({ householdId: h.id, areaCentiM2: h.areaCentiM2 ?? 0, dueFen: Number(shares.get(h.id) ?? 0n) })),
    missingArea,
  }
}

export interface HouseholdPayments {
  householdId: HouseholdId
  dueFen: number
  paidFen: number
  /** due − paid; negative when overpaid. */
  outstandingFen: number
  /** Every payment entry for the household, newest first (a refund or correction is negative). */
  payments: PaymentEntry[]
}

export interface PaymentsState {
  totalDueFen: number
  totalPaidFen: number
  perHousehold: HouseholdPayments[]
  /** Payments for households not on the roll: kept, shown, not counted. */
  stray: PaymentEntry[]
}

/** Payments recorded against the contributions: every entry counts (each is a receipt), summed exactly. */
export function payments(settings: CampaignSettings, households: readonly Household[], entries: readonly CampaignEntry[]): PaymentsState {
  const roll = campaignRoll(settings, households)
  const due = contributions(roll, settings.contribution)
  const byHousehold = new Map<string, PaymentEntry[]>()
  const stray: PaymentEntry[] = []
  const onRoll = new Set<string>(roll.map((h) => h.id))
  for (const e of entries) {
    if (e.type !== 'payment') continue
    if (!onRoll.has(e.householdId)) stray.push(e)
    else byHousehold.set(e.householdId, [...(byHousehold.get(e.householdId) ?? []), e])
  }
  let totalPaid = 0
  const perHousehold = due.perHousehold.map((c): HouseholdPayments => {
    const list = [...(byHousehold.get(c.householdId) ?? [])].sort((a, b) => compareCampaignEntries(b, a))
    const paidFen = list.reduce((s, p) => s + p.amountFen, 0)
    totalPaid += paidFen
    return { householdId: c.householdId, dueFen: c.dueFen, paidFen, outstandingFen: c.dueFen - paidFen, payments: list }
  })
  return { totalDueFen: due.totalFen, totalPaidFen: totalPaid, perHousehold, stray: stray.sort((a, b) => compareCampaignEntries(b, a)) }
}
