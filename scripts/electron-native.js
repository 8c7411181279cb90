#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside (not instead of)
// the Node build in node_modules that the CLI and the tests use. Runs on the paths that
// start the desktop app (npm start / npm run dev), never on npm install or npm test.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const outDir = join(root, '.electron-native')
const target = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch, platform: process.platform })

let electronBinary
try {
  electronBinary = require('electron')
} catch {
  electronBinary = null
}
if (!electronBinary || !existsSync(electronBinary)) {
  console.error(
    `Electron's binary is not installed, so the desktop app cannot start on this machine.\n` +
      `Install it with: rm -rf node_modules/electron && npm install (without ELECTRON_SKIP_BINARY_DOWNLOAD).\n` +
      `Without Electron you can still use the app in a browser: npx clipfile serve`
  )
  process.exit(1)
}
if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0)

console.error(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`)
const work = mkdtempSync(join(tmpdir(), 'clipfile-native-'))
try {
  cpSync(sqliteDir, work, { recursive: true, filter: (p) => !p.includes(`${sqliteDir}/build`) })
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' }
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env })
  try {
    run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`])
  } catch {
    const gyp = join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')
    run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'])
  }
  mkdirSync(outDir, { recursive: true })
  copyFileSync(join(work, 'build/Release/better_sqlite3.node'), target)
  writeFileSync(stampFile, stamp)
  console.error(`Done: ${target}`)
} catch (e) {
  console.error(`Could not build better-sqlite3 for Electron: ${e.message}\nThe CLI and serve mode still work (npx clipfile serve).`)
  process.exit(1)
} finally {
  rmSync(work, { recursive: true, force: true })
}
