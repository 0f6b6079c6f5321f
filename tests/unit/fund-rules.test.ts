// The fund year's rules besides the ledger: screening proposals (merge, negative list, priority
// list, the proposal list's totals), what is still affordable before each vote, the five-step
// path's order, the contract against the budget, the review's average, satisfaction tallies.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { affordability, decisionRefusal, resolveDecisions, type DecisionEntry } from '../../src/shared/fund/decision'
import type { FUND_STEPS} from '../../src/shared/fund/fundPath';
import { fundStepRefusal, resolveFundPath, type FundStepEntry } from '../../src/shared/fund/fundPath'
import { implementationErrors, reviewResult, satisfactionTally, type Implementation } from '../../src/shared/fund/implementation'
import { proposalErrors, proposalList, resolveProposals, screeningRefusal, type Proposal, type Screening, type ScreeningEntry } from '../../src/shared/fund/proposals'

const proposal = (id: string, cost: number, on = '2026-02-01'): Proposal => ({
  id,
  title: `项目${id}`,
  description: '',
  category: 'facilities',
  source: { kind: 'paperForm', name: '李桂兰' },
  estimatedCost: cost,
  beneficiaries: 300,
  proposedOn: on,
  recordedAt: '2026-02-01T08:00:00.000Z',
  recordedBy: 'a',
})
const screen = (id: string, proposalId: string, at: string, s: Screening): ScreeningEntry => ({ ...s, id, proposalId, on: '2026-03-01', at, by: 'a' }) as ScreeningEntry
const lists = { negative: [{ id: 'default-privateCosts', key: 'privateCosts', text: '' }], priority: [{ id: 'elderly', key: '', text: '适老化改造' }] }

describe('screening proposals', () => {
  const ps = [proposal('a', 5_000_000), proposal('b', 3_000_000), proposal('c', 800_000), proposal('d', 2_000_000, '2026-01-15')]

  it('merges duplicates, excludes by the negative list with its reason, lists the rest with totals against the money', () => {
    const s = resolveProposals(ps, [
      screen('s1', 'b', '2026-03-01T01:00:00Z', { kind: 'merged', into: 'a' }),
      screen('s2', 'c', '2026-03-01T02:00:00Z', { kind: 'excluded', negativeItem: 'default-privateCosts', reason: '属于业主个人承担的物业费' }),
      screen('s3', 'a', '2026-03-01T03:00:00Z', { kind: 'listed', priorityItem: null }),
      screen('s4', 'd', '2026-03-01T04:00:00Z', { kind: 'listed', priorityItem: 'elderly' }),
    ])
    expect(s.get('b')!.status).toBe('merged')
    expect(s.get('a')!.merged).toEqual(['b'])
    expect(s.get('c')!.screening).toMatchObject({ kind: 'excluded', negativeItem: 'default-privateCosts' })
    const list = proposalList(s, 6_000_000)
    // The priority one first; totals exact; the margin says what would not fit.
    expect(list.rows.map((r) => [r.proposal.id, r.priorityItem, r.merged])).toEqual([
      ['d', 'elderly', 0],
      ['a', null, 1],
    ])
    expect(list.total).toBe(7_000_000)
    expect(list.margin).toBe(-1_000_000)
  })

  it('refuses a merge into a merged or excluded proposal, an exclusion without a reason, an unknown list item; two laptops: the earliest stands', () => {
    const s = resolveProposals(ps, [screen('s1', 'b', '2026-03-01T01:00:00Z', { kind: 'merged', into: 'a' }), screen('s2', 'c', '2026-03-01T02:00:00Z', { kind: 'excluded', negativeItem: null, reason: '重复' })])
    expect(screeningRefusal(s, 'a', { kind: 'merged', into: 'b', on: '2026-03-02' }, lists)).toBe('mergeTargetInvalid')
    expect(screeningRefusal(s, 'a', { kind: 'merged', into: 'c', on: '2026-03-02' }, lists)).toBe('mergeTargetInvalid')
    expect(screeningRefusal(s, 'a', { kind: 'excluded', negativeItem: null, reason: ' ', on: '2026-03-02' }, lists)).toBe('reasonRequired')
    expect(screeningRefusal(s, 'a', { kind: 'excluded', negativeItem: 'x', reason: '', on: '2026-03-02' }, lists)).toBe('unknownListItem')
    expect(screeningRefusal(s, 'b', { kind: 'listed', priorityItem: null, on: '2026-03-02' }, lists)).toBe('alreadyScreened')
    // A loop made on two laptops: a→b and b→a; the earlier stands, the later is a conflict.
    const loop = resolveProposals(ps, [screen('x1', 'a', '2026-03-01T01:00:00Z', { kind: 'merged', into: 'b' }), screen('x2', 'b', '2026-03-01T02:00:00Z', { kind: 'merged', into: 'a' })])
    expect([loop.get('a')!.status, loop.get('b')!.status]).toEqual(['merged', 'open'])
  })

  it('checks the proposal fields', () => {
    const { id: _id, recordedAt: _r, recordedBy: _b, ...f } = proposal('a', 0)
    expect(proposalErrors(f, 2026)).toEqual({ estimatedCost: 'amountInvalid' })
    expect(proposalErrors({ ...f, estimatedCost: 1, source: { kind: 'request', name: '李' } }, 2026)).toEqual({ source: 'required' })
  })
})

