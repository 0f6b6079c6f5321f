// The campaign document (council/<id>/campaign/<id>) on real Yjs replicas: canvassers on two laptops
// recording different buildings offline merge to the exact total; the same household recorded on
// two devices shows once with both entries; the frozen decision survives merges with late entries.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clientIdCount, decide, initCampaignDoc, lateEntries, readCampaign, readConsentState, readDecision, readDecisions, readEntries, readPayments, readSigningState, updateCampaign } from '../../src/shared/doc/campaign'
import { recordConsent, recordPayment, recordSigning, recordWithdrawal } from '../../src/shared/doc/campaignEntries'
import { addHouseholds, readHouseholds } from '../../src/shared/doc/households'
import { schemaState } from '../../src/shared/doc/schema'
import { defaultCampaignSettings, type CampaignId, type CampaignSettings } from '../../src/shared/domain/campaign'
import type { Household, HouseholdFields } from '../../src/shared/domain/household'
import { COUNCIL_ID, expectDocError, newDoc, replicaOf, stateOf, syncAll } from './helpers'

const CAMPAIGN_ID = 'c0ffee00-7777-4000-8000-000000000001' as CampaignId
const CREATED = '2025-02-20T02:00:00.000Z'
/** 10:00 Beijing on a day of March 2025. */
const on = (day: number) => `2025-03-${String(day).padStart(2, '0')}T02:00:00.000Z`
const date = (day: number) => on(day).slice(0, 10)
const CLOSES = '2025-03-31T16:00:00.000Z'
const AFTER = '2025-04-01T02:00:00.000Z'

/** A register of `n` households over `buildings` buildings, read back from a real households doc. */
function register(n: number, buildings = 4): Household[] {
  const doc = new Y.Doc()
  const list: HouseholdFields[] = Array.from({ length: n }, (_, i) => ({
    building: String(1 + (i % buildings)),
    unit: '1',
    room: String(1000 + i),
    owner: `业主${i}`,
    tenant: '',
    areaCentiM2: 5000 + ((i * 131) % 7000),
    phone: '',
    addedOn: '2025-01-01',
    removedOn: null,
  }))
  addHouseholds(doc, COUNCIL_ID, list, CREATED)
  return readHouseholds(doc)
}

function settings(over: Partial<CampaignSettings> = {}): CampaignSettings {
  return { ...defaultCampaignSettings('relocation', '2025-03-01', '2025-03-31'), title: '棚改模拟搬迁', ...over }
}

function campaignDoc(over: Partial<CampaignSettings> = {}, clientID = 1): Y.Doc {
  const doc = newDoc(clientID)
  initCampaignDoc(doc, { councilId: COUNCIL_ID, campaignId: CAMPAIGN_ID }, settings(over), CREATED)
  return doc
}

const sign = (doc: Y.Doc, hs: Household[], h: Household, day: number, device = 'A') =>
  recordSigning(doc, hs, { householdId: h.id, date: date(day), recordedBy: '李秘书', device }, on(day))

describe('initCampaignDoc, readCampaign, updateCampaign', () => {
  it('round-trips the settings', () => {
    const doc = campaignDoc({ buildings: ['3', '4'], thresholdPercent: 95, withdrawalAllowed: false })
    expect(schemaState(doc)).toEqual({ state: 'current', kind: 'campaign' })
    expect(readCampaign(doc)).toEqual({ ...settings({ buildings: ['3', '4'], thresholdPercent: 95, withdrawalAllowed: false }), id: CAMPAIGN_ID, councilId: COUNCIL_ID, createdAt: CREATED })
  })

  it('refuses invalid settings and writes nothing', () => {
    const doc = newDoc()
    const e = expectDocError(() => initCampaignDoc(doc, { councilId: COUNCIL_ID, campaignId: CAMPAIGN_ID }, settings({ thresholdPercent: 80 as never, deadline: '2025-02-01' }), CREATED), 'invalidInput')
    expect(e.detail).toEqual({ thresholdPercent: 'thresholdInvalid', deadline: 'deadlineBeforeStart' })
    expect(stateOf(doc)).toEqual(stateOf(new Y.Doc()))
  })

  it('reads a campaign whose rules arrived damaged as no campaign at all', () => {
    const doc = campaignDoc()
    doc.getMap('campaign').set('thresholdPercent', 0.9)
    expect(readCampaign(doc)).toBeNull()
  })

  it('locks the rules once the window has opened; only the title may change', () => {
    const doc = campaignDoc()
    expect(updateCampaign(doc, { thresholdPercent: 100 }, '2025-02-28T10:00:00.000Z')).toBe(true)
    const e = expectDocError(() => updateCampaign(doc, { thresholdPercent: 95, title: '新名' }, on(1)), 'badTransition')
    expect(e.detail).toEqual({ reason: 'windowOpened', fields: ['thresholdPercent'] })
    expect(updateCampaign(doc, { title: '新名' }, on(2))).toBe(true)
    expect(readCampaign(doc)).toMatchObject({ title: '新名', thresholdPercent: 100 })
    expect(expectDocError(() => updateCampaign(doc, { kind: 'renovation' }, '2025-02-28T10:00:00.000Z'), 'invalidInput').detail).toEqual({ kind: 'kindFixed' })
  })
})

