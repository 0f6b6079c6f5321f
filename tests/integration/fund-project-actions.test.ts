// The fund project and ledger screens' writes and reads on a real local stack (Dexie and
// y-indexeddb on fake-indexeddb, real Yjs): the approved projects listed with their money and
// step; an implementer typed in yuan; two instalments paid with vouchers; a payment that would
// overdraw refused with its figures and nothing written; all of it kept across a restart; two
// laptops' payments that overdraw only once merged shown as a conflict, resolved by a correction.
import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { i18n } from 'i18next'
import { bookEntry, FieldInputError, readProjectRows, saveImplementation, type PlainT } from '../../src/renderer/features/fund/projectActions'
import { EMPTY_LEDGER_FIELDS, implementationFrom, implementerFieldsOf, ledgerEntryFrom } from '../../src/renderer/features/fund/projectInput'
import { budgetBars, spendingByMonth } from '../../src/renderer/features/fund/ChartData'
import { addProposal, book, initFundDoc, readLedger, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { readImplementation } from '../../src/shared/doc/fundProjects'
import { fundDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import { fundConflictText, fundRefusalText } from '../../src/shared/fund/messages'
import { createI18n } from '../../src/shared/i18n/index'
import { expectRejectsDocError, newDevice, stateOf } from './env'

const COUNCIL = asCouncilId('c0ffee00-0000-4000-8000-00000000f00d')
const who = { by: '王会计', now: '2026-02-01T09:00:00.000Z' }
let t: PlainT
beforeAll(async () => {
  const i: i18n = await createI18n('zh-CN')
  t = i.t.bind(i) as unknown as PlainT
})

/** ¥100,000 allocated; 路面修缮 approved at ¥50,000, 楼道扶手 rejected by the vote, 电梯 still being screened. */
function seed(doc: Y.Doc): string {
  initFundDoc(doc, COUNCIL, 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '东城街道', amount: 10_000_000, on: '2026-01-15' }, who)
  const base = { description: '', category: 'facilities', source: { kind: 'partyBranch', name: '党委' }, estimatedCost: 5_000_000, beneficiaries: 120, proposedOn: '2026-02-01' } as const
  const road = addProposal(doc, { ...base, title: '路面修缮' }, who)
  const rail = addProposal(doc, { ...base, title: '楼道扶手' }, who)
  addProposal(doc, { ...base, title: '电梯' }, who)
  for (const id of [road, rail]) screenProposal(doc, id, { kind: 'listed', priorityItem: null, on: '2026-02-10' }, who)
  recordDecision(doc, { proposalId: road, outcome: 'approved', budget: 5_000_000, on: '2026-03-01' }, who)
  recordDecision(doc, { proposalId: rail, outcome: 'rejected', budget: 0, on: '2026-03-01' }, who)
  return road
}

const payment = (projectId: string, amount: string, invoiceNo: string, on: string) => ledgerEntryFrom(t, { ...EMPTY_LEDGER_FIELDS, projectId, amount, on, payee: '安居路面公司', invoiceNo, issuedOn: on })

describe('fund project actions', () => {
  it('lists the approved project, records its implementer, pays two instalments and refuses an overdraft with its figures', async () => {
    const device = newDevice()
    let env = device.start()
    const h = await env.docs.acquire(fundDocName(COUNCIL, 2026))
    const road = seed(h.doc)
    expect(readProjectRows(h.doc)).toEqual([{ id: road, title: '路面修缮', budget: 5_000_000, committed: 0, paid: 0, remaining: 5_000_000, step: 'partyProposal' }])

    const typed = { ...implementerFieldsOf(null), kind: 'company' as const, name: '安居路面公司', contract: '48,000', share: '3000.5', signedOn: '2026-04-01' }
    await saveImplementation(env, h, implementationFrom(t, road, typed))
    expect(readImplementation(h.doc, road)).toMatchObject({ contractAmount: 4_800_000, residentsShare: 300_050 })
    expect(implementerFieldsOf(readImplementation(h.doc, road))).toMatchObject({ contract: '48000.00', share: '3000.50' })
    // The fund's part (48,000 − 3,000.50) fits the budget; 60,000 − 3,000.50 would not.
    const over = await expectRejectsDocError(saveImplementation(env, h, implementationFrom(t, road, { ...typed, contract: '60000' })), 'invalidInput')
    expect(over.detail).toEqual({ contractAmount: 'overBudget' })

    await bookEntry(env, h, payment(road, '20000', 'FP-0001', '2026-05-10'), ' 王会计 ')
    await bookEntry(env, h, payment(road, '25,000.00', 'FP-0002', '2026-07-20'), '王会计')
    const before = stateOf(h.doc)
    const refused = await expectRejectsDocError(bookEntry(env, h, payment(road, '6000', 'FP-0003', '2026-08-01'), '王会计'), 'badTransition')
    expect(fundRefusalText(t, refused.detail as { reason: string })).toBe(t('fund:refusal.overdrawsProject', { budget: '50,000.00', paid: '45,000.00', amount: '6,000.00', over: '1,000.00' }))
    expect(stateOf(h.doc)).toEqual(before)
    const ledger = readLedger(h.doc)
    expect(ledger.entries.filter((e) => e.kind === 'payment').map((e) => [e.amount, e.kind === 'payment' ? e.voucher?.invoiceNo : '', e.by])).toEqual([[2_000_000, 'FP-0001', '王会计'], [2_500_000, 'FP-0002', '王会计']])
    expect(ledger.balance).toBe(5_500_000)

    await env.docs.release(h.name)
    env = await device.restart(env)
    const again = await env.docs.acquire(fundDocName(COUNCIL, 2026))
    expect(readProjectRows(again.doc)).toEqual([{ id: road, title: '路面修缮', budget: 5_000_000, committed: 0, paid: 4_500_000, remaining: 500_000, step: 'partyProposal' }])
    expect(spendingByMonth(readLedger(again.doc), 2026).filter((m) => m.paid !== 0)).toEqual([{ month: 5, paid: 2_000_000, cumulative: 2_000_000 }, { month: 7, paid: 2_500_000, cumulative: 4_500_000 }])
  })

  it('shows payments made apart on two laptops that overdraw only once merged as a conflict, until a correction resolves it', async () => {
    const a = newDevice().start()
    const ha = await a.docs.acquire(fundDocName(COUNCIL, 2026))
    const road = seed(ha.doc)
    // The other laptop's replica (IndexedDB is one per process, so it is a bare Y.Doc here).
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ha.doc))
    // Each laptop alone stays within the ¥50,000 budget.
    const first = await bookEntry(a, ha, payment(road, '30000', 'FP-A', '2026-05-01'), '王会计')
    book(other, payment(road, '30000', 'FP-B', '2026-05-02'), { by: '李出纳', now: '2026-05-02T10:00:00.000Z' })
    Y.applyUpdate(ha.doc, Y.encodeStateAsUpdate(other))
    const merged = readLedger(ha.doc)
    expect(merged.conflicts).toEqual([{ kind: 'projectOverdrawn', projectId: road, budget: 5_000_000, paid: 6_000_000, over: 1_000_000, payments: expect.arrayContaining([first]) as unknown as string[] }])
    expect(fundConflictText(t, merged.conflicts[0]!)).toContain('10,000.00')
    expect(readProjectRows(ha.doc)[0]).toMatchObject({ paid: 6_000_000, remaining: -1_000_000 })
    expect(budgetBars(merged, new Map([[road, 5_000_000]]), new Map([[road, '路面修缮']]))).toEqual([{ projectId: road, title: '路面修缮', budget: 5_000_000, paid: 6_000_000 }])

    // The correction is a new entry; the original payment stays as booked.
    await bookEntry(a, ha, { kind: 'correction', corrects: first, amount: -1_000_000, on: '2026-05-03', reason: '多付退回' }, '王会计')
    const resolved = readLedger(ha.doc)
    expect(resolved.conflicts).toEqual([])
    expect(resolved.entries.find((e) => e.id === first)).toMatchObject({ amount: 3_000_000 })
    expect(resolved.net.get(first)).toBe(2_000_000)
    expect(spendingByMonth(resolved, 2026)[4]).toEqual({ month: 5, paid: 5_000_000, cumulative: 5_000_000 })
  })

  it('turns typed amounts into fen or a message for the field, and books a voucher only when one was given', () => {
    const bad = (() => {
      try {
        implementationFrom(t, 'p', { ...implementerFieldsOf(null), contract: '12.345', share: 'abc', signedOn: '2026-04-01' })
      } catch (e) {
        return e
      }
    })()
    expect(bad).toBeInstanceOf(FieldInputError)
    expect((bad as FieldInputError).fields).toEqual({ contractAmount: t('fund:moneyError.fractionOfFen'), residentsShare: t('fund:moneyError.format') })
    expect(() => ledgerEntryFrom(t, { ...EMPTY_LEDGER_FIELDS, amount: '' })).toThrow(FieldInputError)
    expect(ledgerEntryFrom(t, { ...EMPTY_LEDGER_FIELDS, projectId: 'p', amount: '1.5', on: '2026-05-01', payee: ' 张三 ' })).toEqual({ kind: 'payment', projectId: 'p', amount: 150, on: '2026-05-01', payee: '张三' })
    expect(ledgerEntryFrom(t, { ...EMPTY_LEDGER_FIELDS, kind: 'commitment', projectId: 'p', amount: '48000', on: '2026-04-01', note: ' 合同 ' })).toEqual({ kind: 'commitment', projectId: 'p', amount: 4_800_000, on: '2026-04-01', note: '合同' })
  })
})
