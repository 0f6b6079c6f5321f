// Issue 23: a read-only device (a street office, invited with a read-only code) can read, print and
// export everything and change nothing. Laptop A makes a council with members, a household
// register, a campaign and a closed meeting with minutes, and invites the street office read-only;
// the office walks every screen of the council, the meeting, its session and minutes, the campaign
// and the register, and finds no enabled button that writes. The invitation says read-only and for whom.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import * as Y from 'yjs'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening } from './fixtures'
import { fmt, texts } from './i18n'
import { badge, invite, join as joinCouncil, newDevice, RO } from './syncDevices'

const { session: S } = texts['zh-CN']
const NAMES = ['钱大伟', '孔令芳', '曹志刚', '严秋月', '华国强']
const COUNCIL = '向阳社区居民议事会'

/**
 * What a read-only device may still press: reading, printing, exporting, copying, moving between
 * pages and screens, and the sync header's own buttons. Anything else enabled is a way to write.
 */
const READS = /^(打印.*|导出.*|下载.*|保存为.*|复制.*|显示|查看.*|搜索|上一页|下一页|返回.*|预览.*|打开.*|投影.*|核验.*|立即重试|展开.*|收起.*|全部展开|全部收起)$/

/** Links to screens that only make or import things. */
const MAKES = /^(新建|添加|导入|从表格导入)/

/** The names of the enabled, visible buttons in the main area. */
async function enabledButtons(page: Page): Promise<string[]> {
  return page.locator('main button:enabled:visible').evaluateAll((els) =>
    els.map((e) => (e.getAttribute('aria-label') ?? (e as HTMLElement).innerText).trim().replace(/\s+/g, ' ')),
  )
}

