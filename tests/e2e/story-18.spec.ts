// Issue 18's whole story in zh-CN, as a secretary lives it: a resident's request typed in from the
// paper 一户一表 with its photo, a neighbour's request merged into it, the request made a matter on
// the 四议两公开 path, the party branch's proposal and the 两委 discussion recorded with their scanned
// records, the party members' meeting skipped with its reason, the residents' resolution voted in a
// Yishi meeting; the follow-up's owner and deadline, a milestone done with a photo, completion, the
// result notice posted and printed (the PDF read back), both disclosures recorded on the path, one
// reply to both residents, and the 台账 workbook saved and read back with exceljs. A second test
// sets the browser's clock past a follow-up's deadline: the resolution stands out on the council's
// home screen until it is carried out. The finished matter is kept as images in zh-CN and en.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, openSessionOnFloor, motionUnderDebate, voteByHands } from './fixtures'
import { fmt, texts } from './i18n'
import zhMatters from '../../src/shared/i18n/locales/zh-CN/matters.json' with { type: 'json' }
import enMatters from '../../src/shared/i18n/locales/en/matters.json' with { type: 'json' }

const { common: C } = texts['zh-CN']
const M = zhMatters
const COUNCIL = '清风社区居民议事会'
const SHOTS = '/tmp/shots/helper-story'
const NAMES = ['钱大伟', '孔令芳', '曹志刚']
const FIRST = '3栋楼道灯坏了，晚上看不见台阶，老人上下楼不安全。'
const SECOND = '3栋2单元的楼道灯也不亮。'
const MATTER = '3栋楼道灯更换'
const MEETING = '楼道灯更换居民代表会议'
const MOTION = '同意由物业服务中心更换3栋全部楼道灯，费用从社区保障资金列支。'
const OWNER = '物业服务中心'
const MILESTONE = '更换3栋楼道灯'
const REPLY = '3栋楼道灯已全部更换，结果已在公告栏公示。'
// A one-pixel PNG: a phone photo or a scan as the browser would pick it. Notices stay up 7 days, the first included.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A local date `days` from today, as the date inputs take it. */
function day(days = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** The start of a text, up to a placeholder whose value (a formatted date) the test does not spell. */
const before = (text: string, marker: string) => text.slice(0, text.indexOf(marker))

/** A tab of the council's screen, from anywhere inside the council (the breadcrumb leads back to it). */
async function tab(page: Page, name: string) {
  await page.getByRole('navigation', { name: C.nav.breadcrumb }).getByRole('link').nth(1).click()
  await page.getByRole('navigation', { name: COUNCIL }).getByRole('link', { name, exact: true }).click()
}
const stepForm = (page: Page, step: string) => page.getByRole('form', { name: fmt(M.stepView.recordNamed, { step }) })
const stepItem = (page: Page, step: string) => page.getByRole('list', { name: M.stepView.list }).getByRole('listitem', { name: step })

async function recordRequest(page: Page, name: string, text: string, photo?: string) {
  await tab(page, C.nav.requests)
  await page.getByRole('link', { name: M.req.newTitle }).click()
  const form = page.getByRole('form', { name: M.req.newTitle })
  await expect(form.getByLabel(M.req.field.channel)).toHaveValue('householdForm')
  await form.getByLabel(M.req.field.kind).selectOption({ label: M.requesterKind.resident })
  await form.getByLabel(M.req.field.name).fill(name)
  await form.getByLabel(M.req.field.building).fill('3')
  await form.getByLabel(M.req.field.text).fill(text)
  if (photo) {
    await form.getByLabel(M.req.attach).setInputFiles({ name: photo, mimeType: 'image/png', buffer: PNG })
    await expect(form.getByRole('list', { name: M.req.files }).getByRole('img', { name: photo })).toBeVisible()
  }
  await form.getByLabel(M.req.recorder).fill('李秘书')
  await form.getByRole('button', { name: M.req.record, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: fmt(M.req.titleOf, { name }) })).toBeVisible()
}

