// The meeting in the room, as a secretary meets it (zh-CN): 应到 before anyone signs in, an
// observer on the register listed once signed in, a warning before opening ahead of the scheduled
// time, the way back into the running meeting, requests for the floor that survive switching to
// 签到 and back and a reload, and the agenda rail marking what was discussed (nothing "under
// discussion" once the meeting is closed). Screenshots in zh-CN and en go to /tmp/shots/session/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { test, expect, addMember, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening } from './fixtures'
import { fmt, texts } from './i18n'

const S = texts['zh-CN'].session
const M = texts['zh-CN'].meetings
const SHOTS = '/tmp/shots/session'

// Entered neither in register order nor in pinyin order; 赵敏 is an observer (列席) on the register.
const REGISTER = [
  ['张建国', '主持人', '3', '1', '301'],
  ['李秀英', '记录人', '3', '1', '201'],
  ['王志强', '议事会成员', '13', '1', '101'],
  ['安丽', '议事会成员', '3', '1', '502'],
  ['陈德明', '议事会成员', '3', '2', '101'],
  ['赵敏', '列席', '3', '1', '101'],
]
/** Register order (building, unit, room as numbers), then pinyin. */
const IN_ORDER = ['赵敏', '李秀英', '张建国', '安丽', '陈德明', '王志强']

