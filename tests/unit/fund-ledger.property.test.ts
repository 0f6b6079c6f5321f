// Property and exact tests of the fund ledger (fund/ledger.ts): whatever a secretary books in
// whatever order, accepted entries never overdraw a project or the year, the totals always equal
// the sum of the entries, a correction and its original always net exactly, and the figures do not
// depend on the order the entries arrived in.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entryRefusal, resolveLedger, type CorrectionEntry, type LedgerEntry, type NewEntry } from '../../src/shared/fund/ledger'

const budgets = new Map([
  ['p1', 100_000],
  ['p2', 250_050],
  ['p3', 1],
])
const projects = ['p1', 'p2', 'p3', 'nope']
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)

const attempt = fc.oneof(
  fc.record({ kind: fc.constant('income' as const), amount: fc.integer({ min: -5, max: 400_000 }), source: fc.constantFrom('allocation', 'carryOver', 'other' as const) }),
  fc.record({ kind: fc.constant('commitment' as const), amount: fc.integer({ min: 0, max: 200_000 }), project: fc.nat(3) }),
  fc.record({ kind: fc.constant('payment' as const), amount: fc.integer({ min: 0, max: 150_000 }), project: fc.nat(3), invoice: fc.nat(5) }),
  fc.record({ kind: fc.constant('correction' as const), amount: fc.integer({ min: -200_000, max: 200_000 }), target: fc.nat(40) }),
  fc.record({ kind: fc.constant('voucher' as const), target: fc.nat(40), invoice: fc.nat(5) }),
)
type Attempt = typeof attempt extends fc.Arbitrary<infer T> ? T : never

function toEntry(a: Attempt, prior: LedgerEntry[], i: number): NewEntry {
  const on = day(i % 300)
  const pick = (n: number) => prior[n % Math.max(1, prior.length)]?.id ?? 'missing'
  switch (a.kind) {
    case 'income':
      return { kind: 'income', on, source: a.source, from: a.source === 'other' ? '社区基金会' : '', amount: a.amount }
    case 'commitment':
      return { kind: 'commitment', on, projectId: projects[a.project]!, amount: a.amount, note: '' }
    case 'payment':
      return { kind: 'payment', on, projectId: projects[a.project]!, amount: a.amount, payee: '某公司', voucher: { invoiceNo: `NO${i}-${a.invoice}`, issuedOn: on } }
    case 'correction':
      return { kind: 'correction', on, corrects: pick(a.target), amount: a.amount, reason: '录入有误' }
    case 'voucher':
      return { kind: 'voucher', on, paymentId: pick(a.target), voucher: { invoiceNo: `V${i}-${a.invoice}`, issuedOn: on } }
  }
}

/** Books every attempt the rules accept, one after the other, as one laptop would. */
function bookAll(attempts: Attempt[]): LedgerEntry[] {
  const entries: LedgerEntry[] = []
  attempts.forEach((a, i) => {
    const e = toEntry(a, entries, i)
    if (entryRefusal(resolveLedger(entries, budgets), budgets, e, 2026) === null) entries.push({ ...e, id: `e${String(i).padStart(3, '0')}`, at: `2026-06-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`, by: 'a' } as LedgerEntry)
  })
  return entries
}

