// The pure rules of household campaigns (issue 7): the signing rate against its threshold exactly,
// entries after the deadline, the entry-decides order, the daily series, the decision at the
// deadline, the art. 278 double majority of a renovation, and contributions that sum exactly.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  campaignRoll,
  closesAt,
  defaultCampaignSettings,
  entryRefusal,
  windowState,
  type CampaignEntry,
  type CampaignSettings,
  type ConsentChoice,
  type SigningThreshold,
} from '../../src/shared/domain/campaign'
import { decideCampaign, isCampaignDecision, standingDecision, type RelocationDecision } from '../../src/shared/domain/campaignDecision'
import { consentResult, contributions, payments, shareByLargestRemainder } from '../../src/shared/domain/campaignRenovation'
import { rateBasisPoints, signingState } from '../../src/shared/domain/campaignSigning'
import type { Household, HouseholdId } from '../../src/shared/domain/household'

const START = '2025-03-01'
const DEADLINE = '2025-03-31'
/** 2025-03-31 24:00 in Beijing. */
const CLOSES = '2025-03-31T16:00:00.000Z'
const AFTER = '2025-04-01T01:00:00.000Z'

const hid = (i: number) => `h${String(i).padStart(6, '0')}-0000-4000-8000-000000000000` as HouseholdId

function households(n: number, over: (i: number) => Partial<Household> = () => ({})): Household[] {
  return Array.from({ length: n }, (_, i) => ({
    id: hid(i),
    building: String(1 + (i % 4)),
    unit: '1',
    room: String(101 + i),
    owner: `业主${i}`,
    tenant: '',
    areaCentiM2: 6000 + ((i * 37) % 5000),
    phone: '',
    addedOn: '2025-01-01',
    removedOn: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over(i),
  }))
}

function relocation(over: Partial<CampaignSettings> = {}): CampaignSettings {
  return { ...defaultCampaignSettings('relocation', START, DEADLINE), title: '棚改模拟搬迁', ...over }
}
function renovation(over: Partial<CampaignSettings> = {}): CampaignSettings {
  return { ...defaultCampaignSettings('renovation', START, DEADLINE), title: '院落改造', ...over }
}

let seq = 0
/** An entry on `date`, recorded at 10:00 Beijing that day unless `at` says otherwise. */
function entry(type: 'sign' | 'withdraw', householdId: HouseholdId, date: string, over: Partial<CampaignEntry> = {}): CampaignEntry {
  seq++
  return { entryId: `e${String(seq).padStart(8, '0')}`, type, householdId, date, at: `${date}T02:00:00.000Z`, recordedBy: '李秘书', device: 'A', agent: null, ...over } as CampaignEntry
}
function consent(householdId: HouseholdId, choice: ConsentChoice, date = '2025-03-05'): CampaignEntry {
  seq++
  return { entryId: `c${String(seq).padStart(8, '0')}`, type: 'consent', choice, householdId, date, at: `${date}T02:00:00.000Z`, recordedBy: '李秘书', device: 'A', agent: null }
}
const signAll = (hs: readonly Household[], date = '2025-03-10') => hs.map((h) => entry('sign', h.id, date))

