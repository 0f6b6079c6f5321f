// Nothing the secretary types on the minutes screens is lost (issue 14): 落实人 / 完成时限 typed and
// sent for signature at once are in the record; a half-typed deadline stops 「草稿完成，送签」 with the
// field named; sealing first says what sealing means and can be called off; exporting the bundle
// while the 公示 still runs warns, and the secretary can wait or go on; a signer's name typed but not
// signed with refuses the seal, and a 公示 place typed but not posted makes another tab ask first,
// naming the field. Screens kept as images in
// zh-CN and en under /tmp/shots/minutes.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, openSessionOnFloor, motionUnderDebate, voteByHands } from './fixtures'
import { fmt, texts } from './i18n'

const { session: S, minutes: M, common: C } = texts['zh-CN']
const EN = texts.en
const NAMES = ['钱大伟', '孔令芳', '曹志刚']
const MOTION = '请物业本月内更换楼道灯。'
const SHOTS = '/tmp/shots/minutes'

/** Today on this machine as YYYY-MM-DD: the meeting is held today (opening early is another test's subject). */
function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

async function closedMeeting(page: Page, dir: string) {
  writeFileSync(join(dir, 'three.csv'), ['姓名,角色,楼栋,房号', ...NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},3,${101 + i}`)].join('\n'))
  await createCouncil(page, '楼道议事会')
  await importRegister(page, join(dir, 'three.csv'), 3)
  await createMeeting(page, '楼道照明议事会', `${today()}T00:05`)
  await addItem(page, '楼道照明')
  await openSessionOnFloor(page, NAMES)
  const motion = await motionUnderDebate(page, '楼道照明', MOTION, '曹志刚', '孔令芳')
  await voteByHands(page, motion, { yes: 3 }, 'passed')
  await page.getByRole('button', { name: S.close.button }).click()
  await page.getByRole('button', { name: S.close.yes }).click()
}

/** A full-page picture of the screen in zh-CN, then in en, back in zh-CN. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}-zh-CN.png`), fullPage: true })
  await page.getByLabel(C.language.label).selectOption('en')
  await page.screenshot({ path: join(SHOTS, `${name}-en.png`), fullPage: true })
  await page.getByLabel(EN.common.language.label).selectOption('zh-CN')
}

