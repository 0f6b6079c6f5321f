// Vitest: unit tests (shared, pure), integration tests (Dexie and y-indexeddb on
// fake-indexeddb, importers, main-process modules) and export tests (print to PDF in Chromium) in Node.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/export/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
})
