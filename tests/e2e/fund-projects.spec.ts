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

/** Stores `update` where y-indexeddb keeps the named document (its database and 'updates' store). */
async function storeDocUpdate(page: Page, name: string, update: number[]) {
  await page.evaluate(
    ([n, u]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(n)
        req.onupgradeneeded = () => {
          req.result.createObjectStore('updates', { autoIncrement: true })
          req.result.createObjectStore('custom')
        }
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const tx = req.result.transaction('updates', 'readwrite')
          tx.objectStore('updates').add(new Uint8Array(u))
          tx.oncomplete = () => {
            req.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    [name, update] as const,
  )
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