async function closedMeetingWithMinutes(page: Page) {
  await createMeeting(page, '院内积水议事会', '2026-12-20T10:00')
  await addItem(page, '院内积水处理')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  const meetingUrl = page.url()
  await page.getByRole('link', { name: texts['zh-CN'].meetings.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of NAMES) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  // Nothing more is needed for minutes to exist: the meeting opened and was closed.
  await page.getByRole('link', { name: S.tabs.floor }).click()
  await page.getByRole('button', { name: S.close.button }).click()
  await page.getByRole('button', { name: S.close.yes }).click()
  return meetingUrl
}

test('a read-only device offers no way to change the council, its meetings, minutes, campaigns or register', async ({ browser, problems }, info) => {
  test.setTimeout(150_000)
  const a = await newDevice(browser, problems, 'A')
  const office = await newDevice(browser, problems, 'street office')

  writeFileSync(join(info.outputPath(), 'five.csv'), ['姓名,角色,楼栋,房号', ...NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},7,${201 + i}`)].join('\n'))
  await createCouncil(a.page, COUNCIL)
  await importRegister(a.page, join(info.outputPath(), 'five.csv'), 5)
  const councilUrl = a.page.url().replace(/\/members$/, '')

  // The register: four households.
  writeFileSync(join(info.outputPath(), 'households.csv'), ['楼栋,单元,房号,产权人,面积', '1,1,101,王建国,60.5', '1,1,102,李秀英,61.5', '2,1,101,张志强,62.5', '2,1,102,刘桂兰,63.5'].join('\n'))
  await a.page.getByRole('navigation', { name: COUNCIL }).getByRole('link', { name: '住户名册' }).click()
  await a.page.getByRole('link', { name: '从表格导入（CSV / Excel）' }).click()
  await a.page.getByLabel('选择 CSV 或 XLSX 文件').setInputFiles(join(info.outputPath(), 'households.csv'))
  await a.page.getByRole('button', { name: '导入 4 户' }).click()
  await expect(a.page).toHaveURL(/\/households$/)

  // A campaign.
  await a.page.getByRole('navigation', { name: COUNCIL }).getByRole('link', { name: '签约与征询' }).click()
  await a.page.getByRole('link', { name: '新建签约或征询' }).click()
  await a.page.getByLabel('名称', { exact: true }).fill('二号楼加装电梯意见征询')
  await a.page.getByRole('button', { name: '创建' }).click()
  await expect(a.page.getByRole('heading', { level: 1, name: '二号楼加装电梯意见征询' })).toBeVisible()
  const campaignUrl = a.page.url().replace(/\/[a-z]+$/, '')

  // A meeting held and closed, so that it has minutes; and a second one still a draft.
  const meetingUrl = await closedMeetingWithMinutes(a.page)
  await createMeeting(a.page, '一月议事会', '2027-01-15T19:00')
  await addItem(a.page, '楼道堆物清理')
  const draftUrl = a.page.url()

  // The street office is invited read-only: the invitation says so, and for whom.
  await a.page.goto(councilUrl + '/meetings')
  const invitation = await invite(a.page, COUNCIL, RO, '东城街道办')
  expect(invitation).toContain('这个加入码：只能查看，不能修改（给 东城街道办）')
  await expect(a.page.getByRole('img', { name: '加入码二维码：这个加入码：只能查看，不能修改（给 东城街道办）' })).toBeVisible()
  await a.page.getByRole('region', { name: '加入码已生成' }).screenshot({ path: '/tmp/shots/sync/invite-ro-zh-CN.png' })
  await joinCouncil(office.page, invitation, COUNCIL)

  const screens = [
    ...['meetings', 'members', 'households', 'campaigns', 'rules', 'sync'].map((tab) => `${councilUrl}/${tab}`),
    `${councilUrl}/members/import`,
    `${councilUrl}/households/import`,
    `${councilUrl}/meetings/new`,
    `${councilUrl}/campaigns/new`,
    draftUrl,
    meetingUrl,
    `${meetingUrl}/notice`,
    `${meetingUrl}/session/signin`,
    `${meetingUrl}/session/floor`,
    ...['draft', 'sign', 'documents', 'notice', 'submit'].map((tab) => `${meetingUrl}/minutes/${tab}`),
    ...['overview', 'record', 'notice', 'settings'].map((tab) => `${campaignUrl}/${tab}`),
  ]
  const writes: string[] = []
  for (const path of screens) {
    await office.page.goto(path)
    await expect(office.page.locator('main h1, main h2').first()).toBeVisible()
    // Let the documents load before judging the screen.
    await expect(badge(office.page)).toHaveText(/已同步/)
    await office.page.waitForTimeout(150)
    // Folded sections (a meeting's details form…) are opened: what they hold counts too.
    await office.page.locator('main details:not([open]) > summary').evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()))
    const found = (await enabledButtons(office.page)).filter((name) => !READS.test(name))
    const links = (await office.page.locator('main a:visible').allInnerTexts()).filter((name) => MAKES.test(name.trim()))
    if (found.length || links.length) writes.push(`${path}: ${[...found, ...links].join(' | ')}`)
  }
  expect(writes, 'enabled controls that write on a read-only device').toEqual([])

  // 「发出通知」 is disabled and says why.
  await office.page.goto(draftUrl)
  await expect(office.page.getByRole('button', { name: '发出通知' })).toBeDisabled()
  await expect(office.page.getByRole('button', { name: '发出通知' })).toHaveAccessibleDescription('只读设备，不能修改。')

  // A change the server refuses, as an older version of the app left on this device: the draft
  // meeting got a title the council never had. Put into the device's own storage while closed.
  await office.page.goto(councilUrl + '/meetings')
  const [councilId, draftId] = [/\/c\/([^/]+)/.exec(draftUrl)![1]!, /\/m\/([^/]+)/.exec(draftUrl)![1]!]
  const stray = new Y.Doc()
  stray.clientID = 4294967295
  stray.getMap('meeting').set('title', '从未有过的标题')
  await office.page.evaluate(
    async ({ name, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('updates', 'readwrite')
        tx.objectStore('updates').add(new Uint8Array(bytes))
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { name: `council/${councilId}/meeting/${draftId}`, bytes: [...Y.encodeStateAsUpdate(stray)] },
  )
  await office.page.reload()
  await office.page.goto(draftUrl)
  await expect(office.page.getByRole('heading', { level: 1, name: '从未有过的标题' })).toBeVisible()
  const refused = office.page.getByRole('alert').filter({ hasText: '本机有 1 处未被服务器接受的修改' })
  await expect(refused).toBeVisible()
  // Not "synced": the server does not have what this device shows.
  await expect(badge(office.page)).toHaveText('▲出错：本机有服务器没有接受的修改')
  await office.page.screenshot({ path: '/tmp/shots/sync/readonly-refused-zh-CN.png' })
  await office.page.getByLabel('界面语言').selectOption('en')
  await expect(office.page.getByRole('alert').filter({ hasText: 'This device has 1 change the server did not accept' })).toBeVisible()
  await office.page.screenshot({ path: '/tmp/shots/sync/readonly-refused-en.png' })
  await office.page.getByLabel('Language').selectOption('zh-CN')
  // Discarding drops the local copy and loads the council's own from the server.
  await refused.getByRole('button', { name: '放弃本机的修改，从服务器重新载入' }).click()
  await refused.getByRole('button', { name: '确定放弃' }).click()
  await expect(office.page.getByRole('heading', { level: 1, name: '一月议事会' })).toBeVisible({ timeout: 15_000 })
  await expect(badge(office.page)).toHaveText(/已同步/)
  await expect(office.page.getByText('未被服务器接受的修改')).toHaveCount(0)
  // …also after the app restarts.
  await office.page.reload()
  await expect(office.page.getByRole('heading', { level: 1, name: '一月议事会' })).toBeVisible()
  await expect(badge(office.page)).toHaveText(/已同步/)
  await expect(office.page.getByText('未被服务器接受的修改')).toHaveCount(0)

  // The invitation in English says the same.
  await a.page.getByLabel('界面语言').selectOption('en')
  await a.page.getByRole('button', { name: 'Show' }).first().click()
  await expect(a.page.getByTestId('invite-text')).toHaveValue(/Access: view only, cannot change \(for: 东城街道办\)/)
  await a.page.getByRole('region', { name: 'Join code made' }).screenshot({ path: '/tmp/shots/sync/invite-ro-en.png' })
  await a.context.close()
  await office.context.close()
})
