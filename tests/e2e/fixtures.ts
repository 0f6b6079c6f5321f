// Playwright fixtures: every page fails its test on an uncaught error, a console error or any
// dialog (a hostile string that ran as script would open one).
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { fmt, texts } from './i18n'

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')
export const HOSTILE = '<img src=x onerror=alert(1)>'

export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`)
      void d.dismiss()
    })
    await use(problems)
    expect(problems, 'the page reported errors').toEqual([])
  },
})

export { expect }

/** Creates a council from the first screen and lands on its register of members. */
export async function createCouncil(page: Page, name: string, opts: { kind?: string; community?: string; street?: string } = {}) {
  await page.goto('/')
  await page.getByRole('link', { name: '新建议事会' }).click()
  await page.getByLabel('议事会名称').fill(name)
  if (opts.kind) await page.getByLabel('类型', { exact: true }).selectOption({ label: opts.kind })
  await page.getByLabel('社区', { exact: true }).fill(opts.community ?? '清风社区')
  await page.getByLabel('街道', { exact: true }).fill(opts.street ?? '东城街道')
  await page.getByRole('button', { name: '创建议事会' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('heading', { name: '成员名册' })).toBeVisible()
}

/** Adds a member by name and building from the council's member list, and waits for the row. */
export async function addMember(page: Page, name: string, building: string) {
  await page.getByRole('button', { name: '添加成员' }).click()
  const form = page.getByRole('form', { name: '添加成员' })
  await form.getByLabel('姓名').fill(name)
  await form.getByLabel('楼栋').fill(building)
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible()
}

/** Imports a register file from the council's member list and waits for all `count` rows. */
export async function importRegister(page: Page, file: string, count: number) {
  await page.getByRole('link', { name: '从表格导入（CSV / Excel）' }).click()
  await page.getByLabel('选择 CSV 或 XLSX 文件').setInputFiles(file)
  await page.getByRole('button', { name: `导入 ${count} 名成员` }).click()
  await expect(page.getByRole('table', { name: '成员名册' }).locator('tbody tr')).toHaveCount(count)
}

export async function createMeeting(page: Page, title: string, startsAt: string, place = '社区活动中心二楼') {
  // From anywhere inside the council: the breadcrumb leads back to its meeting list.
  await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1).click()
  await page.getByRole('link', { name: '新建会议' }).click()
  await page.getByLabel('会议名称').fill(title)
  await page.getByLabel('时间', { exact: true }).fill(startsAt)
  await page.getByLabel('地点', { exact: true }).fill(place)
  await page.getByRole('button', { name: '创建会议' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

export async function addItem(page: Page, title: string, proposer = '', minutes = '15') {
  const form = page.getByRole('form', { name: '添加议题' })
  await form.getByLabel('议题', { exact: true }).fill(title)
  if (proposer) await form.getByLabel('提出人').fill(proposer)
  await form.getByLabel('预计时长（分钟）').fill(minutes)
  await form.getByRole('button', { name: '添加到议程' }).click()
  await expect(page.getByRole('list', { name: '议程' }).getByRole('listitem', { name: title })).toBeVisible()
}

export async function agendaTitles(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: '议程' }).locator('.item-title').allInnerTexts()
}

/**
 * Opening a session ahead of its scheduled time asks first (OpenSessionPanel). Meetings in these
 * tests are dated a few days ahead of the day they were written, so whether the question shows
 * depends on the real clock: answer it when it is there.
 */
export async function confirmEarlyOpening(page: Page) {
  const confirm = page.getByRole('alertdialog').getByRole('button', { name: /^(确认提前开会|Yes, open early)$/ })
  if (await confirm.isVisible()) await confirm.click()
}

/**
 * On the floor (zh-CN): takes up `item`, proposes `text` by `proposer`, has `seconder` second it
 * and opens the debate; returns the motion's card.
 */
export async function motionUnderDebate(page: Page, item: string, text: string, proposer: string, seconder: string) {
  const S = texts['zh-CN'].session
  await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: item }) }).click()
  const propose = page.getByRole('form', { name: S.motion.proposeTitle })
  await propose.getByLabel(S.motion.proposer).selectOption({ label: proposer })
  await propose.getByLabel(S.motion.text).fill(text)
  await propose.getByRole('button', { name: S.motion.propose }).click()
  const motion = page.getByRole('article', { name: fmt(S.motion.label, { text }) })
  await motion.getByLabel(S.motion.seconder).selectOption({ label: seconder })
  await motion.getByRole('button', { name: S.motion.second }).click()
  await motion.getByRole('button', { name: S.motion.debate }).click()
  return motion
}

/**
 * From the meeting screen (zh-CN): issues the notice, enters the session, signs in every one of
 * `names`, opens the session (answering the early-opening question if it comes) and goes to the floor.
 */
export async function openSessionOnFloor(page: Page, names: readonly string[]) {
  const S = texts['zh-CN'].session
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: texts['zh-CN'].meetings.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of names) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await page.getByRole('link', { name: S.tabs.floor }).click()
}

/**
 * The motion's vote by a show of hands (zh-CN): opened, `yes` for and `no` against (and
 * `abstain`, when given) entered, closed; checks that the motion then shows `outcome`.
 */
export async function voteByHands(page: Page, motion: Locator, counts: { yes: number; no?: number; abstain?: number }, outcome: 'passed' | 'failed') {
  const { session: S, votes: V } = texts['zh-CN']
  await motion.getByRole('button', { name: S.vote.open }).click()
  const hands = motion.getByRole('group', { name: S.vote.handsTitle }).or(motion.getByRole('form', { name: S.vote.handsTitle }))
  await hands.getByLabel(V.counts.for).fill(String(counts.yes))
  if (counts.no !== undefined) await hands.getByLabel(V.counts.against).fill(String(counts.no))
  if (counts.abstain !== undefined) await hands.getByLabel(V.counts.abstain).fill(String(counts.abstain))
  const save = hands.getByRole('button', { name: S.vote.saveCounts })
  if (await save.count()) await save.click()
  await motion.getByRole('button', { name: S.vote.close }).click()
  await page.getByRole('button', { name: S.vote.yesClose }).click()
  await expect(motion.locator('.outcome')).toHaveText(V.outcome[outcome])
}