describe('recording entries', () => {
  const hs = register(10)

  it('records signatures by the owner or by an agent, with who, where and when', () => {
    const doc = campaignDoc()
    const id = recordSigning(doc, hs, { householdId: hs[0]!.id, date: date(3), recordedBy: ' 李秘书 ', device: '笔记本2', agent: { name: '王小明', note: '儿子，授权委托书' } }, on(3))
    expect(readEntries(doc)).toEqual([
      { entryId: id, type: 'sign', householdId: hs[0]!.id, date: date(3), at: on(3), recordedBy: '李秘书', device: '笔记本2', agent: { name: '王小明', note: '儿子，授权委托书' } },
    ])
  })

  it('refuses what the rules would not count, and writes nothing', () => {
    const doc = campaignDoc()
    sign(doc, hs, hs[0]!, 3)
    const before = stateOf(doc)
    const detail = (fn: () => unknown) => expectDocError(fn, 'invalidInput').detail
    expect(detail(() => sign(doc, hs, hs[0]!, 4))).toEqual({ householdId: 'alreadySigned' })
    expect(detail(() => recordWithdrawal(doc, hs, { householdId: hs[1]!.id, date: date(4), recordedBy: '李', device: 'A' }, on(4)))).toEqual({ householdId: 'notSigned' })
    expect(detail(() => recordSigning(doc, hs, { householdId: hs[1]!.id, date: '2025-04-01', recordedBy: '李', device: 'A' }, AFTER))).toEqual({ date: 'afterDeadline' })
    expect(detail(() => recordSigning(doc, hs, { householdId: hs[1]!.id, date: date(9), recordedBy: '李', device: 'A' }, on(8)))).toEqual({ date: 'datedAfterRecorded' })
    expect(detail(() => recordSigning(doc, hs, { householdId: hs[1]!.id, date: date(9), recordedBy: ' ', device: 'A' }, on(9)))).toEqual({ recordedBy: 'recordedByRequired' })
    expect(detail(() => recordSigning(doc, hs, { householdId: 'someone-else' as never, date: date(9), recordedBy: '李', device: 'A' }, on(9)))).toEqual({ householdId: 'householdNotOnRoll' })
    expect(detail(() => recordConsent(doc, hs, { householdId: hs[1]!.id, date: date(9), recordedBy: '李', device: 'A', choice: 'agree' }, on(9)))).toEqual({ type: 'wrongCampaignKind' })
    expect(stateOf(doc)).toEqual(before)
  })

  it('refuses a withdrawal after the deadline, and any withdrawal when they are not allowed', () => {
    const doc = campaignDoc()
    sign(doc, hs, hs[0]!, 3)
    const w = (d: Y.Doc, day: string, now: string) => recordWithdrawal(d, hs, { householdId: hs[0]!.id, date: day, recordedBy: '李', device: 'A' }, now)
    expect(expectDocError(() => w(doc, '2025-03-31', CLOSES), 'invalidInput').detail).toEqual({ date: 'afterDeadline' })
    expect(expectDocError(() => w(doc, '2025-04-01', AFTER), 'invalidInput').detail).toEqual({ date: 'afterDeadline' })
    w(doc, '2025-03-31', '2025-03-31T15:59:00.000Z')
    expect(readSigningState(doc, hs, AFTER)?.households[0]?.status).toBe('withdrawn')
    const strict = campaignDoc({ withdrawalAllowed: false })
    sign(strict, hs, hs[0]!, 3)
    expect(expectDocError(() => w(strict, date(4), on(4)), 'invalidInput').detail).toEqual({ type: 'withdrawalNotAllowed' })
  })

  it('keeps one client id per writing replica however many households it records', () => {
    const doc = campaignDoc()
    for (const h of hs) sign(doc, hs, h, 5)
    expect(clientIdCount(doc)).toBe(1)
  })
})

