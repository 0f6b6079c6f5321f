// Issue 24: losing the founding laptop does not strand the council. In zh-CN, through the real
// council server: the founding laptop connects, issues a read-write code, and saves a backup with
// a passphrase; then it is gone (its browser profile closed). A new laptop restores the backup
// without the passphrase (everything but the key), is told by the server it holds another key and
// what to do; restores again, first with a wrong passphrase (nothing restored, a clear message),
// then with the right one; connects, invites a new device that joins; the code the old laptop
// issued still works (same key) and can be revoked from the new laptop. The new device, joined
// read-write, becomes an inviting device with the inviting code. Screenshots in zh-CN and en.
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { SERVER, RW, badge, councilTabs, councilWithMeeting, invite, join, newDevice } from './syncDevices'
import zhBackup from '../../src/shared/i18n/locales/zh-CN/backup.json' with { type: 'json' }
import zhSync from '../../src/shared/i18n/locales/zh-CN/sync.json' with { type: 'json' }
import enSync from '../../src/shared/i18n/locales/en/sync.json' with { type: 'json' }
import enBackup from '../../src/shared/i18n/locales/en/backup.json' with { type: 'json' }
import { fmt } from './i18n'

const B = zhBackup
const S = zhSync
const COUNCIL = '锦江小区院落议事会'
const MEETING = '加装电梯协商会'
const PASS = '锦江2026春季备份'
const SHOTS = '/tmp/shots/keys'

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })

/** From the backup screen: opens a backup file and returns its restore card. */
async function openBackup(page: Page, file: string, name: string) {
  await page.getByLabel(B.file.open).setInputFiles(file)
  return page.getByRole('region', { name: fmt(B.restore.title, { file: name }) })
}

async function syncTab(page: Page) {
  await councilTabs(page, COUNCIL).getByRole('link', { name: S.tab.title }).click()
  await expect(page.getByRole('heading', { level: 2, name: S.tab.status })).toBeVisible()
}

