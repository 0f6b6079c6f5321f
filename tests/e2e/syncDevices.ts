// Helpers for the specs that run several devices (browser contexts, each its own IndexedDB) on one
// council through the real council server that playwright.config.ts starts on port 4455.
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { expect, addMember, createCouncil, createMeeting, addItem, agendaTitles } from './fixtures'

export const SERVER = 'ws://127.0.0.1:4455'
export const RW = '查看和修改（议事会的设备）'
export const RO = '只能查看（例如街道办）'

export interface Device {
  context: BrowserContext
  page: Page
}

/** Another device: a browser profile of its own. Its errors fail the test (collected in `problems`). */
export async function newDevice(browser: Browser, problems: string[], name: string, locale = 'zh-CN'): Promise<Device> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${name}: console error: ${m.text()}`)
  })
  page.on('dialog', (d) => {
    problems.push(`${name}: dialog opened: ${d.message()}`)
    void d.dismiss()
  })
  return { context, page }
}

export const councilTabs = (page: Page, council: string) => page.getByRole('navigation', { name: council })
export const badge = (page: Page) => page.locator('header .sync-badge')

/** On the council's sync tab: connects it to the test server (once) and makes a join code; returns the invitation text. */
export async function invite(page: Page, council: string, access: typeof RW | typeof RO, label: string): Promise<string> {
  await councilTabs(page, council).getByRole('link', { name: '同步' }).click()
  // The tab shows once the council's sync settings are read.
  await expect(page.getByRole('heading', { level: 2, name: '同步状态' })).toBeVisible()
  if (await badge(page).getByText('仅在本机').isVisible()) {
    await page.getByLabel('服务器地址').fill(SERVER)
    await page.getByRole('button', { name: '连接并同步' }).click()
    await expect(page.getByText('已连接。这个议事会现在会和服务器同步。')).toBeVisible()
  }
  await expect(badge(page)).toHaveText(/已同步/)
  await page.getByLabel(access).check()
  await page.getByLabel('备注（给谁用）').fill(label)
  await page.getByRole('button', { name: '生成加入码' }).click()
  const text = page.getByTestId('invite-text')
  await expect(text).toHaveValue(/加入码：YS1\./)
  return text.inputValue()
}

/** Joins from the first screen by pasting the whole invitation, and waits for the council. */
export async function join(page: Page, invitation: string, council: string) {
  await page.goto('/')
  await page.getByRole('link', { name: '加入议事会' }).click()
  await page.getByLabel('加入码或整段邀请文字').fill(invitation)
  await expect(page.getByLabel('服务器地址')).toHaveValue(SERVER)
  await page.getByRole('button', { name: '加入', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: council })).toBeVisible({ timeout: 20_000 })
  await expect(badge(page)).toHaveText(/已同步/)
}

/** Device A makes a council with two members and a meeting with one item; returns the meeting's address. */
export async function councilWithMeeting(a: Device, council: string, meeting: string): Promise<string> {
  await createCouncil(a.page, council)
  await addMember(a.page, '王建国', '3')
  await addMember(a.page, '李秀英', '5')
  await createMeeting(a.page, meeting, '2026-04-10T19:00')
  await addItem(a.page, '加装电梯方案')
  const url = a.page.url()
  await a.page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1).click()
  return url
}

export { agendaTitles }

/**
 * From a meeting's page: connects its council to the test server, comes back, issues the notice and
 * returns to the meeting (zh-CN, before any language switch).
 */
export async function connectAndIssue(page: Page, council: string) {
  const meetingUrl = page.url()
  await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1).click()
  await councilTabs(page, council).getByRole('link', { name: '同步' }).click()
  await page.getByLabel('服务器地址').fill(SERVER)
  await page.getByRole('button', { name: '连接并同步' }).click()
  await expect(page.getByText('已连接。这个议事会现在会和服务器同步。')).toBeVisible()
  await page.goto(meetingUrl)
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
}
