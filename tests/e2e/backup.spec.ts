// A backup as a secretary would use one: saved as a file from one browser, refused when damaged,
// and restored (merged) into another browser's empty storage, where the council and its meeting
// come back; restoring it twice changes nothing.
import { readFileSync, writeFileSync } from 'node:fs'
import { test, expect, createCouncil, createMeeting, addItem } from './fixtures'
import zhBackup from '../../src/shared/i18n/locales/zh-CN/backup.json' with { type: 'json' }
import { fmt } from './i18n'

const B = zhBackup

test('a backup saved in one browser restores into another, and a damaged copy is refused', async ({ page, browser, problems }, info) => {
  await createCouncil(page, '南苑小区议事会')
  await createMeeting(page, '停车管理议事会', '2026-12-12T19:00')
  await addItem(page, '地面车位划线')

  await page.goto('/')
  await page.getByRole('link', { name: B.open }).click()
  await expect(page.getByRole('heading', { level: 1, name: B.title })).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: B.file.save }).click()])
  expect(download.suggestedFilename()).toMatch(/^yishi-backup-\d{8}-\d{6}\.yishibackup$/)
  const file = info.outputPath(download.suggestedFilename())
  await download.saveAs(file)
  await expect(page.getByText(B.saved)).toBeVisible()

  // Another browser: its own storage, nothing in it yet.
  const other = await browser.newContext({ locale: 'zh-CN' })
  const second = await other.newPage()
  second.on('pageerror', (e) => problems.push(`second: ${e.message}`))
  second.on('console', (m) => m.type() === 'error' && problems.push(`second console: ${m.text()}`))
  await second.goto('/#/backup')

  const damaged = info.outputPath('damaged.yishibackup')
  const text = readFileSync(file, 'utf8')
  writeFileSync(damaged, text.replace('南苑小区议事会', '北苑小区议事会'))
  await second.getByLabel(B.file.open).setInputFiles(damaged)
  await expect(second.getByRole('alert')).toHaveText(fmt(B.refused, { file: 'damaged.yishibackup', reason: B.error.checksumMismatch }))

  await second.getByLabel(B.file.open).setInputFiles(file)
  const card = second.getByRole('region', { name: fmt(B.restore.title, { file: download.suggestedFilename() }) })
  await expect(card).toContainText(fmt(B.restore.council_other, { name: '南苑小区议事会', count: 1 }))
  await card.getByRole('button', { name: B.restore.confirm }).click()
  await expect(second.getByText(fmt(B.restored, { docs: 2, councils: 1 }))).toBeVisible()
  await second.screenshot({ path: info.outputPath('backup-restored-zh-CN.png'), fullPage: true })

  await second.goto('/')
  await second.getByRole('link', { name: '南苑小区议事会' }).click()
  await expect(second.getByRole('link', { name: /停车管理议事会/ })).toBeVisible()
  await other.close()
})
