// The street office's checks of a fund year (fund/checks.ts) on a real document: a clean year has
// nothing to point out; each fault a street office looks for is found, with its figures.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addProposal, book, recordProposalReply, screenProposal } from '../../src/shared/doc/fund'
import { recordAcceptance, recordFundStep } from '../../src/shared/doc/fundProjects'
import { readFundFileRefs, readFundYear } from '../../src/shared/doc/fundRead'
import { fundYearFindings } from '../../src/shared/fund/checks'
import type { FileRef } from '../../src/shared/files/fileRef'
import { discloseSteps, fundYear, who } from './fund-year-fixture'

const scan: FileRef = { hash: 'a'.repeat(64), name: '发票.jpg', type: 'image/jpeg', size: 2048 }
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')

describe('the street office checks of a fund year', () => {
  it('a clean year: paid with vouchers and scans, every step disclosed, accepted: nothing to point out', () => {
    const { doc, project } = fundYear()
    discloseSteps(doc, project, scan)
    book(doc, { kind: 'payment', projectId: project, amount: 60_000, payee: '蓉城电工', on: '2026-05-01', voucher: { invoiceNo: 'F001', issuedOn: '2026-05-01', file: scan } }, who())
    book(doc, { kind: 'payment', projectId: project, amount: 40_000, payee: '蓉城电工', on: '2026-06-01', voucher: { invoiceNo: 'F002', issuedOn: '2026-06-01', file: scan } }, who())
    recordAcceptance(doc, { projectId: project, on: '2026-07-01', items: [{ text: '灯具全部点亮', passed: true, note: '' }], signedBy: ['王建国'] }, who())
    expect(fundYearFindings(readFundYear(doc))).toEqual([])
    expect(readFundFileRefs(doc).length).toBe(7)
  })

  it('finds a payment without a voucher, a voucher without its scan, an undisclosed step, a payment before the resolution, a full payment not accepted', () => {
    const { doc, project } = fundYear()
    recordFundStep(doc, project, 'partyProposal', { date: '2026-03-20', body: '社区党委', note: '' }, who())
    const bare = book(doc, { kind: 'payment', projectId: project, amount: 60_000, payee: '蓉城电工', on: '2026-05-01' }, who())
    const noScan = book(doc, { kind: 'payment', projectId: project, amount: 40_000, payee: '蓉城电工', on: '2026-06-01', voucher: { invoiceNo: 'F002', issuedOn: '2026-06-01' } }, who())
    expect(fundYearFindings(readFundYear(doc))).toEqual([
      { code: 'paymentWithoutVoucher', severity: 'error', projectId: project, paymentId: bare, amount: 60_000 },
      { code: 'voucherWithoutScan', severity: 'warning', projectId: project, paymentId: noScan, amount: 40_000 },
      { code: 'stepNotDisclosed', severity: 'error', projectId: project, step: 'partyProposal' },
      { code: 'paidBeforeResolution', severity: 'error', projectId: project },
      { code: 'paidWithoutAcceptance', severity: 'warning', projectId: project },
    ])
    // A voucher attached later answers the first finding.
    book(doc, { kind: 'voucher', on: '2026-05-02', paymentId: bare, voucher: { invoiceNo: 'F001', issuedOn: '2026-05-01', file: scan } }, who())
    expect(fundYearFindings(readFundYear(doc)).map((f) => f.code)).not.toContain('paymentWithoutVoucher')
  })

  it('finds a project over budget after two laptops paid it, and the negative list not respected', () => {
    const { doc: a, project } = fundYear('小区物业费补贴')
    discloseSteps(a, project, scan, 2)
    const b = new Y.Doc()
    sync(a, b)
    book(a, { kind: 'payment', projectId: project, amount: 70_000, payee: 'X', on: '2026-05-10', voucher: { invoiceNo: 'A1', issuedOn: '2026-05-10', file: scan } }, who())
    book(b, { kind: 'payment', projectId: project, amount: 70_000, payee: 'X', on: '2026-05-11', voucher: { invoiceNo: 'B1', issuedOn: '2026-05-11', file: scan } }, who())
    // Laptop B also excluded the proposal by the negative list, after A had listed it (offline).
    const open = addProposal(b, { title: '健身器材', description: '', category: 'facilities', source: { kind: 'paperForm', name: '张' }, estimatedCost: 1, beneficiaries: 1, proposedOn: '2026-02-01' }, who())
    b.getMap('screenings').set('late', { id: 'late', proposalId: project, kind: 'excluded', negativeItem: 'default-privateCosts', reason: '', on: '2026-03-02', at: '2026-03-02T00:00:00.000Z', by: 'b' })
    sync(b, a)
    sync(a, b)
    const findings = fundYearFindings(readFundYear(a))
    expect(findings).toContainEqual({ code: 'projectOverBudget', severity: 'error', projectId: project, budget: 100_000, paid: 140_000, over: 40_000 })
    expect(findings).toContainEqual({ code: 'negativeListConflict', severity: 'error', projectId: project, item: 'default-privateCosts' })
    expect(findings).toContainEqual({ code: 'negativeListWords', severity: 'warning', projectId: project, item: 'default-privateCosts', word: '物业费' })
    expect(findings).toContainEqual({ code: 'proposalNotScreened', severity: 'warning', proposalId: open })
    expect(fundYearFindings(readFundYear(b))).toEqual(findings)
  })

  it('finds an excluded proposal whose proposer was never answered, until the reply is recorded', () => {
    const { doc } = fundYear()
    const p = addProposal(doc, { title: '物业费补贴', description: '', category: 'other', source: { kind: 'paperForm', name: '张' }, estimatedCost: 100, beneficiaries: 1, proposedOn: '2026-02-01' }, who())
    screenProposal(doc, p, { kind: 'excluded', negativeItem: 'default-privateCosts', reason: '', on: '2026-03-01' }, who())
    expect(fundYearFindings(readFundYear(doc))).toContainEqual({ code: 'exclusionNotReplied', severity: 'warning', proposalId: p })
    recordProposalReply(doc, { proposalId: p, on: '2026-03-03', how: 'inPerson', what: '物业费由业主承担，不能使用保障资金。' }, who())
    expect(fundYearFindings(readFundYear(doc)).map((f) => f.code)).not.toContain('exclusionNotReplied')
  })
})
