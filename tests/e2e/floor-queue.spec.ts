// The meeting in the room, as a secretary meets it (zh-CN): 应到 before anyone signs in, an
// observer on the register listed once signed in, a warning before opening ahead of the scheduled
// time, the way back into the running meeting, requests for the floor that survive switching to
// 签到 and back and a reload, and the agenda rail marking what was discussed (nothing "under
// discussion" once the meeting is closed). Screenshots in zh-CN and en go to /tmp/shots/session/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister } from './fixtures'
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
  await page.getByRole('link', { name: '← 返回会议' }).click()
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
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await expect(page.getByText(texts['zh-CN'].common.enums.meetingStatus.in_session, { exact: true }).first()).toBeVisible()

  // The meeting page's way back says the meeting is running.
  await page.getByRole('link', { name: S.backToMeeting }).click()
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
