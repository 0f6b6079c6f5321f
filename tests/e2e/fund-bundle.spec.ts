// The fund-year filing for the street office (issue 19, step 8), in zh-CN then en: a seeded year
// (one project paid in two instalments, the second without a voucher; one step recorded without
// its 公示) is exported from the disclose tab as a signed file; the street office, in a browser of
// its own, opens it on the review screen: verified, the project's figures recomputed, the vouchers
// and disclosure questions not met, budgets and the negative list met; a copy with one amount
// changed is refused. Screenshots under /tmp/shots/helper-survey/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { recordFundStep } from '../../src/shared/doc/fundProjects'
import { fundDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import F from '../../src/shared/i18n/locales/zh-CN/fund.json' with { type: 'json' }
import R from '../../src/shared/i18n/locales/zh-CN/review.json' with { type: 'json' }
import enR from '../../src/shared/i18n/locales/en/review.json' with { type: 'json' }
import { createCouncil, expect, test } from './fixtures'
import { fmt } from './i18n'
import { storeDocUpdate } from './fundSeed'

const SHOTS = '/tmp/shots/helper-survey'
const year = new Date().getFullYear()
const COUNCIL = '玉林社区居民议事会'
const PROJECT = '院落雨棚修缮'

function seed(councilId: string): number[] {
  const doc = new Y.Doc()
  const who = { now: `${year}-02-01T09:00:00.000Z`, by: '王会计' }
  initFundDoc(doc, asCouncilId(councilId), year)
  book(doc, { kind: 'income', source: 'allocation', from: '玉林街道', amount: 10_000_000, on: `${year}-01-15` }, who)
  const p = addProposal(doc, { title: PROJECT, description: '雨棚漏水', category: 'facilities', source: { kind: 'paperForm', name: '2号院居民' }, estimatedCost: 4_000_000, beneficiaries: 60, proposedOn: `${year}-02-01` }, who)
  screenProposal(doc, p, { kind: 'listed', priorityItem: null, on: `${year}-02-10` }, who)
  recordDecision(doc, { proposalId: p, outcome: 'approved', budget: 4_000_000, on: `${year}-03-01` }, who)
  recordFundStep(doc, p, 'partyProposal', { date: `${year}-02-20`, body: '玉林社区党委', note: '' }, who)
  book(doc, { kind: 'payment', projectId: p, amount: 2_000_000, payee: '蜀都建筑', on: `${year}-05-10`, voucher: { invoiceNo: 'FP-01', issuedOn: `${year}-05-10` } }, who)
  book(doc, { kind: 'payment', projectId: p, amount: 1_500_000, payee: '蜀都建筑', on: `${year}-07-10` }, who)
  return [...Y.encodeStateAsUpdate(doc)]
}

test('the fund-year filing: exported signed, verified and checked by the street office, a changed copy refused', async ({ page, browser, problems }) => {
  mkdirSync(SHOTS, { recursive: true })
  await createCouncil(page, COUNCIL)
  const councilId = /#\/c\/([^/]+)/.exec(page.url())![1]!
  await storeDocUpdate(page, fundDocName(asCouncilId(councilId), year), seed(councilId))
  await page.goto(`/#/c/${councilId}/f/${year}/disclose`)
  const card = page.getByRole('region', { name: F.bundle.title })
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: F.bundle.export }).click()])
  await expect(card.getByRole('status')).toContainText(F.bundle.saved.slice(0, 4))
  const path = join(SHOTS, download.suggestedFilename())
  await download.saveAs(path)
  expect(download.suggestedFilename()).toBe(`${COUNCIL}-${year}-${F.bundle.file}.yishi.json`)
  await card.screenshot({ path: `${SHOTS}/bundle-export-zh-CN.png` })
  const text = readFileSync(path, 'utf8')
  const tampered = text.replace('"amount":1500000', '"amount":150000')
  expect(tampered).not.toBe(text)
  writeFileSync(join(SHOTS, 'tampered.yishi.json'), tampered)

  const office = await browser.newContext({ locale: 'zh-CN' })
  const reviewer = await office.newPage()
  reviewer.on('pageerror', (e) => problems.push(`reviewer: ${e.message}`))
  reviewer.on('console', (m) => m.type() === 'error' && problems.push(`reviewer console: ${m.text()}`))
  await reviewer.goto('/')
  await reviewer.getByRole('link', { name: R.openScreen }).click()
  // Given to the minutes' picker, the filing is recognised and sent where it opens.
  await reviewer.getByLabel(R.choose, { exact: true }).setInputFiles(path)
  await expect(reviewer.getByRole('list', { name: R.results }).getByRole('alert')).toHaveText(fmt(R.rejected, { file: download.suggestedFilename(), reason: R.reason.fundFiling }))
  const review = reviewer.getByRole('region', { name: R.fund.title })
  await review.getByLabel(R.fund.choose, { exact: true }).setInputFiles(join(SHOTS, 'tampered.yishi.json'))
  await expect(review.getByText(fmt(R.rejected, { file: 'tampered.yishi.json', reason: R.fund.reason.hashMismatch }))).toBeVisible()
  await review.getByLabel(R.fund.choose, { exact: true }).setInputFiles(path)
  await expect(review.getByRole('status')).toContainText(COUNCIL)
  await expect(review.getByRole('row', { name: new RegExp(PROJECT) })).toContainText('40,000.00')
  await expect(review.getByRole('row', { name: new RegExp(PROJECT) })).toContainText('35,000.00')
  await expect(review.getByTestId('fund-check-vouchers')).toContainText(R.fund.state.failed)
  await expect(review.getByTestId('fund-check-disclosed')).toContainText(R.fund.state.failed)
  await expect(review.getByTestId('fund-check-budgets')).toContainText(R.fund.state.passed)
  await expect(review.getByTestId('fund-check-negativeList')).toContainText(R.fund.state.passed)
  await review.screenshot({ path: `${SHOTS}/bundle-review-zh-CN.png` })

  await reviewer.getByLabel('界面语言').selectOption('en')
  const enReview = reviewer.getByRole('region', { name: enR.fund.title })
  await expect(enReview.getByTestId('fund-check-vouchers')).toContainText(enR.fund.check.vouchers)
  await enReview.screenshot({ path: `${SHOTS}/bundle-review-en.png` })
  await office.close()
})
