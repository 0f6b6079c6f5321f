// The requests-and-matters filing for the street office (issue 18 item 5), in zh-CN then en: a seeded
// year (a request with a photo turned into a matter, voted and posted, its follow-up past its
// deadline; another request declined in January and never answered) is exported from the ledgers
// tab as a signed file; the street office opens it on the review screen: verified, the attached
// photo counted, replies and follow-up not met, paths and result notices met; a changed copy is
// refused; given to the minutes' picker it is sent where it opens. Screenshots under /tmp/shots/helper-mbundle/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { addRequest, initMattersDoc, openMatter, recordOutcome, recordStep } from '../../src/shared/doc/matters'
import { attachFile, openFollowUp } from '../../src/shared/doc/mattersFollowUp'
import { mattersDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import M from '../../src/shared/i18n/locales/zh-CN/matters.json' with { type: 'json' }
import R from '../../src/shared/i18n/locales/zh-CN/review.json' with { type: 'json' }
import enM from '../../src/shared/i18n/locales/en/matters.json' with { type: 'json' }
import enR from '../../src/shared/i18n/locales/en/review.json' with { type: 'json' }
import { createCouncil, expect, test } from './fixtures'
import { fmt } from './i18n'
import { storeDocUpdate } from './fundSeed'

const SHOTS = '/tmp/shots/helper-mbundle'
const year = new Date().getFullYear()
const COUNCIL = '望江社区居民议事会'
const MATTER = '单元门禁维修'

function seed(councilId: string): number[] {
  const doc = new Y.Doc()
  const who = { now: `${year}-01-05T09:00:00.000Z`, by: '李秘书' }
  initMattersDoc(doc, asCouncilId(councilId), year)
  const asked = addRequest(doc, { receivedOn: `${year}-01-03`, channel: 'householdForm', category: 'safety', requester: { kind: 'resident', name: '周阿姨' }, place: { building: '3' }, text: '单元门禁坏了' }, who)
  attachFile(doc, { kind: 'request', id: asked }, { hash: 'e'.repeat(64), name: '门禁.jpg', type: 'image/jpeg', size: 3000 }, who)
  const m = openMatter(doc, { title: MATTER, description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'councilOnly', openedOn: `${year}-01-04` }, [asked], who)
  recordStep(doc, m, 'councilDeliberation', { mode: 'outside', date: `${year}-01-05`, body: '居民议事会', outcome: 'approved' }, false, who)
  recordStep(doc, m, 'councilNotice', { mode: 'outside', date: `${year}-01-06`, body: '公告栏', outcome: 'done', until: `${year}-01-13` }, false, who)
  openFollowUp(doc, m, { owner: '物业公司', deadline: `${year}-01-20` }, `${year}-01-07`)
  const other = addRequest(doc, { receivedOn: `${year}-01-02`, channel: 'phone', category: 'other', requester: { kind: 'resident', name: '赵先生' }, place: {}, text: '想在小区养鸡' }, who)
  recordOutcome(doc, { kind: 'declined', reason: '违反小区公约', requestId: other, on: `${year}-01-03` }, who)
  return [...Y.encodeStateAsUpdate(doc)]
}

test('the requests-and-matters filing: exported signed, verified and checked by the street office, a changed copy refused', async ({ page, browser, problems }) => {
  mkdirSync(SHOTS, { recursive: true })
  await createCouncil(page, COUNCIL)
  const councilId = /#\/c\/([^/]+)/.exec(page.url())![1]!
  await storeDocUpdate(page, mattersDocName(asCouncilId(councilId), year), seed(councilId))
  // Exported on 1 December whenever the spec runs: the follow-up is overdue, the declined request past its 30 days.
  await page.clock.setFixedTime(new Date(`${year}-12-01T02:00:00Z`))
  await page.goto(`/#/c/${councilId}/ledgers`)
  const card = page.getByRole('region', { name: fmt(M.bundle.title, { year }) })
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: M.bundle.export }).click()])
  await expect(card.getByRole('status')).toContainText(M.bundle.saved.slice(0, 4))
  expect(download.suggestedFilename()).toBe(`${COUNCIL}-${year}-${M.bundle.file}.yishi.json`)
  const path = join(SHOTS, download.suggestedFilename())
  await download.saveAs(path)
  await page.screenshot({ path: `${SHOTS}/export-zh-CN.png`, fullPage: true })
  const text = readFileSync(path, 'utf8')
  const tampered = text.replace('想在小区养鸡', '想在小区养鸭')
  expect(tampered).not.toBe(text)
  writeFileSync(join(SHOTS, 'tampered.yishi.json'), tampered)
  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.getByRole('region', { name: fmt(enM.bundle.title, { year }) })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/export-en.png`, fullPage: true })

  const office = await browser.newContext({ locale: 'zh-CN' })
  const reviewer = await office.newPage()
  reviewer.on('pageerror', (e) => problems.push(`reviewer: ${e.message}`))
  reviewer.on('console', (msg) => msg.type() === 'error' && problems.push(`reviewer console: ${msg.text()}`))
  await reviewer.goto('/')
  await reviewer.getByRole('link', { name: R.openScreen }).click()
  await reviewer.getByLabel(R.choose, { exact: true }).setInputFiles(path)
  await expect(reviewer.getByRole('list', { name: R.results }).getByRole('alert')).toHaveText(fmt(R.rejected, { file: download.suggestedFilename(), reason: R.reason.mattersFiling }))
  const review = reviewer.getByRole('region', { name: R.matters.title })
  await review.getByLabel(R.matters.choose, { exact: true }).setInputFiles(join(SHOTS, 'tampered.yishi.json'))
  await expect(review.getByText(fmt(R.rejected, { file: 'tampered.yishi.json', reason: R.matters.reason.hashMismatch }))).toBeVisible()
  await review.getByLabel(R.matters.choose, { exact: true }).setInputFiles(path)
  await expect(review.getByRole('status')).toContainText(COUNCIL)
  await expect(review.getByTestId('matters-review')).toContainText('附件 1 个')
  await expect(review.getByTestId('matters-check-replies')).toContainText(R.fund.state.failed)
  await expect(review.getByTestId('matters-check-replies')).toContainText('想在小区养鸡')
  await expect(review.getByTestId('matters-check-followUp')).toContainText(R.fund.state.failed)
  await expect(review.getByTestId('matters-check-followUp')).toContainText(MATTER)
  await expect(review.getByTestId('matters-check-paths')).toContainText(R.fund.state.passed)
  await expect(review.getByTestId('matters-check-resultNotices')).toContainText(R.fund.state.passed)
  await review.screenshot({ path: `${SHOTS}/review-zh-CN.png` })

  await reviewer.getByLabel('界面语言').selectOption('en')
  const enReview = reviewer.getByRole('region', { name: enR.matters.title })
  await expect(enReview.getByTestId('matters-check-followUp')).toContainText(enR.matters.check.followUp)
  await enReview.screenshot({ path: `${SHOTS}/review-en.png` })
  await office.close()
})