describe('the signing rate against the threshold, exactly', () => {
  it.each([
    [90, 200, 180, true],
    [90, 200, 179, false],
    [95, 200, 190, true],
    [95, 200, 189, false],
    [100, 200, 200, true],
    [100, 200, 199, false],
    [90, 3, 3, true], // 90 % of 3 is 2.7: needs 3
    [90, 3, 2, false],
    [95, 21, 20, true], // 95 % of 21 is 19.95
    [95, 21, 19, false],
  ] as const)('%i %% of %i: %i signed reached = %s', (percent, n, signed, reached) => {
    const hs = households(n)
    const s = relocation({ thresholdPercent: percent as SigningThreshold })
    const state = signingState(s, hs, signAll(hs.slice(0, signed)), AFTER)
    expect(state.rate).toEqual({ num: signed, den: n })
    expect(state.reached).toBe(reached)
    const d = decideCampaign(s, hs, signAll(hs.slice(0, signed)), AFTER, { decisionId: 'd1', decidedBy: '李' })
    expect(d.ok && d.decision.kind === 'relocation' && d.decision.outcome).toBe(reached ? 'effective' : 'void')
  })

  it('agrees with a bigint reference for any roll, threshold and count (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.constantFrom<SigningThreshold>(90, 95, 100), fc.nat(), (n, percent, k) => {
        const signed = k % (n + 1)
        const hs = households(n)
        const state = signingState(relocation({ thresholdPercent: percent }), hs, signAll(hs.slice(0, signed)), AFTER)
        expect(state.reached).toBe(BigInt(signed) * 100n >= BigInt(n) * BigInt(percent))
        expect(state.required).toBe(Number((BigInt(n) * BigInt(percent) + 99n) / 100n))
        expect(state.unsigned).toHaveLength(n - signed)
      }),
      { numRuns: 200 },
    )
  })

  it('shows the rate rounded down, never a threshold it did not reach', () => {
    expect(rateBasisPoints({ num: 2699, den: 2999 })).toBe(8999) // 89.9966 %: shown as 89.99 %, not 90.00 %
    expect(rateBasisPoints({ num: 180, den: 200 })).toBe(9000)
    expect(rateBasisPoints({ num: 0, den: 0 })).toBeNull()
  })

  it('an empty roll never reaches anything', () => {
    const state = signingState(relocation(), [], [], AFTER)
    expect(state.rate).toEqual({ num: 0, den: 0 })
    expect(state.reached).toBe(false)
  })
})

describe('the roll (the denominator): the register on the first day of the window', () => {
  it('leaves out households added after the start or removed before it, and other buildings', () => {
    const hs = households(8, (i) =>
      i === 0 ? { addedOn: '2025-03-02' } : i === 1 ? { removedOn: '2025-03-01' } : i === 2 ? { removedOn: '2025-03-02' } : i === 3 ? { addedOn: START } : {},
    )
    const ids = new Set(campaignRoll(relocation(), hs).map((h) => h.id))
    expect(ids).toEqual(new Set([hid(2), hid(3), hid(4), hid(5), hid(6), hid(7)]))
    const scoped = campaignRoll(relocation({ buildings: ['１'] }), hs) // width-folded: １ is 1
    expect(scoped.every((h) => h.building === '1')).toBe(true)
    // An entry for a household off the roll is kept, shown, never counted.
    const state = signingState(relocation(), hs, [entry('sign', hid(0), '2025-03-05')], AFTER)
    expect(state.rate.num).toBe(0)
    expect(state.stray.map((v) => v.refusal)).toEqual(['householdNotOnRoll'])
  })
})

