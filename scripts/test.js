#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests (Vitest), build (the app, then the browser extension), end-to-end tests (Playwright in
// Debian's Chromium against `clipfile serve`), then the time of each step and one closing
// line with the totals.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

mkdirSync('test-results', { recursive: true })
for (const f of ['test-results/vitest.json', 'test-results/playwright.json']) rmSync(f, { force: true })
const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']],
  ['extension', 'npm', ['run', '--silent', 'build:extension']],
  ['dist:check', 'node', ['scripts/dist-check.js']],
  ['e2e', 'npx', ['playwright', 'test', '--reporter=list,json']]
]
const totals = { passed: 0, failed: 0, skipped: 0 }
const times = []
let failedStep = null
for (const [name, cmd, args] of steps) {
  console.error(`\n== ${name} ==`)
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' }
  const start = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env })
  times.push([name, (Date.now() - start) / 1000])
  if (r.status !== 0) {
    failedStep = name
    break
  }
}
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
  totals.passed += v.numPassedTests ?? 0
  totals.failed += v.numFailedTests ?? 0
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
}
if (existsSync('test-results/playwright.json')) {
  const s = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats ?? {}
  totals.passed += s.expected ?? 0
  totals.failed += (s.unexpected ?? 0) + (s.flaky ?? 0)
  totals.skipped += s.skipped ?? 0
}
if (failedStep && totals.failed === 0) totals.failed = 1
const total = times.reduce((sum, [, t]) => sum + t, 0)
console.log(`\nsteps: ${times.map(([n, t]) => `${n} ${t.toFixed(0)} s`).join(', ')}; total ${total.toFixed(0)} s`)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
if (failedStep) console.error(`npm test: the ${failedStep} step failed`)
process.exit(failedStep ? 1 : 0)
