/**
 * The desktop app: a thin Electron host over the same services the CLI and serve mode use.
 * Security: context isolation, sandbox, no Node in the page, a strict CSP, navigation and
 * new windows refused (http(s) links go to the system browser), permissions denied.
 */
import { app, BrowserWindow, dialog, nativeTheme, net, protocol, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startImageRetry } from './import/image-retry-service'
import { openApp, type App } from './app'
import { bindIpc, forwardEvents } from './ipc'
import { resolveDbPath } from './paths'
import { pendingUpgrade } from './db/connection'
import { upgradeMessage, upgradeNoticePage } from './upgrade-notice'
import { getAsset } from './db/articles'
import { ASSET_SCHEME } from '../shared/channels'
import { contentSecurityPolicy } from '../shared/csp'
import { autoBackup } from './backups'
import { VERSION } from './version'
import { installMenu } from './menu'
import { filesToOpen, openInArchive } from './open-files'
import { startSyncAgent } from './sync/agent'
import { capturePort, listenerFailure, startCaptureListener, type CaptureListener } from './capture/listener'
import { watchArchive } from './watch'
import { startSearchThread, type SearchThread } from './search/offload'
import { withSearchThread } from './handlers/search'

app.setName('Clipfile')
protocol.registerSchemesAsPrivileged([{ scheme: ASSET_SCHEME, privileges: { standard: true, secure: true } }])

/** The webPreferences every Clipfile window is created with (read by the e2e security test). */
export const WEB_PREFERENCES = {
  preload: join(__dirname, '../preload/index.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false
} as const

let clipfile: App | undefined
let captureListener: CaptureListener | undefined
let searches: SearchThread | undefined
/** Until the main window exists: closing the upgrade notice must not quit the app (window-all-closed). */
let starting = true

/** Pages the system asked us to open; saved once the window can show their import. */
const opened: string[] = []
let openPages = (paths: string[]) => void opened.push(...paths)
// macOS hands over double-clicked files as events, possibly before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault()
  openPages([path])
})

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const dbPathFromArgs = (): string | undefined => argValue('--db')

/**
 * The port the browser extension saves to. Not having it (another Clipfile holds it) is said
 * in the log and the app works on without it.
 */
async function listenForExtension(a: App): Promise<void> {
  let port = 0
  try {
    port = capturePort(argValue('--capture-port'), process.env)
    captureListener = await startCaptureListener({ ctx: a.ctx, handlers: a.handlers, port })
  } catch (e) {
    console.error(`[clipfile] ${listenerFailure(e, port)}`)
  }
}

/** The extension's "Open in Clipfile": bring the window forward; the UI shows the article. */
function showOnOpenRequests(a: App): void {
  a.ctx.events.on('openArticle', () => {
    const win = BrowserWindow.getAllWindows()[0] ?? createWindow()
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  })
}

/** The better-sqlite3 build for Electron's ABI, made by `npm start` (scripts/electron-native.js). */
function electronNativeBinding(): string | undefined {
  const p = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')
  return existsSync(p) ? p : undefined
}

function openExternalSafely(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
}

function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // In `npm run dev` Vite's hot reload needs inline script; the built app gets the policy
  // both as this header and as a meta tag in its page (file:// may carry no headers).
  if (!process.env.ELECTRON_RENDERER_URL) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } })
    })
  }
  // The page may load only the app itself and local assets.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = /^(file:|devtools:|data:|blob:|clipfile-asset:)/.test(details.url) || isDevServer(details.url)
    callback({ cancel: !ok })
  })
}

/** `npm run dev`: the Vite server, over http and its hot-reload websocket. */
function isDevServer(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL
  if (!dev) return false
  try {
    const u = new URL(url)
    return /^(https?|wss?):$/.test(u.protocol) && u.host === new URL(dev).host
  } catch {
    return false
  }
}

