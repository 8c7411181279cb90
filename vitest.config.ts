import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One throwaway PostgreSQL cluster for the run: the team server's tests make their databases in it.
    globalSetup: ['test/support/pg-global-setup.ts'],
    testTimeout: 30_000
  }
})
