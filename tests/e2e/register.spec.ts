// The register keeps its history: an edit records the old and the new value, a member who leaves
// gets a leaving date instead of being deleted, a wrong area is refused with a message next to the
// field, and all of it is still there after a reload.
import type { Page } from '@playwright/test'
import { test, expect, createCouncil } from './fixtures'

const registerRows = (page: Page) => page.getByRole('table', { name: '成员名册' }).locator('tbody tr')
const rowOf = (page: Page, name: string) => registerRows(page).filter({ has: page.getByRole('cell', { name, exact: true }) })
const summary = (current: number, voting: number, all: number) =>
  `现有成员 ${current} 人（其中有表决权 ${voting} 人），名册共 ${all} 人（含已离开的成员）。`

async function addMember(page: Page, f: { name: string; building: string; unit: string; room: string; area: string; phone: string; joinedOn: string }) {
  await page.getByRole('button', { name: '添加成员' }).click()
  const form = page.getByRole('form', { name: '添加成员' })
  await form.getByLabel('姓名').fill(f.name)
  await form.getByLabel('楼栋').fill(f.building)
  await form.getByLabel('单元').fill(f.unit)
  await form.getByLabel('房号').fill(f.room)
  await form.getByLabel('房屋面积（平方米）').fill(f.area)
  await form.getByLabel('电话').fill(f.phone)
  await form.getByLabel('加入日期').fill(f.joinedOn)
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('status').filter({ hasText: `已添加 ${f.name}，并已保存在本机。` })).toBeVisible()
}

test('editing a member keeps the history, a leaving date hides them from current members, a wrong area saves nothing', async ({ page, problems }) => {
  await createCouncil(page, '清风社区居民议事会')
  await addMember(page, { name: '王秀兰', building: '3', unit: '2', room: '301', area: '62.5', phone: '13800001111', joinedOn: '2020-03-01' })
  await addMember(page, { name: '陈志明', building: '5', unit: '1', room: '102', area: '88', phone: '13800002222', joinedOn: '2021-06-15' })
  await expect(page.getByText(summary(2, 2, 2))).toBeVisible()
  await expect(rowOf(page, '王秀兰')).toContainText('3栋 2单元 301室')
  await expect(rowOf(page, '王秀兰')).toContainText('62.5')
  await expect(rowOf(page, '王秀兰')).toContainText('2020年3月1日')

  // Change the phone and the area: the register shows the new values and the history both.
  await page.getByRole('button', { name: '编辑成员：王秀兰' }).click()
  const edit = page.getByRole('form', { name: '编辑成员：王秀兰' })
  const history = page.getByRole('region', { name: '修改记录' })
  await expect(history).toContainText('这位成员的信息还没有修改过。')
  await expect(edit.getByLabel('电话')).toHaveValue('13800001111')
  await expect(edit.getByLabel('房屋面积（平方米）')).toHaveValue('62.5')
  await edit.getByLabel('电话').fill('13900003333')
  await edit.getByLabel('房屋面积（平方米）').fill('70.25')
  await edit.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已修改 王秀兰，并已保存在本机。' })).toBeVisible()
  await expect(edit).toHaveCount(0)
  await expect(rowOf(page, '王秀兰')).toContainText('13900003333')
  await expect(rowOf(page, '王秀兰')).toContainText('70.25')

  await page.getByRole('button', { name: '编辑成员：王秀兰' }).click()
  await expect(history.getByRole('listitem')).toHaveCount(1)
  await expect(history.getByRole('listitem')).toContainText('电话：13800001111 → 13900003333')
  await expect(history.getByRole('listitem')).toContainText('房屋面积：62.5 → 70.25')

  // An area that is not a number: the field says what is wrong and nothing is saved.
  await edit.getByLabel('房屋面积（平方米）').fill('abc')
  await edit.getByRole('button', { name: '保存' }).click()
  await expect(edit.getByLabel('房屋面积（平方米）')).toHaveAttribute('aria-invalid', 'true')
  await expect(edit.getByRole('alert').filter({ hasText: '面积要填数字，例如 62.5。' })).toBeVisible()
  await expect(edit.getByRole('alert').filter({ hasText: '请先更正标出的内容。' })).toBeVisible()
  // The error is tied to the field for screen readers.
  await expect(edit.getByLabel('房屋面积（平方米）')).toHaveAccessibleDescription(/面积要填数字，例如 62\.5。/)
  await edit.getByRole('button', { name: '取消' }).click()
  await expect(rowOf(page, '王秀兰')).toContainText('70.25')
  await page.getByRole('button', { name: '编辑成员：王秀兰' }).click()
  await expect(history.getByRole('listitem')).toHaveCount(1)
  await edit.getByRole('button', { name: '取消' }).click()

  // The same for a new member: the wrong area keeps them off the register.
  await page.getByRole('button', { name: '添加成员' }).click()
  const add = page.getByRole('form', { name: '添加成员' })
  await add.getByLabel('姓名').fill('刘建华')
  await add.getByLabel('房屋面积（平方米）').fill('abc')
  await add.getByRole('button', { name: '保存' }).click()
  await expect(add.getByRole('alert').filter({ hasText: '面积要填数字，例如 62.5。' })).toBeVisible()
  await add.getByRole('button', { name: '取消' }).click()
  await expect(page.getByText(summary(2, 2, 2))).toBeVisible()
  await expect(rowOf(page, '刘建华')).toHaveCount(0)

  // Leaving: a date in the past. The member is no longer current, but stays on the register.
  await page.getByRole('button', { name: '编辑成员：王秀兰' }).click()
  await edit.getByLabel('离开日期').fill('2024-12-31')
  await edit.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已修改 王秀兰，并已保存在本机。' })).toBeVisible()
  await expect(page.getByText(summary(1, 1, 2))).toBeVisible()
  await expect(registerRows(page)).toHaveCount(1)
  await expect(rowOf(page, '王秀兰')).toHaveCount(0)
  await expect(rowOf(page, '陈志明')).toHaveCount(1)

  const showFormer = page.getByRole('checkbox', { name: '同时显示已离开的成员' })
  await showFormer.check()
  await expect(registerRows(page)).toHaveCount(2)
  await expect(rowOf(page, '王秀兰')).toContainText('2024年12月31日')

  // After a reload: current members only by default, the former member on request, and the
  // full history of changes.
  await page.reload()
  await expect(page.getByText(summary(1, 1, 2))).toBeVisible()
  await expect(registerRows(page)).toHaveCount(1)
  await expect(rowOf(page, '王秀兰')).toHaveCount(0)
  await showFormer.check()
  const former = rowOf(page, '王秀兰')
  await expect(former).toContainText('3栋 2单元 301室')
  await expect(former).toContainText('70.25')
  await expect(former).toContainText('13900003333')
  await expect(former).toContainText('2020年3月1日')
  await expect(former).toContainText('2024年12月31日')
  await page.getByRole('button', { name: '编辑成员：王秀兰' }).click()
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await expect(history.getByRole('listitem').nth(0)).toContainText('电话：13800001111 → 13900003333')
  await expect(history.getByRole('listitem').nth(0)).toContainText('房屋面积：62.5 → 70.25')
  await expect(history.getByRole('listitem').nth(1)).toContainText('离开日期：（空） → 2024-12-31')
  expect(problems).toEqual([])
})
