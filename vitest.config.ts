import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on these 2-core machines, so the
    // files ran one after another (unit step 126–139 s). Two forks: 85–92 s, three runs in a row
    // green; the tests use their own temp folders, ports (0) and databases.
    maxWorkers: 2,
    // Test files share their worker's modules instead of each importing the app anew: the
    // imports took 62 s of the unit step's 137 s (summed over the workers), 9–13 s shared; the
    // step went to 71–93 s. The tests keep no state in modules (each opens its own archive in
    // its own temp folder); checked with the files shuffled (--sequence.shuffle.files).
    isolate: false,
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
