/**
 * The browser extension under test: Debian's Chromium with the unpacked build of
 * out/extension/chromium loaded, and a `clipfile serve` whose capture listener is on a free
 * port (set in the extension's options, as a user would). One of each per test file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test'
import { CHROMIUM_EXTENSION_ID } from '../../src/shared/capture'
import { CLI_BUNDLE } from '../../scripts/build-cli.js'
import { CHROMIUM, CHROMIUM_ARGS } from './chromium'

const ROOT = join(import.meta.dirname, '../..')
export const EXTENSION_DIR = join(ROOT, 'out/extension/chromium')

export interface ServeWithCapture {
  url: string
  capturePort: number
  dbPath: string
  dir: string
  child: ChildProcess
  cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>
  stop(): Promise<void>
}

/** `clipfile serve --port 0 --capture-port 0`: its URL from stdout, the capture port from stderr. */
export async function serveWithCapture(): Promise<ServeWithCapture> {
  const dir = mkdtempSync(join(tmpdir(), 'clipfile-ext-'))
  const dbPath = join(dir, 'archive.db')
  const child = spawn(process.execPath, [CLI_BUNDLE, '--db', dbPath, 'serve', '--port', '0', '--capture-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  const ready = new Promise<{ url: string; capturePort: number }>((resolve, reject) => {
    const check = () => {
      const url = /^(http\S+)$/m.exec(out)?.[1]
      const port = /listening on 127\.0\.0\.1:(\d+)/.exec(err)?.[1]
      if (url && port) resolve({ url, capturePort: Number(port) })
    }
    child.stdout!.on('data', (c) => ((out += c), check()))
    child.stderr!.on('data', (c) => ((err += c), check()))
    child.once('exit', (code) => reject(new Error(`clipfile serve exited ${code}: ${err}`)))
  })
  const { url, capturePort } = await ready
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [CLI_BUNDLE, '--db', dbPath, ...args])
      let stdout = ''
      let stderr = ''
      c.stdout.on('data', (d) => (stdout += d))
      c.stderr.on('data', (d) => (stderr += d))
      c.on('close', (code) => resolve({ code, stdout, stderr }))
    })
  return {
    url,
    capturePort,
    dbPath,
    dir,
    child,
    cli,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export interface ExtensionBrowser {
  context: BrowserContext
  worker: Worker
  id: string
  close(): Promise<void>
}

/** Chromium with the unpacked extension; resolves once its background worker runs. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`The extension is not built (${EXTENSION_DIR}): run 'npm run build'.`)
  const profile = mkdtempSync(join(tmpdir(), 'clipfile-profile-'))
  mkdirSync(profile, { recursive: true })
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 820 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`
    ]
  })
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  const id = new URL(worker.url()).host
  return {
    context,
    worker,
    id,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

export { CHROMIUM_EXTENSION_ID }

/** The extension's tab id of a page opened by Playwright, found by its URL (which must be that tab's alone). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url()
  const ids = await worker.evaluate(async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id!), url)
  if (ids.length !== 1) throw new Error(`${ids.length} tabs show ${url}: give the page a URL of its own (a #fragment will do)`)
  return ids[0]
}
