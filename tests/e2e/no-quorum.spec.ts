// Opening without quorum takes a named decision with a reason, kept on the record; a vote held
// then is recorded and marked invalid, whatever its counts.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening } from './fixtures'
import { fmt, texts } from './i18n'

test('without quorum the session opens only on a recorded override, and its vote is invalid', async ({ page, problems }, info) => {
  const { session: S, votes: V } = texts['zh-CN']
  const dir = info.outputPath('fixtures')
  mkdirSync(dir, { recursive: true })
  const names = ['钱大伟', '孔令芳', '曹志刚', '严秋月', '华国强']
  writeFileSync(join(dir, 'five.csv'), ['姓名,楼栋,房号', ...names.map((n, i) => `${n},7,${201 + i}`)].join('\n'))

  await createCouncil(page, '小院议事会')
  await importRegister(page, join(dir, 'five.csv'), 5)
  await createMeeting(page, '临时议事会', '2026-12-20T10:00')
  await addItem(page, '院内积水处理')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: texts['zh-CN'].meetings.session.enter }).click()

  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of names.slice(0, 2)) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await expect(page.getByRole('status', { name: S.quorum.label })).toContainText(fmt(S.quorum.notMet, { required: 4 }))
  await confirmEarlyOpening(page)
  await expect(page.getByRole('button', { name: S.open.open, exact: true })).toHaveCount(0)

  // The override needs who and why: an empty one is refused and nothing opens.
  const override = page.getByRole('form', { name: S.open.overrideTitle })
  await override.getByRole('button', { name: S.open.openAnyway }).click()
  await expect(page.getByText(texts['zh-CN'].common.errors.fixFields)).toBeVisible()
  await override.getByLabel(S.open.by).fill('钱大伟')
  await override.getByLabel(S.open.reason).fill('积水危及老人出行，需当晚决定')
  await override.getByRole('button', { name: S.open.openAnyway }).click()
  await expect(page.getByText(fmt(S.open.overridden, { by: '钱大伟', reason: '积水危及老人出行，需当晚决定' }))).toBeVisible()

  await page.getByRole('link', { name: S.tabs.floor }).click()
  // The meeting shortcuts of a browser: Ctrl+] takes the next agenda item, Ctrl+Shift+B opens the vote.
  await expect(page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '院内积水处理' }) })).toBeVisible()
  await page.keyboard.press('Control+BracketRight')
  await expect(page.getByRole('navigation', { name: S.agenda.title }).getByText(S.agenda.current)).toBeVisible()
  const form = page.getByRole('form', { name: S.motion.proposeTitle })
  await form.getByLabel(S.motion.proposer).selectOption({ label: '钱大伟' })
  await form.getByLabel(S.motion.text).fill('请物业三日内疏通排水。')
  await form.getByRole('button', { name: S.motion.propose }).click()
  await page.getByLabel(S.motion.seconder).selectOption({ label: '孔令芳' })
  await page.getByRole('button', { name: S.motion.second }).click()
  await page.getByRole('button', { name: S.motion.debate }).click()
  await expect(page.getByRole('button', { name: S.vote.open })).toBeVisible()
  await page.keyboard.press('Control+Shift+B')
  const hands = page.getByRole('group', { name: S.vote.handsTitle }) // stored as typed: no save button
  await hands.getByLabel(V.counts.for).fill('2')
  await page.getByRole('button', { name: S.vote.close }).click()
  await page.getByRole('button', { name: S.vote.yesClose }).click()
  const result = page.getByRole('region', { name: fmt(S.vote.resultTitle, { method: S.vote.methods.hands }) })
  await expect(result.locator('.outcome')).toHaveText(V.outcome.invalid)
  await expect(result).toContainText(fmt(V.reason.quorumNotMet, { present: 2, members: 5, required: 4 }))

  // The record survives a reload.
  await page.reload()
  await expect(page.getByRole('region', { name: fmt(S.vote.resultTitle, { method: S.vote.methods.hands }) }).locator('.outcome')).toHaveText(V.outcome.invalid)
  expect(problems).toEqual([])
})
