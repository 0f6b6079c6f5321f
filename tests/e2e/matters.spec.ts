// A matter (议题) on the 四议两公开 path, end to end in zh-CN: opened directly, 党组织提议 and 两委商议
// recorded outside Yishi with their scans, 居民会议决议 refused before 党员大会审议 stands, 党员大会审议
// skipped with its reason, then 居民会议决议 linked to the motion a Yishi meeting voted on (its
// outcome taken from the vote), with the link on the meeting's side; a reload keeps it all. Once
// resolved its follow-up opens (the tab shows its status); a second matter on the council-only path
// stands at its council step. The
// matters tab and the matter screen are kept as images in zh-CN and en under /tmp/shots/helper-matters.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, openSessionOnFloor, motionUnderDebate, voteByHands } from './fixtures'
import { fmt, texts } from './i18n'
import zhMatters from '../../src/shared/i18n/locales/zh-CN/matters.json' with { type: 'json' }
import enCommon from '../../src/shared/i18n/locales/en/common.json' with { type: 'json' }

const { common: C } = texts['zh-CN']
const M = zhMatters
const NAMES = ['钱大伟', '孔令芳', '曹志刚']
const MEETING = '加装电梯居民代表会议'
const ITEM = '3号楼加装电梯'
const MOTION = '同意3号楼加装电梯，费用按楼层分摊。'
const MATTER = '3号楼加装电梯'
const SHOTS = '/tmp/shots/helper-matters'
// A one-pixel PNG: the scanned record as a browser would pick it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** A council of three with a meeting held today whose motion on ITEM passed by a show of hands. */
async function votedMeeting(page: Page, dir: string) {
  writeFileSync(join(dir, 'three.csv'), ['姓名,角色,楼栋,房号', ...NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},3,${101 + i}`)].join('\n'))
  await createCouncil(page, '电梯议事会')
  await importRegister(page, join(dir, 'three.csv'), 3)
  await createMeeting(page, MEETING, `${today()}T00:05`)
  await addItem(page, ITEM)
  await openSessionOnFloor(page, NAMES)
  const motion = await motionUnderDebate(page, ITEM, MOTION, '曹志刚', '孔令芳')
  await voteByHands(page, motion, { yes: 3 }, 'passed')
}

const stepForm = (page: Page, step: string) => page.getByRole('form', { name: fmt(M.stepView.recordNamed, { step }) })
const stepItem = (page: Page, step: string) => page.getByRole('list', { name: M.stepView.list }).getByRole('listitem', { name: step })

/** Records a step outside Yishi with a scan attached; `extra` fills the step's own fields. */
async function recordOutside(page: Page, step: string, body: string, scan: string, extra: (form: ReturnType<typeof stepForm>) => Promise<void> = async () => {}) {
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step }) }).click()
  const form = stepForm(page, step)
  await form.getByLabel(M.stepForm.body).fill(body)
  await extra(form)
  await form.getByLabel(M.stepForm.attachScan).setInputFiles({ name: scan, mimeType: 'image/png', buffer: PNG })
  await expect(form.getByRole('list', { name: M.stepForm.scanList })).toContainText(scan)
  await form.getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, step).locator('.pill')).toHaveText(M.stepState.done)
  await expect(stepItem(page, step).getByRole('list', { name: M.stepView.files })).toContainText(scan)
}

/** A full-page picture of the screen in zh-CN, then in en, back in zh-CN. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}-zh-CN.png`), fullPage: true })
  await page.getByLabel(C.language.label).selectOption('en')
  // The words change once the language's texts are in: wait for them, not for the select.
  await expect(page.getByText(enCommon.language.label, { exact: true })).toBeVisible()
  await page.screenshot({ path: join(SHOTS, `${name}-en.png`), fullPage: true })
  await page.getByLabel(enCommon.language.label).selectOption('zh-CN')
  await expect(page.getByText(C.language.label, { exact: true })).toBeVisible()
}