function registerAssetProtocol(a: App): void {
  protocol.handle(ASSET_SCHEME, (request) => {
    const id = Number(new URL(request.url).pathname.replace(/^\//, ''))
    const asset = Number.isInteger(id) ? getAsset(a.ctx.db, id) : null
    if (!asset) return new Response('not found', { status: 404 })
    return new Response(new Uint8Array(asset.bytes), {
      headers: { 'Content-Type': asset.mime, 'Content-Security-Policy': "default-src 'none'; sandbox" }
    })
  })
}

/** A backup a day into the data folder's backups/ (the last seven kept), checked every few hours. */
function scheduleAutoBackups(a: App): void {
  const run = () => void autoBackup(a.ctx.db, a.ctx.dbPath).catch((e) => console.error('[clipfile] automatic backup failed:', e))
  setTimeout(run, 30_000).unref()
  setInterval(run, 6 * 60 * 60 * 1000).unref()
}

/**
 * A small window that says the archive is being upgraded, shown before the upgrade blocks this
 * process (its page is painted by its own renderer process meanwhile). Null if it cannot be shown:
 * the upgrade goes on without it.
 */
async function showUpgradeNotice(message: string): Promise<BrowserWindow | null> {
  try {
    const win = new BrowserWindow({
      width: 520,
      height: 190,
      resizable: false,
      minimizable: false,
      maximizable: false,
      show: false,
      title: 'Clipfile',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16171a' : '#fbfaf7',
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false }
    })
    const shown = new Promise<void>((resolve) => win.once('ready-to-show', () => resolve()))
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(upgradeNoticePage(message))}`)
    // Never wait on it for long: the upgrade, not the notice, is what the user is waiting for.
    await Promise.race([shown, new Promise((resolve) => setTimeout(resolve, 2000))])
    win.show()
    // Let it paint before the upgrade takes this process.
    await new Promise((resolve) => setTimeout(resolve, 150))
    return win
  } catch {
    return null
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Clipfile',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16171a' : '#fbfaf7',
    webPreferences: { ...WEB_PREFERENCES }
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) {
      event.preventDefault()
      openExternalSafely(url)
    }
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    BrowserWindow.getAllWindows()[0]?.focus()
    openPages(filesToOpen(argv, cwd))
  })
  app.whenReady().then(async () => {
    let notice: BrowserWindow | null = null
    try {
      const dbPath = resolveDbPath(dbPathFromArgs())
      // An archive from an earlier version is upgraded before the window opens (seconds to minutes
      // when large): a small window says so meanwhile, until the main one is ready to show.
      const upgrade = pendingUpgrade(dbPath, { nativeBinding: electronNativeBinding() })
      if (upgrade) notice = await showUpgradeNotice(upgradeMessage(dbPath, upgrade.from, upgrade.to))
      // Re-checks of followed articles pause while the system says it is offline.
      clipfile = openApp(dbPath, { nativeBinding: electronNativeBinding(), rechecks: { online: () => net.isOnline() } })
    } catch (e) {
      // A newer archive, a damaged file, a missing native build: say so in words and stop.
      notice?.destroy()
      dialog.showErrorBox('Clipfile cannot open its archive', (e as Error).message)
      app.quit()
      return
    }
    hardenSession()
    const ready = clipfile
    registerAssetProtocol(ready)
    // Searches in their own thread: a long one must not freeze the window or the other calls.
    searches = startSearchThread(ready.ctx.db, ready.ctx.dbPath, { nativeBinding: electronNativeBinding() })
    bindIpc(withSearchThread(ready.handlers, searches))
    forwardEvents(ready.ctx.events)
    // `clipfile import` in a terminal shows up in the open window.
    watchArchive(ready.ctx.db, ready.ctx.events)
    installMenu(() => ({ version: VERSION, electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node, dbPath: ready.ctx.dbPath }))
    const main = createWindow()
    starting = false
    // Closed once the main window exists (closing the last window would quit the app).
    if (notice) {
      const shown = notice
      const close = () => {
        if (!shown.isDestroyed()) shown.destroy()
      }
      main.once('ready-to-show', close)
      main.once('closed', close)
    }
    main.webContents.once('did-finish-load', () => {
      openPages = (paths) => void openInArchive(ready.handlers, paths)
      openPages([...filesToOpen(process.argv), ...opened.splice(0)])
    })
    scheduleAutoBackups(ready)
    // In a team: sync in the background (a no-op for an archive that is not).
    startSyncAgent(ready.ctx)
    showOnOpenRequests(ready)
    void listenForExtension(ready)
    ready.ctx.rechecks.start()
    // Images that could not be saved are fetched again while the app runs and the network is up.
    const retry = startImageRetry(ready.ctx)
    app.on('will-quit', () => retry.stop())
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })
  app.on('window-all-closed', () => {
    // Not while starting: the upgrade notice, closed by the user during an upgrade, was the only window.
    if (process.platform !== 'darwin' && !starting) app.quit()
  })
  app.on('will-quit', () => {
    void captureListener?.close()
    void searches?.close()
    clipfile?.close()
  })
}
