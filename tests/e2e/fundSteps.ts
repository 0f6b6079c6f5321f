// Steps the fund e2e specs share: a payment typed into the ledger's form, a resident answering a
// satisfaction slip from a phone of their own, a page printed to PDF and read back with pdftotext.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import F from '../../src/shared/i18n/locales/zh-CN/fund.json' with { type: 'json' }
import B from '../../src/shared/i18n/locales/zh-CN/ballot.json' with { type: 'json' }
import { expect } from './fixtures'

/** A local date `days` from today, as the date inputs take it. */
export function localDay(days = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Fills the ledger's payment form (zh-CN) with a payment and its voucher; the caller saves it. */
export async function fillPayment(page: Page, p: { amount: string; payee: string; invoiceNo: string; on: string; by?: string }) {
  const form = page.getByRole('form', { name: F.ledgerScreen.form.title })
  await form.getByLabel(F.ledgerScreen.form.amount).fill(p.amount)
  await form.getByLabel(F.ledgerScreen.form.on, { exact: true }).fill(p.on)
  await form.getByLabel(F.ledgerScreen.form.by).fill(p.by ?? '王会计')
  await form.getByLabel(F.ledgerScreen.form.payee).fill(p.payee)
  await form.getByLabel(F.ledgerScreen.form.invoiceNo).fill(p.invoiceNo)
  await form.getByLabel(F.ledgerScreen.form.issuedOn).fill(p.on)
  return form
}

/** A resident's phone, its own browser profile: opens the slip's address and sends `level` for `project`. */
export async function answerSlipByPhone(browser: Browser, url: string, project: string, level: string, problems: string[]) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  page.on('pageerror', (e) => problems.push(`phone: page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`phone: console error: ${m.text()}`)
  })
  await page.goto(url)
  await expect(page.getByText(project)).toBeVisible({ timeout: 20_000 })
  await page.getByRole('button', { name: level, exact: true }).tap()
  const send = page.getByRole('button', { name: B.survey.send })
  await expect(send).toBeVisible()
  // The page ignores a tap on "send" in the first moments after the choice (a double tap's second half).
  await page.waitForTimeout(800)
  await send.tap()
  await expect(page.getByRole('heading', { name: B.survey.doneTitle })).toBeVisible()
  return { context, page }
}

/** Prints the page through Chromium's print path to `pdf` and returns its text, all whitespace removed. */
export async function printedText(page: Page, pdf: string): Promise<string> {
  await page.emulateMedia({ media: 'print' })
  mkdirSync(dirname(pdf), { recursive: true })
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  await page.emulateMedia({ media: 'screen' })
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
}
