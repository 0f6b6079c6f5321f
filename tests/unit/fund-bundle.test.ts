// The fund-year file for the street office (fund/bundle.ts): the year's records signed at export;
// the review recomputes the figures and the checks from them and finds exactly what the council's
// own copy shows; any change to a signed file (an amount, a hash, a key, a cut) is refused.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { book } from '../../src/shared/doc/fund'
import { readFundFile } from '../../src/shared/doc/fundFile'
import { recordAcceptance, recordFundStep, recordSatisfaction, setImplementation } from '../../src/shared/doc/fundProjects'
import { readFundYear } from '../../src/shared/doc/fundRead'
import { createFundBundle, decodeFundBundle, encodeFundBundle, reviewFundBundle, verifyFundBundle, type FundBundle } from '../../src/shared/fund/bundle'
import { fundYearFindings } from '../../src/shared/fund/checks'
import { fundReviewChecks } from '../../src/shared/fund/reviewChecks'
import type { FileRef } from '../../src/shared/files/fileRef'
import { generateDeviceKey } from '../../src/shared/minutes/seal'
import { sha256Hex, utf8 } from '../../src/shared/minutes/webCrypto'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { discloseSteps, fundYear, who } from './fund-year-fixture'

const scan: FileRef = { hash: 'b'.repeat(64), name: '发票.jpg', type: 'image/jpeg', size: 2048 }
const COUNCIL = { id: 'council-0001', name: '锦江社区居民议事会' }
const AT = '2026-12-01T09:00:00.000Z'
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')

/** A clean year: contract, two instalments with vouchers, every step disclosed, accepted, rated. */
function cleanYear() {
  const { doc, project } = fundYear()
  discloseSteps(doc, project, scan)
  setImplementation(doc, { projectId: project, implementer: { kind: 'company', name: '蓉城电工' }, contractAmount: 100_000, residentsShare: 0, signedOn: '2026-04-20' })
  book(doc, { kind: 'payment', projectId: project, amount: 60_000, payee: '蓉城电工', on: '2026-05-01', voucher: { invoiceNo: 'F001', issuedOn: '2026-05-01', file: scan } }, who())
  book(doc, { kind: 'payment', projectId: project, amount: 40_000, payee: '蓉城电工', on: '2026-06-01', voucher: { invoiceNo: 'F002', issuedOn: '2026-06-01', file: scan } }, who())
  recordAcceptance(doc, { projectId: project, on: '2026-07-01', items: [{ text: '灯具全部点亮', passed: true, note: '' }], signedBy: ['王建国'] }, who())
  recordSatisfaction(doc, { projectId: project, via: 'paper', counts: { verySatisfied: 12, satisfied: 5, neutral: 1, dissatisfied: 0 } }, who())
  return { doc, project }
}

async function exported(doc: Y.Doc): Promise<{ bundle: FundBundle; text: string }> {
  const bundle = await createFundBundle(readFundFile(doc, COUNCIL, AT), await generateDeviceKey())
  return { bundle, text: encodeFundBundle(bundle) }
}

/** Whatever the council's copy finds, the review of its exported file finds too, in the same order. */
async function expectSameFindings(doc: Y.Doc) {
  const r = await reviewFundBundle((await exported(doc)).text)
  if (!r.ok) throw new Error(`review refused: ${r.reason}`)
  expect(r.findings).toEqual(fundYearFindings(readFundYear(doc)))
  return r.findings
}

