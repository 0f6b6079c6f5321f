// Playwright: the built web app in Debian's Chromium (never a downloaded browser), and the
// Electron app where its binary is installed.
import { defineConfig } from '@playwright/test'

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const port = 4173
/** The council sync server the sync tests use (tests/e2e/sync.spec.ts), with a fresh data folder. */
export const syncPort = 4455

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/web',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two at once on two cores: the suite takes about 7 minutes instead of 12 (the CI run stays
  // under 20); every test has its own councils and browser context, and the sync server is shared.
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    locale: 'zh-CN',
    viewport: { width: 1280, height: 860 },
    trace: 'off',
    actionTimeout: 15_000,
  },
  webServer: [
    {
      command: `npx vite preview --config vite.renderer.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `rm -rf test-results/sync-data && npx tsx src/server/cli.ts --port ${syncPort} --host 127.0.0.1 --data test-results/sync-data`,
      url: `http://127.0.0.1:${syncPort}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
})
