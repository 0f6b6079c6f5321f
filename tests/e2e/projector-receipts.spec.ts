// The projector's result with many phone-ballot receipts (issue 24, item 2): a residents' meeting
// of 60 present, a secret ballot with 28 phone ballots and one with 60, cast through the real
// ballot endpoints of the server on port 4455. At 1024×768, 1280×720 and 1920×1080, in zh-CN and
// en: nothing scrolls or spills off the screen, no text under 24 px and no receipt under 28 px,
// and every receipt is shown — on one page when they fit, else on pages that turn by themselves
// with 「第 1/3 页」 in view, whose pages together hold every receipt once, in sorted order.
// Screenshots in /tmp/shots/projector28/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, createCouncil, createMeeting, addItem, importRegister, confirmEarlyOpening } from './fixtures'
import { fmt, texts, type Lang } from './i18n'
import { connectAndIssue, SERVER } from './syncDevices'
import { expectFitsScreen, measureProjector, settleAt } from './projectorFit'

const SHOTS = '/tmp/shots/projector28'
const PRESENT = 60
const NAMES = Array.from({ length: PRESENT }, (_, i) => `居民${String(i + 1).padStart(2, '0')}`)
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const
const API = `${SERVER.replace(/^ws/, 'http')}/ballot/api`
const RECEIPT_SECONDS = 10 // ProjectorReceipts.tsx RECEIPT_PAGE_SECONDS