test('a matter on the 四议两公开 path: steps outside Yishi, the order kept, the vote step linked both ways', async ({ page, problems }, info) => {
  test.setTimeout(120_000)
  const dir = info.outputPath('files')
  mkdirSync(dir, { recursive: true })
  mkdirSync(SHOTS, { recursive: true })
  await votedMeeting(page, dir)

  // Open the matter directly from the matters tab.
  await page.getByRole('navigation', { name: C.nav.breadcrumb }).getByRole('link').nth(1).click()
  await page.getByRole('navigation', { name: '电梯议事会' }).getByRole('link', { name: C.nav.matters, exact: true }).click()
  await expect(page.getByText(M.matterList.empty)).toBeVisible()
  await page.getByText(M.matterList.openTitle).click()
  const open = page.getByRole('form', { name: M.matterList.openTitle })
  await open.getByLabel(M.matterForm.title).fill(MATTER)
  await open.getByLabel(M.matterForm.proposerName, { exact: true }).fill('清风社区党委')
  await expect(open.getByLabel(M.matterForm.path)).toHaveValue('fourTwo')
  await open.getByLabel(M.matterForm.description).fill('3号楼居民多次反映老人上下楼困难。')
  await open.getByRole('button', { name: M.matterForm.submit }).click()
  await expect(page.getByRole('heading', { level: 1, name: MATTER })).toBeVisible()
  await expect(page.getByText(M.matterScreen.noRequests)).toBeVisible()

  await recordOutside(page, M.step.partyProposal, '清风社区党委', '党委会议记录.png')
  // The path is fixed once a step is recorded.
  await expect(page.getByRole('combobox', { name: M.matterScreen.pathChoose })).toBeDisabled()
  await recordOutside(page, M.step.committeesDiscussion, '社区两委联席会议', '两委会议记录.png', async (form) => {
    await form.getByLabel(M.stepForm.outcome).selectOption({ label: M.stepOutcome.approved })
    await form.getByLabel(M.stepForm.present).fill('7')
    await form.getByLabel(M.stepForm.due).fill('9')
  })
  await expect(stepItem(page, M.step.committeesDiscussion)).toContainText(fmt(M.stepView.attendanceLine, { present: 7, due: 9 }))

  // The resolution before the party members' meeting is refused, in words.
  const resolution = M.step.residentsResolution
  await expect(stepItem(page, resolution)).toContainText(fmt(M.stepView.waitingFor, { steps: M.step.partyMembersReview }))
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step: resolution }) }).click()
  await stepForm(page, resolution).getByLabel(M.stepForm.mode).selectOption({ label: M.stepMode.outside })
  await stepForm(page, resolution).getByLabel(M.stepForm.body).fill('居民代表会议')
  await stepForm(page, resolution).getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepForm(page, resolution).getByRole('alert')).toHaveText(M.refusal.dependencyPending)
  await stepForm(page, resolution).getByRole('button', { name: C.actions.cancel }).click()

  // The party members' meeting is skipped, with its reason.
  const review = M.step.partyMembersReview
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step: review }) }).click()
  await stepForm(page, review).getByLabel(M.stepForm.mode).selectOption({ label: M.stepMode.skipped })
  await stepForm(page, review).getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepForm(page, review).getByRole('alert')).toHaveText(M.refusal.reasonRequired)
  await stepForm(page, review).getByLabel(M.stepForm.reason).fill('社区党委已扩大会议审议，党员大会不另召开')
  await stepForm(page, review).getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, review).locator('.pill')).toHaveText(M.stepState.skipped)

  // The residents' resolution in the Yishi meeting: its motion's vote gives the outcome.
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step: resolution }) }).click()
  const form = stepForm(page, resolution)
  await expect(form.getByLabel(M.stepForm.mode)).toHaveValue('meeting')
  const meetingLabel = (await form.getByLabel(M.stepForm.meeting).locator('option', { hasText: MEETING }).textContent())!
  await form.getByLabel(M.stepForm.meeting).selectOption({ label: meetingLabel })
  await form.getByLabel(M.stepForm.item).selectOption({ label: ITEM })
  await form.getByLabel(M.stepForm.motion).selectOption({ label: MOTION })
  await expect(form.getByRole('status')).toHaveText(fmt(M.stepForm.fromVote, { outcome: M.stepOutcome.approved }))
  await form.getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, resolution).locator('.pill')).toHaveText(M.stepState.done)
  await expect(stepItem(page, resolution)).toContainText(MEETING)
  await expect(stepItem(page, resolution)).toContainText(fmt(M.stepView.motionLine, { text: MOTION }))
  await expect(stepItem(page, M.step.resolutionNotice).locator('.pill')).toHaveText(M.stepState.ready)
  await expect(page.getByText(fmt(M.matterScreen.outcome, { outcome: M.pathOutcome.resolved }))).toBeVisible()
  // Once resolved, the follow-up opens with its owner and deadline.
  const follow = page.getByRole('form', { name: M.followUp.open })
  await follow.getByLabel(M.followUp.owner).fill('清风物业服务中心')
  await follow.getByLabel(M.followUp.deadline).fill(`${today().slice(0, 4)}-12-31`)
  await follow.getByRole('button', { name: M.followUp.open }).click()
  await expect(page.getByRole('form', { name: M.followUp.edit })).toBeVisible()
  await shots(page, 'matter')

  // A reload keeps every step, its files and the link.
  await page.reload()
  await expect(stepItem(page, M.step.partyProposal).getByRole('list', { name: M.stepView.files })).toContainText('党委会议记录.png')
  await expect(stepItem(page, review)).toContainText('社区党委已扩大会议审议，党员大会不另召开')
  await expect(stepItem(page, resolution).locator('.pill')).toHaveText(M.stepState.done)

  // The meeting's side of the link, and back.
  await stepItem(page, resolution).getByRole('link', { name: M.stepView.openMeeting }).click()
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible()
  const carried = page.getByRole('region', { name: M.carried.title })
  await expect(carried).toContainText(fmt(M.carried.motion, { text: MOTION }))
  await shots(page, 'meeting')
  await carried.getByRole('link', { name: fmt(M.carried.line, { matter: MATTER, step: resolution }) }).click()
  await expect(page.getByRole('heading', { level: 1, name: MATTER })).toBeVisible()

  // The matters tab: the matter and the step it stands at.
  await page.getByRole('link', { name: M.matterScreen.back }).click()
  const row = page.getByRole('row', { name: new RegExp(MATTER) })
  await expect(row).toContainText(fmt(M.matterList.currentStep, { step: M.step.resolutionNotice, state: M.stepState.ready }))
  await expect(row).toContainText(M.pathOutcome.resolved)
  await expect(row).toContainText(M.followUpStatus.notStarted)

  // A second matter on the council-only path (议事会 → 公示) stands at its council step.
  await page.getByText(M.matterList.openTitle).click()
  const second = page.getByRole('form', { name: M.matterList.openTitle })
  await second.getByLabel(M.matterForm.title).fill('小区东门增设非机动车棚')
  await second.getByLabel(M.matterForm.proposerKind).selectOption({ label: M.requesterKind.member })
  await second.getByLabel(M.matterForm.proposerName, { exact: true }).fill('孔令芳')
  await second.getByLabel(M.matterForm.path).selectOption({ label: M.path.councilOnly })
  await second.getByRole('button', { name: M.matterForm.submit }).click()
  await expect(page.getByRole('heading', { level: 1, name: '小区东门增设非机动车棚' })).toBeVisible()
  await expect(stepItem(page, M.step.councilDeliberation).locator('.pill')).toHaveText(M.stepState.ready)
  await expect(stepItem(page, M.step.councilNotice)).toContainText(fmt(M.stepView.waitingFor, { steps: M.step.councilDeliberation }))
  await page.getByRole('link', { name: M.matterScreen.back }).click()
  await expect(page.getByRole('row', { name: /非机动车棚/ })).toContainText(fmt(M.matterList.currentStep, { step: M.step.councilDeliberation, state: M.stepState.ready }))
  await shots(page, 'tab')
  expect(problems).toEqual([])
})

