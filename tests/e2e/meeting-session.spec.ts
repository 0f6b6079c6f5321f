// A whole meeting in the room, tried as a new secretary would, in zh-CN and in en: 25 members,
// 19 present, one recused, a motion with an amendment, speeches with the timer, a show of hands
// that passes, a roll call that fails, a member who leaves, a secret ballot on the laptop with a
// reload in the middle, and the projector tab showing each result.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening } from './fixtures'
import { fmt, texts, type Lang } from './i18n'

const NAMES = ['张建国', '李秀英', '王志强', '刘桂兰', '陈德明', '杨丽华', '赵文军', '黄淑珍', '周永福', '吴美玲', '徐国庆', '孙玉梅', '胡振华',
  '朱红霞', '高志远', '林秀兰', '何建平', '郭翠英', '马德胜', '罗春燕', '梁宏伟', '宋桂芳', '郑国良', '谢雪梅', '韩立新']
const PRESENT = NAMES.slice(0, 19)
const RECUSED = NAMES[5]!
const LEAVES = NAMES[10]!

function registerCsv(dir: string): string {
  mkdirSync(dir, { recursive: true })
  const rows = NAMES.map((n, i) => `${n},${i === 0 ? '主持人' : i === 1 ? '记录人' : '议事会成员'},${1 + Math.floor(i / 10)},${1 + (i % 2)},${101 + i},${60 + i}.5`)
  const file = join(dir, 'register-25.csv')
  writeFileSync(file, ['姓名,角色,楼栋,单元,房号,面积', ...rows].join('\n'))
  return file
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`a full meeting in the room (${lang})`, async ({ page, context, problems }, info) => {
    test.setTimeout(180_000)
    const { session: S, votes: V, common: C } = texts[lang]
    const count = (k: 'for' | 'against' | 'abstain') => V.counts[k]

    // Before the meeting (in zh-CN, as prepared last week): council, register, agenda, notice.
    await createCouncil(page, `阳光社区居民议事会 ${lang}`)
    await importRegister(page, registerCsv(info.outputPath('fixtures')), 25)
    await createMeeting(page, '加装电梯与楼道清理议事会', '2026-12-19T19:00')
    await addItem(page, '3号楼加装电梯', '王志强', '40')
    await addItem(page, '楼道堆物清理', '刘桂兰', '20')
    await page.getByRole('button', { name: '发出通知' }).click()
    await page.getByRole('button', { name: '确认发出通知' }).click()
    await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
    if (lang === 'en') await page.getByLabel('界面语言').selectOption('en')
    await page.getByRole('link', { name: texts[lang].meetings.session.enter }).click()

    // Sign-in: 19 present, 3 on leave with a reason, 3 absent; quorum (two thirds: 17) holds.
    await page.getByRole('button', { name: S.signIn.start }).click()
    for (const name of PRESENT) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
    for (const name of NAMES.slice(19, 22)) {
      await page.getByRole('button', { name: fmt(S.signIn.markLeave, { name }) }).click()
      const row = page.getByRole('row', { name })
      await row.getByLabel(S.signIn.leaveReason).fill('外出探亲')
      await row.getByRole('button', { name: C.actions.save }).click()
      await expect(row).toContainText('外出探亲')
    }
    for (const name of NAMES.slice(22)) await page.getByRole('button', { name: fmt(S.signIn.markAbsent, { name }) }).click()
    const quorum = page.getByRole('status', { name: S.quorum.label })
    await expect(quorum).toContainText(fmt(S.quorum.expected_other, { count: 25 }))
    await expect(quorum).toContainText(fmt(S.quorum.present_other, { count: 19 }))
    await expect(quorum).toContainText(fmt(S.quorum.met, { required: 17 }))
    await shot(page, lang, 'signin')
    await confirmEarlyOpening(page)
    await page.getByRole('button', { name: S.open.open, exact: true }).click()

    // The floor, with the projector open in its own tab.
    await page.getByRole('link', { name: S.tabs.floor }).click()
    const [projector] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: S.projector.open }).click()])
    projector.on('pageerror', (e) => problems.push(`projector: ${e.message}`))
    await page.bringToFront() // the secretary keeps working in the main window
    await expect(projector.getByText(S.projector.waiting)).toBeVisible()
    await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '3号楼加装电梯' }) }).click()
    await expect(projector.locator('.item')).toHaveText('3号楼加装电梯')

    // A recusal, then a motion, seconded and debated, with two timed speeches.
    await page.locator('summary', { hasText: fmt(S.recusal.title_other, { count: 0 }) }).click()
    await page.getByLabel(S.recusal.member).selectOption({ label: RECUSED })
    await page.getByLabel(S.recusal.reason).fill('其家属承接该工程')
    await page.getByRole('button', { name: S.recusal.add }).click()
    await expect(page.getByText(fmt(S.recusal.entry, { name: RECUSED, reason: '其家属承接该工程' }))).toBeVisible()

    const motionText = '同意3号楼加装电梯，费用由全体业主平均分摊。'
    const proposeForm = page.getByRole('form', { name: S.motion.proposeTitle })
    await proposeForm.getByLabel(S.motion.proposer).selectOption({ label: '王志强' })
    await proposeForm.getByLabel(S.motion.text).fill(motionText)
    await proposeForm.getByRole('button', { name: S.motion.propose }).click()
    const motion = page.getByRole('article', { name: fmt(S.motion.label, { text: motionText }) })
    await motion.getByLabel(S.motion.seconder).selectOption({ label: '刘桂兰' })
    await motion.getByRole('button', { name: S.motion.second }).click()
    await motion.getByRole('button', { name: S.motion.debate }).click()
    await expect(projector.locator('.motion-text')).toHaveText(motionText)

    await speech(page, S, '赵文军', S.stance.for, '电梯方便老人出行。')
    await expect(projector.getByRole('timer')).toBeVisible()
    await page.getByRole('button', { name: S.speech.end }).click()
    await speech(page, S, '黄淑珍', S.stance.against, '一楼住户不受益，不应平均分摊。')
    await expect(page.getByRole('timer')).toBeVisible()
    await page.getByRole('button', { name: S.speech.end }).click()
    const log = page.getByRole('list', { name: S.speech.log })
    await expect(log.getByRole('listitem')).toHaveCount(2)
    await expect(log).toContainText('一楼住户不受益，不应平均分摊。')
    await shot(page, lang, 'debate')

    // An amendment, voted first by a show of hands: 12 for, 3 against, 3 abstain of 18 eligible.
    const amended = '同意3号楼加装电梯，费用按楼层分摊，一楼住户不分摊。'
    await motion.locator('summary', { hasText: S.amendment.proposeTitle }).click()
    const amendForm = motion.getByRole('form', { name: S.amendment.proposeTitle })
    await amendForm.getByLabel(S.motion.proposer).selectOption({ label: '周永福' })
    await amendForm.getByLabel(S.amendment.text).fill(amended)
    await amendForm.getByRole('button', { name: S.amendment.propose }).click()
    const amendment = page.getByRole('article', { name: fmt(S.amendment.label, { text: amended }) })
    await amendment.getByLabel(S.motion.seconder).selectOption({ label: '吴美玲' })
    await amendment.getByRole('button', { name: S.motion.second }).click()
    await amendment.getByRole('button', { name: S.motion.debate }).click()
    await amendment.getByRole('button', { name: S.vote.open }).click()
    const hands = amendment.getByRole('group', { name: S.vote.handsTitle })
    await expect(amendment).toContainText(fmt(S.vote.ruleLine, { rule: C.enums.threshold.simple_majority, eligible: 18 }))
    await hands.getByLabel(count('for')).fill('12')
    await hands.getByLabel(count('against')).fill('3')
    await hands.getByLabel(count('abstain')).fill('4')
    // Stored as typed; announcing shows 19 > 18 eligible cannot be right and refuses to freeze it.
    await amendment.getByRole('button', { name: S.vote.close }).click()
    await expect(amendment.getByRole('alert').filter({ hasText: fmt(V.warning.countsExceedEligible, { cast: 19, eligible: 18 }) })).toBeVisible()
    await expect(amendment.getByRole('button', { name: S.vote.yesClose })).toBeDisabled()
    await amendment.getByRole('button', { name: S.voteFix.backToCounts }).click()
    await hands.getByLabel(count('abstain')).fill('3')
    await closeVote(page, S)
    const passedHands = fmt(V.reason.passedSimpleMajority, { for: 12, against: 3, abstain: 3 })
    await expect(amendment.getByText(passedHands)).toBeVisible()
    await expect(projector.locator('.result .reason')).toContainText(passedHands)

    // The adopted amendment became the motion's text; both versions are kept.
    const main = page.getByRole('article', { name: fmt(S.motion.label, { text: amended }) })
    await expect(main.locator('.motion-text').first()).toHaveText(amended)
    await main.locator('summary', { hasText: fmt(S.motion.versions_other, { count: 2 }) }).click()
    await expect(main.getByText(motionText)).toBeVisible()

    // The motion by roll call under "more than half of all members": 12 for, 6 against: fails.
    const setup = main.getByRole('form', { name: S.vote.setupTitle }).last()
    await setup.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.roll_call })
    await setup.getByLabel(S.vote.rule).selectOption({ label: C.enums.threshold.half_all })
    await setup.getByRole('button', { name: S.vote.open }).click()
    const voters = PRESENT.filter((n) => n !== RECUSED)
    for (const [i, name] of voters.entries()) {
      await page.getByRole('button', { name: fmt(S.vote.rollCallChoice, { name, choice: count(i < 12 ? 'for' : 'against') }) }).click()
    }
    await closeVote(page, S)
    const failedRollCall = fmt(V.reason.failedNotMoreThanHalf, { for: 12, denominator: 25, required: 13 })
    await expect(main.getByText(failedRollCall)).toBeVisible()
    await expect(projector.locator('.result .reason')).toContainText(failedRollCall)
    await shot(page, lang, 'rollcall')
    await shot(projector, lang, 'projector')
    await expect(main.getByText(S.motionStatus.failed, { exact: true }).first()).toBeVisible()

    // A member leaves mid-meeting: the quorum bar follows.
    await page.getByRole('link', { name: S.tabs.signin }).click()
    await page.getByRole('button', { name: fmt(S.signIn.departs, { name: LEAVES }) }).click()
    await expect(quorum).toContainText(fmt(S.quorum.present_other, { count: 18 }))
    await page.getByRole('link', { name: S.tabs.floor }).click()

    // Item 2 by secret ballot on this laptop, with a reload halfway.
    await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '楼道堆物清理' }) }).click()
    const cleanText = '本月底前清理各楼道堆放杂物。'
    await proposeForm.getByLabel(S.motion.proposer).selectOption({ label: '刘桂兰' })
    await proposeForm.getByLabel(S.motion.text).fill(cleanText)
    await proposeForm.getByRole('button', { name: S.motion.propose }).click()
    const clean = page.getByRole('article', { name: fmt(S.motion.label, { text: cleanText }) })
    await clean.getByLabel(S.motion.seconder).selectOption({ label: '王志强' })
    await clean.getByRole('button', { name: S.motion.second }).click()
    await clean.getByRole('button', { name: S.motion.debate }).click()
    await clean.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.secret })
    await clean.getByRole('button', { name: S.vote.open }).click()
    const ballotVoters = PRESENT.filter((n) => n !== LEAVES)
    const plan: ('for' | 'against' | 'abstain')[] = [...Array(11).fill('for'), ...Array(5).fill('against'), ...Array(2).fill('abstain')]
    for (const [i, name] of ballotVoters.slice(0, 7).entries()) await cast(page, S, name, count(plan[i]!))
    await expect(page.getByText(fmt(S.ballot.progress, { cast: 7, eligible: 18 }))).toBeVisible()
    await page.reload()
    await page.bringToFront() // the projector tab opened last; the secretary's screen is the one in use
    await expect(page.getByText(fmt(S.ballot.progress, { cast: 7, eligible: 18 }))).toBeVisible()
    for (const [i, name] of ballotVoters.slice(7).entries()) await cast(page, S, name, count(plan[i + 7]!))
    await expect(page.getByText(fmt(S.ballot.progress, { cast: 18, eligible: 18 }))).toBeVisible()
    await closeVote(page, S)
    const passedSecret = fmt(V.reason.passedSimpleMajority, { for: 11, against: 5, abstain: 2 })
    await expect(page.getByRole('article', { name: fmt(S.motion.label, { text: cleanText }) }).getByText(passedSecret)).toBeVisible()
    await expect(projector.locator('.result .reason')).toContainText(passedSecret)

    // A member marked absent turns up late: recorded with the time, counted from now on.
    await page.getByRole('link', { name: S.tabs.signin }).click()
    await page.getByRole('button', { name: fmt(S.signIn.arrivesLate, { name: '郑国良' }) }).click()
    await expect(quorum).toContainText(fmt(S.quorum.present_other, { count: 19 }))
    await expect(page.getByRole('row', { name: '郑国良' })).toContainText(S.attendance.present)

    // 散会.
    await page.getByRole('button', { name: S.close.button }).click()
    await page.getByRole('button', { name: S.close.yes }).click()
    await expect(page.getByText(C.enums.meetingStatus.closed, { exact: true }).first()).toBeVisible()
    expect(problems).toEqual([])
  })
}

