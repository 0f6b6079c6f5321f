// The fund year's document on real Yjs: a year from income to a paid project, every entry
// append-only; two laptops each paying the same project offline, where the overdraft only the
// merge reveals is reported as a conflict, identically on both; and a seeded fuzz over interleavings
// of bookings and syncs between three replicas.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { DocError } from '../../src/shared/doc/errors'
import { addListItem, addProposal, book, initFundDoc, readDecisions, readLedger, readList, readProposalStates, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { addProjectMilestone, markMilestoneDone, readFundPath, readImplementation, readProjectMilestones, recordFundStep, setImplementation } from '../../src/shared/doc/fundProjects'
import { fundDocName, parseAnyDocName } from '../../src/shared/doc/names'
import type { ProposalFields } from '../../src/shared/fund/proposals'

const council = 'council-0001' as CouncilId
const who = (by = 'laptopA', now = '2026-03-01T08:00:00.000Z') => ({ by, now })
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')
const fields = (title: string, cost: number): ProposalFields => ({
  title,
  description: '',
  category: 'facilities',
  source: { kind: 'partyBranch', name: '社区党委' },
  estimatedCost: cost,
  beneficiaries: 200,
  proposedOn: '2026-02-10',
})

/** A year with ¥3,246.00 of income (small figures keep the test readable) and one approved project of ¥1,000.00. */
function openYear(): { doc: Y.Doc; project: string } {
  const doc = new Y.Doc()
  initFundDoc(doc, council, 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '成华区财政', amount: 300_000, on: '2026-01-10' }, who())
  book(doc, { kind: 'income', source: 'carryOver', from: '', amount: 24_600, on: '2026-01-10' }, who())
  const project = addProposal(doc, fields('楼道灯更换', 100_000), who())
  screenProposal(doc, project, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who())
  recordDecision(doc, { proposalId: project, outcome: 'approved', budget: 100_000, on: '2026-04-01' }, who())
  return { doc, project }
}

