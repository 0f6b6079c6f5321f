// Two devices on one council through the real council server (started by playwright.config.ts on
// port 4455): joining with a code brings the council, its members and its meetings; edits go
// both ways live; edits made offline on both sides merge when they reconnect; a tampered code
// gets an access error and no council data.
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { test, expect, addMember, createCouncil, createMeeting, addItem, agendaTitles } from './fixtures'

const SERVER = 'ws://127.0.0.1:4455'

interface Device {
  context: BrowserContext
  page: Page
}

/** A second browser profile (its own IndexedDB): another device. Its errors fail the test. */
async function newDevice(browser: Browser, problems: string[], name: string): Promise<Device> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${name}: console error: ${m.text()}`)
  })
  return { context, page }
}

const councilTabs = (page: Page, council: string) => page.getByRole('navigation', { name: council })
const badge = (page: Page) => page.locator('header .sync-badge')

/** On the council's sync tab: connects it to the test server and makes a join code; returns the invitation text. */
async function connectAndInvite(page: Page, council: string, access: '查看和修改（议事会的设备）' | '只能查看（例如街道办）' = '查看和修改（议事会的设备）'): Promise<string> {
  await councilTabs(page, council).getByRole('link', { name: '同步' }).click()
  await expect(badge(page)).toHaveText(/仅在本机/)
  await page.getByLabel('服务器地址').fill(SERVER)
  await page.getByRole('button', { name: '连接并同步' }).click()
  await expect(page.getByText('已连接。这个议事会现在会和服务器同步。')).toBeVisible()
  await expect(badge(page)).toHaveText(/已同步/)
  await page.getByLabel(access).check()
  await page.getByLabel('备注（给谁用）').fill('记录人的电脑')
  await page.getByRole('button', { name: '生成加入码' }).click()
  const text = page.getByTestId('invite-text')
  await expect(text).toHaveValue(/加入码：YS1\./)
  await expect(page.getByRole('img', { name: '加入码二维码' })).toBeVisible()
  await expect(page.getByRole('row', { name: /记录人的电脑/ })).toContainText('有效')
  return text.inputValue()
}

/** Joins from the first screen by pasting the whole invitation (the address fills itself in). */
async function join(page: Page, invitation: string) {
  await page.goto('/')
  await page.getByRole('link', { name: '加入议事会' }).click()
  await page.getByLabel('加入码或整段邀请文字').fill(invitation)
  await expect(page.getByLabel('服务器地址')).toHaveValue(SERVER)
  await page.getByRole('button', { name: '加入', exact: true }).click()
}

/** Device A makes a council with two members and a meeting and connects it; device B joins it. */
async function twoDevicesOnOneCouncil(browser: Browser, problems: string[], council: string, meeting: string) {
  const a = await newDevice(browser, problems, 'A')
  const b = await newDevice(browser, problems, 'B')
  await createCouncil(a.page, council)
  await addMember(a.page, '王建国', '3')
  await addMember(a.page, '李秀英', '5')
  await createMeeting(a.page, meeting, '2026-04-10T19:00')
  await addItem(a.page, '加装电梯方案')
  const meetingUrl = a.page.url()
  await a.page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1).click()
  const invitation = await connectAndInvite(a.page, council)

  await join(b.page, invitation)
  // B lands on the council: its meetings (fetched from the server), then its members.
  await expect(b.page.getByRole('heading', { level: 1, name: council })).toBeVisible({ timeout: 20_000 })
  await expect(b.page.getByRole('link', { name: meeting })).toBeVisible()
  await expect(badge(b.page)).toHaveText(/已同步/)
  await councilTabs(b.page, council).getByRole('link', { name: '成员名册' }).click()
  await expect(b.page.getByRole('cell', { name: '王建国', exact: true })).toBeVisible()
  await expect(b.page.getByRole('cell', { name: '李秀英', exact: true })).toBeVisible()
  // …and the council is in B's catalogue.
  await b.page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '全部议事会' }).click()
  await expect(b.page.getByRole('link', { name: council })).toBeVisible()

  // Both open the meeting.
  await a.page.goto(meetingUrl)
  await b.page.goto(meetingUrl)
  for (const d of [a, b]) await expect(d.page.getByRole('heading', { level: 1, name: meeting })).toBeVisible()
  await expect.poll(() => agendaTitles(b.page)).toEqual(['加装电梯方案'])
  return { a, b }
}

test('two devices on one council through the server: join, then agenda edits both ways', async ({ browser, problems }) => {
  const { a, b } = await twoDevicesOnOneCouncil(browser, problems, '和平社区居民议事会', '四月居民议事会')
  await addItem(a.page, '楼道堆物清理')
  await expect.poll(() => agendaTitles(b.page)).toEqual(['加装电梯方案', '楼道堆物清理'])
  await addItem(b.page, '停车位划线')
  await expect.poll(() => agendaTitles(a.page)).toEqual(['加装电梯方案', '楼道堆物清理', '停车位划线'])
  for (const d of [a, b]) await expect(badge(d.page)).toHaveText(/已同步 \d{2}:\d{2}/)
  await a.context.close()
  await b.context.close()
})

test('both devices edit offline, and converge once back online', async ({ browser, problems }) => {
  const { a, b } = await twoDevicesOnOneCouncil(browser, problems, '长春社区居民议事会', '五月居民议事会')
  await a.context.setOffline(true)
  await b.context.setOffline(true)
  for (const d of [a, b]) await expect(badge(d.page)).toHaveText(/离线/)
  await addItem(a.page, 'A 离线时添加的议题')
  await addItem(b.page, 'B 离线时添加的议题')
  // Nothing crossed while offline.
  expect(await agendaTitles(a.page)).toEqual(['加装电梯方案', 'A 离线时添加的议题'])
  expect(await agendaTitles(b.page)).toEqual(['加装电梯方案', 'B 离线时添加的议题'])

  await a.context.setOffline(false)
  await b.context.setOffline(false)
  for (const d of [a, b]) {
    await expect(badge(d.page)).toHaveText(/已同步/, { timeout: 20_000 })
    await expect.poll(async () => (await agendaTitles(d.page)).sort(), { timeout: 20_000 }).toEqual(
      ['A 离线时添加的议题', 'B 离线时添加的议题', '加装电梯方案'].sort(),
    )
  }
  // Both show the same order, not merely the same items.
  expect(await agendaTitles(a.page)).toEqual(await agendaTitles(b.page))
  await a.context.close()
  await b.context.close()
})

test('a device with a tampered join code gets an access error and no council data', async ({ browser, problems }) => {
  const a = await newDevice(browser, problems, 'A')
  const council = '新华社区居民议事会'
  await createCouncil(a.page, council)
  await addMember(a.page, '赵志强', '7')
  const invitation = await connectAndInvite(a.page, council)
  // Change the first character of the MAC (the code's last part): the code still looks valid.
  const tampered = invitation.replace(/(YS1\.[^.]+\.rw\.[0-9a-f]{16}\.)(.)/, (_m, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'))
  expect(tampered).not.toEqual(invitation)

  const c = await newDevice(browser, problems, 'C')
  await join(c.page, tampered)
  await expect(c.page.getByRole('alert')).toContainText('服务器不接受这个加入码', { timeout: 20_000 })
  await c.page.getByRole('link', { name: '取消' }).click()
  await expect(c.page.getByText('这台电脑上还没有议事会。')).toBeVisible()
  await expect(c.page.getByText(council)).toHaveCount(0)
  await expect(c.page.getByText('赵志强')).toHaveCount(0)
  await a.context.close()
  await c.context.close()
})
