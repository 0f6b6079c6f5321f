// Accessibility of the main screens, checked by axe-core (WCAG 2.1 A and AA): a serious or
// critical violation fails the test. The same walk checks the text sizes (nothing under 16 px at
// the browser's default, the app grows with a larger default font) and saves screenshots at 200%
// zoom and with a large default font, in zh-CN and en, to look at by eye.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening, motionUnderDebate } from './fixtures'
import { fmt, texts, type Lang } from './i18n'

const NAMES = ['张建国', '李秀英', '王志强', '刘桂兰', '陈德明', '杨丽华']
const SHOTS = '/tmp/shots/a11y'

function registerCsv(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const rows = NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},1,1,${101 + i},60`)
  const file = join(dir, 'register.csv')
  writeFileSync(file, ['姓名,角色,楼栋,单元,房号,面积', ...rows].join('\n'))
  return file
}

/** Runs axe on the page as it is; returns the serious and critical violations, described. */
async function axe(page: Page, screen: string): Promise<string[]> {
  // Wait for the screen to settle: its heading is there.
  await expect(page.locator('main h1').first()).toBeVisible()
  const { violations, passes } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(passes.length, `axe ran its rules on ${screen}`).toBeGreaterThan(10)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

/** Visible text set smaller than 16 CSS px, as "size: text". */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !(n.textContent ?? '').trim() || el.closest('.visually-hidden, svg, [hidden]')) continue
      if (el.getClientRects().length === 0) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 16) out.push(`${size}px: ${(n.textContent ?? '').trim().slice(0, 30)}`)
    }
    return out
  })
}

const rootSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))

async function shots(page: Page, lang: Lang, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  // 200% zoom: the same page in a viewport half as wide, each CSS pixel drawn twice.
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 640, height: 800 })
  await page.screenshot({ path: join(SHOTS, `${lang}-${name}-zoom200.png`), fullPage: true })
  await page.setViewportSize(size)
}

test('the main screens have no serious or critical axe violations, and text is large enough', async ({ page, context }, info) => {
  test.setTimeout(150_000)
  const found: string[] = []
  const small: string[] = []
  const check = async (screen: string) => {
    found.push(...(await axe(page, screen)))
    small.push(...(await smallText(page)).map((s) => `${screen}: ${s}`))
  }
  const { session: S, meetings: M, minutes: MI } = texts['zh-CN']

  await page.goto('/')
  // 112.5% of the browser's default, not a fixed size.
  expect(await rootSize(page)).toBe(18)
  await check('home')
  await createCouncil(page, '无障碍议事会')
  await importRegister(page, registerCsv(info.outputPath('fixtures')), NAMES.length)
  for (const tab of ['meetings', 'members', 'households', 'campaigns', 'rules', 'sync'] as const) {
    await page.getByRole('navigation', { name: '无障碍议事会' }).getByRole('link', { name: texts['zh-CN'].common.nav[tab], exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/${tab}$`))
    await check(`council ${tab}`)
  }
  await createMeeting(page, '无障碍会议', '2026-12-19T19:00')
  await addItem(page, '楼道堆物清理', '刘桂兰', '20')
  await check('meeting')
  await page.getByRole('button', { name: M.notice.issue, exact: true }).click()
  await check('meeting, notice confirmation')
  await page.getByRole('button', { name: M.notice.yesIssue }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: M.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()
  await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name: NAMES[0]! }) }).click()
  await check('session sign-in, no quorum yet')
  for (const name of NAMES.slice(1)) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await check('session sign-in')
  await shots(page, 'zh-CN', 'signin')
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await page.getByRole('link', { name: S.tabs.floor }).click()
  const motion = await motionUnderDebate(page, '楼道堆物清理', '本月底前清理各楼道堆放杂物。', '刘桂兰', '王志强')
  await check('session floor')
  await motion.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.secret })
  await motion.getByRole('button', { name: S.vote.open }).click()
  await check('a secret vote open')
  await page.getByRole('button', { name: fmt(S.ballot.checkIn, { name: NAMES[0]! }) }).click()
  await expect(page.getByRole('dialog', { name: S.ballot.boothTitle })).toBeVisible()
  found.push(...(await new AxeBuilder({ page }).include('.booth').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `booth: ${v.id} ${v.help}`))
  await shots(page, 'zh-CN', 'booth')
  await page.keyboard.press('Escape')
  await motion.getByRole('button', { name: S.vote.close }).click()
  await check('announce confirmation')
  await shots(page, 'zh-CN', 'announce-confirm')
  await motion.getByRole('button', { name: S.vote.yesClose }).click()
  await check('a vote announced')
  await page.getByRole('button', { name: S.close.button }).click()
  await page.getByRole('button', { name: S.close.yes }).click()
  await page.getByRole('link', { name: MI.open }).click()
  await check('minutes draft')
  await shots(page, 'zh-CN', 'minutes')
  await page.goto('/#/review')
  await check('review')

  // English, at 200% zoom.
  await page.goBack()
  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.locator('main h1').first()).toBeVisible()
  await check('minutes draft (en)')
  await shots(page, 'en', 'minutes')

  // A larger default font in the browser (24 px instead of 16) enlarges the whole app.
  const cdp = await context.newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } })
  await expect.poll(() => rootSize(page)).toBe(27)
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, 'en-minutes-font24.png'), fullPage: true })

  expect(found, 'serious or critical axe violations').toEqual([])
  expect([...new Set(small)], 'text under 16 px').toEqual([])
})
