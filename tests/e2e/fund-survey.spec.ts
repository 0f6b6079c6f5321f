// Residents' satisfaction with a fund project from their phones (issue 19, step 6), against the real
// sync server on port 4455 that also serves the phone page: the fund year (one approved project) is
// seeded into the page's IndexedDB; the council connects to the server; the secretary opens a survey
// of three slips on the project's screen and prints them (the addresses read from the print view);
// two phones (their own browser contexts) open a slip each and answer; the card shows the 2 answers
// per level beside the paper counts; the survey is closed and the third slip's phone is told it is
// over. Screenshots in zh-CN and en under /tmp/shots/helper-survey/.
import { mkdirSync } from 'node:fs'
import * as Y from 'yjs'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { fundDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import F from '../../src/shared/i18n/locales/zh-CN/fund.json' with { type: 'json' }
import enF from '../../src/shared/i18n/locales/en/fund.json' with { type: 'json' }
import B from '../../src/shared/i18n/locales/zh-CN/ballot.json' with { type: 'json' }
import { createCouncil, expect, test } from './fixtures'
import { fmt } from './i18n'
import { storeDocUpdate } from './fundSeed'
import { answerSlipByPhone } from './fundSteps'
import { badge, councilTabs, SERVER } from './syncDevices'

const SHOTS = '/tmp/shots/helper-survey'
const year = new Date().getFullYear()
const COUNCIL = '锦江社区居民议事会'
const PROJECT = '院落照明改造'

function seedUpdate(councilId: string): { update: number[]; projectId: string } {
  const doc = new Y.Doc()
  const who = { now: `${year}-02-01T09:00:00.000Z`, by: '王会计' }
  initFundDoc(doc, asCouncilId(councilId), year)
  book(doc, { kind: 'income', source: 'allocation', from: '锦江街道', amount: 10_000_000, on: `${year}-01-15` }, who)
  const projectId = addProposal(doc, { title: PROJECT, description: '院内路灯老化', category: 'facilities', source: { kind: 'paperForm', name: '5号院居民' }, estimatedCost: 3_000_000, beneficiaries: 90, proposedOn: `${year}-02-01` }, who)
  screenProposal(doc, projectId, { kind: 'listed', priorityItem: null, on: `${year}-02-10` }, who)
  recordDecision(doc, { proposalId: projectId, outcome: 'approved', budget: 3_000_000, on: `${year}-03-01` }, who)
  return { update: [...Y.encodeStateAsUpdate(doc)], projectId }
}

test('satisfaction from two phones: slips printed, two answers counted, the survey closed', async ({ page, browser, problems }) => {
  mkdirSync(SHOTS, { recursive: true })
  await createCouncil(page, COUNCIL)
  const councilId = /#\/c\/([^/]+)/.exec(page.url())![1]!
  const { update, projectId } = seedUpdate(councilId)
  await storeDocUpdate(page, fundDocName(asCouncilId(councilId), year), update)

  // Without a server the card says why phones cannot be used.
  await page.goto(`/#/c/${councilId}/f/${year}/p/${projectId}`)
  const card = page.getByTestId('survey-card')
  await expect(card.getByText(F.survey.noSync)).toBeVisible()
  await expect(card.getByRole('button', { name: F.survey.start })).toBeDisabled()

  await page.goto(`/#/c/${councilId}`)
  await councilTabs(page, COUNCIL).getByRole('link', { name: '同步' }).click()
  await page.getByLabel('服务器地址').fill(SERVER)
  await page.getByRole('button', { name: '连接并同步' }).click()
  await expect(page.getByText('已连接。这个议事会现在会和服务器同步。')).toBeVisible()

  await page.goto(`/#/c/${councilId}/f/${year}/p/${projectId}`)
  await expect(card.getByText(F.survey.none)).toBeVisible()
  await card.getByLabel(F.survey.count).fill('3')
  await card.getByRole('button', { name: F.survey.start }).click()
  const sheet = page.getByRole('dialog', { name: F.survey.sheet })
  await expect(sheet.getByTestId('slip')).toHaveCount(3)
  await expect(sheet.getByTestId('slip').first()).toContainText(PROJECT)
  const urls = await sheet.locator('svg[data-qr-text]').evaluateAll((els) => els.map((e) => e.getAttribute('data-qr-text') ?? ''))
  const codes = (await sheet.getByTestId('slip-code').allInnerTexts()).map((c) => c.replace(/\s+/g, ''))
  expect(urls).toHaveLength(3)
  for (const [i, u] of urls.entries()) {
    expect(u).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:4455/ballot/\\?s=[^&]+&y=${year}&k=[0-9a-f]{32}#c=[0-9A-Z]{16}$`))
    expect(u).not.toContain(councilId)
    expect(u.endsWith(codes[i]!.replace(/-/g, ''))).toBe(true)
  }
  await page.screenshot({ path: `${SHOTS}/slips-zh-CN.png`, fullPage: true })
  await sheet.getByRole('button', { name: F.survey.closeSheet }).click()
  await expect(badge(page)).toHaveText(/已同步/)

  const a = await answerSlipByPhone(browser, urls[0]!, PROJECT, B.survey.level.verySatisfied, problems)
  const b = await answerSlipByPhone(browser, urls[1]!, PROJECT, B.survey.level.satisfied, problems)
  await expect(card.getByRole('status')).toContainText(fmt(F.survey.answers_other, { count: 2 }), { timeout: 20_000 })
  await expect(card.getByTestId('survey-level-verySatisfied')).toHaveText(new RegExp(`^${F.satisfaction.verySatisfied}\\s*1\\s*0$`))
  await expect(card.getByTestId('survey-level-satisfied')).toHaveText(new RegExp(`^${F.satisfaction.satisfied}\\s*1\\s*0$`))
  await page.screenshot({ path: `${SHOTS}/card-zh-CN.png`, fullPage: true })

  // Closed: the third slip's phone is told so; the card offers a new survey.
  await card.getByRole('button', { name: F.survey.close }).click()
  await expect(card.getByRole('status')).toContainText(fmt(F.survey.closed_one, { count: 1, codes: 3 }))
  await expect(card.getByLabel(F.survey.count)).toBeVisible()
  await expect(badge(page)).toHaveText(/已同步/)
  // A fresh page: the slips' addresses differ only in the fragment, which alone does not reload.
  const third = await a.context.newPage()
  await third.goto(urls[2]!)
  await expect(third.getByRole('heading', { name: B.survey.closedTitle })).toBeVisible({ timeout: 20_000 })
  await third.screenshot({ path: `${SHOTS}/phone-closed-zh-CN.png` })
  await a.context.close()
  await b.context.close()

  await page.getByLabel('界面语言').selectOption('en')
  await expect(card.getByRole('status')).toContainText(fmt(enF.survey.answers_other, { count: 2 }))
  await page.screenshot({ path: `${SHOTS}/card-en.png`, fullPage: true })
})
