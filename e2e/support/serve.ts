import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { CLI_BUNDLE } from '../../scripts/build-cli.js'

const ROOT = join(import.meta.dirname, '../..')

export interface Served {
  url: string
  dbPath: string
  dir: string
  /** Runs the CLI against the same archive (e.g. to seed it). */
  cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>
}

function runCli(dbPath: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, '--db', dbPath, ...args])
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

async function startServe(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI_BUNDLE, '--db', dbPath, 'serve', '--port', '0', '--capture-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr!.on('data', (c) => { err += c; if (process.env.SERVE_LOG) process.stderr.write(c) })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (c) => resolve(String(c).trim()))
    child.once('exit', (code) => reject(new Error(`clipfile serve exited ${code}: ${err}`)))
  })
  return { url, child }
}

/**
 * Each test gets its own archive and its own `clipfile serve`, and fails on any console error.
 * SERVE_LOG=1 shows what the server writes to stderr and every request the page saw fail.
 */
export const test = base.extend<{ served: Served; consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none
  served: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'clipfile-e2e-'))
    const dbPath = join(dir, 'archive.db')
    const { url, child } = await startServe(dbPath)
    await use({ url, dbPath, dir, cli: (args) => runCli(dbPath, args) })
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(String(e)))
    if (process.env.SERVE_LOG) page.on('requestfailed', (r) => console.log('REQUEST FAILED', r.method(), r.url(), r.failure()?.errorText))
    await use(errors)
    expect(errors, 'console errors').toEqual([])
  }
})
export { expect }

/**
 * Whether the suite writes its screenshots (test-results/screenshots): yes, unless
 * CLIPFILE_E2E_SCREENSHOTS=0, which `npm test` sets — the layouts are still exercised at each
 * width, only the pictures nobody looks at in CI are not taken (about 13 s of the step).
 */
export const SCREENSHOTS = process.env.CLIPFILE_E2E_SCREENSHOTS !== '0'

/** Screenshots for people to look at (test-results/screenshots, not compared). */
export async function snap(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return
  await page.screenshot({ path: join(ROOT, 'test-results/screenshots', `${name}.png`) })
}
