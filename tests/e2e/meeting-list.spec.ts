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

// Issue 20 (cold open): the first screen is drawn once, with its content, its documents and rows
// having been read while the app started; never "opening…" first and then the screen.
test('after a reload the meeting list and a meeting are drawn at once with their content', async ({ page, problems }) => {
  await createCouncil(page, '向阳社区居民议事会')
  await createMeeting(page, '2026年5月例会', '2026-05-09T19:00')
  await addItem(page, '垃圾分类宣传', '居委会')
  await page.addInitScript(() => {
    const seen = ((window as { __opening?: string[] }).__opening = [] as string[])
    new MutationObserver(() => {
      const text = document.querySelector('main')?.textContent ?? ''
      if (text.includes('正在打开')) seen.push(text.slice(0, 80))
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  const opening = () => page.evaluate(() => (window as { __opening?: string[] }).__opening)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: '2026年5月例会' })).toBeVisible()
  await expect(page.locator('ol.agenda > li')).toHaveCount(1)
  expect(await opening()).toEqual([])

  await page.getByRole('link', { name: '← 返回会议列表' }).click()
  await page.reload()
  await expect(page.getByRole('table', { name: '会议' }).getByRole('link', { name: '2026年5月例会' })).toBeVisible()
  expect(await opening()).toEqual([])
  expect(problems).toEqual([])
})