async function post<T>(action: string, body: object): Promise<T> {
  const res = await fetch(`${API}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const json = (await res.json()) as T
  expect(res.status, `${action}: ${JSON.stringify(json)}`).toBe(200)
  return json
}

/** Casts one ballot per slip address through the real endpoints (as the ballot page does); returns the receipts. */
async function castAll(urls: string[]): Promise<string[]> {
  const slip = (url: string) => ({ meeting: new URL(url).searchParams.get('m')!, code: new URL(url).hash.replace('#c=', '') })
  const open = await post<{ vote: { voteId: string } | null }>('open', slip(urls[0]!))
  const voteId = open.vote!.voteId
  const receipts: string[] = []
  for (const [i, url] of urls.entries()) {
    const r = await post<{ receipt: string }>('cast', { ...slip(url), voteId, choice: i % 3 === 2 ? 'against' : 'for' })
    receipts.push(r.receipt)
  }
  return receipts
}

/** At each size: nothing scrolls or spills, no small text; the receipts on show are the sorted list's page. */
async function expectReceiptsFit(projector: Page, lang: Lang, state: string, receipts: string[]) {
  mkdirSync(SHOTS, { recursive: true })
  const sorted = [...receipts].sort()
  const list = projector.getByRole('list', { name: texts[lang].session.projector.receipts, exact: true })
  const pager = projector.getByTestId('receipts-page')
  for (const size of SIZES) {
    await settleAt(projector, size)
    const where = `${state} at ${size.width}×${size.height} (${lang})`
    const screen = await measureProjector(projector)
    const fit = await projector.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.receipt-list li')]
      const out = items.filter((e) => {
        const r = e.getBoundingClientRect()
        return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5
      })
      return {
        receiptPx: Math.min(...items.map((e) => parseFloat(getComputedStyle(e).fontSize))),
        shown: items.map((e) => e.textContent!),
        out: out.map((e) => e.textContent!),
      }
    })
    await projector.screenshot({ path: `${SHOTS}/${lang}-${state}-${size.width}x${size.height}.png` })
    expectFitsScreen(screen, size, where)
    expect(fit.receiptPx, `receipts under 28 px: ${where}`).toBeGreaterThanOrEqual(28)
    expect(fit.out, `receipts off the screen: ${where}`).toEqual([])
    await expect(projector.locator('.result .outcome').first()).toBeInViewport({ ratio: 1 })
    await expect(list).toBeVisible()
    if (fit.shown.length === receipts.length) {
      // All on one page: no page line, every receipt in sorted order.
      expect(fit.shown, where).toEqual(sorted)
      await expect(pager).toHaveCount(0)
    } else {
      // Pages: the line says which, and the page shown is a slice of the sorted list.
      await expect(pager).toBeInViewport({ ratio: 1 })
      const page = Number(await pager.getAttribute('data-page'))
      const pages = Number(await pager.getAttribute('data-pages'))
      const perPage = Number(await pager.getAttribute('data-per-page'))
      await expect(pager).toHaveText(fmt(texts[lang].session.projector.receiptsPage, { page, pages, seconds: RECEIPT_SECONDS }))
      expect(pages, where).toBe(Math.ceil(receipts.length / perPage))
      expect(fit.shown, where).toEqual(sorted.slice((page - 1) * perPage, page * perPage))
    }
  }
}

/** Watches the pages turn by themselves at the current size until every receipt has been shown. */
async function expectPagesCoverAll(projector: Page, receipts: string[]) {
  // The page number, the page count and the codes shown are read in one go, so a page turning (or
  // the list re-measuring itself for the new size) between two reads cannot mix two pages.
  const read = () =>
    projector.evaluate(() => {
      const pager = document.querySelector('[data-testid="receipts-page"]')
      return {
        page: Number(pager?.getAttribute('data-page')),
        pages: Number(pager?.getAttribute('data-pages')),
        items: [...document.querySelectorAll('.receipt-list li')].map((li) => (li as HTMLElement).innerText),
      }
    })
  let pages = (await read()).pages
  let seen = new Map<number, string[]>()
  let started = Date.now()
  do {
    const now = await read()
    if (now.pages !== pages) {
      // Re-measured for the new size: watch again from here.
      pages = now.pages
      seen = new Map()
      started = Date.now()
    }
    if (!seen.has(now.page)) seen.set(now.page, now.items)
    expect(Date.now() - started, 'the pages turn by themselves').toBeLessThan((pages + 1) * RECEIPT_SECONDS * 1000)
    if (seen.size < pages) await projector.waitForTimeout(500)
  } while (seen.size < pages)
  expect(pages).toBeGreaterThan(1)
  const all = [...seen.entries()].sort(([a], [b]) => a - b).flatMap(([, items]) => items)
  expect(all).toEqual([...receipts].sort())
}

test(`the projector shows 28 and 60 phone-ballot receipts readably at every size (zh-CN and en)`, async ({ page, context, problems }) => {
  test.setTimeout(240_000)
  const zh = texts['zh-CN']
  const council = '滨江社区居民议事会 回执'
  const csv = join(tmpdir(), `yishi-members-${PRESENT}-${process.pid}.csv`)
  writeFileSync(csv, '姓名,角色,楼栋,单元,房号\n' + NAMES.map((n, i) => `${n},成员,${(i % 6) + 1}栋,1单元,${101 + i}`).join('\n') + '\n')

  // A residents' meeting of 60, synced through the server, all present, 60 drawn slips.
  await createCouncil(page, council)
  await importRegister(page, csv, PRESENT)
  await createMeeting(page, '小区停车管理居民会议', `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T19:00`)
  await addItem(page, '地面停车位收费与分配办法')
  await connectAndIssue(page, council)
  let S = zh.session
  await page.getByRole('link', { name: zh.meetings.session.enter }).click()
  await page.getByRole('button', { name: S.signIn.start }).click()
  for (const name of NAMES) await page.getByRole('button', { name: fmt(S.signIn.markPresent, { name }) }).click()
  const slipsCard = page.getByRole('region', { name: S.slips.title })
  await expect(slipsCard.getByLabel(S.slips.count)).toHaveValue(String(PRESENT))
  await slipsCard.getByRole('button', { name: S.slips.printDrawn }).click()
  const sheet = page.getByRole('dialog', { name: S.slips.sheet })
  const urls = await sheet.getByTestId('slip').locator('svg[data-qr-text]').evaluateAll((els) => els.map((e) => e.getAttribute('data-qr-text')!))
  expect(urls).toHaveLength(PRESENT)
  await sheet.getByRole('button', { name: S.slips.close }).click()

  await confirmEarlyOpening(page)
  await page.getByRole('button', { name: S.open.open, exact: true }).click()
  await page.getByRole('link', { name: S.tabs.floor }).click()
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: S.projector.open }).click()])
  projector.on('pageerror', (e) => problems.push(`projector: ${e.message}`))
  await page.bringToFront()
  await page.getByRole('button', { name: fmt(S.agenda.makeCurrent, { title: '地面停车位收费与分配办法' }) }).click()

  /** Proposes, seconds and opens a secret ballot with phones; casts one ballot per slip given; closes. */
  async function phoneVote(lang: Lang, text: string, slips: string[]): Promise<string[]> {
    const { session: L, votes: V, common: C } = texts[lang]
    const form = page.getByRole('form', { name: L.motion.proposeTitle })
    await form.getByLabel(L.motion.proposer).selectOption({ label: NAMES[0]! })
    await form.getByLabel(L.motion.text).fill(text)
    await form.getByRole('button', { name: L.motion.propose }).click()
    const motion = page.getByRole('article', { name: fmt(L.motion.label, { text }) })
    await motion.getByLabel(L.motion.seconder).selectOption({ label: NAMES[1]! })
    await motion.getByRole('button', { name: L.motion.second }).click()
    await motion.getByRole('button', { name: L.motion.debate }).click()
    const setup = motion.getByRole('form', { name: L.vote.setupTitle })
    await setup.getByLabel(L.vote.method).selectOption({ label: L.vote.methods.secret })
    await setup.getByLabel(L.vote.rule).selectOption({ label: C.enums.threshold.simple_majority })
    await setup.getByLabel(L.phones.option).check()
    await setup.getByRole('button', { name: L.vote.open }).click()
    const count = projector.getByTestId('projector-phone-count')
    await expect(count).toHaveText(fmt(L.projector.ballotsIn, { total: 0, eligible: PRESENT }))
    const receipts = await castAll(slips)
    await expect(count).toHaveText(fmt(L.projector.ballotsIn, { total: slips.length, eligible: PRESENT }), { timeout: 20_000 })
    await motion.getByRole('button', { name: L.vote.close }).click()
    await motion.getByRole('button', { name: L.vote.yesClose }).click()
    const list = projector.getByRole('list', { name: L.projector.receipts, exact: true })
    await expect(projector.locator('.receipts-count')).toHaveText(fmt(L.phones.receiptsCount_other, { count: slips.length }), { timeout: 20_000 })
    await expect(projector.locator('.result .outcome').first()).toHaveText(new RegExp(`^(${V.outcome.passed}|${V.outcome.failed})$`))
    await expect(list.getByRole('listitem').first()).toBeVisible()
    return receipts
  }

  /** Switches the secretary's window to `lang`; the projector follows when reloaded (the choice is kept on the device). */
  async function speak(lang: Lang) {
    await page.getByLabel(lang === 'en' ? '界面语言' : 'Language').selectOption(lang)
    await projector.reload()
    S = texts[lang].session
    await expect(projector.getByRole('list', { name: S.projector.receipts, exact: true })).toBeVisible()
  }

  // 28 phone ballots: zh-CN, then en.
  const r28 = await phoneVote('zh-CN', '地面停车位按月收费，每月一百五十元。', urls.slice(0, 28))
  await expectReceiptsFit(projector, 'zh-CN', '28-receipts', r28)
  await speak('en')
  await expectReceiptsFit(projector, 'en', '28-receipts', r28)

  // 60 phone ballots (every slip again: a code votes once per vote): en, then zh-CN, and the pages turn.
  const r60 = await phoneVote('en', '地面停车位优先分配给没有车库的住户。', urls)
  await expectReceiptsFit(projector, 'en', '60-receipts', r60)
  await speak('zh-CN')
  await expectReceiptsFit(projector, 'zh-CN', '60-receipts', r60)
  // 60 do not fit one page at 1024×768: the pages turn by themselves and together show every receipt.
  await projector.setViewportSize(SIZES[0])
  await expectPagesCoverAll(projector, r60)
  expect(problems).toEqual([])
})