/** With YISHI_SHOTS=1, saves what the secretary sees at this step, to look at by eye. */
async function shot(page: Page, lang: Lang, name: string) {
  if (process.env.YISHI_SHOTS) await page.screenshot({ path: `test-results/screenshots/session-${lang}-${name}.png`, fullPage: true })
}

type SessionTexts = (typeof texts)['zh-CN']['session']

async function speech(page: Page, S: SessionTexts, name: string, stance: string, summary: string) {
  const ask = page.getByRole('form', { name: S.speech.askTitle })
  await ask.getByLabel(S.speech.speaker).selectOption({ label: name })
  await ask.getByLabel(S.speech.stance).selectOption({ label: stance })
  await ask.getByRole('button', { name: S.speech.ask }).click()
  await page.getByRole('button', { name: fmt(S.speech.giveFloor, { name }) }).click()
  await expect(page.getByText(fmt(S.speech.running, { name })).first()).toBeVisible()
  await page.getByLabel(S.speech.summary).fill(summary)
}

async function closeVote(page: Page, S: SessionTexts) {
  await page.getByRole('button', { name: S.vote.close }).click()
  await page.getByRole('button', { name: S.vote.yesClose }).click()
}

async function cast(page: Page, S: SessionTexts, name: string, choice: string) {
  await page.getByRole('button', { name: fmt(S.ballot.checkIn, { name }) }).click()
  const booth = page.getByRole('dialog', { name: S.ballot.boothTitle })
  await expect(booth.getByText(fmt(S.ballot.voter, { name }))).toBeVisible()
  await expect(page.getByRole('banner')).toBeHidden() // nothing else on screen while the voter is at the booth
  await booth.getByRole('radio', { name: choice }).click()
  if (name === '吴美玲') await shot(page, 'zh-CN', 'booth')
  await booth.getByRole('button', { name: fmt(S.ballot.castAs, { choice }) }).click()
  await expect(booth.getByText(S.ballot.thanks)).toBeVisible()
  await booth.getByRole('button', { name: S.ballot.next }).click()
}
