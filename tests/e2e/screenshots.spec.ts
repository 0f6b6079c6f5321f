// Every screen in Simplified Chinese and in English, photographed full-page for review into
// test-results/screenshots/<lang>-<screen>.png: each shows its heading and nothing is wider than
// the 1280 px window. And the notice prints on A4 without the app's header and buttons.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, fixturesDir, importRegister } from './fixtures'

const SHOTS = join('test-results', 'screenshots')
const COUNCIL = '幸福里社区居民议事会'
const DRAFT = '2027年1月居民议事会例会'
const ISSUED = '2027年1月加装电梯专题会'

/** A council with 30 members (张建国 of the faulty sheet's row 2 among them), a draft meeting with three items and a meeting whose notice is out. */
async function prepare(page: Page): Promise<{ council: string; draft: string; issued: string }> {
  await createCouncil(page, COUNCIL)
  const council = new URL(page.url()).hash.replace(/\/members$/, '')
  await importRegister(page, join(fixturesDir, 'members-30.xlsx'), 30)

  await createMeeting(page, ISSUED, '2027-01-16T14:00', '社区党群服务中心三楼会议室')
  await addItem(page, '3号楼加装电梯方案表决前说明', '张建国', '40')
  await addItem(page, '电梯运行维护费用分摊办法', '李秀英', '30')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await expect(page.getByRole('article', { name: '会议通知' })).toBeVisible()
  const issued = new URL(page.url()).hash.replace(/\/notice$/, '')

  await createMeeting(page, DRAFT, '2027-01-08T19:00')
  await addItem(page, '楼道堆物清理', '李秀英', '20')
  await addItem(page, '社区保障资金项目排序', '议事会', '30')
  await addItem(page, '停车位划线', '刘洋', '15')
  const draft = new URL(page.url()).hash
  return { council, draft, issued }
}

type Texts = {
  lang: string
  home: string
  newCouncil: string
  meetings: string
  members: string
  preview: string
  agenda: string
  notice: string
  join: string
  sync: string
  review: string
  backup: string
}

const TEXTS: Texts[] = [
  {
    lang: 'zh-CN',
    home: '议事会',
    newCouncil: '新建议事会',
    meetings: '会议',
    members: '成员名册',
    preview: '预览：members-bad-rows.xlsx',
    agenda: '议程（3 项，约 65 分钟）',
    notice: '会议通知',
    join: '加入议事会',
    sync: '同步状态',
    review: '街道审核纪要',
    backup: '备份与恢复',
  },
  {
    lang: 'en',
    home: 'Councils',
    newCouncil: 'New council',
    meetings: 'Meetings',
    members: 'Register of members',
    preview: 'Preview: members-bad-rows.xlsx',
    agenda: 'Agenda (3 items, about 65 minutes)',
    notice: 'Notice of meeting',
    join: 'Join a council',
    sync: 'Sync status',
    review: 'Street office review',
    backup: 'Backup and restore',
  },
]

