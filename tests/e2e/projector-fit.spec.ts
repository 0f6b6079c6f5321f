// The projector fits the room's projector (issue 24): every state — waiting, an item with a long
// motion and a speech running, a vote open with phones, a result with receipts, a result with a
// correction — fits one screen without scrolling at 1024×768, 1280×720 and 1920×1080, in zh-CN
// and en, with the QR code, the ballot count and the result inside the screen and no text under
// 24 px. One meeting per language (synced through the real server on port 4455 so phones can
// vote); the projector tab is resized in place. Screenshots in /tmp/shots/projector/. Also: a
// printed voter slip has no text under 12 pt and the code at 20 pt (issue 24, item 3).
import { mkdirSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { test, expect, addMember, createCouncil, createMeeting, addItem, confirmEarlyOpening } from './fixtures'
import { fmt, texts, type Lang } from './i18n'
import { connectAndIssue } from './syncDevices'
import { expectFitsScreen, measureProjector, settleAt } from './projectorFit'

const SHOTS = '/tmp/shots/projector'
const NAMES = ['张建国', '李秀英', '王志强']
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const
// A motion as long as residents write them: the projector shrinks or cuts it, never the screen.
const LONG_MOTION =
  '同意对小区东、西两个大门实施改造：将现有的刷卡门禁更换为人脸识别与刷卡并用的门禁系统，增设无障碍坡道和夜间照明，' +
  '改造费用从公共维修资金中列支，总额不超过十二万元，由物业公司公开招标选定施工单位，施工期间保留至少一个出入口全天开放，' +
  '完工后由议事会组织居民代表验收并公示结果。'

type SessionTexts = (typeof texts)['zh-CN']['session']

/** At each projector size: nothing scrolls, the named elements are inside the screen, no text under 24 px. */
async function expectFits(projector: Page, lang: Lang, state: string, keys: Locator[]) {
  mkdirSync(SHOTS, { recursive: true })
  for (const size of SIZES) {
    await settleAt(projector, size)
    const where = `${state} at ${size.width}×${size.height} (${lang})`
    const fit = await measureProjector(projector)
    // Taken before the checks, so a failure can be looked at.
    await projector.screenshot({ path: `${SHOTS}/${lang}-${state}-${size.width}x${size.height}.png` })
    expectFitsScreen(fit, size, where)
    for (const key of keys) {
      await expect(key).toBeVisible()
      const box = (await key.boundingBox())!
      expect(box.y, `${where}: above the screen`).toBeGreaterThanOrEqual(0)
      expect(box.x, `${where}: left of the screen`).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height, `${where}: below the screen`).toBeLessThanOrEqual(size.height)
      expect(box.x + box.width, `${where}: right of the screen`).toBeLessThanOrEqual(size.width)
    }
  }
}