test('minutes: typed follow-up reaches the record, sealing is confirmed, an early export warns', async ({ page, problems }, info) => {
  test.setTimeout(120_000)
  const dir = info.outputPath('files')
  mkdirSync(dir, { recursive: true })
  mkdirSync(SHOTS, { recursive: true })
  await closedMeeting(page, dir)
  await page.getByRole('link', { name: M.open }).click()

  // Typed key by key, no save button: a half-typed deadline is named when sending for signature.
  const resolution = page.getByRole('group', { name: fmt(M.draft.resolutionOf, { text: MOTION }) })
  await resolution.getByLabel(M.draft.implementer).pressSequentially('物业 服务中心')
  const due = resolution.getByLabel(M.draft.due)
  // Two of the three date segments, whatever their order in this browser's locale.
  await due.focus()
  await page.keyboard.type('1223')
  await expect(resolution.getByText(M.draft.dueIncomplete)).toBeVisible()
  await page.getByRole('button', { name: M.draft.finish }).click()
  const refused = fmt(M.draft.finishRefused, { fields: fmt(M.draft.dueOf, { text: MOTION }) })
  await expect(page.getByRole('alert').filter({ hasText: refused })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 }).locator('..').locator('.pill')).toHaveText(C.enums.meetingStatus.closed)
  await shots(page, 'draft-refused')

  // The day typed too, and straight to 「草稿完成，送签」: both values are in the record.
  await due.fill('2026-12-23')
  await expect(resolution.getByText(M.draft.dueIncomplete)).toHaveCount(0)
  await page.getByRole('button', { name: M.draft.finish }).click()
  await expect(page.getByRole('heading', { level: 1 }).locator('..').locator('.pill')).toHaveText(C.enums.meetingStatus.minutes_drafted)
  await page.getByRole('link', { name: M.tabs.documents }).click()
  await page.getByLabel(M.documents.summary).check()
  await expect(page.getByTestId('print-document')).toContainText('由物业 服务中心负责落实，2026年12月23日前完成。')
  await shots(page, 'summary-document')

  // Sealing: asked first, saying what it means; cancelling leaves the minutes unsealed.
  await page.getByRole('link', { name: M.tabs.sign }).click()
  for (const role of ['chair', 'recorder'] as const) {
    const card = page.getByRole('form', { name: M.sign.role[role] })
    await card.getByRole('button', { name: M.sign.sign, exact: true }).click()
    await expect(card.getByRole('status')).toContainText(role === 'chair' ? '钱大伟' : '孔令芳')
  }
  // A name typed into a signature card but not signed with: sealing is refused, naming the field.
  const chairName = page.getByRole('form', { name: M.sign.role.chair }).getByLabel(M.sign.name)
  await chairName.fill('钱大伟（代）')
  await page.getByRole('button', { name: M.sign.seal }).click()
  const confirm = page.getByRole('alertdialog', { name: M.sign.sealConfirmTitle })
  await expect(confirm).toContainText(M.sign.sealConfirm)
  await confirm.getByRole('button', { name: M.sign.yesSeal }).click()
  await expect(confirm.getByRole('alert')).toHaveText(fmt(C.unsaved.refused, { fields: fmt(M.sign.nameOf, { role: M.sign.role.chair }) }))
  await expect(page.getByTestId('sealed-hash')).toHaveCount(0)
  await chairName.fill('钱大伟')
  await shots(page, 'seal-confirm')
  await confirm.getByRole('button', { name: C.actions.cancel }).click()
  await expect(page.getByTestId('sealed-hash')).toHaveCount(0)
  await page.getByRole('button', { name: M.sign.seal }).click()
  await confirm.getByRole('button', { name: M.sign.yesSeal }).click()
  await expect(page.getByTestId('sealed-hash')).toHaveText(/^[0-9a-f]{64}$/)

  // The 公示 posted today runs seven days: exporting now warns; waiting exports nothing.
  await page.getByRole('link', { name: M.tabs.notice }).click()
  // The notice is not posted yet: another tab asks first, naming the field, and staying keeps it.
  await page.getByLabel(M.notice.place).fill('3号楼公告栏')
  page.removeAllListeners('dialog')
  const asked: string[] = []
  page.on('dialog', (d) => (asked.push(d.message()), void d.dismiss()))
  await page.getByRole('link', { name: M.tabs.sign }).click()
  await expect.poll(() => asked.length).toBe(1)
  expect(asked[0]).toContain(M.notice.place)
  await expect(page.getByLabel(M.notice.place)).toHaveValue('3号楼公告栏')
  page.removeAllListeners('dialog')
  page.on('dialog', (d) => (problems.push(`dialog opened: ${d.message()}`), void d.dismiss()))
  await page.getByRole('button', { name: M.notice.post }).click()
  await expect(page.getByRole('heading', { level: 1 }).locator('..').locator('.pill')).toHaveText(C.enums.meetingStatus.published)
  await page.getByRole('link', { name: M.tabs.submit }).click()
  let downloads = 0
  page.on('download', () => downloads++)
  await page.getByRole('button', { name: M.submit.send }).click()
  const early = page.getByRole('alertdialog', { name: M.submit.noticeRunningTitle })
  await expect(early).toContainText('还有 6 天')
  await shots(page, 'submit-early')
  await early.getByRole('button', { name: M.submit.wait }).click()
  await expect(early).toHaveCount(0)
  expect(downloads).toBe(0)
  await expect(page.getByRole('heading', { level: 1 }).locator('..').locator('.pill')).toHaveText(C.enums.meetingStatus.published)
  await page.getByRole('button', { name: M.submit.send }).click()
  await Promise.all([page.waitForEvent('download'), early.getByRole('button', { name: M.submit.sendAnyway }).click()])
  await expect(page.getByRole('heading', { level: 1 }).locator('..').locator('.pill')).toHaveText(C.enums.meetingStatus.submitted)
})