describe('the fund ledger (properties)', () => {
  it('accepted entries never overdraw, totals equal the sum of entries, corrections net exactly', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 60 }), (attempts) => {
        const entries = bookAll(attempts)
        const s = resolveLedger(entries, budgets)
        expect(s.conflicts.filter((c) => c.kind !== 'duplicateVoucher')).toEqual([])
        // Each original's net is its amount plus its corrections, and is never negative.
        for (const e of entries) {
          if (e.kind !== 'income' && e.kind !== 'commitment' && e.kind !== 'payment') continue
          const corr = entries.filter((c): c is CorrectionEntry => c.kind === 'correction' && c.corrects === e.id).reduce((t, c) => t + c.amount, 0)
          expect(s.net.get(e.id)).toBe(e.amount + corr)
          expect(s.net.get(e.id)!).toBeGreaterThanOrEqual(0)
        }
        // Totals are the sums of the entries, exactly.
        const sumOf = (k: string) => entries.filter((e) => e.kind === k).reduce((t, e) => t + s.net.get(e.id)!, 0)
        expect(s.income.total).toBe(sumOf('income'))
        expect(s.paidTotal).toBe(sumOf('payment'))
        expect(s.committedTotal).toBe(sumOf('commitment'))
        expect(s.balance).toBe(s.income.total - s.paidTotal)
        expect(s.balance).toBeGreaterThanOrEqual(0)
        for (const p of s.projects.values()) {
          expect(p.remaining).toBeGreaterThanOrEqual(0)
          expect(p.committed).toBeLessThanOrEqual(p.budget)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('the figures depend on the set of entries, not their order', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), fc.integer(), (attempts, seed) => {
        const entries = bookAll(attempts)
        const shuffled = [...entries].sort((a, b) => ((a.id.charCodeAt(2) * seed) % 7) - ((b.id.charCodeAt(2) * seed) % 7) || (a.id < b.id ? 1 : -1))
        const x = resolveLedger(entries, budgets)
        const y = resolveLedger(shuffled, budgets)
        expect({ ...y, projects: [...y.projects], net: [...y.net] }).toEqual({ ...x, projects: [...x.projects], net: [...x.net] })
      }),
    )
  })

  it('a full reversal leaves the figures as if the payment had never been booked', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), fc.nat(), (attempts, k) => {
        const entries = bookAll(attempts)
        const payments = entries.filter((e) => e.kind === 'payment')
        if (!payments.length) return
        const p = payments[k % payments.length]!
        const s = resolveLedger(entries, budgets)
        const reversal = { kind: 'correction', on: '2026-12-31', corrects: p.id, amount: -s.net.get(p.id)!, reason: '退款' } as const
        if (reversal.amount === 0) return
        expect(entryRefusal(s, budgets, reversal, 2026)).toBeNull()
        const after = resolveLedger([...entries, { ...reversal, id: 'zz', at: '2026-12-31T00:00:00.000Z', by: 'a' }], budgets)
        const without = resolveLedger(entries.filter((e) => e.id !== p.id && !(e.kind === 'correction' && e.corrects === p.id)), budgets)
        expect(after.paidTotal).toBe(without.paidTotal)
        expect(after.balance).toBe(without.balance)
        expect(after.net.get(p.id)).toBe(0)
      }),
    )
  })
})