describe('several devices', () => {
  it('two laptops recording different buildings offline merge to the exact total (property)', () => {
    const hs = register(120, 6)
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 31 })), { minLength: 120, maxLength: 120 }), fc.integer({ min: 1, max: 5 }), (plan, split) => {
        const origin = campaignDoc({}, 1)
        const a = replicaOf(origin, 2)
        const b = replicaOf(origin, 3)
        let expected = 0
        hs.forEach((h, i) => {
          const [signs, day] = plan[i]!
          if (!signs) return
          // Laptop A canvasses buildings 1..split, laptop B the others.
          sign(Number(h.building) <= split ? a : b, hs, h, day, Number(h.building) <= split ? 'A' : 'B')
          expected++
        })
        syncAll(origin, a, b)
        for (const d of [origin, a, b]) {
          const s = readSigningState(d, hs, AFTER)
          expect(s?.rate).toEqual({ num: expected, den: 120 })
          expect(s?.byBuilding.reduce((t, x) => t + x.signed, 0)).toBe(expected)
          expect(s?.daily.at(-1)?.signed).toBe(expected)
        }
        expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b))
        expect(clientIdCount(a)).toBeLessThanOrEqual(3)
      }),
      { numRuns: 25 },
    )
  })

  it('3,000 households canvassed on two laptops offline, merged: the exact total', () => {
    const hs = register(3000, 30)
    const origin = campaignDoc({}, 1)
    const a = replicaOf(origin, 2)
    const b = replicaOf(origin, 3)
    let expected = 0
    hs.forEach((h, i) => {
      if (i % 11 === 0) return // not signed
      sign(Number(h.building) <= 15 ? a : b, hs, h, 1 + (i % 31))
      expected++
    })
    syncAll(a, b)
    const s = readSigningState(b, hs, AFTER)
    expect(s?.rate).toEqual({ num: expected, den: 3000 })
    expect(s?.unsigned).toHaveLength(3000 - expected)
    expect(readSigningState(a, hs, AFTER)?.rate).toEqual(s?.rate)
  })

  it('the same household recorded on two devices counts once, with both entries visible', () => {
    const hs = register(4)
    const a = campaignDoc({}, 1)
    const b = replicaOf(a, 2)
    sign(a, hs, hs[0]!, 5, 'A')
    recordSigning(b, hs, { householdId: hs[0]!.id, date: date(5), recordedBy: '张社工', device: 'B', agent: { name: '王小明', note: '儿子' } }, '2025-03-05T03:00:00.000Z')
    syncAll(a, b)
    for (const d of [a, b]) {
      const s = readSigningState(d, hs, on(6))
      expect(s?.rate.num).toBe(1)
      const h0 = s?.households.filter((h) => h.household.id === hs[0]!.id)
      expect(h0).toHaveLength(1)
      expect(h0?.[0]?.status).toBe('signed')
      expect(h0?.[0]?.entries.map((v) => [v.entry.device, v.counted])).toEqual([
        ['B', true],
        ['A', true],
      ])
    }
  })

  it('a signature on one laptop and a withdrawal on the other, the same day: the later decides, the conflict shows', () => {
    const hs = register(4)
    const a = campaignDoc({}, 1)
    sign(a, hs, hs[1]!, 2)
    const b = replicaOf(a, 2)
    const input = (device: string) => ({ householdId: hs[1]!.id, date: date(7), recordedBy: device === 'A' ? '李' : '张', device })
    // On laptop A the owner withdraws at 11:00 and signs again at 12:00; on B, offline, a withdrawal at 13:00.
    recordWithdrawal(a, hs, input('A'), '2025-03-07T03:00:00.000Z')
    recordSigning(a, hs, input('A'), '2025-03-07T04:00:00.000Z')
    recordWithdrawal(b, hs, input('B'), '2025-03-07T05:00:00.000Z')
    syncAll(a, b)
    for (const d of [a, b]) {
      const h1 = readSigningState(d, hs, on(8))?.households.find((h) => h.household.id === hs[1]!.id)
      expect(h1?.status).toBe('withdrawn')
      expect(h1?.decidedBy?.device).toBe('B')
      expect(h1?.conflicting.map((e) => [e.type, e.device])).toEqual([['sign', 'A']])
      expect(h1?.entries).toHaveLength(4)
    }
  })
})