async function shot(page: Page, name: string, target?: Locator) {
  mkdirSync(SHOTS, { recursive: true })
  if (target) await target.screenshot({ path: join(SHOTS, `${name}.png`) })
  else await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

const queueNames = (page: Page) => page.getByRole('list', { name: S.speech.queue }).getByRole('listitem').allInnerTexts()

test('requests for the floor outlast tabs and reloads; the room shows what a secretary expects', async ({ page, problems }, info) => {
  test.setTimeout(120_000)
  const dir = info.outputPath('fixtures')
  mkdirSync(dir, { recursive: true })
  const csv = join(dir, 'register-6.csv')
  writeFileSync(csv, ['姓名,角色,楼栋,单元,房号', ...REGISTER.map((r) => r.join(','))].join('\n'))

  await createCouncil(page, '梧桐院落议事会')
  await importRegister(page, csv, REGISTER.length)
  // Three days ahead: opening tonight is opening early.
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
  await createMeeting(page, '梧桐院落停车议事会', `${day}T19:00`)
  await addItem(page, '院内停车位划线')
  await addItem(page, '楼道灯维修')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: M.session.enter }).click()

  // Before anyone signs in, 应到 is the register's: five voting members (the observer never counts).
  const quorum = page.getByRole('status', { name: S.quorum.label })
  await expect(quorum).toContainText(fmt(S.quorum.expected_other, { count: 5 }))
  await expect(quorum).toContainText(fmt(S.quorum.present_other, { count: 0 }))

  // Sign-in lists everyone in the one order of names; the observer who signs in is listed as 列席.
  await page.getByRole('button', { name: S.signIn.start }).click()
  await expect(page.getByRole('table', { name: S.signIn.title }).locator('tbody tr td:first-child')).toHaveText(IN_ORDER)
  await expect(page.getByText(S.observers.none)).toBeVisible()
  for (const name of IN_ORDER) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  const observers = page.getByRole('list', { name: S.observers.title })
  await expect(observers).toContainText(fmt(S.observers.fromRegister, { name: '赵敏' }))
  await expect(page.getByText(S.observers.none)).toHaveCount(0)
  await expect(quorum).toContainText(fmt(S.quorum.present_other, { count: 5 }))

  // Opening before the scheduled time warns and asks first.
  const early = page.getByRole('alertdialog')
  await expect(early).toContainText('会议定于')
  await expect(early).toContainText('19:00')
  await expect(page.getByRole('button', { name: S.open.open, exact: true })).toHaveCount(0)
  await shot(page, 'zh-CN-open-early', page.getByRole('region', { name: S.open.title }))
  await early.getByRole('button', { name: S.open.earlyConfirm }).click()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await expect(page.getByText(texts['zh-CN'].common.enums.meetingStatus.in_session, { exact: true }).first()).toBeVisible()

  // The meeting page's way back says the meeting is running.
  await page.getByRole('link', { name: S.backToMeeting, exact: true }).click()
  await expect(page.getByRole('link', { name: M.session.view })).toHaveCount(0)
  await page.getByRole('link', { name: M.session.back }).click()

  // The floor: item 1, a motion under debate, two requests for the floor.
  await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '院内停车位划线' }) }).click()
  const motionText = '同意在院内划设12个停车位，按登记先后分配。'
  const propose = page.getByRole('form', { name: S.motion.proposeTitle })
  await propose.getByLabel(S.motion.proposer).selectOption({ label: '王志强' })
  await propose.getByLabel(S.motion.text).fill(motionText)
  await propose.getByRole('button', { name: S.motion.propose }).click()
  const motion = page.getByRole('article', { name: fmt(S.motion.label, { text: motionText }) })
  await motion.getByLabel(S.motion.seconder).selectOption({ label: '安丽' })
  await motion.getByRole('button', { name: S.motion.second }).click()
  await motion.getByRole('button', { name: S.motion.debate }).click()

  const request = async (name: string, stance: string, T = S) => {
    const ask = page.getByRole('form', { name: T.speech.askTitle })
    await ask.getByLabel(T.speech.speaker).selectOption({ label: name })
    await ask.getByLabel(T.speech.stance).selectOption({ label: stance })
    await ask.getByRole('button', { name: T.speech.ask }).click()
  }
  await request('陈德明', S.stance.for)
  await request('李秀英', S.stance.against)
  const expected = [fmt(S.speech.queued_other, { name: '陈德明', stance: S.stance.for, count: 0 }), fmt(S.speech.queued_other, { name: '李秀英', stance: S.stance.against, count: 0 })]
  await expect.poll(() => queueNames(page)).toEqual(expected.map((e) => expect.stringContaining(e)))

  // To 签到 for a late arrival and back: the queue is still there, in order.
  await page.getByRole('link', { name: S.tabs.signin }).click()
  await expect(page.getByRole('list', { name: S.speech.queue })).toHaveCount(0)
  await page.getByRole('link', { name: S.tabs.floor }).click()
  await expect.poll(() => queueNames(page)).toEqual(expected.map((e) => expect.stringContaining(e)))

  // A reload: still there, in order.
  await page.reload()
  await expect.poll(() => queueNames(page)).toEqual(expected.map((e) => expect.stringContaining(e)))

  // A third request, withdrawn: gone from the queue.
  await request('张建国', S.stance.question)
  await expect(page.getByRole('list', { name: S.speech.queue }).getByRole('listitem')).toHaveCount(3)
  await shot(page, 'zh-CN-floor-queue', page.locator('.speeches'))
  await page.getByRole('button', { name: fmt(S.speech.withdrawAsk, { name: '张建国' }) }).click()
  await expect(page.getByRole('list', { name: S.speech.queue }).getByRole('listitem')).toHaveCount(2)

  // Giving the floor answers the request: it leaves the queue, also after a reload.
  await page.getByRole('button', { name: fmt(S.speech.giveFloor, { name: '陈德明' }) }).click()
  await page.getByLabel(S.speech.summary).fill('划线后消防通道更通畅。')
  await page.getByRole('button', { name: S.speech.end }).click()
  await expect(page.getByRole('list', { name: S.speech.log }).getByRole('listitem')).toHaveCount(1)
  await page.reload()
  await expect.poll(() => queueNames(page)).toEqual([expect.stringContaining(expected[1]!)])

  // The rail: item 1 under discussion; taking item 2 marks item 1 discussed.
  const rail = page.getByRole('navigation', { name: S.agenda.title })
  const railItem = (title: string) => rail.getByRole('listitem').filter({ hasText: title })
  await expect(railItem('院内停车位划线')).toContainText(S.agenda.current)
  await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '楼道灯维修' }) }).click()
  await expect(railItem('院内停车位划线')).toContainText(S.agenda.done)
  await expect(railItem('楼道灯维修')).toContainText(S.agenda.current)
  await shot(page, 'zh-CN-rail', rail)

  // The same screens in en, to look at.
  await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '院内停车位划线' }) }).click()
  await page.getByLabel('界面语言').selectOption('en')
  const E = texts.en.session
  await request('王志强', E.stance.for, E)
  await expect(page.getByRole('list', { name: E.speech.queue }).getByRole('listitem')).toHaveCount(2)
  await shot(page, 'en-floor-queue', page.locator('.speeches'))
  await shot(page, 'en-rail', page.getByRole('navigation', { name: E.agenda.title }))
  await page.getByRole('link', { name: E.tabs.signin }).click()
  await shot(page, 'en-signin')
  await page.getByLabel('Language').selectOption('zh-CN')
  await shot(page, 'zh-CN-signin')
  await page.getByRole('link', { name: S.tabs.floor }).click()

  // 散会: nothing is "under discussion" any more; each item is discussed or not.
  await page.getByRole('button', { name: S.close.button }).click()
  await page.getByRole('button', { name: S.close.yes }).click()
  await expect(page.getByText(texts['zh-CN'].common.enums.meetingStatus.closed, { exact: true }).first()).toBeVisible()
  await expect(rail).not.toContainText(S.agenda.current)
  await expect(page.getByRole('heading', { name: fmt(S.floor.lastTitle, { title: '院内停车位划线' }) })).toBeVisible()
  await expect(page.getByText(fmt(S.floor.title, { title: '院内停车位划线' }))).toHaveCount(0)
  await expect(railItem('院内停车位划线')).toContainText(S.agenda.done)
  await expect(railItem('楼道灯维修')).toContainText(S.agenda.done)
  await shot(page, 'zh-CN-rail-closed', rail)
  expect(problems).toEqual([])
})

