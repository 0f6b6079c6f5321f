// Issue 23: after a network drop, two laptops come back by themselves. Both go offline
// (context.setOffline), each edits the same meeting (A its place, B its agenda), the network
// returns, and both show each other's edits within seconds, without a reload. Prints the time it
// took from the network returning to both showing both edits.
import { test, expect, addItem } from './fixtures'
import { agendaTitles, badge, councilWithMeeting, invite, join, newDevice, RW, SERVER, type Device } from './syncDevices'

/** The line under the meeting's title: its date and place. */
const whenLine = (d: Device) => d.page.locator('main p.muted').first()

test('after a drop both laptops resync on their own within seconds of the network returning', async ({ browser, problems }) => {
  const council = '和睦社区居民议事会'
  const meeting = '六月居民议事会'
  const a = await newDevice(browser, problems, 'A')
  const b = await newDevice(browser, problems, 'B')
  const meetingUrl = await councilWithMeeting(a, council, meeting)
  const invitation = await invite(a.page, council, RW, '记录人的电脑')
  await join(b.page, invitation, council)
  for (const d of [a, b]) {
    await d.page.goto(meetingUrl)
    await expect(d.page.getByRole('heading', { level: 1, name: meeting })).toBeVisible()
    await expect.poll(() => agendaTitles(d.page)).toEqual(['加装电梯方案'])
    await expect(badge(d.page)).toHaveText(/已同步/)
  }

  await a.context.setOffline(true)
  await b.context.setOffline(true)
  for (const d of [a, b]) await expect(badge(d.page)).toHaveText(/离线/)
  // A moves the meeting to another room; B adds an item. Different fields of the same meeting.
  await a.page.getByText('会议信息（名称、时间、地点、召集人）').click()
  await a.page.getByLabel('地点', { exact: true }).fill('党群服务中心三楼')
  await a.page.getByRole('button', { name: '保存', exact: true }).click()
  await expect(whenLine(a)).toContainText('党群服务中心三楼')
  await addItem(b.page, 'B 断网时添加的议题')
  expect(await agendaTitles(a.page)).toEqual(['加装电梯方案'])
  await expect(whenLine(b)).not.toContainText('党群服务中心三楼')

  const back = Date.now()
  await a.context.setOffline(false)
  await b.context.setOffline(false)
  await Promise.all([
    expect.poll(() => agendaTitles(a.page), { timeout: 10_000, intervals: [50] }).toEqual(['加装电梯方案', 'B 断网时添加的议题']),
    expect(whenLine(b)).toContainText('党群服务中心三楼', { timeout: 10_000 }),
  ])
  const ms = Date.now() - back
  console.log(`reconnect: both laptops showed each other's edits ${ms} ms after the network returned (no reload)`)
  // Synced means stored by the server: both say so once it has acknowledged their edits.
  for (const d of [a, b]) await expect(badge(d.page)).toHaveText(/已同步/)
  expect(await agendaTitles(b.page)).toEqual(['加装电梯方案', 'B 断网时添加的议题'])
  await expect(whenLine(a)).toContainText('党群服务中心三楼')
  expect(ms).toBeLessThan(5_000)
  await a.context.close()
  await b.context.close()
})

test('while the server cannot be reached the header counts down to the next attempt, and "retry now" does not wait', async ({ browser, problems }) => {
  const council = '和平里居民议事会'
  const a = await newDevice(browser, problems, 'A')
  // Set up before the app loads (Playwright's WebSocket routing wraps the page's WebSocket then).
  // When `refusing`, the server turns every new connection away, as a server being restarted does.
  let refusing = false
  await a.page.routeWebSocket(new RegExp(`^${SERVER}`), (ws) => {
    if (refusing) return void ws.close({ code: 4000, reason: 'restarting' })
    ws.connectToServer()
  })
  await councilWithMeeting(a, council, '七月居民议事会')
  await invite(a.page, council, RW, '记录人的电脑')
  refusing = true
  await a.context.setOffline(true)
  await expect(badge(a.page)).toHaveText(/离线/)
  await a.context.setOffline(false)
  const header = a.page.locator('header')
  await expect(badge(a.page)).toHaveText(/已断开，[1-5] 秒后重试/)
  await expect(header.getByRole('button', { name: '立即重试' })).toBeEnabled()
  await header.screenshot({ path: '/tmp/shots/sync/header-retry-zh-CN.png' })
  await a.page.getByLabel('界面语言').selectOption('en')
  await expect(badge(a.page)).toHaveText(/Disconnected, retrying in [1-5] seconds?/)
  await header.screenshot({ path: '/tmp/shots/sync/header-retry-en.png' })
  // Attempts keep coming, each at most 5 s after the last: the count never shows more than 5.
  await a.page.waitForTimeout(6_000)
  await expect(badge(a.page)).toHaveText(/Disconnected, retrying in [1-5] seconds?|Disconnected, retrying…/)
  // Clicked while the next attempt is still 3 s or more away: reaching the server well within
  // that is the button's doing. (Clicked during an attempt, the button is disabled, and that
  // attempt itself may then connect and take the button away before the click lands.)
  await expect(badge(a.page)).toHaveText(/Disconnected, retrying in [3-5] seconds/, { timeout: 10_000 })
  refusing = false
  await header.getByRole('button', { name: 'Retry now' }).click()
  await expect(badge(a.page)).toHaveText(/Synced/, { timeout: 2_000 })
  await expect(header.getByRole('button', { name: 'Retry now' })).toHaveCount(0)
  await a.context.close()
})
