// A fund year's approved project carried through (issue 19, steps 6–8), in zh-CN: the year is
// seeded with its allocation and one approved project by writing the fund document into the
// page's IndexedDB (as the app's own y-indexeddb stores it); then, through the screens: the
// implementer and contract, two instalments paid with vouchers and a scanned receipt, a third
// payment that would overdraw refused with its figures, acceptance and paper satisfaction, the
// 收支公示 printed to PDF and the ledger exported as XLSX and read back with exceljs.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import ExcelJS from 'exceljs'
import * as Y from 'yjs'
import type { Page } from '@playwright/test'
import { book, initFundDoc, recordDecision, screenProposal, addProposal } from '../../src/shared/doc/fund'
import { fundDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import F from '../../src/shared/i18n/locales/zh-CN/fund.json' with { type: 'json' }
import enF from '../../src/shared/i18n/locales/en/fund.json' with { type: 'json' }
import { createCouncil, expect, test } from './fixtures'
import { fmt } from './i18n'
import { storeDocUpdate } from './fundSeed'

const SHOTS = '/tmp/shots/helper-fundB'
const year = new Date().getFullYear()
const COUNCIL = '清风社区居民议事会'
const PROJECT = '3号院路面修缮'

/** The year's document with its allocation (¥100,000) and one approved project (budget ¥50,000). */
function seedUpdate(councilId: string): { update: number[]; projectId: string } {
  const doc = new Y.Doc()
  const who = { now: `${year}-02-01T09:00:00.000Z`, by: '王会计' }
  initFundDoc(doc, asCouncilId(councilId), year)
  book(doc, { kind: 'income', source: 'allocation', from: '东城街道', amount: 10_000_000, on: `${year}-01-15` }, who)
  const projectId = addProposal(doc, { title: PROJECT, description: '3号院内道路坑洼，雨天积水', category: 'facilities', source: { kind: 'paperForm', name: '3号院居民' }, estimatedCost: 5_000_000, beneficiaries: 120, proposedOn: `${year}-02-01` }, who)
  screenProposal(doc, projectId, { kind: 'listed', priorityItem: null, on: `${year}-02-10` }, who)
  recordDecision(doc, { proposalId: projectId, outcome: 'approved', budget: 5_000_000, on: `${year}-03-01` }, who)
  return { update: [...Y.encodeStateAsUpdate(doc)], projectId }
}

async function pay(page: Page, amount: string, payee: string, invoiceNo: string, on: string) {
  const form = page.getByRole('form', { name: F.ledgerScreen.form.title })
  await form.getByLabel(F.ledgerScreen.form.amount).fill(amount)
  await form.getByLabel(F.ledgerScreen.form.on, { exact: true }).fill(on)
  await form.getByLabel(F.ledgerScreen.form.by).fill('王会计')
  await form.getByLabel(F.ledgerScreen.form.payee).fill(payee)
  await form.getByLabel(F.ledgerScreen.form.invoiceNo).fill(invoiceNo)
  await form.getByLabel(F.ledgerScreen.form.issuedOn).fill(on)
}

test('a fund project: implementer, two instalments with vouchers, an overdraft refused, acceptance, satisfaction, the notice and the ledger', async ({ page, problems }) => {
  await createCouncil(page, COUNCIL)
  const councilId = /#\/c\/([^/]+)/.exec(page.url())![1]!
  const { update, projectId } = seedUpdate(councilId)
  await storeDocUpdate(page, fundDocName(asCouncilId(councilId), year), update)

  // The projects tab lists the approved project with its money and step.
  await page.goto(`/#/c/${councilId}/f/${year}/projects`)
  const table = page.getByRole('table', { name: F.projects.title })
  await expect(table.getByRole('row', { name: new RegExp(PROJECT) })).toContainText('50,000.00')
  await expect(table).toContainText(F.step.partyProposal)
  await page.screenshot({ path: `${SHOTS}/projects-zh-CN.png`, fullPage: true })

  // The project: its implementer and contract (the fund's part must fit the budget).
  await table.getByRole('link', { name: PROJECT }).click()
  await expect(page.getByRole('heading', { level: 1, name: PROJECT })).toBeVisible()
  const impl = page.getByRole('form', { name: F.project.impl.title })
  await impl.getByLabel(F.project.impl.kind).selectOption({ label: F.implementer.company })
  await impl.getByLabel(F.project.impl.name).fill('成都市安居路面工程有限公司')
  await impl.getByLabel(F.project.impl.contract).fill('60,000')
  await impl.getByLabel(F.project.impl.share).fill('3000')
  await impl.getByLabel(F.project.impl.signedOn).fill(`${year}-04-01`)
  await impl.getByRole('button', { name: F.project.impl.save }).click()
  await expect(impl.getByText(F.fieldError.overBudget)).toBeVisible()
  await impl.getByLabel(F.project.impl.contract).fill('48,000')
  await impl.getByRole('button', { name: F.project.impl.save }).click()
  await expect(page.getByText(/成都市安居路面工程有限公司，合同 ¥48,000\.00（居民自筹 ¥3,000\.00，资金承担 ¥45,000\.00）/)).toBeVisible()

  // A milestone reached; the mid-term review scored by two people on a sheet of two criteria.
  const ms = page.getByRole('form', { name: F.project.milestones.add })
  await ms.getByLabel(F.project.milestones.name).fill('铺设沥青')
  await ms.getByLabel(F.project.milestones.due).fill(`${year}-06-30`)
  await ms.getByRole('button', { name: F.project.milestones.add }).click()
  await page.getByRole('button', { name: fmt(F.project.milestones.markNamed, { title: '铺设沥青' }) }).click()
  await expect(page.getByRole('button', { name: fmt(F.project.milestones.reopenNamed, { title: '铺设沥青' }) })).toBeVisible()
  const criteria = page.getByRole('form', { name: F.project.review.criteria })
  await criteria.getByLabel(fmt(F.project.review.criterionN, { n: 1 }), { exact: true }).fill('工程进度')
  await criteria.getByLabel(fmt(F.project.review.maxN, { n: 1 })).fill('60')
  await criteria.getByLabel(fmt(F.project.review.criterionN, { n: 2 }), { exact: true }).fill('居民反映')
  await criteria.getByLabel(fmt(F.project.review.maxN, { n: 2 })).fill('40')
  await criteria.getByRole('button', { name: F.project.review.saveCriteria }).click()
  for (const [scorer, a, b] of [['张书记', '50', '35'], ['赵监委', '45', '30']] as const) {
    const score = page.getByRole('form', { name: F.project.review.score })
    await score.getByLabel(F.project.review.scorer).fill(scorer)
    await score.getByLabel(fmt(F.project.review.scoreOf, { title: '工程进度', max: 60 })).fill(a)
    await score.getByLabel(fmt(F.project.review.scoreOf, { title: '居民反映', max: 40 })).fill(b)
    await score.getByRole('button', { name: F.project.review.saveScore }).click()
    await expect(page.getByRole('table', { name: F.project.review.sheets })).toContainText(scorer)
  }
  await expect(page.getByText(fmt(F.project.review.average, { average: '80.0', max: 100, n: 2 }))).toBeVisible()

  // Two instalments in the ledger, each with its voucher; the first with the scanned receipt.
  await page.getByRole('link', { name: F.project.toLedger }).click()
  await pay(page, '20000', '成都市安居路面工程有限公司', 'FP-0001', `${year}-05-10`)
  const form = page.getByRole('form', { name: F.ledgerScreen.form.title })
  await form.getByLabel(F.ledgerScreen.form.attachReceipt).setInputFiles({ name: 'receipt-0001.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') })
  await expect(form.getByRole('list', { name: F.ledgerScreen.form.receipt })).toContainText('receipt-0001.png')
  await form.getByRole('button', { name: F.ledgerScreen.form.savePayment }).click()
  const entries = page.getByRole('table', { name: F.ledgerScreen.entries })
  await expect(entries.getByRole('row', { name: /FP-0001/ })).toContainText('20,000.00')
  await expect(entries.getByRole('row', { name: /FP-0001/ })).toContainText('receipt-0001.png')
  await pay(page, '25,000.00', '成都市安居路面工程有限公司', 'FP-0002', `${year}-07-20`)
  await form.getByRole('button', { name: F.ledgerScreen.form.savePayment }).click()
  await expect(entries.getByRole('row', { name: /FP-0002/ })).toContainText('25,000.00')
  await expect(page.getByText(fmt(F.ledgerScreen.yearFigures, { income: '100,000.00', committed: '0.00', paid: '45,000.00', balance: '55,000.00' }))).toBeVisible()

  // A third payment would overdraw the project: refused with the figures, and what was typed stays.
  await pay(page, '6000', '成都市安居路面工程有限公司', 'FP-0003', `${year}-08-01`)
  await form.getByRole('button', { name: F.ledgerScreen.form.savePayment }).click()
  await expect(form.getByText(fmt(F.refusal.overdrawsProject, { budget: '50,000.00', paid: '45,000.00', amount: '6,000.00', over: '1,000.00' }))).toBeVisible()
  await expect(form.getByLabel(F.ledgerScreen.form.invoiceNo)).toHaveValue('FP-0003')
  await expect(entries.getByRole('row', { name: /FP-0003/ })).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/ledger-zh-CN.png`, fullPage: true })
  await form.getByLabel(F.ledgerScreen.form.amount).fill('')
  await form.getByLabel(F.ledgerScreen.form.payee).fill('')
  await form.getByLabel(F.ledgerScreen.form.invoiceNo).fill('')
  await form.getByLabel(F.ledgerScreen.form.by).fill('')

  // Acceptance with its checklist and signatures; satisfaction typed from the paper sheets.
  await page.goto(`/#/c/${councilId}/f/${year}/p/${projectId}`)
  const acc = page.getByRole('form', { name: F.project.acceptance.record })
  await acc.getByLabel(F.project.acceptance.on).fill(`${year}-09-01`)
  await acc.getByLabel(fmt(F.project.acceptance.itemN, { n: 1 }), { exact: true }).fill('路面平整无积水')
  await acc.getByLabel(fmt(F.project.acceptance.passedN, { n: 1 })).check()
  await acc.getByLabel(fmt(F.project.acceptance.itemN, { n: 2 }), { exact: true }).fill('施工垃圾已清运')
  await acc.getByLabel(fmt(F.project.acceptance.passedN, { n: 2 })).check()
  await acc.getByLabel(F.project.acceptance.signedBy).fill('张书记、李主任、赵监委')
  await acc.getByRole('button', { name: F.project.acceptance.record }).click()
  await expect(page.getByText(F.project.acceptance.accepted)).toBeVisible()
  const sat = page.getByRole('form', { name: F.project.satisfaction.paper })
  await sat.getByLabel(F.satisfaction.verySatisfied, { exact: true }).fill('12')
  await sat.getByLabel(F.satisfaction.satisfied, { exact: true }).fill('5')
  await sat.getByLabel(F.satisfaction.neutral, { exact: true }).fill('2')
  await sat.getByLabel(F.satisfaction.dissatisfied, { exact: true }).fill('1')
  await sat.getByRole('button', { name: F.project.satisfaction.save }).click()
  await expect(page.getByText(fmt(F.project.satisfaction.summary, { total: 20, pct: '85' }))).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/project-zh-CN.png`, fullPage: true })

  // The 收支公示, printed to PDF through Chromium's print path; the chart and its table beside it.
  await page.goto(`/#/c/${councilId}/f/${year}/disclose`)
  const notice = page.getByTestId('print-document')
  await expect(notice).toContainText(fmt(F.print.disclosure.title, { year }))
  await expect(page.getByRole('table', { name: F.chart.budgetTitle }).getByRole('row', { name: new RegExp(PROJECT) })).toContainText('45,000.00')
  await expect(page.getByRole('img', { name: F.chart.budgetTitle })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/disclose-zh-CN.png`, fullPage: true })
  await page.emulateMedia({ media: 'print' })
  const pdf = test.info().outputPath('disclosure.pdf')
  mkdirSync(dirname(pdf), { recursive: true })
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  await page.emulateMedia({ media: 'screen' })
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain(fmt(F.print.disclosure.title, { year }))
  expect(text).toContain(fmt(F.print.disclosure.summary, { income: '100,000.00', paid: '45,000.00', balance: '55,000.00' }))

  // The ledger as XLSX, read back: the project's figures and both payments with their invoices.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: F.disclose.exportXlsx }).click()])
  expect(download.suggestedFilename()).toBe(`${COUNCIL}-${year}-${F.disclose.xlsxFile}.xlsx`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await download.path())
  const projects = wb.getWorksheet(F.ledger.projects.sheet)!
  expect(projects.getRow(2).getCell(1).value).toBe(PROJECT)
  expect(projects.getRow(2).getCell(7).value).toBe(50000)
  expect(projects.getRow(2).getCell(9).value).toBe(45000)
  expect(projects.getRow(2).getCell(10).value).toBe(5000)
  const rows = wb.getWorksheet(F.ledger.entries.sheet)!.getSheetValues().slice(2) as unknown[][]
  expect(rows.map((r) => r[5])).toEqual(['', 'FP-0001', 'FP-0002'])
  expect(rows.map((r) => r[9])).toEqual([100000, 80000, 55000])

  // The same screens in English, for the screenshots.
  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.getByRole('heading', { name: enF.disclose.noticeTitle })).toBeVisible()
  await expect(page.getByRole('img', { name: enF.chart.budgetTitle })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/disclose-en.png`, fullPage: true })
  await page.goto(`/#/c/${councilId}/f/${year}/ledger`)
  await expect(page.getByRole('table', { name: enF.ledgerScreen.entries })).toContainText('FP-0002')
  await page.screenshot({ path: `${SHOTS}/ledger-en.png`, fullPage: true })
  await page.goto(`/#/c/${councilId}/f/${year}/projects`)
  await expect(page.getByRole('table', { name: enF.projects.title })).toContainText('45,000.00')
  await page.screenshot({ path: `${SHOTS}/projects-en.png`, fullPage: true })
  await page.goto(`/#/c/${councilId}/f/${year}/p/${projectId}`)
  await expect(page.getByText(enF.project.acceptance.accepted)).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/project-en.png`, fullPage: true })
  expect(problems).toEqual([])
})

test('payments recorded apart on two laptops that overdraw once merged are shown as a conflict, resolved by a correction', async ({ page, problems }) => {
  await createCouncil(page, COUNCIL)
  const councilId = /#\/c\/([^/]+)/.exec(page.url())![1]!
  const { update, projectId } = seedUpdate(councilId)
  // Two replicas of the seeded year, each paying ¥30,000 (within the ¥50,000 budget alone), merged.
  const [a, b] = [new Y.Doc(), new Y.Doc()]
  for (const d of [a, b]) Y.applyUpdate(d, new Uint8Array(update))
  book(a, { kind: 'payment', projectId, amount: 3_000_000, on: `${year}-05-01`, payee: '甲公司', voucher: { invoiceNo: 'FP-A', issuedOn: `${year}-05-01` } }, { now: `${year}-05-01T09:00:00.000Z`, by: '王会计' })
  book(b, { kind: 'payment', projectId, amount: 3_000_000, on: `${year}-05-02`, payee: '乙公司', voucher: { invoiceNo: 'FP-B', issuedOn: `${year}-05-02` } }, { now: `${year}-05-02T09:00:00.000Z`, by: '李出纳' })
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  await storeDocUpdate(page, fundDocName(asCouncilId(councilId), year), [...Y.encodeStateAsUpdate(a)])

  await page.goto(`/#/c/${councilId}/f/${year}/ledger`)
  const conflict = fmt(F.ledgerScreen.conflictOf, { project: PROJECT, text: fmt(F.conflict.projectOverdrawn, { budget: '50,000.00', paid: '60,000.00', over: '10,000.00' }) })
  await expect(page.getByText(conflict)).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/ledger-conflict-zh-CN.png`, fullPage: true })

  // The correction is a new entry; the payment it corrects stays as booked.
  const entries = page.getByRole('table', { name: F.ledgerScreen.entries })
  await entries.getByRole('row', { name: /FP-B/ }).getByRole('button', { name: F.ledgerScreen.correct }).click()
  const form = page.getByRole('form', { name: new RegExp(`^${F.ledgerScreen.correction.title.replace('{{what}}', '')}`) })
  await form.getByLabel(F.ledgerScreen.correction.amount).fill('-10000')
  await form.getByLabel(F.ledgerScreen.correction.reason).fill('乙公司多付，已退回')
  await form.getByRole('button', { name: F.ledgerScreen.correction.save }).click()
  await expect(page.getByText(conflict)).toHaveCount(0)
  await expect(entries.getByRole('row', { name: /FP-B/ })).toContainText('30,000.00')
  await expect(entries.getByRole('row', { name: /乙公司多付，已退回/ })).toContainText('-10,000.00')
  await expect(page.getByText(fmt(F.ledgerScreen.yearFigures, { income: '100,000.00', committed: '0.00', paid: '50,000.00', balance: '50,000.00' }))).toBeVisible()

  // A voucher's scanned receipt brought in after the payment (补附凭证): a new entry too.
  const paidA = entries.getByRole('row', { name: new RegExp(`${F.entryKind.payment}.*FP-A`) })
  await paidA.getByRole('button', { name: fmt(F.ledgerScreen.addVoucherNamed, { what: `${F.entryKind.payment} 30,000.00` }) }).click()
  const voucher = page.getByRole('form', { name: fmt(F.ledgerScreen.voucher.title, { what: '甲公司 ¥30,000.00' }) })
  await voucher.getByLabel(F.ledgerScreen.form.invoiceNo).fill('FP-A')
  await voucher.getByLabel(F.ledgerScreen.form.issuedOn).fill(`${year}-05-01`)
  await voucher.getByLabel(F.ledgerScreen.form.attachReceipt).setInputFiles({ name: 'receipt-a.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64') })
  await voucher.getByRole('button', { name: F.ledgerScreen.voucher.save }).click()
  await expect(paidA).toContainText('receipt-a.png')
  await expect(entries.getByRole('row').filter({ has: page.getByRole('cell', { name: F.entryKind.voucher, exact: true }) })).toContainText('FP-A')
  await page.screenshot({ path: `${SHOTS}/ledger-corrected-zh-CN.png`, fullPage: true })
  expect(problems).toEqual([])
})