describe('the fund ledger (exact)', () => {
  const at = (i: number) => `2026-06-0${i}T08:00:00.000Z`
  const base: LedgerEntry[] = [
    { id: 'i1', kind: 'income', source: 'allocation', from: '', amount: 32_460_000, on: '2026-01-10', at: at(1), by: 'a' },
    { id: 'i2', kind: 'income', source: 'carryOver', from: '', amount: 1_000_000, on: '2026-01-10', at: at(1), by: 'a' },
    { id: 'pay1', kind: 'payment', projectId: 'p1', amount: 60_000, payee: '蓉城物业', on: '2026-03-01', at: at(2), by: 'a', voucher: { invoiceNo: 'F001', issuedOn: '2026-03-01' } },
  ]
  const b = new Map([['p1', 100_000]])

  it('a payment that would overdraw the project is refused with the figures', () => {
    const s = resolveLedger(base, b)
    expect(s.projects.get('p1')).toEqual({ projectId: 'p1', budget: 100_000, committed: 0, paid: 60_000, remaining: 40_000 })
    expect(s.balance).toBe(33_400_000)
    expect(entryRefusal(s, b, { kind: 'payment', projectId: 'p1', amount: 40_001, payee: 'X', on: '2026-04-01' }, 2026)).toEqual({ reason: 'overdrawsProject', budget: 100_000, paid: 60_000, amount: 40_001, over: 1 })
    expect(entryRefusal(s, b, { kind: 'payment', projectId: 'p1', amount: 40_000, payee: 'X', on: '2026-04-01' }, 2026)).toBeNull()
    expect(entryRefusal(s, b, { kind: 'payment', projectId: 'p9', amount: 1, payee: 'X', on: '2026-04-01' }, 2026)).toEqual({ reason: 'noBudget' })
  })

  it('a payment that would overdraw the year is refused with the figures, and income cannot be corrected under what was paid', () => {
    const small = [{ ...base[0]!, amount: 50_000 }, base[2]!].map((e) => ({ ...e })) as LedgerEntry[]
    const s = resolveLedger(small, b)
    expect(s.conflicts).toEqual([{ kind: 'yearOverdrawn', income: 50_000, paid: 60_000, over: 10_000 }])
    const ok = resolveLedger([{ ...base[0]!, amount: 70_000 } as LedgerEntry, base[2]!], b)
    expect(entryRefusal(ok, b, { kind: 'payment', projectId: 'p1', amount: 10_001, payee: 'X', on: '2026-04-01' }, 2026)).toEqual({ reason: 'overdrawsYear', income: 70_000, paid: 60_000, amount: 10_001, over: 1 })
    expect(entryRefusal(ok, b, { kind: 'correction', corrects: 'i1', amount: -10_001, reason: '下拨调整', on: '2026-04-01' }, 2026)).toEqual({ reason: 'overdrawsYear', income: 70_000, paid: 60_000, amount: -10_001, over: 1 })
  })

  it('corrections reference their original: below zero is refused; a voucher cannot be corrected; other income needs its source', () => {
    const s = resolveLedger(base, b)
    expect(entryRefusal(s, b, { kind: 'correction', corrects: 'pay1', amount: -60_001, reason: '退款', on: '2026-04-01' }, 2026)).toEqual({ reason: 'belowZero', net: 60_000, amount: -60_001 })
    expect(entryRefusal(s, b, { kind: 'correction', corrects: 'pay1', amount: -100, reason: ' ', on: '2026-04-01' }, 2026)).toEqual({ reason: 'reasonRequired' })
    expect(entryRefusal(s, b, { kind: 'correction', corrects: 'nope', amount: -100, reason: 'x', on: '2026-04-01' }, 2026)).toEqual({ reason: 'notFound' })
    expect(entryRefusal(s, b, { kind: 'income', source: 'other', from: ' ', amount: 100, on: '2026-04-01' }, 2026)).toEqual({ reason: 'sourceRequired' })
    expect(entryRefusal(s, b, { kind: 'income', source: 'allocation', from: '', amount: 100, on: '2027-01-01' }, 2026)).toEqual({ reason: 'dateInvalid' })
  })

  it('after a merge: two payments each within budget together overdraw, and a duplicate invoice is named', () => {
    const merged: LedgerEntry[] = [
      ...base,
      { id: 'pay2', kind: 'payment', projectId: 'p1', amount: 40_000, payee: '蓉城物业', on: '2026-03-05', at: at(3), by: 'laptopB', voucher: { invoiceNo: 'F002', issuedOn: '2026-03-05' } },
      { id: 'pay3', kind: 'payment', projectId: 'p1', amount: 40_000, payee: '蓉城物业', on: '2026-03-05', at: at(3), by: 'laptopC', voucher: { invoiceNo: 'F002', issuedOn: '2026-03-05' } },
    ]
    const s = resolveLedger(merged, b)
    expect(s.conflicts).toEqual([
      { kind: 'projectOverdrawn', projectId: 'p1', budget: 100_000, paid: 140_000, over: 40_000, payments: ['pay1', 'pay2', 'pay3'] },
      { kind: 'duplicateVoucher', invoiceNo: 'F002', payments: ['pay2', 'pay3'] },
    ])
    // Resolved by reversing the duplicate: both conflicts go.
    const fixed = resolveLedger([...merged, { id: 'c1', kind: 'correction', corrects: 'pay3', amount: -40_000, reason: '重复录入', on: '2026-03-06', at: at(4), by: 'a' }], b)
    expect(fixed.conflicts).toEqual([])
    expect(fixed.projects.get('p1')!.remaining).toBe(0)
  })
})
