// Keyboard only, where focus matters most: the laptop ballot booth holds the voter (Tab cannot
// leave it, nothing behind it can be clicked, arrows choose, Enter casts, Escape steps back) and
// an inline confirmation takes the focus, says its question, and gives the focus back.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening, motionUnderDebate } from './fixtures'
import { fmt, texts } from './i18n'

const { session: S, votes: V, meetings: M, common: C } = texts['zh-CN']
const NAMES = ['张建国', '李秀英', '王志强', '刘桂兰', '陈德明', '杨丽华']

function registerCsv(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const rows = NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},1,1,${101 + i},60`)
  const file = join(dir, 'register.csv')
  writeFileSync(file, ['姓名,角色,楼栋,单元,房号,面积', ...rows].join('\n'))
  return file
}

/** A screenshot at 200% zoom (half the CSS width), to look at by eye. */
async function zoomShot(page: Page, name: string) {
  mkdirSync('/tmp/shots/a11y', { recursive: true })
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 640, height: 800 })
  await page.screenshot({ path: `/tmp/shots/a11y/${name}-zoom200.png`, fullPage: true })
  await page.setViewportSize(size)
}

/** What has the focus, as a screen reader would name it: role and accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`
  })

test('the ballot booth holds the voter; confirmations take and give back the focus', async ({ page }, info) => {
  test.setTimeout(90_000)
  await createCouncil(page, '键盘议事会')
  await importRegister(page, registerCsv(info.outputPath('fixtures')), NAMES.length)
  await createMeeting(page, '键盘会议', '2026-12-19T19:00')
  // A new screen: the focus is on its heading and the page title names it and its council.
  await expect(page.getByRole('heading', { level: 1, name: '键盘会议' })).toBeFocused()
  await expect(page).toHaveTitle('键盘会议 · 键盘议事会 · 议事')
  await addItem(page, '楼道堆物清理', '刘桂兰', '20')

  // 发出通知: the confirmation takes the focus and is named by its question; Escape steps back
  // and the focus returns to the button that opened it.
  const issue = page.getByRole('button', { name: M.notice.issue, exact: true })
  await issue.focus()
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('alertdialog', { name: fmt(M.notice.confirm_other, { count: 1 }) })
  await expect(confirm).toBeVisible()
  expect(await focused(page)).toBe(`button:${M.notice.yesIssue}`)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  expect(await focused(page), 'Tab wraps inside the confirmation').toBe(`button:${M.notice.yesIssue}`)
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(issue).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: M.notice.issue, exact: true })).toBeHidden()

  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: M.session.enter }).click()
  await expect(page).toHaveTitle(`${S.tabs.signin} · 键盘会议 · 键盘议事会 · 议事`)
  await expect(page.getByRole('heading', { level: 1, name: '键盘会议' })).toBeFocused()
  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of NAMES) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await page.getByRole('link', { name: S.tabs.floor }).click()
  await expect(page).toHaveTitle(`${S.tabs.floor} · 键盘会议 · 键盘议事会 · 议事`)
  const motion = await motionUnderDebate(page, '楼道堆物清理', '本月底前清理各楼道堆放杂物。', '刘桂兰', '王志强')
  await motion.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.secret })
  await motion.getByRole('button', { name: S.vote.open }).click()

  for (const [i, name] of ['张建国', '李秀英'].entries()) {
    await page.getByRole('button', { name: fmt(S.ballot.checkIn, { name }) }).focus()
    await page.keyboard.press('Enter')
    const booth = page.getByRole('dialog', { name: S.ballot.boothTitle })
    await expect(booth.getByText(fmt(S.ballot.voter, { name }))).toBeVisible()
    // Each new voter starts on the first choice, with nothing chosen yet.
    expect(await focused(page)).toBe(`radio:${V.counts.for}`)
    await expect(booth.getByRole('radio', { checked: true })).toHaveCount(0)

    // Forty Tabs and Shift+Tabs never leave the booth.
    for (let k = 0; k < 40; k++) {
      await page.keyboard.press(k % 3 === 2 ? 'Shift+Tab' : 'Tab')
      expect(await page.evaluate(() => !!document.activeElement?.closest('.booth')), `Tab ${k + 1} stays in the booth`).toBe(true)
    }
    // Nothing behind the booth can be reached or clicked: the rest of the page is inert.
    expect(await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => !b.closest('.booth') && !b.closest('[inert]')).length)).toBe(0)

    // Arrows move between the choices and choose; Enter moves to the cast button; Enter casts.
    await booth.getByRole('radio', { name: V.counts.for }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toBe(`radio:${V.counts.against}`)
    await expect(booth.getByRole('radio', { name: V.counts.against })).toHaveAttribute('aria-checked', 'true')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await focused(page), 'arrows wrap around').toBe(`radio:${V.counts.abstain}`)
    const choice = i === 0 ? V.counts.for : V.counts.abstain
    if (i === 0) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await expect(booth.getByRole('button', { name: fmt(S.ballot.castAs, { choice }) })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(booth.getByText(S.ballot.thanks)).toBeVisible()
    await expect(booth.getByRole('button', { name: S.ballot.next })).toBeFocused()
    // Said once through the app's polite live region, which the booth leaves reachable.
    await expect(page.getByTestId('announcer')).toHaveText(C.announce.ballotCast)
    await expect(page.getByTestId('announcer')).not.toHaveAttribute('inert')
    await page.keyboard.press('Enter')
    await expect(booth).toBeHidden()
  }
  await expect(page.getByText(fmt(S.ballot.progress, { cast: 2, eligible: NAMES.length }))).toBeVisible()

  // Escape at the booth steps back without a ballot, and nothing behind stays inert.
  await page.getByRole('button', { name: fmt(S.ballot.checkIn, { name: '王志强' }) }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: S.ballot.boothTitle })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: S.ballot.boothTitle })).toBeHidden()
  expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0)
  await expect(page.getByText(fmt(S.ballot.progress, { cast: 2, eligible: NAMES.length }))).toBeVisible()

  // 结束表决: the confirmation takes the focus, is named by its title and asks its question;
  // Enter on the focused 确认 announces, and the result is said through the live region.
  await motion.getByRole('button', { name: S.vote.close }).focus()
  await page.keyboard.press('Enter')
  const announce = motion.getByRole('alertdialog', { name: S.voteFix.confirmTitle })
  await expect(announce).toHaveAccessibleDescription(S.vote.closeConfirm)
  await expect(announce.getByRole('button', { name: S.vote.yesClose })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(announce).toBeHidden()
  await expect(page.getByTestId('announcer')).toContainText(fmt(C.announce.voteClosed, { outcome: '', counts: '' }).split('：')[0]!)

  // In English the title is in English.
  await page.getByLabel('界面语言').selectOption('en')
  await expect(page).toHaveTitle(`${texts.en.session.tabs.floor} · 键盘会议 · 键盘议事会 · Yishi`)
  await zoomShot(page, 'en-floor-announced')
})

