// A new device joins a council with years of meetings (issue 20), in the browser: the join lands
// on the meeting list with tonight's meeting there, while the rest of the history arrives in the
// background with a polite progress line ("正在取回历史会议：37 / 120") that goes away once every
// row is in. The council is on a sync server this spec starts on port 0, its documents stored
// straight into its data folder (tests/integration/history-fixtures.ts). Screenshots in zh-CN and
// en while the history arrives.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { createSyncServer, type SyncServer } from '../../src/server/server'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { historyCouncil, storeInDataDir, type HistoryCouncil } from '../integration/history-fixtures'
import zhMeetings from '../../src/shared/i18n/locales/zh-CN/meetings.json' with { type: 'json' }
import enMeetings from '../../src/shared/i18n/locales/en/meetings.json' with { type: 'json' }
import zhSync from '../../src/shared/i18n/locales/zh-CN/sync.json' with { type: 'json' }
import enSync from '../../src/shared/i18n/locales/en/sync.json' with { type: 'json' }

const SHOTS = '/tmp/shots/join'
const MEETINGS = 120
let dir = ''
let server: SyncServer
let council: HistoryCouncil
let code = ''

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yishi-e2e-join-'))
  council = historyCouncil(MEETINGS)
  await storeInDataDir(dir, council.docs)
  server = await createSyncServer({ port: 0, dataDir: dir, logger: () => {} })
  const secret = newCouncilSecret()
  await server.registry.register({ councilId: council.councilId, secret })
  code = await createJoinCode(secret, { councilId: council.councilId, access: 'rw', codeId: newCodeId() })
})

test.afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(`${dir}.key`, { force: true })
})

/** The progress line's text in a language, with its numbers as patterns. */
const fetching = (text: string) => new RegExp(`^${text.replace('{{done}}', '\\d+').replace('{{total}}', String(MEETINGS)).replace(/[()]/g, '\\$&')}$`)

/** Joins from the first screen (the invitation pasted whole), in the language already chosen. */
async function joinFromHome(page: Page, sync: typeof zhSync) {
  await page.getByLabel(sync.join.code).fill(`${server.url}\n${code}`)
  await page.getByRole('button', { name: sync.join.submit, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: council.name })).toBeVisible({ timeout: 20_000 })
}

test('joining a council with 120 meetings opens its list at once; the history follows with its progress shown', async ({ page, browser, problems }) => {
  mkdirSync(SHOTS, { recursive: true })
  // The history comes as the server's compressed download (src/server/history.ts), not document by document.
  const downloads: number[] = []
  page.on('response', (r) => void (new URL(r.url()).pathname.startsWith('/history/') && downloads.push(r.status())))
  await page.goto('/')
  await page.getByRole('link', { name: zhSync.join.button }).click()
  await joinFromHome(page, zhSync)
  const status = page.getByTestId('history-status')
  await expect(status).toHaveAttribute('role', 'status')
  await expect(status).toHaveText(fetching(zhMeetings.history.fetching))
  // Tonight's meeting (the newest) is on the list while the history is still arriving.
  await expect(page.getByRole('link', { name: '2032年12月议事会' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/history-arriving-zh-CN.png`, fullPage: false })
  await expect(status).toHaveText('', { timeout: 30_000 })
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(MEETINGS)
  await expect(status).toHaveAttribute('aria-live', 'polite')
  expect(downloads.length).toBeGreaterThan(1)
  expect(downloads.every((s) => s === 200)).toBe(true)

  // Another new device, in English.
  const context = await browser.newContext({ locale: 'en', viewport: { width: 1280, height: 860 } })
  const en = await context.newPage()
  en.on('pageerror', (e) => problems.push(`en: page error: ${e.message}`))
  en.on('console', (m) => {
    if (m.type() === 'error') problems.push(`en: console error: ${m.text()}`)
  })
  await en.goto('/')
  await en.getByLabel('界面语言').selectOption('en')
  await en.getByRole('link', { name: enSync.join.button }).click()
  await joinFromHome(en, enSync)
  const enStatus = en.getByTestId('history-status')
  await expect(enStatus).toHaveText(fetching(enMeetings.history.fetching))
  await en.screenshot({ path: `${SHOTS}/history-arriving-en.png`, fullPage: false })
  await expect(enStatus).toHaveText('', { timeout: 30_000 })
  await expect(en.getByRole('table').locator('tbody tr')).toHaveCount(MEETINGS)
  await context.close()
})
