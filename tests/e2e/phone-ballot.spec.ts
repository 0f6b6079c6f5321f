// Ballots from phones (手机投票) against the real sync server on port 4455, which also serves the
// ballot page: the secretary connects the council, signs members in, prints drawn slips (the codes
// and addresses read from the print view), shows codes on screen, and opens a secret ballot with
// phones; a phone-sized browser opens a slip's address, votes and gets a receipt; the secretary
// sees the count go up, casts one more on the laptop, and closes (the host seals first); the
// projector shows the result and the receipt in the published list. Then a roll call with named
// slips. The phone never shows a member's name. In zh-CN and in en, with screenshots of each
// screen in /tmp/phone-shots/.
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { test, expect, addMember, createCouncil, createMeeting, addItem, confirmEarlyOpening } from './fixtures'
import { fmt, texts, type Lang } from './i18n'
import { connectAndIssue } from './syncDevices'

const SHOTS = '/tmp/phone-shots'
const NAMES = ['张建国', '李秀英', '王志强']
const RECEIPT = /\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/

type SessionTexts = (typeof texts)['zh-CN']['session']

async function shot(page: Page, lang: Lang, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png`, fullPage: true })
}

/** A resident's phone: its own browser profile, phone-sized, touch. Its errors fail the test. */
async function phone(browser: Browser, lang: Lang, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: lang, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`phone: page error: ${e.message}`))
  page.on('console', (m) => {
    // A refusal the page explains (a used code, a closed vote) is an HTTP error the browser logs.
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`phone: console error: ${m.text()}`)
  })
  return { context, page }
}

/** The phone page's whole text has no member's name in it. */
async function expectNoNames(page: Page) {
  const text = await page.locator('body').innerText()
  for (const name of NAMES) expect(text, `the phone page shows ${name}`).not.toContain(name)
}

const choiceLabel = { 'zh-CN': { for: '赞成', against: '反对' }, en: { for: 'For', against: 'Against' } } as const

/** On the phone: opens the slip's address, votes, and returns the receipt it shows. */
async function voteByPhone(page: Page, url: string, lang: Lang, motionText: string, choice: 'for' | 'against'): Promise<string> {
  await page.goto(url)
  await expect(page.getByText(motionText)).toBeVisible({ timeout: 20_000 })
  await expectNoNames(page)
  await page.getByRole('button', { name: choiceLabel[lang][choice], exact: true }).tap()
  // The page ignores a tap on "cast" in the first moments after the choice (a double tap's second half).
  const cast = page.getByRole('button', { name: lang === 'en' ? /Cast/ : '确认投出' })
  await expect(cast).toBeVisible()
  await page.waitForTimeout(800)
  await cast.tap()
  const receipt = page.getByText(RECEIPT).first()
  await expect(receipt).toBeVisible()
  await expectNoNames(page)
  const found = RECEIPT.exec(await receipt.innerText())
  expect(found).not.toBeNull()
  return found![0]
}

/** The addresses (each with its code) of the slips on the open print view, and its codes as printed. */
async function readSlips(page: Page, S: SessionTexts): Promise<{ urls: string[]; codes: string[]; sheet: Locator }> {
  const sheet = page.getByRole('dialog', { name: S.slips.sheet })
  await expect(sheet).toBeVisible()
  const slips = sheet.getByTestId('slip')
  const urls = await slips.locator('svg[data-qr-text]').evaluateAll((els) => els.map((e) => e.getAttribute('data-qr-text') ?? ''))
  const codes = await sheet.getByTestId('slip-code').allInnerTexts()
  return { urls, codes: codes.map((c) => c.replace(/\s+/g, '')), sheet }
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
  test(`residents vote from their phones: secret ballot and roll call (${lang})`, async ({ page, context, browser, problems }) => {
    test.setTimeout(180_000)
    const { session: S, votes: V, meetings: M, common: C } = texts[lang]
    const council = `滨江社区居民议事会 ${lang}`

    // A council with three members, synced through the server, and a meeting with two items.
    await createCouncil(page, council)
    for (const [i, name] of NAMES.entries()) await addMember(page, name, String(i + 1))
    // A few days ahead: the roster is the register on the meeting's day, and members join today.
    await createMeeting(page, '手机投票试行会议', `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T19:00`)
    await addItem(page, '小区大门改造')
    await addItem(page, '增设快递柜')
    await connectAndIssue(page, council)
    if (lang === 'en') await page.getByLabel('界面语言').selectOption('en')
    await page.getByRole('link', { name: M.session.enter }).click()

    // Sign-in: all three present.
    await page.getByRole('button', { name: S.signIn.start }).click()
    for (const name of NAMES) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()

    // Drawn slips: the count defaults to the members present; no name on any slip.
    const slipsCard = page.getByRole('region', { name: S.slips.title })
    await expect(slipsCard.getByLabel(S.slips.count)).toHaveValue('3')
    await expect(slipsCard.getByTestId('codes-out')).toHaveText(fmt(S.slips.drawnOut_other, { count: 0 }) + S.listSep + fmt(S.slips.namedOut_other, { count: 0 }))
    await slipsCard.scrollIntoViewIfNeeded()
    await shot(page, lang, 'signin-codes')
    await slipsCard.getByRole('button', { name: S.slips.printDrawn }).click()
    const drawn = await readSlips(page, S)
    expect(drawn.urls).toHaveLength(3)
    expect(new Set(drawn.codes).size).toBe(3)
    for (const [i, url] of drawn.urls.entries()) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4455\/ballot\/\?m=[0-9a-f-]{36}#c=[0-9A-Z]{16}$/)
      expect(url.endsWith(drawn.codes[i]!.replace(/-/g, ''))).toBe(true)
    }
    const sheetText = await drawn.sheet.innerText()
    for (const name of NAMES) expect(sheetText).not.toContain(name)
    await shot(page, lang, 'slips')
    // As it prints: the slips alone.
    await page.emulateMedia({ media: 'print' })
    await shot(page, lang, 'slips-print')
    await page.emulateMedia({ media: 'screen' })
    await drawn.sheet.getByRole('button', { name: S.slips.close }).click()
    await expect(drawn.sheet).toBeHidden()
    await expect(slipsCard.getByTestId('codes-out')).toContainText(fmt(S.slips.drawnOut_other, { count: 3 }))

    // Codes on screen, one at a time: a second batch of two.
    await slipsCard.getByLabel(S.slips.count).fill('2')
    await slipsCard.getByRole('button', { name: S.slips.onScreen }).click()
    const screen = page.getByRole('dialog', { name: S.slips.screenTitle })
    await expect(screen.getByText(fmt(S.slips.screenCounter, { n: 1, total: 2 }))).toBeVisible()
    const first = await screen.getByTestId('screen-code').innerText()
    await shot(page, lang, 'on-screen-code')
    await screen.getByRole('button', { name: S.slips.next }).click()
    await expect(screen.getByText(fmt(S.slips.screenCounter, { n: 2, total: 2 }))).toBeVisible()
    expect(await screen.getByTestId('screen-code').innerText()).not.toEqual(first)
    await screen.getByRole('button', { name: S.slips.next }).click()
    await expect(screen.getByText(S.slips.screenEnd)).toBeVisible()
    await screen.getByRole('button', { name: S.slips.done }).click()
    await expect(slipsCard.getByTestId('codes-out')).toContainText(fmt(S.slips.drawnOut_other, { count: 5 }))

    // Open the meeting; the floor, with the projector in its own tab.
    await confirmEarlyOpening(page)
    await page.getByRole('button', { name: S.open.open, exact: true }).click()
    await page.getByRole('link', { name: S.tabs.floor }).click()
    const [projector] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: S.projector.open }).click()])
    projector.on('pageerror', (e) => problems.push(`projector: ${e.message}`))
    await page.bringToFront()
    await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '小区大门改造' }) }).click()

    // A secret ballot with phones.
    const gateText = '小区大门改为人脸识别门禁。'
    const gate = await propose(page, S, gateText, NAMES[0]!, NAMES[1]!)
    const setup = gate.getByRole('form', { name: S.vote.setupTitle })
    await setup.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.secret })
    await setup.getByLabel(S.vote.rule).selectOption({ label: C.enums.threshold.simple_majority })
    await setup.getByLabel(S.phones.option).check()
    await setup.getByRole('button', { name: S.vote.open }).click()
    const phones = gate.getByRole('region', { name: S.phones.title })
    await expect(phones.getByTestId('phone-count')).toHaveText(fmt(S.phones.received_other, { count: 0 }))
    await expect(phones.getByTestId('ballot-url')).toHaveText(/^http:\/\/127\.0\.0\.1:4455\/ballot\/\?m=[0-9a-f-]{36}$/)
    await expect(phones.getByRole('img', { name: S.phones.qr })).toBeVisible()
    await shot(page, lang, 'vote-panel')

    // Two residents vote from their phones, one on the laptop.
    const p1 = await phone(browser, lang, problems)
    const r1 = await voteByPhone(p1.page, drawn.urls[0]!, lang, gateText, 'for')
    await shot(p1.page, lang, 'phone-receipt')
    await expect(phones.getByTestId('phone-count')).toHaveText(fmt(S.phones.received_other, { count: 1 }))
    const p2 = await phone(browser, lang, problems)
    const r2 = await voteByPhone(p2.page, drawn.urls[1]!, lang, gateText, 'for')
    await expect(phones.getByTestId('ballots-in')).toHaveText(fmt(S.phones.ballotsIn, { total: 2, eligible: 3, laptop: 0, phone: 2 }))
    await page.getByRole('button', { name: fmt(S.ballot.checkIn, { name: NAMES[2]! }) }).click()
    const booth = page.getByRole('dialog', { name: S.ballot.boothTitle })
    await booth.getByRole('radio', { name: V.counts.against }).click()
    await booth.getByRole('button', { name: fmt(S.ballot.castAs, { choice: V.counts.against }) }).click()
    await booth.getByRole('button', { name: S.ballot.next }).click()
    await expect(phones.getByTestId('ballots-in')).toHaveText(fmt(S.phones.ballotsIn, { total: 3, eligible: 3, laptop: 1, phone: 2 }))
    await shot(page, lang, 'vote-panel-full')
    // The projector shows the room where to vote and how many ballots are in, never who.
    await expect(projector.getByTestId('projector-phone-count')).toHaveText(fmt(S.projector.ballotsIn, { total: 3, eligible: 3 }))
    await expect(projector.getByRole('img', { name: S.phones.qr })).toBeVisible()
    await shot(projector, lang, 'projector-phones')

    // Closing: the host seals the phone ballots in, then the result is announced as always.
    await gate.getByRole('button', { name: S.vote.close }).click()
    await gate.getByRole('button', { name: S.vote.yesClose }).click()
    const passed = fmt(V.reason.passedSimpleMajority, { for: 2, against: 1, abstain: 0 })
    await expect(gate.getByText(passed)).toBeVisible({ timeout: 20_000 })
    await expect(projector.locator('.result .reason')).toContainText(passed)
    const receipts = projector.getByRole('list', { name: S.projector.receipts, exact: true })
    await expect(receipts.getByRole('listitem')).toHaveText([r1, r2].sort())
    for (const name of NAMES) await expect(projector.locator('.receipts')).not.toContainText(name)
    await shot(projector, lang, 'projector-receipts')
    // The phone learns the vote is over, and still shows no name.
    await expect(p1.page.getByText(r1)).toBeVisible()
    await expectNoNames(p1.page)

    // Named slips for a roll call: one per member present, with the name.
    await page.getByRole('link', { name: S.tabs.signin }).click()
    await slipsCard.getByRole('button', { name: S.slips.printNamed }).click()
    const named = await readSlips(page, S)
    expect(named.urls).toHaveLength(3)
    const namedTexts = await named.sheet.getByTestId('slip').allInnerTexts()
    for (const [i, name] of NAMES.entries()) expect(namedTexts[i]).toContain(name)
    await shot(page, lang, 'named-slips')
    await named.sheet.getByRole('button', { name: S.slips.close }).click()
    await expect(slipsCard.getByTestId('codes-out')).toContainText(fmt(S.slips.namedOut_other, { count: 3 }))
    // Everyone present has one now; a lost slip is replaced for that member alone.
    await expect(slipsCard.getByText(S.slips.namedAll)).toBeVisible()
    await expect(slipsCard.getByRole('button', { name: S.slips.printNamed })).toBeDisabled()
    await slipsCard.getByLabel(S.slips.reissueLabel).selectOption({ label: NAMES[2]! })
    await slipsCard.getByRole('button', { name: S.slips.reissue }).click()
    const replaced = await readSlips(page, S)
    expect(replaced.urls).toHaveLength(1)
    expect(await replaced.sheet.getByTestId('slip').innerText()).toContain(NAMES[2]!)
    expect(replaced.urls[0]).not.toEqual(named.urls[2])
    await replaced.sheet.getByRole('button', { name: S.slips.close }).click()
    await shot(page, lang, 'signin-codes-named')
    await expect(slipsCard.getByTestId('codes-out')).toContainText(fmt(S.slips.namedOut_other, { count: 3 }))

    await page.getByRole('link', { name: S.tabs.floor }).click()
    await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '增设快递柜' }) }).click()
    const lockerText = '在3号楼旁增设快递柜。'
    const locker = await propose(page, S, lockerText, NAMES[1]!, NAMES[2]!)
    const setup2 = locker.getByRole('form', { name: S.vote.setupTitle })
    await setup2.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.roll_call })
    await setup2.getByLabel(S.vote.rule).selectOption({ label: C.enums.threshold.simple_majority })
    await setup2.getByLabel(S.phones.option).check()
    await setup2.getByRole('button', { name: S.vote.open }).click()
    // 王志强 answers from his phone; the roll call shows it, as roll calls are public.
    const p3 = await phone(browser, lang, problems)
    const r3 = await voteByPhone(p3.page, replaced.urls[0]!, lang, lockerText, 'against')
    await expect(locker.getByRole('row', { name: NAMES[2]! })).toContainText(V.counts.against)
    await expect(locker.getByRole('region', { name: S.phones.title }).getByTestId('phone-count')).toHaveText(fmt(S.phones.received_other, { count: 1 }))
    for (const name of NAMES.slice(0, 2)) await page.getByRole('button', { name: fmt(S.vote.rollCallChoice, { name, choice: V.counts.for }) }).click()
    await locker.getByRole('button', { name: S.vote.close }).click()
    await locker.getByRole('button', { name: S.vote.yesClose }).click()
    const passed2 = fmt(V.reason.passedSimpleMajority, { for: 2, against: 1, abstain: 0 })
    await expect(locker.getByText(passed2)).toBeVisible({ timeout: 20_000 })
    await expect(projector.getByRole('list', { name: S.projector.receipts }).getByRole('listitem')).toHaveText([r3])
    await expectNoNames(p3.page)

    for (const p of [p1, p2, p3]) await p.context.close()
    expect(problems).toEqual([])
  })
}

test('a council that does not sync through a server: phones are disabled, with the reason', async ({ page }) => {
  const { session: S, meetings: M } = texts['zh-CN']
  await createCouncil(page, '本机议事会')
  for (const [i, name] of NAMES.entries()) await addMember(page, name, String(i + 1))
  await createMeeting(page, '本机会议', `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T19:00`)
  await addItem(page, '楼道照明')
  await page.getByRole('button', { name: '发出通知' }).click()
  await page.getByRole('button', { name: '确认发出通知' }).click()
  await page.getByRole('link', { name: '← 返回会议', exact: true }).click()
  await page.getByRole('link', { name: M.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of NAMES) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  const slipsCard = page.getByRole('region', { name: S.slips.title })
  await expect(slipsCard).toContainText(S.phones.needsServer)
  await expect(slipsCard.getByRole('button', { name: S.slips.printDrawn })).toBeDisabled()
  await expect(slipsCard.getByRole('button', { name: S.slips.printNamed })).toBeDisabled()
  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await page.getByRole('link', { name: S.tabs.floor }).click()
  await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '楼道照明' }) }).click()
  const motion = await propose(page, S, '更换楼道感应灯。', NAMES[0]!, NAMES[1]!)
  const setup = motion.getByRole('form', { name: S.vote.setupTitle })
  await expect(setup.getByLabel(S.phones.option)).toHaveCount(0) // a show of hands: not offered
  await setup.getByLabel(S.vote.method).selectOption({ label: S.vote.methods.secret })
  await expect(setup.getByLabel(S.phones.option)).toBeDisabled()
  await expect(setup.getByRole('checkbox', { name: S.phones.option })).toHaveAccessibleDescription(S.phones.needsServer)
})
