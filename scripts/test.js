#!/usr/bin/env node
// `npm test`: typecheck and lint, build (the app, then the browser extension), unit tests (Vitest), end-to-end tests (Playwright in
// Debian's Chromium against `clipfile serve`), then the time of each step and one closing
// line with the totals.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const began = Date.now()
mkdirSync('test-results', { recursive: true })
for (const f of ['test-results/vitest.json', 'test-results/playwright.json']) rmSync(f, { force: true })
// Each entry is a step; an array of steps runs them side by side (typecheck and lint are one
// thread each: together they take the time of the longer). The app is built before the unit
// tests, whose packaging test (scripts/dist-check.test.ts) packs it and runs every check of
// `npm run dist:check` on it.
const steps = [
  [
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']]
  ],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']],
  ['extension', 'npm', ['run', '--silent', 'build:extension']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['e2e', 'npx', ['playwright', 'test', '--reporter=list,json']]
]
const totals = { passed: 0, failed: 0, skipped: 0 }
const times = []
let failedStep = null
// The e2e suite's screenshots are for people to look at (`npm run test:e2e` writes them);
// here they are skipped unless asked for (CLIPFILE_E2E_SCREENSHOTS=1).
const env = { CLIPFILE_E2E_SCREENSHOTS: '0', ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' }

/** Runs one step with its output shown as it comes; resolves with its exit status. */
function run([name, cmd, args], { buffered = false } = {}) {
  const start = Date.now()
  return new Promise((resolve) => {
    if (!buffered) console.error(`\n== ${name} ==`)
    const child = spawn(cmd, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env })
    let output = ''
    child.stdout?.on('data', (d) => (output += d))
    child.stderr?.on('data', (d) => (output += d))
    child.on('close', (status) => {
      times.push([buffered ? `${name} (side by side)` : name, (Date.now() - start) / 1000])
      // Side-by-side steps print one after the other, each whole.
      if (buffered) process.stderr.write(`\n== ${name} ==\n${output}`)
      resolve(status ?? 1)
    })
  })
}

for (const step of steps) {
  const group = Array.isArray(step[0]) ? step : [step]
  const statuses = await Promise.all(group.map((s) => run(s, { buffered: group.length > 1 })))
  const failed = group.find((_, i) => statuses[i] !== 0)
  if (failed) {
    failedStep = failed[0]
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
// Wall-clock: side-by-side steps overlap.
const total = (Date.now() - began) / 1000
console.log(`\nsteps: ${times.map(([n, t]) => `${n} ${t.toFixed(0)} s`).join(', ')}; total ${total.toFixed(0)} s`)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
if (failedStep) console.error(`npm test: the ${failedStep} step failed`)
process.exit(failedStep ? 1 : 0)