describe('deciding per project: the money available, before the vote', () => {
  const list = [
    { proposalId: 'a', budget: 150_000_00 },
    { proposalId: 'b', budget: 120_000_00 },
    { proposalId: 'c', budget: 80_000_00 },
  ]

  it('says what is still affordable given the votes so far', () => {
    const r = affordability(list, new Map([['a', 'approved']]), 324_600_00)
    expect(r.approvedTotal).toBe(150_000_00)
    expect(r.remaining).toBe(174_600_00)
    expect(r.pending).toEqual([
      { proposalId: 'b', budget: 120_000_00, fits: true, over: 0 },
      { proposalId: 'c', budget: 80_000_00, fits: true, over: 0 },
    ])
    expect(r.overIfAllApproved).toBe(25_400_00)
    const r2 = affordability(list, new Map([['a', 'approved'], ['b', 'approved']]), 324_600_00)
    expect(r2.pending).toEqual([{ proposalId: 'c', budget: 80_000_00, fits: false, over: 25_400_00 }])
  })

  it('approved totals never pass the money available when every approval goes through the rule', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ budget: fc.integer({ min: 1, max: 1_000_000 }), approve: fc.boolean() }), { maxLength: 20 }), fc.integer({ min: 0, max: 3_000_000 }), (items, available) => {
        const entries: DecisionEntry[] = []
        const listed = new Set(items.map((_, i) => `p${i}`))
        items.forEach((it, i) => {
          const d = { proposalId: `p${i}`, outcome: it.approve ? ('approved' as const) : ('rejected' as const), budget: it.approve ? it.budget : 0, on: '2026-04-01' }
          const before = affordability(items.map((x, j) => ({ proposalId: `p${j}`, budget: x.budget })), new Map(entries.map((e) => [e.proposalId, e.outcome])), available)
          const refusal = decisionRefusal(resolveDecisions(entries, available), listed, d, available)
          // The screen's promise and the rule agree.
          if (it.approve) expect(refusal === null).toBe(before.pending.find((p) => p.proposalId === d.proposalId)!.fits)
          if (!refusal) entries.push({ ...d, id: `d${i}`, at: `2026-04-01T00:00:${String(i).padStart(2, '0')}Z`, by: 'a' })
        })
        const s = resolveDecisions(entries, available)
        expect(s.approvedTotal).toBeLessThanOrEqual(available)
        expect(s.overAvailable).toBeNull()
      }),
    )
  })

  it('approvals made apart that together pass the money are a conflict after the merge', () => {
    const e = (id: string, p: string, budget: number, at: string): DecisionEntry => ({ id, proposalId: p, outcome: 'approved', budget, on: '2026-04-01', at, by: id })
    const s = resolveDecisions([e('x', 'a', 200, '2026-04-01T01:00:00Z'), e('y', 'b', 200, '2026-04-01T02:00:00Z'), e('z', 'a', 50, '2026-04-01T03:00:00Z')], 300)
    expect(s.overAvailable).toEqual({ available: 300, approvedTotal: 400, over: 100 })
    expect(s.duplicates.map((d) => d.id)).toEqual(['z'])
  })
})