test('twenty members sign in by keyboard alone in well under 100 key presses', async ({ page }, info) => {
  test.setTimeout(90_000)
  const names = ['张建国', '李秀英', '王志强', '刘桂兰', '陈德明', '杨丽华', '赵文军', '黄淑珍', '周永福', '吴美玲', '徐国庆', '孙玉梅', '胡振华', '朱红霞', '高志远', '林秀兰', '何建平', '郭翠英', '马德胜', '罗春燕']
  const dir = info.outputPath('fixtures')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'register-20.csv')
  writeFileSync(file, ['姓名,角色,楼栋,单元,房号,面积', ...names.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},1,1,${101 + i},60`)].join('\n'))
  await createCouncil(page, '签到议事会')
  await importRegister(page, file, names.length)
  await createMeeting(page, '签到会议', '2026-12-19T19:00')
  await addItem(page, '楼道堆物清理')
  await page.getByRole('button', { name: M.notice.issue, exact: true }).click()
  await page.getByRole('button', { name: M.notice.yesIssue }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: M.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()

  // From here on, only the keyboard, every key press counted.
  let presses = 0
  const press = async (key: string) => {
    presses++
    await page.keyboard.press(key)
  }
  const find = page.getByLabel(S.signIn.find)
  while (!(await find.evaluate((el) => el === document.activeElement))) {
    await press('Tab')
    expect(presses, 'the search box is reachable by Tab').toBeLessThan(25)
  }
  // Five arrive out of order: found by their pinyin initials, Enter signs each in.
  for (const [name, initials] of [['罗春燕', 'lcy'], ['周永福', 'zyf'], ['胡振华', 'hzh'], ['王志强', 'wzq'], ['郭翠英', 'gcy']] as const) {
    for (const k of initials) await press(k)
    await expect(page.getByRole('row', { name })).toBeVisible()
    await press('Enter')
    await expect(find).toBeFocused()
    await expect(find).toHaveValue('')
    await expect(page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) })).toHaveCount(0)
  }
  // The rest queue up in register order: Tab to the first 到会, then Enter moves down the list.
  const first = page.getByRole('button', { name: fmt(S.signIn.markPresent, { name: '张建国' }) })
  while (!(await first.evaluate((el) => el === document.activeElement))) {
    await press('Tab')
    expect(presses).toBeLessThan(60)
  }
  for (let i = 0; i < 15; i++) {
    const before = await page.getByRole('button', { name: /到会$/ }).count()
    await press('Enter')
    await expect(page.getByRole('button', { name: /到会$/ })).toHaveCount(before - 1)
  }
  await expect(page.getByRole('button', { name: /到会$/ })).toHaveCount(0)
  await expect(page.getByRole('status', { name: S.quorum.label })).toContainText(fmt(S.quorum.present_other, { count: 20 }))
  console.log(`signing 20 members in took ${presses} key presses`)
  await zoomShot(page, 'zh-CN-signin-20')
  await page.getByLabel('界面语言').selectOption('en')
  await page.getByLabel(texts.en.session.signIn.find).fill('wz')
  await expect(page.getByText(texts.en.session.signIn.findHint)).toBeVisible()
  await expect(page.getByRole('row')).toHaveCount(2)
  await zoomShot(page, 'en-signin-find')
  expect(presses).toBeLessThan(60)
})