describe('the fund-year bundle', () => {
  it('a clean year verifies and carries the contract, the steps with their 公示, acceptance, satisfaction, the ledger with voucher hashes; nothing to point out', async () => {
    const { doc, project } = cleanYear()
    const { bundle, text } = await exported(doc)
    expect(await verifyFundBundle(bundle)).toEqual({ ok: true })
    const r = await reviewFundBundle(text)
    if (!r.ok) throw new Error(r.reason)
    expect(r.findings).toEqual([])
    const f = r.bundle.file
    expect(f.council).toEqual(COUNCIL)
    expect(f.year).toBe(2026)
    expect(f.implementations).toEqual([{ projectId: project, implementer: { kind: 'company', name: '蓉城电工' }, contractAmount: 100_000, residentsShare: 0, signedOn: '2026-04-20' }])
    expect(f.steps.map((s) => [s.step, s.disclosure])).toHaveLength(5)
    expect(f.steps.every((s) => s.disclosure && s.scan?.hash === scan.hash)).toBe(true)
    expect(f.acceptances.map((a) => a.projectId)).toEqual([project])
    expect(f.satisfaction.map((s) => s.counts.verySatisfied)).toEqual([12])
    expect(f.files).toEqual([scan])
    expect(r.snapshot.ledger.projects.get(project)).toMatchObject({ budget: 100_000, paid: 100_000 })
    // Two exports of the same document sign the same file bytes.
    expect(canonicalJson((await exported(doc)).bundle.file)).toBe(canonicalJson(bundle.file))
  })

  it('refuses a tampered file: an amount changed, the hash recomputed, another key, a cut, another format', async () => {
    const { doc } = cleanYear()
    const { bundle, text } = await exported(doc)
    const amount = JSON.parse(text) as FundBundle
    const payment = amount.file.ledger.find((e) => (e as { kind: string }).kind === 'payment') as { amount: number }
    payment.amount = 6_000
    expect(await reviewFundBundle(JSON.stringify(amount))).toEqual({ ok: false, reason: 'hashMismatch' })
    // The forger recomputes the hash: the signature still names the original bytes.
    amount.seal.hash = await sha256Hex(utf8(canonicalJson(amount.file)))
    expect(await reviewFundBundle(JSON.stringify(amount))).toEqual({ ok: false, reason: 'badSignature' })
    // Signed again by another key, the file verifies as that key's, never as the council's original.
    const other = await createFundBundle(amount.file, await generateDeviceKey())
    expect(other.seal.publicKey).not.toBe(bundle.seal.publicKey)
    const swapped = { ...bundle, seal: { ...bundle.seal, publicKey: other.seal.publicKey } }
    expect(await verifyFundBundle(swapped)).toEqual({ ok: false, reason: 'badSignature' })
    expect(await reviewFundBundle(text.slice(0, text.length - 40))).toEqual({ ok: false, reason: 'truncated' })
    expect(await reviewFundBundle(text.replace('yishi.fund-bundle/1', 'yishi.bundle/1'))).toEqual({ ok: false, reason: 'wrongFormat' })
    expect(decodeFundBundle(JSON.stringify({ ...bundle, extra: 1 }))).toEqual({ ok: false, error: 'malformed' })
    expect(await verifyFundBundle({ ...bundle, file: { ...bundle.file, ledger: 'none' } })).toEqual({ ok: false, reason: 'malformed' })
  })

  it('finds a payment without a voucher, and an undisclosed step', async () => {
    const { doc, project } = fundYear()
    recordFundStep(doc, project, 'partyProposal', { date: '2026-03-20', body: '社区党委', note: '' }, who())
    const bare = book(doc, { kind: 'payment', projectId: project, amount: 60_000, payee: '蓉城电工', on: '2026-05-01' }, who())
    const findings = await expectSameFindings(doc)
    expect(findings).toContainEqual({ code: 'paymentWithoutVoucher', severity: 'error', projectId: project, paymentId: bare, amount: 60_000 })
    expect(findings).toContainEqual({ code: 'stepNotDisclosed', severity: 'error', projectId: project, step: 'partyProposal' })
  })

  it('finds a project over budget after two laptops paid it, and the negative list not respected', async () => {
    const { doc: a, project } = fundYear('小区物业费补贴')
    discloseSteps(a, project, scan, 2)
    const b = new Y.Doc()
    sync(a, b)
    book(a, { kind: 'payment', projectId: project, amount: 70_000, payee: 'X', on: '2026-05-10', voucher: { invoiceNo: 'A1', issuedOn: '2026-05-10', file: scan } }, who())
    book(b, { kind: 'payment', projectId: project, amount: 70_000, payee: 'X', on: '2026-05-11', voucher: { invoiceNo: 'B1', issuedOn: '2026-05-11', file: scan } }, who())
    b.getMap('screenings').set('late', { id: 'late', proposalId: project, kind: 'excluded', negativeItem: 'default-privateCosts', reason: '', on: '2026-03-02', at: '2026-03-02T00:00:00.000Z', by: 'b' })
    sync(b, a)
    const findings = await expectSameFindings(a)
    expect(findings).toContainEqual({ code: 'projectOverBudget', severity: 'error', projectId: project, budget: 100_000, paid: 140_000, over: 40_000 })
    expect(findings).toContainEqual({ code: 'negativeListConflict', severity: 'error', projectId: project, item: 'default-privateCosts' })
    expect(findings).toContainEqual({ code: 'negativeListWords', severity: 'warning', projectId: project, item: 'default-privateCosts', word: '物业费' })
  })
})