describe('the five steps and implementation', () => {
  const step = (id: string, s: (typeof FUND_STEPS)[number], date: string, at = `2026-01-01T00:00:0${id.length}Z`): FundStepEntry => ({ id, projectId: 'p', step: s, date, body: '社区党委', note: '', at, by: 'a' })

  it('a step is refused before the one before it, and a step dated earlier does not stand after a merge', () => {
    expect(fundStepRefusal(resolveFundPath('p', []), 'councilResolution', { date: '2026-03-01', body: '议事会', note: '' })).toBe('previousPending')
    const path = resolveFundPath('p', [step('a', 'partyProposal', '2026-03-01')])
    expect(fundStepRefusal(path, 'councilResolution', { date: '2026-02-28', body: '议事会', note: '' })).toBe('beforePrevious')
    expect(fundStepRefusal(path, 'councilResolution', { date: '2026-03-05', body: '议事会', note: '', disclosure: { postedOn: '2026-03-06', until: '2026-03-13' } })).toBeNull()
    const merged = resolveFundPath('p', [step('a', 'partyProposal', '2026-03-01'), step('bb', 'councilResolution', '2026-02-01'), step('ccc', 'councilResolution', '2026-03-02')])
    expect(merged[1]!.entry!.id).toBe('ccc')
    expect(merged[1]!.conflicts.map((c) => c.id)).toEqual(['bb'])
    expect(merged.map((s) => s.state)).toEqual(['done', 'done', 'ready', 'waiting', 'waiting'])
  })

  it("the fund's part of the contract must fit the budget; the residents' share cannot exceed the contract", () => {
    const i: Implementation = { projectId: 'p', implementer: { kind: 'company', name: '蓉城建设' }, contractAmount: 120_000_00, residentsShare: 20_000_00, signedOn: '2026-05-01' }
    expect(implementationErrors(i, 100_000_00)).toEqual({})
    expect(implementationErrors({ ...i, residentsShare: 19_999_99 }, 100_000_00)).toEqual({ contractAmount: 'overBudget' })
    expect(implementationErrors({ ...i, residentsShare: 130_000_00 }, 100_000_00)).toEqual({ residentsShare: 'shareTooLarge' })
  })

  it("the review's average is exact to a tenth; satisfaction counts each phone code once", () => {
    const sheet = { projectId: 'p', criteria: [{ id: 'q', title: '质量', max: 60 }, { id: 't', title: '进度', max: 40 }] }
    const sc = (id: string, scorer: string, q: number, t: number, at: string) => ({ id, projectId: 'p', scorer, role: 'leader' as const, scores: { q, t }, at })
    const r = reviewResult(sheet, [sc('1', '王', 50, 35, '1'), sc('2', '李', 55, 30, '2'), sc('3', '张', 52, 38, '3'), sc('4', '王', 51, 35, '4')])
    expect(r.sheets.map((s) => [s.scorer, s.total])).toEqual([['张', 90], ['李', 85], ['王', 86]])
    expect([r.sum, r.count, r.max, r.average]).toEqual([261, 3, 100, '87.0'])
    expect(reviewResult(sheet, [sc('1', '王', 50, 35, '1'), sc('2', '李', 50, 36, '2')]).average).toBe('85.5')
    expect(reviewResult(sheet, [sc('1', '王', 60, 40, '1'), sc('2', '李', 60, 40, '2'), sc('3', '张', 60, 39, '3')]).average).toBe('99.7')
    const zero = { verySatisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0 }
    const t = satisfactionTally('p', [
      { id: 'a', projectId: 'p', via: 'paper', counts: { ...zero, verySatisfied: 20, satisfied: 10, dissatisfied: 2 }, at: '1' },
      { id: 'b', projectId: 'p', via: 'phone', codeId: 'k1', counts: { ...zero, satisfied: 1 }, at: '2' },
      { id: 'c', projectId: 'p', via: 'phone', codeId: 'k1', counts: { ...zero, dissatisfied: 1 }, at: '3' },
      { id: 'd', projectId: 'p', via: 'phone', codeId: 'k2', counts: { ...zero, neutral: 1 }, at: '4' },
    ])
    expect(t).toEqual({ counts: { verySatisfied: 20, satisfied: 11, neutral: 1, dissatisfied: 2 }, total: 34, satisfied: { num: 31, den: 34 }, repeated: ['c'] })
  })
})