/** The screen shows `heading`, fits the 1280 px window, and is saved as <lang>-<name>.png. */
async function shoot(page: Page, lang: string, name: string, heading: Locator) {
  await expect(heading).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  expect(page.viewportSize()?.width).toBe(1280)
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `${lang}-${name} is wider than the window`).toBeLessThanOrEqual(clientWidth + 1)
  // Web fonts are local, but wait for them anyway so no screenshot catches a fallback.
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${lang}-${name}.png`), fullPage: true })
}

for (const x of TEXTS) {
  test(`every screen in ${x.lang}: heading shown, no horizontal overflow, screenshot saved`, async ({ page, problems }) => {
    const urls = await prepare(page)
    await page.goto('/')
    if (x.lang !== 'zh-CN') await page.getByLabel('界面语言').selectOption(x.lang)
    await expect(page.locator('html')).toHaveAttribute('lang', x.lang)

    await shoot(page, x.lang, 'home', page.getByRole('heading', { level: 1, name: x.home, exact: true }))
    await expect(page.getByRole('link', { name: COUNCIL })).toBeVisible()

    await page.goto('/#/councils/new')
    await shoot(page, x.lang, 'new-council', page.getByRole('heading', { level: 1, name: x.newCouncil }))

    await page.goto(`/${urls.council}/meetings`)
    await expect(page.getByRole('heading', { level: 1, name: COUNCIL })).toBeVisible()
    await expect(page.getByRole('table', { name: x.meetings }).locator('tbody tr')).toHaveCount(2)
    await shoot(page, x.lang, 'meetings', page.getByRole('heading', { level: 2, name: x.meetings, exact: true }))

    await page.goto('/#/councils/join')
    await shoot(page, x.lang, 'join-council', page.getByRole('heading', { level: 1, name: x.join }))

    await page.goto('/#/review')
    await shoot(page, x.lang, 'review', page.getByRole('heading', { level: 1, name: x.review }))

    await page.goto('/#/backup')
    await shoot(page, x.lang, 'backup', page.getByRole('heading', { level: 1, name: x.backup }))

    // This council is not synced (the sync tests use a server): its tab offers to connect it.
    await page.goto(`/${urls.council}/sync`)
    await shoot(page, x.lang, 'sync', page.getByRole('heading', { level: 2, name: x.sync }))

    await page.goto(`/${urls.council}/members`)
    await expect(page.getByRole('table', { name: x.members }).locator('tbody tr')).toHaveCount(30)
    await shoot(page, x.lang, 'members', page.getByRole('heading', { level: 2, name: x.members }))

    await page.goto(`/${urls.council}/members/import`)
    await page.locator('input[type=file]').setInputFiles(join(fixturesDir, 'members-bad-rows.xlsx'))
    // Nine rows with a fault; the rows already on the register are matches to skip or update, not errors.
    await expect(page.getByRole('table', { name: x.preview }).locator('tbody tr.has-error')).toHaveCount(9)
    await shoot(page, x.lang, 'import-errors', page.getByRole('heading', { level: 2, name: x.preview }))

    await page.goto(`/${urls.draft}`)
    await expect(page.getByRole('heading', { level: 1, name: DRAFT })).toBeVisible()
    await shoot(page, x.lang, 'meeting', page.getByRole('heading', { level: 2, name: x.agenda }))

    await page.goto(`/${urls.issued}/notice`)
    const notice = page.getByRole('article', { name: x.notice })
    await expect(notice.locator('ol > li')).toHaveCount(2)
    await shoot(page, x.lang, 'notice', notice.getByRole('heading', { level: 1, name: x.notice }))
    expect(problems).toEqual([])
  })
}

test('the notice prints on A4 without the header or buttons', async ({ page, problems }) => {
  const urls = await prepare(page)
  await page.goto(`/${urls.issued}/notice`)
  const notice = page.getByRole('article', { name: '会议通知' })
  await expect(notice.locator('ol > li > strong')).toHaveText(['3号楼加装电梯方案表决前说明', '电梯运行维护费用分摊办法'])
  await expect(notice).toContainText('召集人：张建国')

  // In print the notice stands alone: no header bar, no back link, no print button.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('header.top')).toBeHidden()
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden()
  await expect(page.getByRole('link', { name: '← 返回会议' })).toBeHidden()
  await expect(notice).toBeVisible()
  await expect(notice.getByRole('heading', { name: '会议通知' })).toBeVisible()
  await page.emulateMedia({ media: null })
  await expect(page.locator('header.top')).toBeVisible()

  // page.pdf() lays the page out for print, as the system print dialog would.
  const path = join('test-results', 'notice.pdf')
  const pdf = await page.pdf({ path, format: 'A4' })
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(statSync(path).size).toBeGreaterThan(5 * 1024)
  // A short notice fits on the one sheet that goes on the notice board.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1)
  expect(problems).toEqual([])
})
