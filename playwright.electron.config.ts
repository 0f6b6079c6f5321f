// Playwright for the Electron app itself: launches the Forge build (.vite/build/main.js) with
// the installed Electron binary; the tests skip, saying why, where that binary is absent.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e-electron',
  // Its own folder: Playwright empties outputDir at start, which would delete the web run's report.
  outputDir: 'test-results/electron',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-electron.json' }]],
  use: { trace: 'off' },
})
