// A secretary's first evening with Yishi, tried as a new user would: a council, 30 members from
// the community office's spreadsheet, a meeting with five items, a reorder, the notice, a
// reload — and everything is still there. Hostile text shows as text.
import { join } from 'node:path'
import { test, expect, createCouncil, createMeeting, addItem, agendaTitles, fixturesDir, HOSTILE } from './fixtures'

test('create a council, import 30 members, prepare and issue a meeting notice, reload and find it all', async ({ page, problems }) => {
  await page.goto('/')
  // The first screen is in Simplified Chinese and offers to create or open a council.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('link', { name: '新建议事会' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '打开议事会' })).toBeVisible()

  await createCouncil(page, '清风社区居民议事会')
  // Rules default from the kind (resident council: two thirds quorum, seconding required).
  await page.getByRole('link', { name: '议事规则' }).click()
  await expect(page.getByLabel('法定人数', { exact: true })).toHaveValue('at_least_two_thirds')
  await expect(page.getByLabel('动议须有人附议')).toBeChecked()
  await expect(page.getByLabel('发言时限（分钟）')).toHaveValue('2')
  await expect(page.getByLabel('每人每项动议发言次数')).toHaveValue('2')
  await expect(page.getByLabel('回避的成员仍计入法定人数')).toBeChecked()

  // Import 30 members from the XLSX fixture.
  await page.getByRole('link', { name: '成员名册' }).click()
  await page.getByRole('link', { name: '从表格导入（CSV / Excel）' }).click()
  await page.getByLabel('选择 CSV 或 XLSX 文件').setInputFiles(join(fixturesDir, 'members-30.xlsx'))
  const confirm = page.getByRole('button', { name: /导入 30 名成员/ })
  await expect(confirm).toBeEnabled()
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(30)
  await confirm.click()
  await expect(page.getByRole('heading', { name: '成员名册' })).toBeVisible()
  await expect(page.getByRole('table', { name: '成员名册' }).locator('tbody tr')).toHaveCount(30)

  // A member whose name is a hostile string is stored and shown as plain text.
  await page.getByRole('button', { name: '添加成员' }).click()
  const form = page.getByRole('form', { name: '添加成员' })
  await form.getByLabel('姓名').fill(HOSTILE)
  await form.getByLabel('楼栋').fill('9')
  await form.getByLabel('房屋面积（平方米）').fill('58.75')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('cell', { name: HOSTILE, exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: '成员名册' }).locator('tbody tr')).toHaveCount(31)
  await expect(page.locator('img')).toHaveCount(0)

  // A meeting with five agenda items, one titled with the hostile string.
  await createMeeting(page, '2026年12月居民议事会例会', '2026-12-05T19:00')
  await addItem(page, '加装电梯方案', '王建国', '30')
  await addItem(page, '楼道堆物清理', '李秀英')
  await addItem(page, '社区保障资金项目排序', '议事会')
  await addItem(page, HOSTILE, '张伟', '5')
  await addItem(page, '停车位划线', '刘洋', '20')
  expect(await agendaTitles(page)).toEqual(['加装电梯方案', '楼道堆物清理', '社区保障资金项目排序', HOSTILE, '停车位划线'])

  // Reorder: the third item goes up above the second.
  await page.getByRole('button', { name: '上移：社区保障资金项目排序' }).click()
  await expect.poll(() => agendaTitles(page)).toEqual(['加装电梯方案', '社区保障资金项目排序', '楼道堆物清理', HOSTILE, '停车位划线'])

  // Issue the notice: the meeting moves to 已通知 and the printable notice shows the agenda.
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  const notice = page.getByRole('article', { name: '会议通知' })
  await expect(notice.getByRole('heading', { name: '会议通知' })).toBeVisible()
  await expect(notice.locator('ol > li > strong')).toHaveText(['加装电梯方案', '社区保障资金项目排序', '楼道堆物清理', HOSTILE, '停车位划线'])
  await expect(notice).toContainText('2026年12月5日')
  await expect(notice.getByRole('heading', { name: '议程（预计 85 分钟）' })).toBeVisible()
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible()

  // Reload at this moment: everything is as it was.
  await page.reload()
  await expect(notice.locator('ol > li > strong')).toHaveText(['加装电梯方案', '社区保障资金项目排序', '楼道堆物清理', HOSTILE, '停车位划线'])
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await expect(page.getByText('已通知', { exact: true })).toBeVisible()
  // After the notice the agenda is fixed: no reorder or remove buttons.
  await expect(page.getByRole('button', { name: /上移/ })).toHaveCount(0)
  await page.getByRole('link', { name: '← 返回会议列表' }).click()
  const row = page.getByRole('row', { name: /2026年12月居民议事会例会/ })
  await expect(row).toContainText('已通知')
  await expect(row.getByRole('cell').nth(3)).toHaveText('5')
  await page.getByRole('link', { name: '成员名册' }).click()
  await expect(page.getByRole('table', { name: '成员名册' }).locator('tbody tr')).toHaveCount(31)
  await expect(page.getByRole('cell', { name: HOSTILE, exact: true })).toBeVisible()
  await page.goto('/')
  await expect(page.getByRole('link', { name: '清风社区居民议事会' })).toBeVisible()
  await expect(page.getByText('成员 31 人')).toBeVisible()
  expect(problems).toEqual([])
})
