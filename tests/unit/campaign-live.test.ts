// The live signing state (campaigns/liveSigning.ts) against the rules computed from scratch: after
// every step of random entries on two replicas merging in random order, state(now) is exactly
// readSigningState(doc, households, now) for days before, during and after the window.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLiveSigningState, type LiveSigningState } from '../../src/shared/campaigns/liveSigning'
import { decide, initCampaignDoc, readCampaign, readEntries, readSigningState, updateCampaign } from '../../src/shared/doc/campaign'
import { defaultCampaignSettings, type CampaignId, type CampaignSettings } from '../../src/shared/domain/campaign'
import { decideCampaign } from '../../src/shared/domain/campaignDecision'
import type { Household, HouseholdId } from '../../src/shared/domain/household'
import type { CouncilId } from '../../src/shared/domain/ids'

const START = '2025-03-01'
const DEADLINE = '2025-03-10'
const NOWS = [
  '2025-02-20T00:00:00.000Z', // not started
  '2025-03-01T00:00:00.000Z', // first day, Beijing
  '2025-03-05T04:00:00.000Z', // open
  '2025-03-10T15:59:59.999Z', // the last instant of the window
  '2025-03-10T16:00:00.000Z', // closed
  '2025-04-01T00:00:00.000Z',
]
const AFTER = '2025-03-12T00:00:00.000Z'
const BEFORE = '2025-02-01T00:00:00.000Z'
const DATES = ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02', '2025-03-03', '2025-03-05', '2025-03-09', '2025-03-10', '2025-03-11', '2025-03-12']

const hid = (i: number) => `h${String(i).padStart(6, '0')}-0000-4000-8000-000000000000` as HouseholdId

function register(n: number): Household[] {
  return Array.from({ length: n }, (_, i) => ({
    id: hid(i),
    building: i % 5 === 4 ? ' 3 ' : String(1 + (i % 3)),
    unit: '1',
    room: String(101 + i),
    owner: `业主${i}`,
    tenant: '',
    areaCentiM2: 6000,
    phone: '',
    // Household 6 joins during the window, 7 left before it: neither is on the roll (nor is 8, off the register).
    addedOn: i === 6 ? '2025-03-03' : '2025-01-01',
    removedOn: i === 7 ? '2025-02-15' : null,
    createdAt: '2025-01-01T00:00:00.000Z',
  }))
}

type Step =
  | { op: 'entry'; replica: 0 | 1; id: number; type: 'sign' | 'withdraw' | 'consent' | 'payment' | 'junk'; household: number; date: number; at: 'sameDay' | 'dayBefore' | 'later' | 'afterClose' | 'sameInstant'; batch: number }
  | { op: 'merge'; replica: 0 | 1; order: number[] }
  | { op: 'delete'; replica: 0 | 1; id: number }
  | { op: 'settings'; replica: 0 | 1; withdrawalAllowed: boolean; buildings: readonly string[]; threshold: 90 | 95 | 100 }
  | { op: 'register'; removeLast: boolean }
  | { op: 'decide'; replica: 0 | 1; minutes: number }
  | { op: 'bulk'; replica: 0 | 1; date: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('entry' as const),
      replica: fc.constantFrom(0 as const, 1 as const),
      id: fc.nat(40),
      type: fc.constantFrom('sign' as const, 'sign' as const, 'withdraw' as const, 'consent' as const, 'payment' as const, 'junk' as const),
      // Mostly the roll's households (0 to 5) and days inside the window, so households sign, withdraw and conflict.
      household: fc.oneof({ weight: 4, arbitrary: fc.nat(5) }, { weight: 1, arbitrary: fc.nat(8) }),
      date: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2, max: 7 }) }, { weight: 1, arbitrary: fc.nat(DATES.length - 1) }),
      at: fc.constantFrom('sameDay' as const, 'sameDay' as const, 'sameDay' as const, 'dayBefore' as const, 'later' as const, 'afterClose' as const, 'sameInstant' as const),
      batch: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('merge' as const), replica: fc.constantFrom(0 as const, 1 as const), order: fc.array(fc.nat(), { maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), replica: fc.constantFrom(0 as const, 1 as const), id: fc.nat(40) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('settings' as const),
      replica: fc.constantFrom(0 as const, 1 as const),
      withdrawalAllowed: fc.boolean(),
      buildings: fc.constantFrom([], ['1'], ['3', '2']),
      threshold: fc.constantFrom(90 as const, 95 as const, 100 as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('register' as const), removeLast: fc.boolean() }) },
  // Paper forms typed in at once: the whole roll signed on one day, so the threshold is reached.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bulk' as const), replica: fc.constantFrom(0 as const, 1 as const), date: fc.integer({ min: 2, max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('decide' as const), replica: fc.constantFrom(0 as const, 1 as const), minutes: fc.nat(3) }) },
)

