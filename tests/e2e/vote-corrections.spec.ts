// A vote put right, as a secretary does it (zh-CN): hands counts typed with no save button are
// what the announcement freezes, after a confirm step that shows the counts, the rule and the base;
// a wrong count is corrected beside the announced result and both appear in the meeting record; an
// open vote is cancelled with a reason, and the meeting goes on. Screenshots in zh-CN and en.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening } from './fixtures'
import { fmt, texts } from './i18n'

const { session: S, votes: V, minutes: M, common: C } = texts['zh-CN']
const NAMES = ['孟繁华', '蒋春兰', '沈立军', '韩秀梅', '杨振东', '朱丽萍']
const MOTION = '同意在北门增设电动车充电桩。'
const SHOTS = '/tmp/shots/votes'

async function shot(page: Page, target: Locator, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await target.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, `${name}-zh-CN.png`), fullPage: true })
  await page.getByLabel('界面语言').selectOption('en')
  await page.screenshot({ path: join(SHOTS, `${name}-en.png`), fullPage: true })
  await page.getByLabel('Language').selectOption('zh-CN')
}

test('hands counts as typed, the announce step, a correction, a cancelled vote', async ({ page }, info) => {
  test.setTimeout(150_000)
  const dir = info.outputPath('files')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'six.csv'), ['姓名,角色,楼栋,房号', ...NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},5,${301 + i}`)].join('\n'))
  await createCouncil(page, '北门议事会')
  await importRegister(page, join(dir, 'six.csv'), 6)
  await createMeeting(page, '充电桩议事会', '2026-12-21T19:00')
  await addItem(page, '北门充电桩')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: texts['zh-CN'].meetings.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of NAMES.slice(0, 5)) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await page.getByRole('link', { name: S.tabs.floor }).click()
  await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '北门充电桩' }) }).click()
  const form = page.getByRole('form', { name: S.motion.proposeTitle })
  await form.getByLabel(S.motion.proposer).selectOption({ label: '沈立军' })
  await form.getByLabel(S.motion.text).fill(MOTION)
  await form.getByRole('button', { name: S.motion.propose }).click()
  const motion = page.getByRole('article', { name: fmt(S.motion.label, { text: MOTION }) })
  await motion.getByLabel(S.motion.seconder).selectOption({ label: '韩秀梅' })
  await motion.getByRole('button', { name: S.motion.second }).click()
  await motion.getByRole('button', { name: S.motion.debate }).click()

  // The owners' rules are offered only where their figures can exist: not for a secret ballot.
  const ruleOptions = () => motion.getByLabel(S.vote.rule).locator('option').allTextContents()
  await motion.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.secret })
  expect(await ruleOptions()).not.toContain(C.enums.threshold.double_majority_ordinary)
  await motion.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.hands })
  expect(await ruleOptions()).toContain(C.enums.threshold.double_majority_ordinary)

  // First vote, by show of hands under the owners' double majority: the figures are typed (and
  // stored as typed, areas exact); then the chair decides the rule was wrong and cancels the vote.
  await motion.getByLabel(S.vote.rule).selectOption({ label: C.enums.threshold.double_majority_ordinary })
  await motion.getByRole('button', { name: S.vote.open }).click()
  const owners = motion.getByRole('group', { name: S.owners.title })
  await owners.getByLabel(V.field.totalOwners, { exact: true }).fill('6')
  await owners.getByLabel(fmt(S.owners.areaLabel, { label: V.field.totalArea })).fill('380.5')
  await owners.getByLabel(V.field.participatingOwners, { exact: true }).fill('5')
  await owners.getByLabel(fmt(S.owners.areaLabel, { label: V.field.participatingArea })).fill('300.25')
  await owners.getByLabel(V.field.forOwners, { exact: true }).fill('4')
  await owners.getByLabel(fmt(S.owners.areaLabel, { label: V.field.forArea })).fill('2.5.0')
  await expect(owners.getByText(S.owners.areaInvalid)).toBeVisible()
  await owners.getByLabel(fmt(S.owners.areaLabel, { label: V.field.forArea })).fill('250')
  await expect(owners.getByRole('table', { name: S.owners.live })).toContainText(V.figure.approvalArea)
  await shot(page, owners, 'owners')
  await motion.getByRole('button', { name: S.voteFix.cancelOpen }).click()
  const cancel = motion.getByRole('form', { name: S.voteFix.cancelTitle })
  await expect(cancel.getByLabel(S.voteFix.by)).toHaveValue('孟繁华')
  await cancel.getByRole('button', { name: S.voteFix.cancelDo }).click()
  await expect(cancel.getByText(C.errors.field.required)).toBeVisible() // no reason: refused, named in its field
  await cancel.getByLabel(S.voteFix.cancelReason).fill('规则选错，应按简单多数表决')
  await cancel.getByRole('button', { name: S.voteFix.cancelDo }).click()
  const cancelled = motion.getByRole('region', { name: S.voteFix.cancelledTitle })
  await expect(cancelled.getByTestId('vote-cancelled')).toContainText('规则选错，应按简单多数表决')
  await expect(cancelled.getByTestId('vote-cancelled')).toContainText('孟繁华')
  await expect(motion.getByText(S.motionStatus.debating, { exact: true })).toBeVisible()
  await shot(page, cancelled, 'cancelled')

  // Second vote: counts typed, no save button anywhere; announcing shows them before freezing.
  await motion.getByLabel(S.vote.rule).selectOption({ label: C.enums.threshold.simple_majority })
  await motion.getByRole('button', { name: S.vote.open }).click()
  const hands = motion.getByRole('group', { name: S.vote.handsTitle })
  await expect(motion.getByRole('button', { name: S.vote.saveCounts })).toHaveCount(0)
  await hands.getByLabel(V.counts.for).fill('2')
  // A screen reader hears the count stored (once, through the polite live region).
  await expect(page.getByTestId('announcer')).toHaveText(fmt(S.voteFix.countStored, { choice: V.counts.for, count: 2 }))
  await hands.getByLabel(V.counts.against).fill('x')
  await expect(hands.getByText(S.voteFix.countInvalid)).toBeVisible()
  await motion.getByRole('button', { name: S.vote.close }).click()
  const confirm = motion.getByRole('alertdialog', { name: S.voteFix.confirmTitle })
  await expect(confirm.getByRole('alert').filter({ hasText: fmt(S.voteFix.fieldsInvalid, { fields: V.counts.against }) })).toBeVisible()
  await expect(confirm.getByRole('button', { name: S.vote.yesClose })).toBeDisabled()
  await confirm.getByRole('button', { name: S.voteFix.backToCounts }).click()
  await hands.getByLabel(V.counts.against).fill('2')
  await hands.getByLabel(V.counts.abstain).fill('1')
  await motion.getByRole('button', { name: S.vote.close }).click()
  const counts = [fmt(S.vote.count, { label: V.counts.for, count: 2 }), fmt(S.vote.count, { label: V.counts.against, count: 2 }), fmt(S.vote.count, { label: V.counts.abstain, count: 1 })]
  await expect(confirm.getByTestId('confirm-counts')).toContainText(counts.join(S.listSep))
  await expect(confirm).toContainText(C.enums.threshold.simple_majority)
  await expect(confirm).toContainText(fmt(S.voteFix.denominatorValue, { base: V.denominator.cast, of: 4 }))
  await expect(confirm.getByTestId('confirm-outcome')).toContainText(V.outcome.failed)
  await shot(page, confirm, 'confirm')
  await confirm.getByRole('button', { name: S.vote.yesClose }).click()
  const result = motion.getByRole('region', { name: fmt(S.vote.resultTitle, { method: S.vote.methods.hands }) })
  await expect(result.locator('.counts')).toContainText(counts.join(S.listSep))
  await expect(result.locator('.outcome')).toHaveText(V.outcome.failed)

  // The count was wrong (one hand behind a pillar): a correction, beside the announced result.
  await motion.getByRole('button', { name: S.voteFix.correctOpen }).click()
  const fix = motion.getByRole('form', { name: S.voteFix.correctTitle })
  await fix.getByLabel(fmt(S.voteFix.correctedCount, { label: V.counts.for })).fill('3')
  await fix.getByLabel(fmt(S.voteFix.correctedCount, { label: V.counts.against })).fill('1')
  await expect(fix.locator('.outcome')).toHaveText(V.outcome.passed)
  await fix.getByLabel(S.voteFix.fixReason).fill('柱子后面一位成员举手未计入，反对票多计一票')
  await fix.getByRole('button', { name: S.voteFix.correctDo }).click()
  const correction = motion.getByTestId('vote-correction')
  await expect(correction).toContainText('柱子后面一位成员举手未计入')
  await expect(correction.locator('.outcome')).toHaveText(V.outcome.passed)
  await expect(result.locator('.outcome')).toHaveText(V.outcome.failed) // the announced result stays
  await expect(motion.getByText(S.motionStatus.passed, { exact: true }).first()).toBeVisible()
  await shot(page, motion.getByRole('region', { name: S.voteFix.correctionsTitle }), 'correction')

  // The meeting record shows the announced result and then the correction; the cancelled vote too.
  await page.getByRole('button', { name: S.close.button }).click()
  await page.getByRole('button', { name: S.close.yes }).click()
  await page.getByRole('link', { name: M.open }).click()
  await page.getByRole('link', { name: M.tabs.documents }).click()
  const doc = page.getByRole('region', { name: M.tabs.documents })
  await expect(doc).toContainText('以上为宣布时的结果，保留不变。')
  await expect(doc).toContainText('柱子后面一位成员举手未计入，反对票多计一票')
  await expect(doc).toContainText('以更正1的结果为准。')
  await expect(doc).toContainText('表决已取消，没有宣布结果')
})
