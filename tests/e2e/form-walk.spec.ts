// The form walk (issue 14): in every form that holds a draft, type, then take each way out —
// another tab, another route, a reload, the screen's finalising action — and check that the way
// out asks (naming the field) or is refused, and that what was typed is still there after the
// secretary chooses to stay. Forms whose values are stored as typed (show-of-hands counts, the
// minutes' follow-up) are walked in vote-corrections.spec.ts and minutes-nothing-lost.spec.ts.
import type { Dialog, Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, addMember, confirmEarlyOpening } from './fixtures'

/** Clicks, expecting the leave question; answers it (stay or leave) and returns its words. */
async function clickExpectingQuestion(page: Page, click: () => Promise<void>, answer: 'stay' | 'leave'): Promise<string> {
  // The question blocks the click until answered: answer it from the dialog handler.
  const asked = new Promise<Dialog>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d)
      void (answer === 'stay' ? d.dismiss() : d.accept())
    }),
  )
  await click()
  const d = await asked
  expect(d.type()).toBe('confirm')
  return d.message()
}

/** A reload with a draft on screen brings the browser's own question; staying keeps the page. */
async function reloadExpectingQuestion(page: Page) {
  const asked = new Promise<Dialog>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d)
      void d.dismiss()
    }),
  )
  await page.reload({ timeout: 3000 }).catch(() => null)
  expect((await asked).type()).toBe('beforeunload')
}

/** The breadcrumb's link back to the council. */
const crumb = (page: Page) => page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1)
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true })

test('every draft asks before it is left, and a finalising action refuses it (zh-CN)', async ({ page }) => {
  test.setTimeout(120_000)
  const unexpected: string[] = []
  page.on('pageerror', (e) => unexpected.push(e.message))
  await createCouncil(page, '表单巡检议事会')
  await addMember(page, '张建国', '1栋')
  await addMember(page, '李秀英', '1栋')
  await addMember(page, '王志强', '2栋')

  // A member's form: another tab asks, naming the field; staying keeps what was typed.
  await page.getByRole('button', { name: '添加成员' }).click()
  const memberForm = page.getByRole('form', { name: '添加成员' })
  await memberForm.getByLabel('姓名').fill('赵文军')
  const words = await clickExpectingQuestion(page, () => nav(page, '议事规则').click(), 'stay')
  expect(words).toContain('姓名')
  await expect(memberForm.getByLabel('姓名')).toHaveValue('赵文军')
  // A reload asks too (the browser's own question).
  await reloadExpectingQuestion(page)
  await expect(memberForm.getByLabel('姓名')).toHaveValue('赵文军')
  // Leaving on purpose is allowed, and what was typed goes with it.
  await clickExpectingQuestion(page, () => nav(page, '议事规则').click(), 'leave')
  await expect(page.getByLabel('议事会名称')).toBeVisible()

  // A household's form: another tab asks, naming the field.
  await nav(page, '住户名册').click()
  await page.getByRole('button', { name: '添加住户' }).click()
  await page.getByLabel('产权人').fill('周永福')
  expect(await clickExpectingQuestion(page, () => nav(page, '议事规则').click(), 'stay')).toContain('产权人')
  await expect(page.getByLabel('产权人')).toHaveValue('周永福')
  await clickExpectingQuestion(page, () => nav(page, '议事规则').click(), 'leave')

  // The council's rules: another route asks; after saving, nothing asks.
  await page.getByLabel('议事会名称').fill('表单巡检议事会（第二届）')
  expect(await clickExpectingQuestion(page, () => nav(page, '会议').click(), 'stay')).toContain('议事会名称')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已保存在本机')).toBeVisible()
  await nav(page, '会议').click()
  await expect(page.getByRole('link', { name: '新建会议' })).toBeVisible()

  // A new meeting: the create form asks before it is left.
  await page.getByRole('link', { name: '新建会议' }).click()
  await page.getByLabel('会议名称').fill('还没建好的会')
  expect(await clickExpectingQuestion(page, () => crumb(page).click(), 'stay')).toContain('会议名称')
  await expect(page.getByLabel('会议名称')).toHaveValue('还没建好的会')
  await page.getByRole('button', { name: '取消' }).click()

  // The meeting's details and the agenda: issuing the notice over a typed place is refused, naming it.
  await createMeeting(page, '十二月议事会', '2026-12-19T19:00')
  await addItem(page, '楼道堆物清理', '李秀英', '20')
  await page.getByText('会议信息（名称、时间、地点、召集人）').click()
  await page.getByLabel('地点', { exact: true }).fill('社区活动中心三楼')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await expect(page.getByRole('alert').filter({ hasText: '还有没保存的输入' })).toContainText('地点')
  await expect(page.getByRole('heading', { level: 1, name: '十二月议事会' })).toBeVisible()
  await expect(page.getByLabel('地点', { exact: true })).toHaveValue('社区活动中心三楼')
  // A new agenda item being typed asks before another route.
  await page.getByRole('form', { name: '添加议题' }).getByLabel('议题', { exact: true }).fill('加装电梯')
  const both = await clickExpectingQuestion(page, () => page.getByRole('link', { name: '← 返回会议列表' }).click(), 'stay')
  expect(both).toContain('地点')
  expect(both).toContain('议题')
  // Saved, nothing asks any more: a reload right after both saves goes through without a question.
  await page.getByRole('form', { name: '添加议题' }).getByRole('button', { name: '添加到议程' }).click()
  await page.getByRole('form', { name: '保存' }).getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('社区活动中心三楼').first()).toBeVisible()
  const asked: string[] = []
  const onDialog = (d: Dialog) => {
    asked.push(d.type())
    void d.dismiss()
  }
  page.on('dialog', onDialog)
  await page.reload()
  page.off('dialog', onDialog)
  expect(asked).toEqual([])
  await expect(page.getByRole('list', { name: '议程' }).getByRole('listitem', { name: '加装电梯' })).toBeVisible()
  // The notice goes out.
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()

  // In the room: a motion being typed asks before the sign-in tab.
  await page.getByRole('link', { name: '进入会场（签到、议事、表决）' }).click()
  await page.getByRole('button', { name: '开始签到' }).click()
  for (const name of ['张建国', '李秀英', '王志强']) await page.getByRole('button', { name: `${name} 到会` }).click()
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: '宣布开会', exact: true }).click()
  await page.getByRole('link', { name: '议事与表决' }).click()
  await page.getByRole('button', { name: '开始讨论：楼道堆物清理' }).click()
  const propose = page.getByRole('form', { name: '提出动议' })
  await propose.getByLabel('动议内容').fill('每月第一个周六集中清理楼道。')
  expect(await clickExpectingQuestion(page, () => page.getByRole('link', { name: '签到' }).click(), 'stay')).toContain('动议内容')
  await expect(propose.getByLabel('动议内容')).toHaveValue('每月第一个周六集中清理楼道。')

  // Leaving the room on purpose: asked, then allowed.
  await clickExpectingQuestion(page, () => crumb(page).click(), 'leave')

  // A new campaign's form asks before it is left.
  await nav(page, '签约与征询').click()
  await page.getByRole('link', { name: '新建签约或征询' }).click()
  await page.getByLabel('名称', { exact: true }).fill('老旧院落改造意见征询')
  expect(await clickExpectingQuestion(page, () => crumb(page).click(), 'stay')).toContain('名称')
  await expect(page.getByLabel('名称', { exact: true })).toHaveValue('老旧院落改造意见征询')
  expect(unexpected).toEqual([])
})