/** A step in a body Yishi does not run, with its scanned record; a notice with its last day posted. */
async function recordOutside(page: Page, step: string, body: string, scan: string, until?: string) {
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step }) }).click()
  const form = stepForm(page, step)
  await form.getByLabel(M.stepForm.body).fill(body)
  if (until) await form.getByLabel(M.stepForm.until).fill(until)
  await form.getByLabel(M.stepForm.attachScan).setInputFiles({ name: scan, mimeType: 'image/png', buffer: PNG })
  await expect(form.getByRole('list', { name: M.stepForm.scanList })).toContainText(scan)
  await form.getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, step).locator('.pill')).toHaveText(M.stepState.done)
  await expect(stepItem(page, step).getByRole('list', { name: M.stepView.files })).toContainText(scan)
}

/** The meeting of the residents' representatives, held today: the motion on the matter carried by a show of hands. */
async function holdMeeting(page: Page) {
  await createMeeting(page, MEETING, `${day()}T00:05`)
  await addItem(page, MATTER)
  await openSessionOnFloor(page, NAMES)
  const motion = await motionUnderDebate(page, MATTER, MOTION, '曹志刚', '孔令芳')
  await voteByHands(page, motion, { yes: 3 }, 'passed')
}

async function openMatter(page: Page) {
  await tab(page, C.nav.matters)
  await page.getByRole('link', { name: MATTER }).click()
  await expect(page.getByRole('heading', { level: 1, name: MATTER })).toBeVisible()
}