test('a backup with a passphrase gives a new laptop the power to invite; old codes keep working and can be revoked', async ({ browser, problems }, info) => {
  test.setTimeout(180_000)
  mkdirSync(SHOTS, { recursive: true })
  const founding = await newDevice(browser, problems, 'founding')
  await councilWithMeeting(founding, COUNCIL, MEETING)
  const oldInvitation = await invite(founding.page, COUNCIL, RW, '旧电脑发的码')

  // The founding laptop saves a backup with its key sealed under a passphrase.
  await founding.page.goto('/')
  await founding.page.getByRole('link', { name: B.open }).click()
  await expect(founding.page.getByRole('heading', { level: 2, name: B.keys.title })).toBeVisible()
  await founding.page.getByLabel(B.keys.pass, { exact: true }).fill('短口令')
  await founding.page.getByRole('button', { name: B.file.save }).click()
  await expect(founding.page.getByText(fmt(B.keys.short_other, { count: 8 }))).toBeVisible()
  await founding.page.getByLabel(B.keys.pass, { exact: true }).fill(PASS)
  await founding.page.getByLabel(B.keys.again).fill(PASS)
  await shot(founding.page, 'backup-keys-zh-CN')
  const [download] = await Promise.all([founding.page.waitForEvent('download'), founding.page.getByRole('button', { name: B.file.save }).click()])
  const file = info.outputPath(download.suggestedFilename())
  await download.saveAs(file)
  await expect(founding.page.getByText(B.savedWithKeys)).toBeVisible()
  // The laptop is gone: its profile and everything stored in it.
  await founding.context.close()

  // The new laptop. Its failed registration (403, "another key") is a console line Chromium
  // writes by itself; anything else it reports fails the test.
  const own: string[] = []
  const laptop = await newDevice(browser, own, 'new laptop')
  const page = laptop.page
  await page.goto('/#/backup')
  let card = await openBackup(page, file, download.suggestedFilename())
  await expect(card.getByText(B.keys.carried)).toBeVisible()
  await card.getByRole('button', { name: B.restore.confirm }).click()
  await expect(page.getByText(B.keys.skipped)).toBeVisible()

  // Without the key, the server does not take this laptop; the screen says what to do.
  await page.goto('/')
  await page.getByRole('link', { name: COUNCIL }).click()
  await syncTab(page)
  await page.getByLabel(S.connect.server).fill(SERVER)
  await page.getByRole('button', { name: S.connect.submit }).click()
  await expect(page.getByRole('alert')).toHaveText(S.errors.otherKey)
  const help = page.getByRole('note', { name: S.newLaptop.title })
  await expect(help).toContainText(S.newLaptop.backup)
  await expect(help).toContainText(S.newLaptop.oldCodes)
  await shot(page, 'sync-other-key-zh-CN')

  // Restore again, with the passphrase: a wrong one restores nothing and says so.
  await help.getByRole('link', { name: S.newLaptop.backupLink }).click()
  card = await openBackup(page, file, download.suggestedFilename())
  await card.getByLabel(B.keys.openPass).fill('不是这个口令')
  await card.getByRole('button', { name: B.restore.confirm }).click()
  await expect(page.getByRole('alert')).toHaveText(B.keys.error.wrongPassphrase)
  await shot(page, 'restore-wrong-passphrase-zh-CN')
  await card.getByLabel(B.keys.openPass).fill(PASS)
  await card.getByRole('button', { name: B.restore.confirm }).click()
  await expect(page.getByText(fmt(B.keys.restored_other, { count: 1 }))).toBeVisible()

  // Now it connects, and invites a device that joins.
  await page.goto('/')
  await page.getByRole('link', { name: COUNCIL }).click()
  await syncTab(page)
  await page.getByLabel(S.connect.server).fill(SERVER)
  await page.getByRole('button', { name: S.connect.submit }).click()
  await expect(page.getByText(S.connect.done)).toBeVisible()
  const newInvitation = await invite(page, COUNCIL, RW, '新来的设备')
  const device = await newDevice(browser, problems, 'new device')
  await join(device.page, newInvitation, COUNCIL)
  await expect(device.page.getByRole('link', { name: new RegExp(MEETING) })).toBeVisible()

  // The code the founding laptop issued works (the same key was restored) and is in the list here.
  const old: string[] = []
  const oldHolder = await newDevice(browser, old, 'old code')
  await join(oldHolder.page, oldInvitation, COUNCIL)
  const row = page.getByRole('row', { name: /旧电脑发的码/ })
  await row.getByRole('button', { name: S.codes.revoke }).click()
  await row.getByRole('button', { name: S.codes.confirmYes }).click()
  await expect(page.getByText(S.codes.done)).toBeVisible()
  // Revoked: the server closes its connection and refuses it from now on.
  await expect(badge(oldHolder.page)).toContainText(S.reason.authFailed, { timeout: 15_000 })

  // The joined device cannot invite yet; with the inviting code it can.
  await syncTab(device.page)
  await expect(device.page.getByRole('heading', { name: S.inviting.takeTitle })).toBeVisible()
  await shot(device.page, 'sync-take-key-zh-CN')
  await page.getByRole('button', { name: S.inviting.show }).click()
  const inviting = await page.getByLabel(S.inviting.code).inputValue()
  expect(inviting).toMatch(/^YSK1\./)
  await shot(page, 'sync-give-key-zh-CN')
  await device.page.getByLabel('界面语言').selectOption('en')
  await expect(device.page.getByRole('heading', { name: enSync.inviting.takeTitle })).toBeVisible()
  await shot(device.page, 'sync-take-key-en')
  await device.page.getByLabel(enSync.inviting.code).fill(inviting)
  await device.page.getByRole('button', { name: enSync.inviting.take }).click()
  await expect(device.page.getByRole('heading', { name: enSync.invite.title })).toBeVisible()

  // English screens of the new laptop: the sync tab with the inviting code, the backup screen.
  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.getByRole('heading', { name: enSync.inviting.giveTitle })).toBeVisible()
  await shot(page, 'sync-give-key-en')
  await page.goto('/#/backup')
  await expect(page.getByRole('heading', { level: 2, name: enBackup.keys.title })).toBeVisible()
  await shot(page, 'backup-keys-en')

  // In English, on yet another laptop: the restore card, then the ways on after "another key".
  const other: string[] = []
  const third = await newDevice(browser, other, 'third laptop')
  await third.page.goto('/#/backup')
  await third.page.getByLabel('界面语言').selectOption('en')
  await third.page.getByLabel(enBackup.file.open).setInputFiles(file)
  const enCard = third.page.getByRole('region', { name: fmt(enBackup.restore.title, { file: download.suggestedFilename() }) })
  await expect(enCard.getByText(enBackup.keys.carried)).toBeVisible()
  await shot(third.page, 'restore-card-en')
  await enCard.getByRole('button', { name: enBackup.restore.confirm }).click()
  await expect(third.page.getByText(enBackup.keys.skipped)).toBeVisible()
  await third.page.goto('/')
  await third.page.getByRole('link', { name: COUNCIL }).click()
  await councilTabs(third.page, COUNCIL).getByRole('link', { name: enSync.tab.title }).click()
  await third.page.getByLabel(enSync.connect.server).fill(SERVER)
  await third.page.getByRole('button', { name: enSync.connect.submit }).click()
  await expect(third.page.getByRole('alert')).toHaveText(enSync.errors.otherKey)
  await expect(third.page.getByRole('note', { name: enSync.newLaptop.title })).toContainText(enSync.newLaptop.rejoin)
  await shot(third.page, 'sync-other-key-en')

  for (const list of [own, other]) expect(list.filter((p) => !/status of 403/.test(p))).toEqual([])
  for (const d of [laptop, device, oldHolder, third]) await d.context.close()
})
