// Finding meetings: newest first, filtered by year and status, searched by title; the list is
// read from the local catalogue and survives a reload.
import { test, expect, createCouncil, createMeeting, addItem } from './fixtures'

test('the meeting list is newest first and filters by year, status and title', async ({ page, problems }) => {
  await createCouncil(page, '向阳社区居民议事会')
  await createMeeting(page, '2025年3月例会', '2025-03-08T19:00')
  await createMeeting(page, '2026年5月例会', '2026-05-09T19:00')
  await addItem(page, '垃圾分类宣传', '居委会')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await createMeeting(page, '2026年11月加装电梯专题会', '2026-11-21T14:00')

  await page.getByRole('link', { name: '← 返回会议列表' }).click()
  const titles = () => page.getByRole('table', { name: '会议' }).locator('tbody tr td:nth-child(2)').allInnerTexts()
  await expect.poll(titles).toEqual(['2026年11月加装电梯专题会', '2026年5月例会', '2025年3月例会'])

  await page.getByLabel('年份').selectOption({ label: '2025年' })
  await expect.poll(titles).toEqual(['2025年3月例会'])
  await page.getByLabel('年份').selectOption({ label: '全部年份' })
  await page.getByLabel('状态').selectOption({ label: '已通知' })
  await expect.poll(titles).toEqual(['2026年5月例会'])
  await page.getByLabel('状态').selectOption({ label: '全部状态' })
  await page.getByLabel('按名称查找').fill('电梯')
  await expect.poll(titles).toEqual(['2026年11月加装电梯专题会'])
  await page.getByLabel('按名称查找').fill('没有这个会')
  await expect(page.getByText('没有符合条件的会议。')).toBeVisible()

  await page.reload()
  await expect.poll(titles).toEqual(['2026年11月加装电梯专题会', '2026年5月例会', '2025年3月例会'])
  expect(problems).toEqual([])
})