/** A second browser profile (its own IndexedDB): another laptop. Its errors fail the test. */
async function laptop(browser: Browser, problems: string[], name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${name}: console error: ${m.text()}`)
  })
  return { context, page }
}

test('two laptops add requests for the floor at once, offline; both keep both, in one order', async ({ browser, problems }) => {
  test.setTimeout(120_000)
  const a = await laptop(browser, problems, 'A')
  const b = await laptop(browser, problems, 'B')
  const council = '银杏社区居民议事会'
  await createCouncil(a.page, council)
  for (const [name, building] of [['周立新', '2'], ['吴春梅', '4'], ['郑国良', '6']] as const) await addMember(a.page, name, building)
  await createMeeting(a.page, '银杏社区例会', `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T19:00`)
  await addItem(a.page, '健身器材维修')
  await a.page.getByRole('button', { name: '发出通知' }).click()
  await a.page.getByRole('button', { name: '确认发出通知' }).click()
  await a.page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await a.page.getByRole('link', { name: M.session.enter }).click()
  await a.page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of ['周立新', '吴春梅', '郑国良']) await a.page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await confirmEarlyOpening(a.page)
  await a.page.getByRole('button', { name: S.open.open, exact: true }).click()
  await a.page.getByRole('link', { name: S.tabs.floor }).click()
  await a.page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '健身器材维修' }) }).click()
  const motionText = '同意用公共收益维修健身器材。'
  const propose = a.page.getByRole('form', { name: S.motion.proposeTitle })
  await propose.getByLabel(S.motion.proposer).selectOption({ label: '周立新' })
  await propose.getByLabel(S.motion.text).fill(motionText)
  await propose.getByRole('button', { name: S.motion.propose }).click()
  const motion = a.page.getByRole('article', { name: fmt(S.motion.label, { text: motionText }) })
  await motion.getByLabel(S.motion.seconder).selectOption({ label: '吴春梅' })
  await motion.getByRole('button', { name: S.motion.second }).click()
  await motion.getByRole('button', { name: S.motion.debate }).click()
  const floorUrl = a.page.url()

  // Connect A's council to the test server and let laptop B join it.
  await a.page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1).click()
  await a.page.getByRole('navigation', { name: council }).getByRole('link', { name: '同步' }).click()
  await a.page.getByLabel('服务器地址').fill('ws://127.0.0.1:4455')
  await a.page.getByRole('button', { name: '连接并同步' }).click()
  await expect(a.page.locator('header .sync-badge')).toHaveText(/已同步/, { timeout: 20_000 })
  await a.page.getByLabel('查看和修改（议事会的设备）').check()
  await a.page.getByLabel('备注（给谁用）').fill('第二台电脑')
  await a.page.getByRole('button', { name: '生成加入码' }).click()
  const invitation = await a.page.getByTestId('invite-text').inputValue()
  await b.page.goto('/')
  await b.page.getByRole('link', { name: '加入议事会' }).click()
  await b.page.getByLabel('加入码或整段邀请文字').fill(invitation)
  await b.page.getByRole('button', { name: '加入', exact: true }).click()
  await expect(b.page.getByRole('heading', { level: 1, name: council })).toBeVisible({ timeout: 20_000 })

  // Both laptops on the floor, then both offline: each adds a request.
  await a.page.goto(floorUrl)
  await b.page.goto(floorUrl)
  for (const d of [a, b]) await expect(d.page.getByRole('form', { name: S.speech.askTitle })).toBeVisible({ timeout: 20_000 })
  for (const d of [a, b]) await d.context.setOffline(true)
  const ask = async (page: Page, name: string, stance: string) => {
    const form = page.getByRole('form', { name: S.speech.askTitle })
    await form.getByLabel(S.speech.speaker).selectOption({ label: name })
    await form.getByLabel(S.speech.stance).selectOption({ label: stance })
    await form.getByRole('button', { name: S.speech.ask }).click()
  }
  await ask(a.page, '郑国良', S.stance.for)
  await ask(b.page, '吴春梅', S.stance.against)
  for (const d of [a, b]) await expect(d.page.getByRole('list', { name: S.speech.queue }).getByRole('listitem')).toHaveCount(1)

  for (const d of [a, b]) await d.context.setOffline(false)
  for (const d of [a, b]) await expect(d.page.getByRole('list', { name: S.speech.queue }).getByRole('listitem')).toHaveCount(2, { timeout: 20_000 })
  const onA = await queueNames(a.page)
  expect(await queueNames(b.page)).toEqual(onA)
  expect(onA.join('\n')).toContain('郑国良')
  expect(onA.join('\n')).toContain('吴春梅')
  await a.context.close()
  await b.context.close()
})
