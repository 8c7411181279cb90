import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One throwaway PostgreSQL cluster for the run: the team server's tests make their databases in it.
    // And the command line bundled once, for the tests that start it as a process of its own.
    globalSetup: ['test/support/pg-global-setup.ts', 'test/support/cli-global-setup.ts'],
    testTimeout: 30_000,
    // Pages are read in the test's own thread: a worker thread starts by compiling the page
    // pipeline from TypeScript (~0.7 s of CPU), once per archive, and the suite opens hundreds.
    // The workers themselves are tested in import/pool.test.ts and by every e2e import.
    env: { CLIPFILE_IMPORT_WORKERS: '0' }
  }
})