describe('the decision, frozen at the deadline', () => {
  const hs = register(10)

  it('is refused before the window closes, written once after, and read back as written', () => {
    const doc = campaignDoc()
    for (const h of hs.slice(0, 9)) sign(doc, hs, h, 4)
    expect(expectDocError(() => decide(doc, hs, '2025-03-31T15:59:59.000Z', '李秘书'), 'badTransition').detail).toEqual({ reason: 'windowOpen', closesAt: CLOSES })
    const d = decide(doc, hs, CLOSES, '李秘书')
    expect(d).toMatchObject({ kind: 'relocation', outcome: 'effective', signed: 9, roll: 10, decidedBy: '李秘书' })
    expect(readDecision(doc)).toEqual(d)
    expect(expectDocError(() => decide(doc, hs, AFTER, '李秘书'), 'badTransition').detail).toEqual({ reason: 'campaignDecided' })
    expect(expectDocError(() => sign(doc, hs, hs[9]!, 31), 'badTransition').detail).toEqual({ reason: 'campaignDecided' })
  })

  it('survives merges with entries that arrive later: they show as late and are never counted', () => {
    const a = campaignDoc({}, 1)
    for (const h of hs.slice(0, 8)) sign(a, hs, h, 4)
    const b = replicaOf(a, 2)
    // Laptop B, offline, signs the ninth household late on the deadline day: in time, but unseen.
    recordSigning(b, hs, { householdId: hs[8]!.id, date: '2025-03-31', recordedBy: '张', device: 'B' }, '2025-03-31T15:30:00.000Z')
    const frozen = decide(a, hs, AFTER, '李秘书')
    expect(frozen).toMatchObject({ outcome: 'void', signed: 8, roll: 10 })
    // A hostile or buggy replica writes a signature after the close, and rewrites nothing else.
    b.getMap('entries').set('late-forged-entry', { type: 'sign', householdId: hs[9]!.id, date: '2025-03-30', at: '2025-04-03T02:00:00.000Z', recordedBy: 'x', device: 'C', agent: null })
    syncAll(a, b)
    for (const d of [a, b]) {
      expect(readDecision(d)).toEqual(frozen)
      expect(lateEntries(d).map((e) => e.householdId).sort()).toEqual([hs[8]!.id, hs[9]!.id].sort())
      expect(readSigningState(d, hs, '2025-04-05T02:00:00.000Z')?.rate).toEqual({ num: 8, den: 10 })
    }
  })

  it('of two decisions made offline on two laptops, the earliest stands on both and the other is kept', () => {
    const a = campaignDoc({}, 1)
    for (const h of hs.slice(0, 9)) sign(a, hs, h, 4)
    const b = replicaOf(a, 2)
    recordWithdrawal(b, hs, { householdId: hs[0]!.id, date: '2025-03-30', recordedBy: '张', device: 'B' }, on(30))
    const db = decide(b, hs, '2025-04-01T01:00:00.000Z', '张') // void: 8 of 10
    const da = decide(a, hs, '2025-04-01T03:00:00.000Z', '李') // effective: 9 of 10, without B's withdrawal
    expect([db.outcome, da.outcome]).toEqual(['void', 'effective'])
    syncAll(a, b)
    for (const d of [a, b]) {
      expect(readDecision(d)).toEqual(db)
      expect(readDecisions(d)).toEqual([db, da])
    }
  })

  it('ignores a decision that arrives malformed or dated before the close', () => {
    const doc = campaignDoc()
    doc.getMap('decisions').set('x', { decisionId: 'x', kind: 'relocation', outcome: 'effective' })
    const real = decide(doc, hs, AFTER, '李')
    doc.getMap('decisions').set('y', { ...real, decisionId: 'y', decidedAt: '2025-03-20T00:00:00.000Z' })
    expect(readDecisions(doc)).toEqual([real])
  })
})

describe('a renovation campaign', () => {
  const hs = register(4)
  const reno = () => campaignDoc({ kind: 'renovation', contribution: { mode: 'total', totalFen: 1_000_000 } })
  const answer = (doc: Y.Doc, i: number, choice: 'agree' | 'disagree' | 'abstain' | 'notTakingPart', day = 5) =>
    recordConsent(doc, hs, { householdId: hs[i]!.id, date: date(day), recordedBy: '李', device: 'A', choice }, on(day))

  it('applies the double majority, freezes it, and takes payments after the decision', () => {
    const doc = reno()
    answer(doc, 0, 'disagree', 3)
    for (const i of [0, 1, 2, 3]) answer(doc, i, 'agree')
    expect(readConsentState(doc, hs)?.result.outcome).toBe('passed')
    const d = decide(doc, hs, AFTER, '李')
    expect(d).toMatchObject({ kind: 'renovation', outcome: 'passed', missingArea: 0 })
    expect(expectDocError(() => answer(doc, 1, 'disagree', 31), 'badTransition').detail).toEqual({ reason: 'campaignDecided' })
    const due = readPayments(doc, hs)
    expect(due?.totalDueFen).toBe(1_000_000)
    recordPayment(doc, hs, { householdId: hs[0]!.id, date: '2025-04-10', recordedBy: '李', device: 'A', amountFen: 12_345 }, '2025-04-10T02:00:00.000Z')
    const p = readPayments(doc, hs)
    expect(p?.totalPaidFen).toBe(12_345)
    expect(p?.perHousehold[0]?.outstandingFen).toBe((p?.perHousehold[0]?.dueFen ?? 0) - 12_345)
    expect(expectDocError(() => recordPayment(doc, hs, { householdId: hs[0]!.id, date: '2025-04-10', recordedBy: '李', device: 'A', amountFen: 0.5 }, AFTER), 'invalidInput').detail).toEqual({ amountFen: 'amountInvalid' })
    expect(lateEntries(doc)).toEqual([])
  })
})