function stored(s: Extract<Step, { op: 'entry' }>, k: number, jitter: number): unknown {
  const date = DATES[s.date]!
  const at = {
    sameDay: `${date}T02:00:0${k + jitter}.000Z`,
    sameInstant: `${date}T02:00:00.000Z`,
    dayBefore: new Date(Date.parse(`${date}T02:00:00.000Z`) - 86_400_000).toISOString(),
    later: `2025-03-09T03:0${k + jitter}:00.000Z`,
    afterClose: '2025-03-11T01:00:00.000Z',
  }[s.at]
  const base = { householdId: s.household === 8 ? 'not-on-register' : hid(s.household), at, date, recordedBy: '李秘书', device: 'A' }
  if (s.type === 'junk') return { ...base, type: 'sign', date: 'yesterday' }
  if (s.type === 'payment') return { ...base, type: 'payment', amountFen: 100 }
  if (s.type === 'consent') return { ...base, type: 'consent', choice: 'agree', agent: null }
  // In a batch, every other entry is of the other kind: the same household signs and withdraws the same day.
  const type = k % 2 ? (s.type === 'sign' ? 'withdraw' : 'sign') : s.type
  return { ...base, type, agent: k === 1 ? { name: '王代签', note: '女儿' } : null }
}

function setup(withdrawalAllowed: boolean) {
  const settings: CampaignSettings = { ...defaultCampaignSettings('relocation', START, DEADLINE), title: '模拟搬迁', withdrawalAllowed }
  const docs = [new Y.Doc(), new Y.Doc()] as const
  initCampaignDoc(docs[0], { councilId: 'c1' as CouncilId, campaignId: 'k1' as CampaignId }, settings, BEFORE)
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]))
  // What each replica has not yet received from the other.
  const queues: Uint8Array[][] = [[], []]
  docs[0].on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && queues[1]!.push(u))
  docs[1].on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && queues[0]!.push(u))
  return { docs, queues }
}

function check(docs: readonly Y.Doc[], lives: readonly LiveSigningState[], households: readonly Household[]) {
  docs.forEach((doc, r) => {
    for (const now of NOWS) expect(lives[r]!.state(now)).toStrictEqual(readSigningState(doc, households, now))
    // The decision's figures are the live state's at the close (while undecided: every entry counts).
    // Out of order, a replica can hold a settings write's deletions before its new values (yjs#591): no campaign then.
    const c = readCampaign(doc)
    if (!c) return
    const d = decideCampaign(c, households, readEntries(doc), AFTER, { decisionId: 'd', decidedBy: 'x' })
    const live = lives[r]!.state(AFTER)!
    if (d.ok && d.decision.kind === 'relocation' && !doc.getMap('decisions').size) {
      expect({ signed: d.decision.signed, roll: d.decision.roll, required: d.decision.required, byBuilding: d.decision.byBuilding, outcome: d.decision.outcome }).toStrictEqual({
        signed: live.rate.num,
        roll: live.rate.den,
        required: live.required,
        byBuilding: live.byBuilding,
        outcome: live.reached ? 'effective' : 'void',
      })
    }
  })
}