test('issue 18: from a paper-form request to its public result, the replies and the 台账', async ({ page, problems }, info) => {
  test.setTimeout(180_000)
  const dir = info.outputPath('files')
  mkdirSync(dir, { recursive: true })
  await createCouncil(page, COUNCIL)
  writeFileSync(join(dir, 'three.csv'), ['姓名,角色,楼栋,房号', ...NAMES.map((n, i) => `${n},${['主持人', '记录人', '议事会成员'][i]},3,${101 + i}`)].join('\n'))
  await importRegister(page, join(dir, 'three.csv'), 3)

  // 会前有议题: the paper form with its photo, and a neighbour's request merged into it.
  await recordRequest(page, '王秀英', FIRST, '一户一表.png')
  await recordRequest(page, '赵大妈', SECOND)
  await page.getByRole('button', { name: M.req.outcome.way.merge }).click()
  const merge = page.getByRole('form', { name: M.req.outcome.way.merge })
  await merge.getByLabel(M.req.outcome.mergeInto, { exact: true }).selectOption({ label: `王秀英：${FIRST}` })
  await merge.getByRole('button', { name: M.req.outcome.mergeSubmit }).click()
  await expect(page.getByTestId('request-outcome')).toContainText(M.req.outcome.mergedInto)

  // The first request becomes a matter on the 四议两公开 path.
  await tab(page, C.nav.requests)
  await page.getByRole('link', { name: FIRST }).click()
  await expect(page.getByRole('list', { name: M.req.files }).getByRole('img', { name: '一户一表.png' })).toBeVisible()
  await page.getByRole('button', { name: M.req.outcome.way.matter }).click()
  const make = page.getByRole('form', { name: M.req.outcome.way.matter })
  await make.getByLabel(M.req.outcome.matterTitle).fill(MATTER)
  await expect(make.getByLabel(M.req.outcome.path)).toHaveValue('fourTwo')
  await make.getByRole('button', { name: M.req.outcome.matterSubmit }).click()
  await expect(page.getByRole('heading', { level: 1, name: MATTER })).toBeVisible()
  const sources = page.getByRole('region', { name: M.matterScreen.requests })
  await expect(sources).toContainText('王秀英')
  await expect(sources).toContainText('赵大妈')

  // 会中有记录: two steps outside Yishi with their scans, one skipped with its reason, the vote in Yishi.
  await recordOutside(page, M.step.partyProposal, '清风社区党委', '党委会议记录.png')
  await recordOutside(page, M.step.committeesDiscussion, '社区两委联席会议', '两委会议记录.png')
  const review = M.step.partyMembersReview
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step: review }) }).click()
  await stepForm(page, review).getByLabel(M.stepForm.mode).selectOption({ label: M.stepMode.skipped })
  await stepForm(page, review).getByLabel(M.stepForm.reason).fill('社区党委已扩大会议审议，党员大会不另召开')
  await stepForm(page, review).getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, review).locator('.pill')).toHaveText(M.stepState.skipped)
  await holdMeeting(page)
  await openMatter(page)
  const resolution = M.step.residentsResolution
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step: resolution }) }).click()
  const vote = stepForm(page, resolution)
  await expect(vote.getByLabel(M.stepForm.mode)).toHaveValue('meeting')
  const meetingLabel = (await vote.getByLabel(M.stepForm.meeting).locator('option', { hasText: MEETING }).textContent())!
  await vote.getByLabel(M.stepForm.meeting).selectOption({ label: meetingLabel })
  await vote.getByLabel(M.stepForm.item).selectOption({ label: MATTER })
  await vote.getByLabel(M.stepForm.motion).selectOption({ label: MOTION })
  await expect(vote.getByRole('status')).toHaveText(fmt(M.stepForm.fromVote, { outcome: M.stepOutcome.approved }))
  await vote.getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, resolution).locator('.pill')).toHaveText(M.stepState.done)
  // 两公开, the first: the resolution posted for seven days, a photo of the board kept.
  await recordOutside(page, M.step.resolutionNotice, '3栋公告栏', '决议公示照片.png', day(6))
  await expect(stepItem(page, M.step.resolutionNotice)).toContainText(before(M.stepView.untilLine, '{{date}}'))

  // 会后有结果: the follow-up's owner and deadline, a milestone done with its photo, completion.
  const open = page.getByRole('form', { name: M.followUp.open })
  await open.getByLabel(M.followUp.owner).fill(OWNER)
  await open.getByLabel(M.followUp.deadline).fill(day(30))
  await open.getByRole('button', { name: M.followUp.open }).click()
  await expect(page.getByRole('region', { name: M.followUp.title })).toContainText(fmt(before(M.followUp.ownerLine, '{{deadline}}'), { owner: OWNER }))
  const add = page.getByRole('form', { name: M.followUp.addMilestone })
  await add.getByLabel(M.followUp.milestoneTitle).fill(MILESTONE)
  await add.getByLabel(M.followUp.milestoneDue).fill(day(14))
  await add.getByRole('button', { name: M.followUp.addMilestone }).click()
  const milestone = page.getByRole('form', { name: fmt(M.followUp.milestoneForm, { title: MILESTONE }) })
  await milestone.getByRole('button', { name: M.followUp.doneToday }).click()
  await milestone.getByLabel(fmt(M.followUp.noteOf, { title: MILESTONE })).fill('共更换声控灯12盏。')
  await milestone.getByRole('button', { name: M.followUp.saveMilestone }).click()
  await page.getByLabel(fmt(M.followUp.addPhotosTo, { title: MILESTONE })).setInputFiles({ name: '换灯后.png', mimeType: 'image/png', buffer: PNG })
  await expect(page.getByRole('list', { name: fmt(M.followUp.milestonePhotos, { title: MILESTONE }) }).getByRole('img', { name: '换灯后.png' })).toBeVisible()
  const complete = page.getByRole('form', { name: M.followUp.complete })
  await expect(complete).toContainText(M.followUp.completeHint)
  await complete.getByRole('button', { name: M.followUp.complete }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: M.followUp.complete }).click()
  await expect(page.getByRole('heading', { name: M.resultNotice.title })).toBeVisible()

  // 实施结果公开: posted, shown as it prints, printed to PDF through Chromium and read back.
  const post = page.getByRole('form', { name: M.resultNotice.post })
  await post.getByLabel(texts['zh-CN'].minutes.notice.place).fill('3栋公告栏')
  await post.getByRole('button', { name: M.resultNotice.post }).click()
  await expect(page.getByText(fmt(before(M.resultNotice.posted, '{{from}}'), { place: '3栋公告栏' }))).toBeVisible()
  await page.getByRole('button', { name: M.resultNotice.show }).click()
  const notice = page.getByRole('dialog', { name: M.resultNotice.title }).getByTestId('print-document')
  await expect(notice).toContainText(COUNCIL)
  await expect(notice).toContainText(MATTER)
  await expect(notice).toContainText(MILESTONE)
  const pdf = join(dir, 'result-notice.pdf')
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(printed).toContain(MATTER)
  expect(printed).toContain(OWNER)
  await page.getByRole('dialog', { name: M.resultNotice.title }).getByRole('button', { name: C.actions.close }).click()
  // 两公开, the second: posting the result notice recorded the path's last step from it (no second
  // entry of the same notice); the photo of the posted notice is added to that step.
  const resultStep = stepItem(page, M.step.resultNotice)
  await expect(resultStep.locator('.pill')).toHaveText(M.stepState.done)
  await expect(resultStep).toContainText('3栋公告栏')
  await expect(page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step: M.step.resultNotice }) })).toHaveCount(0)
  await resultStep.getByLabel(fmt(M.stepView.attachMore, { step: M.step.resultNotice })).setInputFiles({ name: '结果公示照片.png', mimeType: 'image/png', buffer: PNG })
  await expect(resultStep.getByRole('list', { name: M.stepView.files })).toContainText('结果公示照片.png')
  await expect(page.getByText(fmt(M.matterScreen.outcome, { outcome: M.pathOutcome.complete }))).toBeVisible()

  // 落实有回音: one reply to both residents; their requests show it.
  const replyAll = page.getByRole('form', { name: fmt(M.followUp.replyAll_other, { count: 2 }) })
  await replyAll.getByLabel(M.followUp.replyHow).selectOption({ label: M.replyChannel.noticeBoard })
  await replyAll.getByLabel(M.followUp.replyWhat).fill(REPLY)
  await replyAll.getByRole('button', { name: fmt(M.followUp.replyAll_other, { count: 2 }) }).click()
  await expect(page.getByRole('region', { name: M.followUp.replies }).getByRole('listitem')).toHaveCount(2)
  await expect(page.getByRole('region', { name: M.followUp.replies })).not.toContainText(M.followUp.waitingReply)
  // The matter as it ends, in zh-CN and en, looked at.
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, 'story-matter-zh-CN.png'), fullPage: true })
  await page.getByLabel(C.language.label).selectOption('en')
  await expect(page.getByRole('heading', { level: 2, name: enMatters.followUp.title })).toBeVisible()
  await page.screenshot({ path: join(SHOTS, 'story-matter-en.png'), fullPage: true })
  await page.getByLabel('Language').selectOption('zh-CN')
  await tab(page, C.nav.requests)
  const answered = page.getByRole('table', { name: /已回音/ })
  await expect(answered.locator('tbody tr')).toHaveCount(2)

  // The 台账 of the year, saved and read back.
  await tab(page, C.nav.ledgers)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: M.ledgersTab.export }).click()])
  await expect(page.getByText(M.ledgersTab.saved)).toBeVisible()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await download.path())
  const rowsOf = (sheet: string) => {
    const ws = wb.getWorksheet(sheet)!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    return ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1))
  }
  const today = new Date(`${day()}T00:00:00Z`)
  const requests = rowsOf(M.ledger.requests.sheet)
  expect(requests).toHaveLength(2)
  for (const r of requests) {
    expect(r[0]).toEqual(today)
    expect(r[11]).toBe(M.replyChannel.noticeBoard)
    expect(r[12]).toBe(REPLY)
  }
  const steps = rowsOf(M.ledger.matters.sheet)
  expect(steps.map((r) => r[5])).toEqual(expect.arrayContaining([M.step.partyProposal, M.step.committeesDiscussion, review, resolution, M.step.resolutionNotice, M.step.resultNotice]))
  expect(steps.find((r) => r[5] === M.step.partyProposal)![11]).toContain('党委会议记录.png')
  const followUp = rowsOf(M.ledger.followUp.sheet)
  expect(followUp[0]).toEqual(expect.arrayContaining([MATTER, OWNER, MILESTONE, today]))
  expect(problems).toEqual([])
})