test('a matter gathers a request of the register; a resolution past its follow-up deadline stands out first in the matters tab', async ({ page, problems }) => {
  // A fixed "today" so the deadline is past whatever day the suite runs.
  await page.clock.install({ time: new Date('2026-03-10T09:00:00+08:00') })
  await createCouncil(page, '东门议事会')
  // A resident's request in the register, gathered by the first matter when it is opened.
  await page.getByRole('navigation', { name: '东门议事会' }).getByRole('link', { name: C.nav.requests, exact: true }).click()
  await page.getByRole('link', { name: '登记诉求' }).click()
  const req = page.getByRole('form', { name: '登记诉求' })
  await req.getByLabel('提出人类型').selectOption({ label: '居民' })
  await req.getByLabel('姓名').fill('钱师傅')
  await req.getByLabel('诉求内容').fill('图书角晚上能不能开到九点。')
  await req.getByRole('button', { name: '登记' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '钱师傅的诉求' })).toBeVisible()
  await page.getByRole('navigation', { name: C.nav.breadcrumb }).getByRole('link').nth(1).click()
  await page.getByRole('navigation', { name: '东门议事会' }).getByRole('link', { name: C.nav.matters, exact: true }).click()
  for (const title of ['社区图书角开放时间', '小区东门增设非机动车棚']) {
    await page.getByText(M.matterList.openTitle).click()
    const open = page.getByRole('form', { name: M.matterList.openTitle })
    await open.getByLabel(M.matterForm.title).fill(title)
    await open.getByLabel(M.matterForm.proposerName, { exact: true }).fill('孔令芳')
    await open.getByLabel(M.matterForm.path).selectOption({ label: M.path.councilOnly })
    if (title === '社区图书角开放时间') await open.getByRole('checkbox', { name: /图书角晚上能不能开到九点/ }).check()
    else await expect(open.getByText(M.matterForm.noOpenRequests)).toBeVisible()
    if (title !== '社区图书角开放时间') await open.getByLabel(M.matterForm.openedOn).fill('2026-01-05')
    await open.getByRole('button', { name: M.matterForm.submit }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    if (title !== '社区图书角开放时间') continue
    await expect(page.getByRole('region', { name: M.matterScreen.requests })).toContainText('钱师傅')
    await page.getByRole('link', { name: M.matterScreen.back }).click()
  }
  // The council deliberated outside Yishi (a paper record), then the follow-up was due on 1 February.
  const step = M.step.councilDeliberation
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step }) }).click()
  const form = stepForm(page, step)
  await form.getByLabel(M.stepForm.mode).selectOption({ label: M.stepMode.outside })
  await form.getByLabel(M.stepForm.date).fill('2026-01-10')
  await form.getByLabel(M.stepForm.body).fill('东门议事会（纸质记录）')
  await form.getByLabel(M.stepForm.outcome).selectOption({ label: M.stepOutcome.approved })
  await form.getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, step).locator('.pill')).toHaveText(M.stepState.done)
  const follow = page.getByRole('form', { name: M.followUp.open })
  await follow.getByLabel(M.followUp.owner).fill('清风物业服务中心')
  await follow.getByLabel(M.followUp.deadline).fill('2026-02-01')
  await follow.getByRole('button', { name: M.followUp.open }).click()
  await expect(page.getByRole('form', { name: M.followUp.edit })).toBeVisible()

  await page.getByRole('link', { name: M.matterScreen.back }).click()
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows.nth(1)).toContainText('小区东门增设非机动车棚')
  await expect(rows.nth(1)).toContainText(M.followUpStatus.overdue)
  await expect(rows.nth(1)).toContainText(fmt(M.followUp.overdueBy_other, { count: 37 }))
  await expect(rows.nth(1)).toHaveClass(/overdue/)
  await expect(rows.nth(2)).toContainText('社区图书角开放时间')
  await expect(rows.nth(2)).toContainText('2026年3月10日')
  await expect(rows.nth(2)).not.toHaveClass(/overdue/)
  await page.screenshot({ path: join(SHOTS, 'tab-overdue-zh-CN.png'), fullPage: true })
  expect(problems).toEqual([])
})