describe('the review’s four questions of a fund year', () => {
  const states = async (doc: Y.Doc) => {
    const r = await reviewFundBundle((await exported(doc)).text)
    if (!r.ok) throw new Error(r.reason)
    return Object.fromEntries(fundReviewChecks(r.findings).map((c) => [c.check, c.state]))
  }

  it('a clean year passes all four', async () => {
    expect(await states(cleanYear().doc)).toEqual({ vouchers: 'passed', budgets: 'passed', disclosed: 'passed', negativeList: 'passed' })
  })

  it('each fails on a year crafted to fail it, and only that one', async () => {
    const noVoucher = cleanYear()
    book(noVoucher.doc, { kind: 'correction', corrects: firstPayment(noVoucher.doc), amount: -60_000, on: '2026-06-10', reason: '重复入账' }, who())
    // The first instalment reversed and paid again, this time with no voucher.
    book(noVoucher.doc, { kind: 'payment', projectId: noVoucher.project, amount: 60_000, payee: '蓉城电工', on: '2026-06-11' }, who())
    expect(await states(noVoucher.doc)).toEqual({ vouchers: 'failed', budgets: 'passed', disclosed: 'passed', negativeList: 'passed' })

    const undisclosed = fundYear()
    recordFundStep(undisclosed.doc, undisclosed.project, 'partyProposal', { date: '2026-03-20', body: '社区党委', note: '' }, who())
    expect((await states(undisclosed.doc)).disclosed).toBe('failed')
    expect((await states(undisclosed.doc)).vouchers).toBe('passed')

    const a = fundYear()
    discloseSteps(a.doc, a.project, scan)
    const b = new Y.Doc()
    sync(a.doc, b)
    book(a.doc, { kind: 'payment', projectId: a.project, amount: 70_000, payee: '蓉城电工', on: '2026-05-10', voucher: { invoiceNo: 'A1', issuedOn: '2026-05-10', file: scan } }, who())
    book(b, { kind: 'payment', projectId: a.project, amount: 70_000, payee: '蓉城电工', on: '2026-05-11', voucher: { invoiceNo: 'B1', issuedOn: '2026-05-11', file: scan } }, who('b'))
    sync(b, a.doc)
    expect(await states(a.doc)).toEqual({ vouchers: 'passed', budgets: 'failed', disclosed: 'passed', negativeList: 'passed' })

    const words = fundYear('小区物业费补贴')
    discloseSteps(words.doc, words.project, scan)
    expect((await states(words.doc)).negativeList).toBe('lookAt')
    words.doc.getMap('screenings').set('late', { id: 'late', proposalId: words.project, kind: 'excluded', negativeItem: 'default-privateCosts', reason: '', on: '2026-03-02', at: '2026-03-02T00:00:00.000Z', by: 'b' })
    expect((await states(words.doc)).negativeList).toBe('failed')
  })
})

function firstPayment(doc: Y.Doc): string {
  return readFundFile(doc, COUNCIL, AT).ledger.map((e) => e as { id: string; kind: string; on: string }).filter((e) => e.kind === 'payment').sort((x, y) => (x.on < y.on ? -1 : 1))[0]!.id
}