test('a resolution past its follow-up deadline stands out on the council home screen until it is carried out', async ({ page, problems }) => {
  // The browser's clock is set, so the deadline can pass without waiting for it.
  await page.clock.setFixedTime(new Date('2026-03-02T09:00:00'))
  await createCouncil(page, COUNCIL)
  await recordRequest(page, '王秀英', FIRST)
  await page.getByRole('button', { name: M.req.outcome.way.matter }).click()
  const make = page.getByRole('form', { name: M.req.outcome.way.matter })
  await make.getByLabel(M.req.outcome.matterTitle).fill(MATTER)
  await make.getByLabel(M.req.outcome.path).selectOption({ label: M.path.councilOnly })
  await make.getByRole('button', { name: M.req.outcome.matterSubmit }).click()
  const step = M.step.councilDeliberation
  await page.getByRole('button', { name: fmt(M.stepView.recordNamed, { step }) }).click()
  await stepForm(page, step).getByLabel(M.stepForm.mode).selectOption({ label: M.stepMode.outside })
  await stepForm(page, step).getByLabel(M.stepForm.body).fill('清风社区居民议事会')
  await stepForm(page, step).getByLabel(M.stepForm.outcome).selectOption({ label: M.stepOutcome.approved })
  await stepForm(page, step).getByRole('button', { name: M.stepForm.submit, exact: true }).click()
  await expect(stepItem(page, step).locator('.pill')).toHaveText(M.stepState.done)
  const open = page.getByRole('form', { name: M.followUp.open })
  await open.getByLabel(M.followUp.owner).fill(OWNER)
  await open.getByLabel(M.followUp.deadline).fill('2026-03-20')
  await open.getByRole('button', { name: M.followUp.open }).click()
  await expect(page.getByRole('form', { name: M.followUp.edit })).toBeVisible()

  // Before the deadline the home screen is quiet; five days after it, the resolution stands out.
  await tab(page, C.nav.meetings)
  await expect(page.getByRole('link', { name: '新建会议' })).toBeVisible()
  await expect(page.getByRole('region', { name: fmt(M.overdue.title_one, { count: 1 }) })).toHaveCount(0)
  await page.clock.setFixedTime(new Date('2026-03-25T09:00:00'))
  await page.reload()
  const banner = page.getByRole('region', { name: fmt(M.overdue.title_one, { count: 1 }) })
  await expect(banner).toContainText(fmt(M.overdue.line_other, { owner: OWNER, deadline: '2026年3月20日', count: 5 }))
  await banner.getByRole('link', { name: MATTER }).click()
  await expect(page.getByRole('heading', { level: 1, name: MATTER })).toBeVisible()
  await expect(page.getByRole('region', { name: M.followUp.title })).toContainText(fmt(M.followUp.overdueBy_other, { count: 5 }))

  // Carried out (late): the home screen is quiet again.
  await page.getByRole('form', { name: M.followUp.complete }).getByRole('button', { name: M.followUp.complete }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: M.followUp.complete }).click()
  await expect(page.getByRole('heading', { name: M.resultNotice.title })).toBeVisible()
  await tab(page, C.nav.meetings)
  await expect(page.getByRole('link', { name: '新建会议' })).toBeVisible()
  await expect(page.getByRole('region', { name: fmt(M.overdue.title_one, { count: 1 }) })).toHaveCount(0)
  expect(problems).toEqual([])
})
