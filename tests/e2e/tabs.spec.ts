// Two windows of Yishi on one laptop (a second tab, later the projector) show the same meeting
// live: what the secretary adds in one appears in the other without a reload.
import { test, expect, createCouncil, createMeeting, addItem, agendaTitles } from './fixtures'

test('an agenda item added in one tab appears in the other, live', async ({ page, context, problems }) => {
  await createCouncil(page, '双窗议事会')
  await createMeeting(page, '两个窗口的会议', '2026-12-12T19:00')
  const second = await context.newPage()
  second.on('pageerror', (e) => problems.push(`second tab: ${e.message}`))
  await second.goto(page.url())
  await expect(second.getByRole('heading', { level: 1, name: '两个窗口的会议' })).toBeVisible()

  await addItem(page, '第一窗口添加的议题')
  await expect.poll(() => agendaTitles(second)).toEqual(['第一窗口添加的议题'])
  await addItem(second, '第二窗口添加的议题')
  await expect.poll(() => agendaTitles(page)).toEqual(['第一窗口添加的议题', '第二窗口添加的议题'])
  expect(problems).toEqual([])
})
