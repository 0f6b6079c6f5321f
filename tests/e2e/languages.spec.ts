// The same screens in English and Traditional Chinese; the choice of language survives a reload.
import { test, expect, createCouncil, createMeeting, addItem } from './fixtures'

test('switching to English changes every screen and persists across a reload', async ({ page, problems }) => {
  await createCouncil(page, '和平里院落议事会', { kind: '院落（小区）议事会' })
  await page.getByRole('button', { name: '添加成员' }).click()
  await page.getByRole('form', { name: '添加成员' }).getByLabel('姓名').fill('赵敏')
  await page.getByRole('form', { name: '添加成员' }).getByRole('button', { name: '保存' }).click()
  await createMeeting(page, '院落改造意见征集会', '2027-01-09T09:30', '3号院会议室')
  await addItem(page, '改造方案说明', '院落议事会', '20')

  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { name: 'Agenda (1 item, about 20 minutes)' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Issue the notice' })).toBeVisible()
  await expect(page.getByText('Draft', { exact: true })).toBeVisible()
  await expect(page.getByText(/Saturday|Sat/)).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Agenda (1 item, about 20 minutes)' })).toBeVisible()
  await page.getByRole('link', { name: '← Back to the meetings' }).click()
  await expect(page.getByRole('columnheader', { name: 'Date and time' })).toBeVisible()
  await expect(page.getByRole('row', { name: /院落改造意见征集会/ })).toContainText('Draft')
  await page.getByRole('link', { name: 'Members', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Register of members' })).toBeVisible()
  await expect(page.getByRole('cell', { name: '赵敏', exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Rules', exact: true }).click()
  await expect(page.getByLabel('Quorum', { exact: true })).toHaveValue('more_than_half')
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible()
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'New council' })).toBeVisible()
  await expect(page.getByText('1 member', { exact: true })).toBeVisible()

  await page.getByLabel('Language').selectOption('zh-TW')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW')
  await expect(page.getByRole('link', { name: '新增議事會' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('link', { name: '新增議事會' })).toBeVisible()

  await page.getByLabel('介面語言').selectOption('zh-CN')
  await expect(page.getByRole('link', { name: '新建议事会' })).toBeVisible()
  expect(problems).toEqual([])
})
