import { defineConfig } from '@playwright/test'
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/support/chromium'

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './test/support/cli-global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two browsers at a time: the machines that run the suite have two cores.
  workers: 2,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 820 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS
    },
    trace: { mode: 'retain-on-failure', screenshots: false }
  },
  projects: [
    { name: 'browser', testIgnore: /electron\// },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ }
  ]
})
