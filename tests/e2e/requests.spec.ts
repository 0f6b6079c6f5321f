// Residents' requests (民情诉求) as a secretary records them, in zh-CN: a paper form (一户一表)
// from a member with a photo of it, a second request merged into the first, a third declined
// with a reason and answered with a final reply; after a reload everything is still there and
// the waiting list is oldest first. The blank and the filled 一户一表 show the council's name and
// the request. The list, the new-request form and a request's screen are kept as screenshots in
// zh-CN and en under /tmp/shots/helper-story/.
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, addMember } from './fixtures'

const COUNCIL = '清风社区居民议事会'
const SHOTS = '/tmp/shots/helper-story'
// A 1×1 PNG, as a phone photo of the paper form would be attached.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const FIRST = '3栋楼道灯坏了，晚上看不见台阶，老人上下楼不安全。'
const SECOND = '3栋2单元的楼道灯也不亮。'
const THIRD = '希望在院子里划出地方养鸡。'

async function openRequests(page: Page) {
  // The council's tab, or the way back from a request's screen.
  await page.getByRole('link', { name: /^(民情诉求|返回民情诉求列表)$/ }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: '民情诉求' })).toBeVisible()
}

async function recordResident(page: Page, name: string, text: string) {
  await openRequests(page)
  await page.getByRole('link', { name: '登记诉求' }).click()
  const form = page.getByRole('form', { name: '登记诉求' })
  await form.getByLabel('提出人类型').selectOption({ label: '居民' })
  await form.getByLabel('姓名').fill(name)
  await form.getByLabel('诉求内容').fill(text)
  await form.getByRole('button', { name: '登记' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${name}的诉求` })).toBeVisible()
}

async function openRequest(page: Page, text: string) {
  await openRequests(page)
  await page.getByRole('link', { name: text }).click()
}

test('requests: record from a paper form with a photo, merge, decline, reply, print', async ({ page, problems }) => {
  mkdirSync(SHOTS, { recursive: true })
  await createCouncil(page, COUNCIL)
  await addMember(page, '王秀英', '3')

  // The paper form, typed in: the member from the register fills the place.
  await openRequests(page)
  await page.getByRole('link', { name: '登记诉求' }).click()
  const form = page.getByRole('form', { name: '登记诉求' })
  await expect(form.getByLabel('渠道')).toHaveValue('householdForm')
  await form.getByLabel('类别').selectOption({ label: '设施维修' })
  await form.getByLabel('提出人类型').selectOption({ label: '议事会成员' })
  await form.getByLabel('从成员名册选择').selectOption({ label: '王秀英（3栋）' })
  await expect(form.getByLabel('姓名')).toHaveValue('王秀英')
  await expect(form.getByLabel('楼栋')).toHaveValue('3')
  await form.getByLabel('诉求内容').fill(FIRST)
  await form.getByLabel('添加照片或扫描件').setInputFiles({ name: '一户一表.png', mimeType: 'image/png', buffer: PNG })
  await expect(form.getByRole('list', { name: '照片和扫描件' }).getByRole('img', { name: '一户一表.png' })).toBeVisible()
  await form.getByLabel('登记人').fill('李秘书')
  await page.screenshot({ path: `${SHOTS}/new-zh-CN.png`, fullPage: true })
  await form.getByRole('button', { name: '登记' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '王秀英的诉求' })).toBeVisible()
  await expect(page.getByRole('list', { name: '照片和扫描件' }).getByRole('img', { name: '一户一表.png' })).toBeVisible()

  await recordResident(page, '赵大妈', SECOND)
  // Merged into the first: the first carries on.
  await page.getByRole('button', { name: '合并到另一条诉求' }).click()
  const merge = page.getByRole('form', { name: '合并到另一条诉求' })
  await merge.getByLabel('合并到', { exact: true }).selectOption({ label: `王秀英：${FIRST}` })
  await merge.getByRole('button', { name: '合并' }).click()
  await expect(page.getByTestId('request-outcome')).toContainText('已合并到')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已合并')

  await recordResident(page, '钱师傅', THIRD)
  await page.getByRole('button', { name: '不予采纳' }).click()
  const decline = page.getByRole('form', { name: '不予采纳' })
  await decline.getByLabel('不予采纳的理由').fill('小区管理规约不允许在公共区域饲养家禽。')
  await decline.getByRole('button', { name: '不予采纳' }).click()
  await expect(page.getByTestId('request-outcome')).toContainText('小区管理规约不允许在公共区域饲养家禽。')
  const reply = page.getByRole('form', { name: '记录回音' })
  await reply.getByLabel('回音方式').selectOption({ label: '电话' })
  await reply.getByLabel('回音内容').fill('已电话告知钱师傅不予采纳的理由。')
  await reply.getByLabel('这是最终回音（办结）').check()
  await reply.getByRole('button', { name: '记录回音' }).click()
  await expect(page.getByRole('list', { name: '回音' })).toContainText('已电话告知钱师傅不予采纳的理由。')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已回音')

  // After a reload: the waiting ones first, oldest first; the answered after.
  await page.reload()
  await openRequests(page)
  const waiting = page.getByRole('table', { name: /等待回音/ })
  await expect(waiting.locator('tbody tr')).toHaveCount(2)
  await expect(waiting.locator('tbody tr').nth(0)).toContainText('王秀英')
  await expect(waiting.locator('tbody tr').nth(0)).toContainText('待处理')
  await expect(waiting.locator('tbody tr').nth(0)).toContainText('3栋')
  await expect(waiting.locator('tbody tr').nth(1)).toContainText('赵大妈')
  await expect(waiting.locator('tbody tr').nth(1)).toContainText('已合并')
  const answered = page.getByRole('table', { name: /已回音/ })
  await expect(answered.locator('tbody tr')).toHaveCount(1)
  await expect(answered.locator('tbody tr')).toContainText('钱师傅')
  await page.screenshot({ path: `${SHOTS}/list-zh-CN.png`, fullPage: true })

  // The blank form for the rounds, then the filled one.
  await page.getByRole('button', { name: '打印空白一户一表' }).click()
  const blank = page.getByTestId('print-document')
  await expect(blank).toContainText('居民诉求登记表（一户一表）')
  await expect(blank).toContainText(COUNCIL)
  await page.getByRole('button', { name: '关闭打印预览' }).click()

  await openRequest(page, FIRST)
  await expect(page.getByRole('list', { name: '照片和扫描件' }).getByRole('img', { name: '一户一表.png' })).toBeVisible()
  await expect(page.getByText('赵大妈：')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/request-zh-CN.png`, fullPage: true })
  await page.getByRole('button', { name: '打印这张一户一表' }).click()
  const filled = page.getByTestId('print-document')
  await expect(filled).toContainText(COUNCIL)
  await expect(filled).toContainText(FIRST)
  await expect(filled).toContainText('王秀英')
  await expect(filled).toContainText('3栋')
  await expect(filled).toContainText('李秘书')
  await page.screenshot({ path: `${SHOTS}/form-filled-zh-CN.png`, fullPage: true })

  // The same screens in English, for the screenshots.
  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: /Request from 王秀英/ })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/request-en.png`, fullPage: true })
  await page.getByRole('link', { name: 'Back to the requests' }).click()
  await expect(page.getByRole('table', { name: /Waiting for a reply/ })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/list-en.png`, fullPage: true })
  await page.getByRole('link', { name: 'Record a request' }).click()
  await expect(page.getByRole('form', { name: 'Record a request' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/new-en.png`, fullPage: true })
  expect(problems).toEqual([])
})