describe('the fund year document', () => {
  it('has its own name, parsed both ways', () => {
    expect(fundDocName(council, 2026)).toBe('council/council-0001/fund/2026')
    expect(parseAnyDocName('council/council-0001/fund/2026')).toEqual({ kind: 'fund', councilId: council, year: 2026 })
    expect(parseAnyDocName('council/council-0001/fund/26')).toBeNull()
  })

  it('opens with the default negative list, screens, decides, implements and pays, refusing with the figures', () => {
    const { doc, project } = openYear()
    expect(readList(doc, 'negative').map((i) => i.key)).toEqual(['privateCosts', 'otherPartyCosts', 'governmentFunctions'])
    addListItem(doc, 'priority', '适老化改造')
    const excluded = addProposal(doc, fields('小区物业费补贴', 50_000), who())
    screenProposal(doc, excluded, { kind: 'excluded', negativeItem: 'default-privateCosts', reason: '物业费属于业主个人承担', on: '2026-03-01' }, who())
    expect(readProposalStates(doc).get(excluded)!.status).toBe('excluded')
    // An approval past the money available is refused before it is recorded.
    const big = addProposal(doc, fields('健身步道', 300_000), who())
    screenProposal(doc, big, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who())
    expect(() => recordDecision(doc, { proposalId: big, outcome: 'approved', budget: 300_000, on: '2026-04-01' }, who())).toThrow(DocError)
    try {
      recordDecision(doc, { proposalId: big, outcome: 'approved', budget: 300_000, on: '2026-04-01' }, who())
    } catch (e) {
      expect((e as DocError).detail).toEqual({ reason: 'overAvailable', available: 324_600, approvedTotal: 100_000, budget: 300_000, over: 75_400 })
    }
    recordDecision(doc, { proposalId: big, outcome: 'rejected', budget: 0, on: '2026-04-01' }, who())
    expect([...readDecisions(doc).budgets]).toEqual([[project, 100_000]])

    recordFundStep(doc, project, 'partyProposal', { date: '2026-03-20', body: '社区党委', note: '' }, who())
    recordFundStep(doc, project, 'councilResolution', { date: '2026-04-01', body: '居民议事会', note: '', disclosure: { postedOn: '2026-04-02', until: '2026-04-09' } }, who())
    expect(readFundPath(doc, project).map((s) => s.state)).toEqual(['done', 'done', 'ready', 'waiting', 'waiting'])
    setImplementation(doc, { projectId: project, implementer: { kind: 'company', name: '蓉城电工' }, contractAmount: 100_000, residentsShare: 0, signedOn: '2026-04-20' })
    expect(readImplementation(doc, project)!.implementer.name).toBe('蓉城电工')
    const m = addProjectMilestone(doc, project, { title: '完成安装', due: '2026-05-30' })
    markMilestoneDone(doc, m, '2026-05-28')
    expect(readProjectMilestones(doc, project)[0]!.doneOn).toBe('2026-05-28')

    const first = book(doc, { kind: 'payment', projectId: project, amount: 60_000, payee: '蓉城电工', on: '2026-05-01', voucher: { invoiceNo: 'F001', issuedOn: '2026-05-01' } }, who())
    try {
      book(doc, { kind: 'payment', projectId: project, amount: 40_001, payee: '蓉城电工', on: '2026-06-01' }, who())
      expect.unreachable()
    } catch (e) {
      expect((e as DocError).detail).toEqual({ reason: 'overdrawsProject', budget: 100_000, paid: 60_000, amount: 40_001, over: 1 })
    }
    book(doc, { kind: 'correction', corrects: first, amount: -5_000, reason: '发票金额录入有误', on: '2026-05-02' }, who())
    book(doc, { kind: 'payment', projectId: project, amount: 45_000, payee: '蓉城电工', on: '2026-06-01' }, who())
    const s = readLedger(doc)
    expect(s.projects.get(project)).toMatchObject({ budget: 100_000, paid: 100_000, remaining: 0 })
    expect([s.income.total, s.paidTotal, s.balance]).toEqual([324_600, 100_000, 224_600])
    expect(s.conflicts).toEqual([])
  })

  it('two laptops each pay the same project offline: after the merge the overdraft is a conflict on both, the same', () => {
    const { doc: a, project } = openYear()
    const b = new Y.Doc()
    sync(a, b)
    book(a, { kind: 'payment', projectId: project, amount: 60_000, payee: '蓉城电工', on: '2026-05-01', voucher: { invoiceNo: 'F001', issuedOn: '2026-05-01' } }, who('laptopA', '2026-05-01T08:00:00.000Z'))
    book(b, { kind: 'payment', projectId: project, amount: 70_000, payee: '蓉城电工', on: '2026-05-03', voucher: { invoiceNo: 'F002', issuedOn: '2026-05-03' } }, who('laptopB', '2026-05-03T08:00:00.000Z'))
    // Each laptop alone is within the budget.
    expect(readLedger(a).conflicts).toEqual([])
    expect(readLedger(b).conflicts).toEqual([])
    sync(a, b)
    sync(b, a)
    const la = readLedger(a)
    const lb = readLedger(b)
    expect(la.conflicts).toEqual(lb.conflicts)
    expect(la.conflicts).toEqual([{ kind: 'projectOverdrawn', projectId: project, budget: 100_000, paid: 130_000, over: 30_000, payments: la.entries.filter((e) => e.kind === 'payment').map((e) => e.id) }])
    expect(la.projects.get(project)!.remaining).toBe(-30_000)
    // Nothing more can be paid while it stands; a correction resolves it, and both agree again.
    expect(() => book(a, { kind: 'payment', projectId: project, amount: 1, payee: 'X', on: '2026-05-04' }, who())).toThrow(DocError)
    const second = la.entries.find((e) => e.kind === 'payment' && e.by === 'laptopB')!.id
    book(b, { kind: 'correction', corrects: second, amount: -30_000, reason: '合同约定尾款未到期，退回多付部分', on: '2026-05-05' }, who('laptopB', '2026-05-05T08:00:00.000Z'))
    sync(b, a)
    expect(readLedger(a).conflicts).toEqual([])
    expect(readLedger(a).projects.get(project)!.remaining).toBe(0)
  })

  it('fuzz: any interleaving of bookings and syncs between three laptops ends with identical figures; overdrafts only as conflicts', () => {
    let overdrawn = 0
    for (let seed = 1; seed <= 40; seed++) {
      let x = seed * 2654435761
      const rnd = (n: number) => {
        x = (x ^ (x << 13)) >>> 0
        x = (x ^ (x >>> 17)) >>> 0
        x = (x ^ (x << 5)) >>> 0
        return x % n
      }
      const { doc: a, project } = openYear()
      const docs = [a, new Y.Doc(), new Y.Doc()]
      sync(a, docs[1]!)
      sync(a, docs[2]!)
      for (let step = 0; step < 30; step++) {
        const d = docs[rnd(3)]!
        const op = rnd(4)
        const when = who(`laptop${rnd(3)}`, `2026-05-${String(1 + rnd(28)).padStart(2, '0')}T08:00:${String(step).padStart(2, '0')}.000Z`)
        try {
          if (op === 0) sync(docs[rnd(3)]!, d)
          else if (op === 1 || op === 2) book(d, { kind: 'payment', projectId: project, amount: 1 + rnd(40_000), payee: '蓉城电工', on: '2026-05-10' }, when)
          else {
            const pays = readLedger(d).entries.filter((e) => e.kind === 'payment')
            const p = pays[rnd(Math.max(1, pays.length))]
            if (p) book(d, { kind: 'correction', corrects: p.id, amount: -(1 + rnd(p.amount)), reason: '更正', on: '2026-05-11' }, when)
          }
        } catch (e) {
          if (!(e instanceof DocError)) throw e
        }
      }
      for (const f of docs) for (const t of docs) sync(f, t)
      const states = docs.map((d) => readLedger(d))
      const figures = states.map((s) => JSON.stringify({ p: [...s.projects], n: [...s.net].sort(), c: s.conflicts, b: s.balance }))
      expect(new Set(figures).size, `seed ${seed}`).toBe(1)
      const s = states[0]!
      const over = s.projects.get(project)!.paid > 100_000
      expect(s.conflicts.some((c) => c.kind === 'projectOverdrawn'), `seed ${seed}`).toBe(over)
      if (over) overdrawn++
      const negative = [...s.net.values()].some((n) => n < 0)
      expect(s.conflicts.some((c) => c.kind === 'netNegative'), `seed ${seed}`).toBe(negative)
      expect(s.balance).toBe(s.income.total - s.paidTotal)
    }
    // The fuzz reaches the case it is about: overdrafts that only the merge revealed.
    expect(overdrawn).toBeGreaterThan(5)
  })
})