describe('entries and the deadline', () => {
  const hs = households(4)
  const s = relocation()
  const onRoll = new Set<string>(hs.map((h) => h.id))

  it('refuses a withdrawal after the deadline, by date or by the time it was recorded', () => {
    expect(entryRefusal(s, onRoll, entry('withdraw', hid(0), '2025-04-01'))).toBe('afterDeadline')
    // Dated the deadline day but typed in the next morning: still after the deadline.
    expect(entryRefusal(s, onRoll, entry('withdraw', hid(0), DEADLINE, { at: '2025-03-31T16:00:00.000Z' }))).toBe('afterDeadline')
    expect(entryRefusal(s, onRoll, entry('withdraw', hid(0), DEADLINE, { at: '2025-03-31T15:59:59.999Z' }))).toBeNull()
    const state = signingState(s, hs, [entry('sign', hid(0), '2025-03-05'), entry('withdraw', hid(0), '2025-04-01')], AFTER)
    expect(state.households[0]?.status).toBe('signed')
    expect(state.households[0]?.entries[0]).toMatchObject({ counted: false, refusal: 'afterDeadline' })
    expect(state.rate.num).toBe(1)
  })

  it('refuses signatures after the deadline, before the window, and dated after they were recorded', () => {
    expect(entryRefusal(s, onRoll, entry('sign', hid(0), '2025-04-01'))).toBe('afterDeadline')
    expect(entryRefusal(s, onRoll, entry('sign', hid(0), '2025-02-28'))).toBe('beforeWindow')
    expect(entryRefusal(s, onRoll, entry('sign', hid(0), '2025-03-20', { at: '2025-03-10T02:00:00.000Z' }))).toBe('datedAfterRecorded')
    // 07:00 Beijing on the 20th is 23:00 UTC on the 19th: the community's day decides.
    expect(entryRefusal(s, onRoll, entry('sign', hid(0), '2025-03-20', { at: '2025-03-19T23:00:00.000Z' }))).toBeNull()
  })

  it('ignores withdrawals when they are not allowed, and withdrawals of nothing', () => {
    const none = signingState(relocation({ withdrawalAllowed: false }), hs, [entry('sign', hid(0), '2025-03-05'), entry('withdraw', hid(0), '2025-03-06')], AFTER)
    expect(none.households[0]?.status).toBe('signed')
    expect(none.households[0]?.entries[0]?.refusal).toBe('withdrawalNotAllowed')
    const nothing = signingState(s, hs, [entry('withdraw', hid(1), '2025-03-06')], AFTER)
    expect(nothing.households.find((h) => h.household.id === hid(1))?.entries[0]?.refusal).toBe('notSigned')
  })

  it('decides by the day it happened, then the time recorded, then the entry id; every entry stays visible', () => {
    // A paper form typed in on the 9th for a signature of the 4th comes before a withdrawal of the 5th.
    const late = entry('sign', hid(0), '2025-03-04', { at: '2025-03-09T02:00:00.000Z' })
    const w = entry('withdraw', hid(0), '2025-03-05')
    const first = entry('sign', hid(0), '2025-03-02')
    const state = signingState(s, hs, [w, late, first], AFTER)
    const h0 = state.households[0]
    expect(h0?.status).toBe('withdrawn')
    expect(h0?.decidedBy?.entryId).toBe(w.entryId)
    expect(h0?.entries.map((v) => v.entry.entryId)).toEqual([w.entryId, late.entryId, first.entryId])
    // Same day, same instant: the greater entry id decides, on every device.
    const a = entry('sign', hid(1), '2025-03-07', { entryId: 'zzz-1', device: 'A' })
    const b = entry('withdraw', hid(1), '2025-03-07', { entryId: 'aaa-1', device: 'B', at: a.at })
    const same = signingState(s, hs, [entry('sign', hid(1), '2025-03-06'), a, b], AFTER).households[1]
    expect(same?.decidedBy?.entryId).toBe('zzz-1')
    expect(same?.conflicting.map((e) => e.entryId)).toEqual(['aaa-1'])
  })

  it('gives the same state whatever order the entries arrive in (property)', () => {
    const many = households(6)
    const arb = fc.array(
      fc.record({ type: fc.constantFrom<'sign' | 'withdraw'>('sign', 'withdraw'), h: fc.nat({ max: 5 }), day: fc.integer({ min: 0, max: 33 }), minute: fc.nat({ max: 3 }) }),
      { maxLength: 30 },
    )
    fc.assert(
      fc.property(arb, fc.infiniteStream(fc.nat()), (specs, rnd) => {
        const entries = specs.map((x, i) => {
          const date = new Date(Date.UTC(2025, 1, 27 + x.day)).toISOString().slice(0, 10)
          return entry(x.type, hid(x.h), date, { entryId: `p${String(i).padStart(4, '0')}`, at: `${date}T02:0${x.minute}:00.000Z` })
        })
        const shuffled = [...entries].sort(() => (rnd.next().value % 3) - 1)
        const a = signingState(s, many, entries, AFTER)
        const b = signingState(s, many, shuffled, AFTER)
        expect(b.rate).toEqual(a.rate)
        expect(b.daily).toEqual(a.daily)
        expect(b.households.map((h) => [h.status, h.decidedBy?.entryId])).toEqual(a.households.map((h) => [h.status, h.decidedBy?.entryId]))
        // The daily series ends where the rate is once the window has closed.
        expect(a.daily.at(-1)?.signed).toBe(a.rate.num)
        for (const p of a.daily) expect(p.signed).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 200 },
    )
  })
})

describe('the window, the daily series and the days left', () => {
  const hs = households(10)
  const s = relocation()

  it('counts days with the deadline day included, in the community’s calendar', () => {
    expect(windowState(s, '2025-02-28T15:00:00.000Z')).toMatchObject({ phase: 'notStarted', today: '2025-02-28', daysLeft: 31 })
    expect(windowState(s, '2025-02-28T16:00:00.000Z')).toMatchObject({ phase: 'open', today: START, daysLeft: 31 })
    expect(windowState(s, '2025-03-31T15:59:59.000Z')).toMatchObject({ phase: 'open', today: DEADLINE, daysLeft: 1 })
    expect(windowState(s, CLOSES)).toMatchObject({ phase: 'closed', daysLeft: 0, closesAt: CLOSES })
    expect(closesAt(relocation({ utcOffsetMinutes: 0 }))).toBe('2025-04-01T00:00:00.000Z')
  })

  it('gives the rate at the end of each day so far, and the first day it reached the threshold', () => {
    const entries = [...signAll(hs.slice(0, 5), '2025-03-02'), ...signAll(hs.slice(5, 9), '2025-03-04'), entry('withdraw', hs[0]!.id, '2025-03-05'), entry('sign', hs[9]!.id, '2025-03-05')]
    const state = signingState(s, hs, entries, '2025-03-05T10:00:00.000Z')
    expect(state.daily).toEqual([
      { date: '2025-03-01', signed: 0 },
      { date: '2025-03-02', signed: 5 },
      { date: '2025-03-03', signed: 5 },
      { date: '2025-03-04', signed: 9 },
      { date: '2025-03-05', signed: 9 },
    ])
    expect(state.reachedOn).toBe('2025-03-04')
    expect(state.daysLeft).toBe(27)
    expect(state.unsigned).toEqual([hs[0]!.id])
    expect(state.byBuilding).toEqual([
      { building: '1', signed: 2, total: 3 },
      { building: '2', signed: 3, total: 3 },
      { building: '3', signed: 2, total: 2 },
      { building: '4', signed: 2, total: 2 },
    ])
  })
})

describe('decideCampaign', () => {
  const hs = households(10)

  it('refuses while the window is open, and freezes the rate once it has closed', () => {
    expect(decideCampaign(relocation(), hs, [], '2025-03-31T15:59:59.999Z', { decisionId: 'd', decidedBy: '李' })).toEqual({ ok: false, reason: 'windowOpen' })
    const r = decideCampaign(relocation(), hs, signAll(hs.slice(0, 9)), CLOSES, { decisionId: 'd', decidedBy: '李' })
    expect(r.ok).toBe(true)
    const d = (r as { decision: RelocationDecision }).decision
    expect(d).toMatchObject({ kind: 'relocation', outcome: 'effective', signed: 9, roll: 10, required: 9, thresholdPercent: 90, decidedAt: CLOSES, closesAt: CLOSES })
    expect(d.entryIds).toHaveLength(9)
    expect(isCampaignDecision(JSON.parse(JSON.stringify(d)))).toBe(true)
    expect(isCampaignDecision({ ...d, decidedAt: '2025-03-31T15:00:00.000Z' })).toBe(false)
    expect(isCampaignDecision({ ...d, signed: 11 })).toBe(false)
  })

  it('is void when withdrawals before the deadline took the rate under the threshold', () => {
    const entries = [...signAll(hs), entry('withdraw', hs[0]!.id, '2025-03-20'), entry('withdraw', hs[1]!.id, '2025-03-31')]
    const r = decideCampaign(relocation(), hs, entries, AFTER, { decisionId: 'd', decidedBy: '李' })
    expect(r.ok && r.decision.outcome).toBe('void')
  })

  it('picks the same standing decision from any set of concurrent decisions', () => {
    const mk = (decisionId: string, decidedAt: string) => ({ ...(decideCampaign(relocation(), hs, [], AFTER, { decisionId, decidedBy: '李' }) as { decision: RelocationDecision }).decision, decidedAt })
    const a = mk('b', '2025-04-01T02:00:00.000Z')
    const b = mk('a', '2025-04-01T02:00:00Z')
    const c = mk('0', '2025-04-02T02:00:00.000Z')
    expect(standingDecision([a, b, c])?.decisionId).toBe('a')
    expect(standingDecision([c, b, a])?.decisionId).toBe('a')
    expect(standingDecision([])).toBeNull()
  })
})

describe('renovation: the art. 278 double majority over the roll', () => {
  // Four households: two large (100 m²), two small (10 m²). Total 220 m², 4 owners.
  const hs = households(4, (i) => ({ areaCentiM2: i < 2 ? 10_000 : 1_000 }))
  const figures = (entries: CampaignEntry[], matter: 'ordinary' | 'major' = 'ordinary') => {
    const c = consentResult(renovation({ matter }), hs, entries)
    return { c, met: Object.fromEntries((c.result.figures ?? []).map((f) => [f.name, f.met])) }
  }

  it('fails on area when the headcount passes: the two small households agree, one large one disagrees', () => {
    const { c, met } = figures([consent(hid(2), 'agree'), consent(hid(3), 'agree'), consent(hid(0), 'disagree')])
    // Participation: 3 of 4 owners (≥ 2/3), 120 of 220 m² (< 2/3): area fails first.
    expect(met).toEqual({ participationArea: false, participationOwners: true, approvalArea: false, approvalOwners: true })
    expect(c.result.outcome).toBe('failed')
    expect(c.result.reasons.map((r) => r.code)).toEqual(['participationAreaNotMet', 'approvalAreaNotMoreThanHalf'])
  })

  it('fails on headcount when the area passes: the two large households agree, both small ones disagree', () => {
    const { c, met } = figures([consent(hid(0), 'agree'), consent(hid(1), 'agree'), consent(hid(2), 'disagree'), consent(hid(3), 'disagree')])
    // Everyone takes part; approval: 200 of 220 m² (> 1/2), 2 of 4 owners (not more than half).
    expect(met).toEqual({ participationArea: true, participationOwners: true, approvalArea: true, approvalOwners: false })
    expect(c.result.outcome).toBe('failed')
    expect(c.result.reasons.map((r) => r.code)).toEqual(['approvalOwnersNotMoreThanHalf'])
  })

  it('passes an ordinary matter that a major one fails (3/4 of both)', () => {
    const entries = [consent(hid(0), 'agree'), consent(hid(1), 'disagree'), consent(hid(2), 'agree'), consent(hid(3), 'agree')]
    expect(figures(entries).c.result.outcome).toBe('passed')
    const major = figures(entries, 'major')
    expect(major.c.result.outcome).toBe('failed')
    expect(major.met).toEqual({ participationArea: true, participationOwners: true, approvalArea: false, approvalOwners: true })
  })

  it('counts an abstention as taking part, and "not taking part" as not; the latest answer decides', () => {
    const c = consentResult(renovation(), hs, [consent(hid(0), 'agree', '2025-03-02'), consent(hid(0), 'abstain', '2025-03-09'), consent(hid(1), 'notTakingPart'), consent(hid(2), 'agree')])
    expect(c.owners.participating).toEqual({ owners: 2, areaCentiM2: 11_000 })
    expect(c.owners.for).toEqual({ owners: 1, areaCentiM2: 1_000 })
    expect(c.households[0]?.choice).toBe('abstain')
    expect(c.households[0]?.entries).toHaveLength(2)
    expect(c.households[3]?.choice).toBeNull()
  })

  it('shows each figure against its threshold with the smallest value that meets it', () => {
    const c = consentResult(renovation(), hs, [consent(hid(0), 'agree')])
    const pa = c.result.figures?.find((f) => f.name === 'participationArea')
    expect(pa).toMatchObject({ value: 10_000, of: 22_000, num: 2, den: 3, strict: false, required: 14_667, met: false })
  })

  it('lists households without an area (counted as 0 m²) and decides at the deadline', () => {
    const some = households(3, (i) => ({ areaCentiM2: i === 0 ? null : 5000 }))
    const c = consentResult(renovation(), some, [])
    expect(c.missingArea).toEqual([hid(0)])
    const r = decideCampaign(renovation(), some, [consent(hid(1), 'agree'), consent(hid(2), 'agree')], AFTER, { decisionId: 'd', decidedBy: '李' })
    expect(r.ok && r.decision.kind === 'renovation' && [r.decision.outcome, r.decision.missingArea]).toEqual(['passed', 1])
  })
})

describe('contributions sum exactly to the total', () => {
  const area = fc.option(fc.integer({ min: 0, max: 30_000_00 }), { nil: null, freq: 10 })

  it('shares any total by area, exactly, each within one fen of its exact quota (property)', () => {
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 10_000_000_00 }), (areas, totalFen) => {
        const hs = households(areas.length, (i) => ({ areaCentiM2: areas[i] ?? null }))
        const r = contributions(hs, { mode: 'total', totalFen })
        const sumArea = areas.reduce<number>((s, a) => s + (a ?? 0), 0)
        expect(r.totalFen).toBe(sumArea > 0 ? totalFen : 0)
        expect(r.perHousehold.reduce((s, c) => s + c.dueFen, 0)).toBe(r.totalFen)
        for (const c of r.perHousehold) {
          // |due − total·area/sumArea| < 1, in integers: |due·sumArea − total·area| < sumArea.
          if (sumArea === 0) expect(c.dueFen).toBe(0)
          else expect(Math.abs(Number(BigInt(c.dueFen) * BigInt(sumArea) - BigInt(r.totalFen) * BigInt(c.areaCentiM2)))).toBeLessThan(sumArea)
        }
        expect(r.missingArea).toEqual(hs.filter((h) => h.areaCentiM2 === null).map((h) => h.id))
      }),
      { numRuns: 300 },
    )
  })

  it('computes a per-m² total once, rounded half up, and shares it the same way (property)', () => {
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 1_000_000 }), (areas, fenPerM2) => {
        const hs = households(areas.length, (i) => ({ areaCentiM2: areas[i] ?? null }))
        const r = contributions(hs, { mode: 'perM2', fenPerM2 })
        const exact = BigInt(areas.reduce<number>((s, a) => s + (a ?? 0), 0)) * BigInt(fenPerM2) // hundredths of a fen
        expect(BigInt(r.totalFen)).toBe((exact + 50n) / 100n)
        expect(r.perHousehold.reduce((s, c) => s + c.dueFen, 0)).toBe(r.totalFen)
      }),
      { numRuns: 300 },
    )
  })

  it('gives the leftover fen to the largest remainders, ties to the smaller household id', () => {
    // 100 fen over three equal areas: 33 each, one left over, to the smallest id.
    const hs = households(3, () => ({ areaCentiM2: 5000 }))
    expect(contributions(hs, { mode: 'total', totalFen: 100 }).perHousehold.map((c) => c.dueFen)).toEqual([34, 33, 33])
    const order = shareByLargestRemainder(10n, [
      { id: 'b', weight: 1n },
      { id: 'a', weight: 1n },
      { id: 'c', weight: 1n },
    ])
    expect([...order.entries()]).toEqual([
      ['b', 3n],
      ['a', 4n],
      ['c', 3n],
    ])
  })

  it('does not depend on the order of the register (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 1_000_000 }), (areas, totalFen) => {
        const hs = households(areas.length, (i) => ({ areaCentiM2: areas[i] ?? 1 }))
        const a = contributions(hs, { mode: 'total', totalFen }).perHousehold
        const b = contributions([...hs].reverse(), { mode: 'total', totalFen }).perHousehold
        expect(new Map(b.map((c) => [c.householdId, c.dueFen]))).toEqual(new Map(a.map((c) => [c.householdId, c.dueFen])))
      }),
    )
  })

  it('records payments against what is due, refunds included, without a window', () => {
    const hs = households(2, () => ({ areaCentiM2: 5000 }))
    const pay = (h: HouseholdId, amountFen: number, date: string): CampaignEntry => ({ entryId: `pay-${++seq}`, type: 'payment', householdId: h, amountFen, date, at: `${date}T02:00:00.000Z`, recordedBy: '李', device: 'A' })
    const s = renovation({ contribution: { mode: 'perM2', fenPerM2: 2_000 } })
    const p = payments(s, hs, [pay(hid(0), 60_000, '2025-05-01'), pay(hid(0), -10_000, '2025-05-02'), pay(hid(1), 100_000, '2025-05-03'), pay(hid(9), 1, '2025-05-03')])
    expect(p.totalDueFen).toBe(200_000)
    expect(p.totalPaidFen).toBe(150_000)
    expect(p.perHousehold.map((h) => [h.dueFen, h.paidFen, h.outstandingFen])).toEqual([
      [100_000, 50_000, 50_000],
      [100_000, 100_000, 0],
    ])
    expect(p.stray).toHaveLength(1)
  })
})