describe('live signing state', () => {
  it('equals the rules from scratch after every step, on both replicas', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { minLength: 1, maxLength: 40 }), (withdrawalAllowed, steps) => {
        const { docs, queues } = setup(withdrawalAllowed)
        let households = register(8)
        const lives = docs.map((d) => createLiveSigningState(d, households))
        let seq = 0
        try {
          check(docs, lives, households)
          for (const s of steps) {
            if (s.op === 'entry') {
              const doc = docs[s.replica]
              doc.transact(() => {
                for (let k = 0; k < s.batch; k++) doc.getMap('entries').set(`e${s.id + k}`, stored(s, k, seq++ % 3))
              })
            } else if (s.op === 'bulk') {
              const doc = docs[s.replica]
              doc.transact(() => {
                for (let h = 0; h < 6; h++) doc.getMap('entries').set(`b${seq++}`, stored({ op: 'entry', replica: s.replica, id: 0, type: 'sign', household: h, date: s.date, at: 'sameDay', batch: 1 }, 0, h % 3))
              })
            } else if (s.op === 'delete') {
              docs[s.replica].getMap('entries').delete(`e${s.id}`)
            } else if (s.op === 'merge') {
              const q = queues[s.replica]!
              // Some of the pending updates, in a random order: Yjs holds back what it cannot apply yet.
              const picked = s.order.map((n) => q.splice(n % Math.max(1, q.length), 1)[0]).filter((u): u is Uint8Array => u !== undefined)
              for (const u of picked) Y.applyUpdate(docs[s.replica], u, 'sync')
            } else if (s.op === 'settings') {
              try {
                updateCampaign(docs[s.replica], { withdrawalAllowed: s.withdrawalAllowed, buildings: [...s.buildings], thresholdPercent: s.threshold }, BEFORE)
              } catch {
                // Refused once decided: the state must still agree.
              }
            } else if (s.op === 'register') {
              households = s.removeLast ? households.slice(0, -1) : [...households]
              lives.forEach((l) => l.setHouseholds(households))
            } else {
              try {
                decide(docs[s.replica], households, new Date(Date.parse(AFTER) + s.minutes * 60_000).toISOString(), '李秘书')
              } catch {
                // Already decided on this replica.
              }
            }
            check(docs, lives, households)
          }
          // Everything merged: both replicas agree with the rules and with each other.
          for (const r of [0, 1] as const) for (const u of queues[r]!.splice(0)) Y.applyUpdate(docs[r], u, 'sync')
          check(docs, lives, households)
          expect(lives[0]!.state(NOWS[2]!)).toStrictEqual(lives[1]!.state(NOWS[2]!))
        } finally {
          lives.forEach((l) => l.destroy())
          docs.forEach((d) => d.destroy())
        }
      }),
      { numRuns: 300 },
    )
  })

  it('stops listening when destroyed, and returns the same state for the same instant', () => {
    const { docs } = setup(true)
    const households = register(4)
    const live = createLiveSigningState(docs[0], households)
    const a = live.state(NOWS[2]!)
    expect(live.state(NOWS[2]!)).toBe(a)
    let calls = 0
    live.subscribe(() => calls++)
    docs[0].getMap('entries').set('x', { householdId: hid(0), at: '2025-03-02T02:00:00.000Z', date: '2025-03-02', recordedBy: '李秘书', device: 'A', type: 'sign', agent: null })
    expect(calls).toBe(1)
    expect(live.state(NOWS[2]!)?.rate.num).toBe(1)
    live.destroy()
    docs[0].getMap('entries').set('y', { householdId: hid(1), at: '2025-03-02T02:00:00.000Z', date: '2025-03-02', recordedBy: '李秘书', device: 'A', type: 'sign', agent: null })
    expect(calls).toBe(1)
  })

  it('is null for a renovation campaign, as readSigningState is', () => {
    const doc = new Y.Doc()
    initCampaignDoc(doc, { councilId: 'c1' as CouncilId, campaignId: 'k1' as CampaignId }, { ...defaultCampaignSettings('renovation', START, DEADLINE), title: '改造' }, BEFORE)
    const live = createLiveSigningState(doc, register(3))
    expect(live.state(NOWS[2]!)).toBeNull()
    expect(readSigningState(doc, register(3), NOWS[2]!)).toBeNull()
    live.destroy()
  })
})
