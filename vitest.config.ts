// Vitest: unit tests (shared, pure) and integration tests (Dexie and y-indexeddb on
// fake-indexeddb, importers, main-process modules) in Node.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/main/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
})
