// A backup as a secretary would use one: saved as a file from one browser, refused when damaged
// (a copy cut short, a changed byte), and restored (merged) into another browser's empty storage,
// where the council and its meeting come back; a backup an older Yishi wrote (version 1, the
// JSON text) restores too.
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { encodeBackupV1, type BackupContent } from '../../src/shared/backup/format'
import { unpackBackup } from '../../src/shared/backup/packed'
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

  // The file is gzipped (version 2): the council's name is only readable once inflated.
  const bytes = readFileSync(file)
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b])
  expect(bytes.includes(Buffer.from('南苑小区议事会'))).toBe(false)
  expect(gunzipSync(bytes).toString('utf8')).toMatch(/^\{"format":"yishi\.backup\/2","sha256":"[0-9a-f]{64}"\}\n.*南苑小区议事会/s)
  const cut = info.outputPath('cut.yishibackup')
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
  await second.getByLabel(B.file.open).setInputFiles(cut)
  await expect(second.getByRole('alert')).toHaveText(fmt(B.refused, { file: 'cut.yishibackup', reason: B.error.damaged }))
  const damaged = info.outputPath('damaged.yishibackup')
  const flipped = Buffer.from(bytes)
  flipped[flipped.length - 12] = flipped[flipped.length - 12]! ^ 0x04
  writeFileSync(damaged, flipped)
  await second.getByLabel(B.file.open).setInputFiles(damaged)
  await expect(second.getByRole('alert')).toHaveText(fmt(B.refused, { file: 'damaged.yishibackup', reason: B.error.damaged }))
  await second.screenshot({ path: info.outputPath('backup-refused-zh-CN.png'), fullPage: true })

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

test('a backup an older Yishi wrote (version 1, the JSON text) still restores', async ({ page, browser, problems }, info) => {
  await createCouncil(page, '东苑小区议事会')
  await createMeeting(page, '绿化议事会', '2026-11-20T19:00')
  await page.goto('/#/backup')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: B.file.save }).click()])
  const file = info.outputPath(download.suggestedFilename())
  await download.saveAs(file)
  // The same content as version 1 wrote it: the old writer is kept for this.
  const unpacked = await unpackBackup(readFileSync(file), 64 * 1024 * 1024)
  if (!unpacked.ok) throw new Error(unpacked.error)
  const old = info.outputPath('old.yishibackup')
  writeFileSync(old, await encodeBackupV1(unpacked.content as BackupContent))
  expect(JSON.parse(readFileSync(old, 'utf8'))).toMatchObject({ format: 'yishi.backup/1' })

  // Another browser, its storage empty, restores it.
  const other = await browser.newContext({ locale: 'zh-CN' })
  const second = await other.newPage()
  second.on('pageerror', (e) => problems.push(`second: ${e.message}`))
  await second.goto('/#/backup')
  await second.getByLabel(B.file.open).setInputFiles(old)
  const card = second.getByRole('region', { name: fmt(B.restore.title, { file: 'old.yishibackup' }) })
  await expect(card).toContainText(fmt(B.restore.council_other, { name: '东苑小区议事会', count: 1 }))
  await card.getByRole('button', { name: B.restore.confirm }).click()
  await expect(second.getByText(fmt(B.restored, { docs: 2, councils: 1 }))).toBeVisible()
  await second.goto('/')
  await second.getByRole('link', { name: '东苑小区议事会' }).click()
  await expect(second.getByRole('link', { name: /绿化议事会/ })).toBeVisible()
  await other.close()
})
