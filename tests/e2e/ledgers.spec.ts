// The 台账 an inspector asks for, in zh-CN: a request is recorded and a meeting held, the ledgers
// tab says how many rows each sheet will hold, and the workbook it saves reads back in exceljs with
// its sheets, Chinese headings, frozen header rows and real dates. Screenshots in zh-CN and en.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening } from './fixtures'
import { fmt, texts } from './i18n'
import zhMatters from '../../src/shared/i18n/locales/zh-CN/matters.json' with { type: 'json' }
import enMatters from '../../src/shared/i18n/locales/en/matters.json' with { type: 'json' }

const SHOTS = '/tmp/shots/helper-story'

test('a request and a meeting held this year are in the ledgers exported for the year', async ({ page, problems }, info) => {
  const M = zhMatters
  const S = texts['zh-CN'].session
  const year = new Date().getFullYear()
  const today = new Date().toISOString().slice(0, 10)
  mkdirSync(SHOTS, { recursive: true })

  await createCouncil(page, '清风社区居民议事会')
  const names = ['钱大伟', '孔令芳', '曹志刚', '严秋月', '华国强']
  const dir = info.outputPath('fixtures')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'five.csv'), ['姓名,楼栋,房号', ...names.map((n, i) => `${n},7,${201 + i}`)].join('\n'))
  await importRegister(page, join(dir, 'five.csv'), 5)
  const tab = (name: string) => page.getByRole('navigation', { name: '清风社区居民议事会' }).getByRole('link', { name, exact: true }).click()

  // A resident's request, recorded from the requests tab.
  await tab(texts['zh-CN'].common.nav.requests)
  await page.getByRole('link', { name: M.req.newTitle }).click()
  const form = page.getByRole('form', { name: M.req.newTitle })
  await form.getByLabel(M.req.field.kind).selectOption({ label: M.requesterKind.resident })
  await form.getByLabel(M.req.field.name).fill('周阿姨')
  await form.getByLabel(M.req.field.text).fill('3栋门口路灯坏了')
  await page.getByLabel(M.req.recorder).fill('李秘书')
  await page.getByRole('button', { name: M.req.record, exact: true }).click()
  await expect(page.getByText('3栋门口路灯坏了').first()).toBeVisible()

  // A meeting held: notice issued, everyone signed in, the session opened.
  // Today (the members joined today, so they are on its roster), later than now: opened early.
  await createMeeting(page, '年度第一次议事会', `${today}T23:59`)
  await addItem(page, '路灯维修')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: texts['zh-CN'].meetings.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of names.slice(0, 4)) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').nth(1).click()

  // The ledgers of the year: what each sheet holds, then the file.
  await tab(texts['zh-CN'].common.nav.ledgers)
  await expect(page.getByLabel(M.ledgersTab.year, { exact: true })).toHaveValue(String(year))
  const contents = page.getByRole('table', { name: /台账内容/ })
  await expect(contents.getByRole('row', { name: M.ledger.requests.sheet })).toContainText('1')
  await expect(contents.getByRole('row', { name: M.ledger.meetings.sheet })).toContainText('1')
  await page.screenshot({ path: `${SHOTS}/ledgers-zh-CN.png`, fullPage: true })
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: M.ledgersTab.export }).click()])
  expect(download.suggestedFilename()).toBe(`${fmt(M.ledger.fileName, { council: '清风社区居民议事会', from: `${year}-01-01`, to: `${year}-12-31` })}.xlsx`)
  await expect(page.getByText(M.ledgersTab.saved)).toBeVisible()

  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await download.path())
  expect(wb.worksheets.map((w) => w.name)).toEqual([M.ledger.requests.sheet, M.ledger.matters.sheet, M.ledger.followUp.sheet, M.ledger.meetings.sheet])
  for (const ws of wb.worksheets) {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    // Every column has its width, so a long text does not open as a sliver in Excel or WPS.
    for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(10)
  }
  const requests = wb.getWorksheet(M.ledger.requests.sheet)!
  expect(requests.getRow(1).getCell(1).value).toBe(M.ledger.requests.receivedOn)
  expect(requests.rowCount).toBe(2)
  const received = requests.getRow(2).getCell(1)
  expect(received.type).toBe(ExcelJS.ValueType.Date)
  expect(received.value).toEqual(new Date(`${today}T00:00:00Z`))
  expect(received.numFmt).toBe('yyyy-mm-dd')
  expect(requests.getColumn(7).width).toBeGreaterThan(requests.getColumn(1).width!)
  expect(requests.getRow(2).getCell(7).value).toBe('3栋门口路灯坏了')
  const meetings = wb.getWorksheet(M.ledger.meetings.sheet)!
  expect(meetings.getRow(1).values).toEqual([undefined, ...Object.entries(M.ledger.meetings).filter(([k]) => k !== 'sheet').map(([, v]) => v)])
  expect(meetings.getRow(2).getCell(1).value).toEqual(new Date(`${today}T00:00:00Z`))
  expect(meetings.getRow(2).getCell(2).value).toBe('年度第一次议事会')
  expect(meetings.getRow(2).getCell(5).value).toBe(5)
  expect(meetings.getRow(2).getCell(6).value).toBe(4)

  // A range the wrong way round is named, and nothing is read.
  await page.getByLabel(M.ledgersTab.mode.range).check()
  await page.getByLabel(M.ledgersTab.from).fill(`${year}-03-01`)
  await page.getByLabel(M.ledgersTab.to).fill(`${year}-02-01`)
  await expect(page.getByText(M.ledgersTab.problem.toBeforeFrom)).toBeVisible()
  await expect(page.getByRole('button', { name: M.ledgersTab.export })).toHaveCount(0)

  await page.getByLabel('界面语言').selectOption('en')
  await page.getByLabel(enMatters.ledgersTab.mode.year).check()
  await expect(page.getByRole('table', { name: /What the ledgers hold/ }).getByRole('row', { name: enMatters.ledger.meetings.sheet })).toContainText('1')
  await page.screenshot({ path: `${SHOTS}/ledgers-en.png`, fullPage: true })
  expect(problems).toEqual([])
})
