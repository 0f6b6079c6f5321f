// Issue 15 in the browser: a join code from a laptop hosting on the LAN carries its certificate's
// fingerprint, which only the desktop app can pin; the join screen in the web build says so, and
// its address hint names wss://, https:// and ws://. Screenshots in zh-CN and en.
import { mkdirSync } from 'node:fs'
import { test, expect } from './fixtures'
import zhSync from '../../src/shared/i18n/locales/zh-CN/sync.json' with { type: 'json' }
import enSync from '../../src/shared/i18n/locales/en/sync.json' with { type: 'json' }

const SHOTS = '/tmp/shots/lan-tls'
// Well formed (the MAC is never checked here: nothing is submitted).
const CODE = 'YS1.c0ffee00-0000-4000-8000-000000000000.rw.0123456789abcdef.8PUlpw-LeEyoHATiGU5S3A'
const FINGERPRINT = 'v8tBetR-B0RbkEmD2PlwFPR_iHiV6Kx7NrmWzYiArQg'

test('the web join screen says a hosting laptop\'s code needs the desktop app, and not for other codes', async ({ page, problems }) => {
  mkdirSync(SHOTS, { recursive: true })
  await page.goto('/')
  await page.getByRole('link', { name: '加入议事会' }).click()
  await expect(page.getByText(zhSync.join.serverHint)).toBeVisible()

  const codeField = page.getByLabel(zhSync.join.code)
  // A code without a fingerprint (a council server): nothing to say.
  await codeField.fill(`服务器：https://council.example.org\n加入码：${CODE}`)
  await expect(page.getByLabel(zhSync.join.server)).toHaveValue('wss://council.example.org')
  await expect(page.getByText(zhSync.join.browserCannotPin)).toHaveCount(0)

  await page.getByLabel(zhSync.join.server).fill('')
  await codeField.fill(`服务器：wss://192.168.1.20:4455\n加入码：${CODE}.${FINGERPRINT}`)
  await expect(page.getByLabel(zhSync.join.server)).toHaveValue('wss://192.168.1.20:4455')
  await expect(page.getByText(zhSync.join.browserCannotPin)).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/join-zh-CN.png`, fullPage: true })

  await page.getByLabel('界面语言').selectOption('en')
  await expect(page.getByText(enSync.join.browserCannotPin)).toBeVisible()
  await expect(page.getByText(enSync.join.serverHint)).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/join-en.png`, fullPage: true })
  expect(problems).toEqual([])
})