async function propose(page: Page, S: SessionTexts, text: string, proposer: string, seconder: string): Promise<Locator> {
  const form = page.getByRole('form', { name: S.motion.proposeTitle })
  await form.getByLabel(S.motion.proposer).selectOption({ label: proposer })
  await form.getByLabel(S.motion.text).fill(text)
  await form.getByRole('button', { name: S.motion.propose }).click()
  const motion = page.getByRole('article', { name: fmt(S.motion.label, { text }) })
  await motion.getByLabel(S.motion.seconder).selectOption({ label: seconder })
  await motion.getByRole('button', { name: S.motion.second }).click()
  await motion.getByRole('button', { name: S.motion.debate }).click()
  return motion
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`the projector fits 1024×768, 1280×720 and 1920×1080 in every state (${lang})`, async ({ page, context, browser, problems }) => {
    test.setTimeout(180_000)
    const { session: S, votes: V, meetings: M, common: C } = texts[lang]
    const council = `滨江社区居民议事会 投影 ${lang}`

    // A council of three, synced through the server (phones vote there), and a meeting with an item.
    await createCouncil(page, council)
    for (const [i, name] of NAMES.entries()) await addMember(page, name, String(i + 1))
    await createMeeting(page, '小区大门改造专题议事会', `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T19:00`)
    await addItem(page, '东西两个大门改造方案及费用分摊')
    await connectAndIssue(page, council)
    if (lang === 'en') await page.getByLabel('界面语言').selectOption('en')
    await page.getByRole('link', { name: M.session.enter }).click()
    await page.getByRole('button', { name: S.signIn.start }).click()
    for (const name of NAMES) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()

    // One drawn slip, for the phone that votes.
    const slipsCard = page.getByRole('region', { name: S.slips.title })
    await slipsCard.getByLabel(S.slips.count).fill('1')
    await slipsCard.getByRole('button', { name: S.slips.printDrawn }).click()
    const sheet = page.getByRole('dialog', { name: S.slips.sheet })
    const slipUrl = (await sheet.getByTestId('slip').locator('svg[data-qr-text]').first().getAttribute('data-qr-text'))!
    // As printed: no slip text under 12 pt (16 px), the code at 20 pt, nothing cut off the slip.
    await page.emulateMedia({ media: 'print' })
    const printed = await sheet.getByTestId('slip').first().evaluate((slip) => {
      const texts = [...slip.querySelectorAll<HTMLElement>('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      return {
        smallest: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
        code: parseFloat(getComputedStyle(slip.querySelector('.slip-code')!).fontSize),
        overflow: slip.scrollHeight - slip.clientHeight,
      }
    })
    expect(printed.smallest).toBeGreaterThanOrEqual(16)
    expect(printed.code).toBeGreaterThanOrEqual(26.6)
    expect(printed.overflow).toBeLessThanOrEqual(0)
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: `${SHOTS}/${lang}-slip-print.png` })
    await page.emulateMedia({ media: 'screen' })
    await sheet.getByRole('button', { name: S.slips.close }).click()

    await confirmEarlyOpening(page)
    await page.getByRole('button', { name: S.open.open, exact: true }).click()
    await page.getByRole('link', { name: S.tabs.floor }).click()
    const [projector] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: S.projector.open }).click()])
    projector.on('pageerror', (e) => problems.push(`projector: ${e.message}`))
    await page.bringToFront()

    // Waiting for the first item.
    await expect(projector.getByText(S.projector.waiting)).toBeVisible()
    await expectFits(projector, lang, '1-waiting', [projector.getByText(S.projector.waiting)])

    // An item, a long motion and a speech running.
    await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '东西两个大门改造方案及费用分摊' }) }).click()
    const motion = await propose(page, S, LONG_MOTION, NAMES[0]!, NAMES[1]!)
    const ask = page.getByRole('form', { name: S.speech.askTitle })
    await ask.getByLabel(S.speech.speaker).selectOption({ label: NAMES[2]! })
    await ask.getByLabel(S.speech.stance).selectOption({ label: S.stance.for })
    await ask.getByRole('button', { name: S.speech.ask }).click()
    await page.getByRole('button', { name: fmt(S.speech.giveFloor, { name: NAMES[2]! }) }).click()
    const motionText = projector.locator('.motion-text')
    await expect(motionText).toHaveAttribute('title', LONG_MOTION) // the whole text, even when cut on screen
    await expect(projector.getByRole('timer')).toBeVisible()
    await expectFits(projector, lang, '2-speech', [projector.locator('.item'), motionText, projector.getByRole('timer')])
    await page.getByRole('button', { name: S.speech.end }).click()

    // A secret ballot with phones: the QR code and the count beside the motion.
    const setup = motion.getByRole('form', { name: S.vote.setupTitle })
    await setup.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.secret })
    await setup.getByLabel(S.vote.rule).selectOption({ label: C.enums.threshold.simple_majority })
    await setup.getByLabel(S.phones.option).check()
    await setup.getByRole('button', { name: S.vote.open }).click()
    const count = projector.getByTestId('projector-phone-count')
    await expect(count).toHaveText(fmt(S.projector.ballotsIn, { total: 0, eligible: 3 }))
    // On the secretary's panel the phone count sits beside its heading, near the vote's heading.
    const panelHead = (await motion.locator('.vote-open > h4').boundingBox())!
    const panelCount = (await motion.getByTestId('phone-count').boundingBox())!
    expect(panelCount.y - panelHead.y).toBeLessThan(200)
    await motion.locator('.vote-open').screenshot({ path: `${SHOTS}/${lang}-vote-panel-phones.png` })
    const qr = projector.getByRole('img', { name: S.phones.qr })
    await expectFits(projector, lang, '3-phones', [qr, count, motionText])

    // One resident votes from a phone; the vote closes; the result and the receipt.
    const phone = await browser.newContext({ locale: lang, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    const p = await phone.newPage()
    await p.goto(slipUrl)
    await p.getByRole('button', { name: V.counts.for, exact: true }).tap()
    const castButton = p.getByRole('button', { name: lang === 'en' ? /Cast/ : '确认投出' })
    await expect(castButton).toBeVisible()
    await p.waitForTimeout(800) // the page ignores a tap on "cast" right after the choice
    await castButton.tap()
    await expect(count).toHaveText(fmt(S.projector.ballotsIn, { total: 1, eligible: 3 }))
    await phone.close()
    await motion.getByRole('button', { name: S.vote.close }).click()
    await motion.getByRole('button', { name: S.vote.yesClose }).click()
    const reason = projector.locator('.result .reason')
    await expect(reason).toContainText(fmt(V.reason.passedSimpleMajority, { for: 1, against: 0, abstain: 0 }), { timeout: 20_000 })
    const receipts = projector.getByRole('list', { name: S.projector.receipts, exact: true })
    await expect(receipts.getByRole('listitem')).toHaveCount(1)
    await expectFits(projector, lang, '4-receipts', [projector.locator('.result .outcome'), reason, receipts])

    // A show of hands, announced, then corrected: both results side by side.
    const second = await propose(page, S, '大门改造完工后由议事会组织验收。', NAMES[1]!, NAMES[2]!)
    const setup2 = second.getByRole('form', { name: S.vote.setupTitle })
    await setup2.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.hands })
    await setup2.getByLabel(S.vote.rule).selectOption({ label: C.enums.threshold.simple_majority })
    await setup2.getByRole('button', { name: S.vote.open }).click()
    const hands = second.getByRole('group', { name: S.vote.handsTitle })
    await hands.getByLabel(V.counts.for).fill('1')
    await hands.getByLabel(V.counts.against).fill('2')
    await hands.getByLabel(V.counts.abstain).fill('0')
    await second.getByRole('button', { name: S.vote.close }).click()
    await second.getByRole('button', { name: S.vote.yesClose }).click()
    await expect(projector.locator('.result .outcome').first()).toHaveText(V.outcome.failed)
    await second.getByRole('button', { name: S.voteFix.correctOpen }).click()
    const fix = second.getByRole('form', { name: S.voteFix.correctTitle })
    await fix.getByLabel(fmt(S.voteFix.correctedCount, { label: V.counts.for })).fill('2')
    await fix.getByLabel(fmt(S.voteFix.correctedCount, { label: V.counts.against })).fill('1')
    await fix.getByLabel(S.voteFix.by).fill(NAMES[0]!)
    await fix.getByLabel(S.voteFix.fixReason).fill('柱子后面一位成员举手未计入，反对票多计一票')
    await fix.getByRole('button', { name: S.voteFix.correctDo }).click()
    await expect(second.getByTestId('vote-correction')).toBeVisible()
    const correction = projector.getByTestId('vote-correction')
    await expect(correction.locator('.outcome')).toHaveText(V.outcome.passed)
    await expectFits(projector, lang, '5-correction', [projector.locator('.result .outcome').first(), correction])

    expect(problems).toEqual([])
  })
}
