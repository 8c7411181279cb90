/**
 * What the installed app adds to the window: the About item, pages opened from the system
 * (file association), and the bundled CLI under Electron's Node mode. Like app.spec.ts, these
 * run where Electron's binary is installed and report themselves skipped elsewhere.
 */
import { test, expect, _electron as electron } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const ROOT = join(import.meta.dirname, '../..')

function electronBinary(): string | null {
  try {
    const p = require('electron') as unknown as string
    return typeof p === 'string' && existsSync(p) ? p : null
  } catch {
    return null
  }
}
const binary = electronBinary()
const nativeReady = existsSync(join(ROOT, '.electron-native/better_sqlite3.node'))

test.skip(!binary, "Electron's binary is not installed on this machine (it cannot be downloaded here)")
test.skip(Boolean(binary) && !nativeReady, 'better-sqlite3 is not built for Electron yet: run `node scripts/electron-native.js` (npm start does it)')

test('a page passed on the command line is saved, and the menu offers About Clipfile', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clipfile-electron-'))
  const page = join(dir, 'opened.html')
  writeFileSync(page, `<html><head><title>Opened</title></head><body><article><h1>Opened from the file manager</h1>${'<p>Text of the opened article, long enough to be its story.</p>'.repeat(6)}</article></body></html>`)
  const app = await electron.launch({ args: [join(ROOT, 'out/main/index.js'), '--db', join(dir, 'a.db'), page], executablePath: binary! })
  try {
    const window = await app.firstWindow()
    await expect(window.getByText('Opened from the file manager')).toBeVisible()
    const labels = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).flatMap((item) => item.submenu?.items.map((sub) => sub.label) ?? [])
    )
    expect(labels).toContain('About Clipfile')
  } finally {
    await app.close()
  }
})

test("the bundled CLI runs in Electron's Node mode", () => {
  const version = execFileSync(binary!, [join(ROOT, 'out/cli/clipfile.cjs'), '--version'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', CLIPFILE_CLI_MAIN: '1' },
    encoding: 'utf8'
  })
  expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/)
})
