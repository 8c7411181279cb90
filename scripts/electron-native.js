#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside (not instead of)
// the Node build in node_modules that the CLI and the tests use. Runs on the paths that
// start or package the desktop app (npm start / npm run dev / npm run dist), never on
// npm install or npm test.
//
// What it made is checked before it is kept: the module must declare Electron's module
// version (scripts/native-abi.js), and where Electron's binary exists it must load there.
// A build for the wrong runtime is refused with what it was built for, instead of being
// discovered when the app cannot open its archive.
//
//   node scripts/electron-native.js              for npm start / dev: needs Electron's binary
//   node scripts/electron-native.js --package    for npm run dist: the binary is optional
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkElectronModule, electronAbi } from './native-abi.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const outDir = join(root, '.electron-native')
const target = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'stamp.json')
const forPackage = process.argv.includes('--package')

const electronDir = dirname(require.resolve('electron/package.json'))
const electron = electronAbi(electronDir)
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const stamp = JSON.stringify({ electronVersion: electron.version, sqliteVersion, arch: process.arch, platform: process.platform })

let electronBinary
try {
  electronBinary = require('electron')
} catch {
  electronBinary = null
}
if (electronBinary && !existsSync(electronBinary)) electronBinary = null
if (!electronBinary && !forPackage) {
  console.error(
    `Electron's binary is not installed, so the desktop app cannot start on this machine.\n` +
      `Install it with: rm -rf node_modules/electron && npm install (without ELECTRON_SKIP_BINARY_DOWNLOAD).\n` +
      `Without Electron you can still use the app in a browser: npx clipfile serve`
  )
  process.exit(1)
}

/** Refuses (throws) unless `file` is for this Electron, and loads it in Electron where it can. */
function verify(file) {
  const found = checkElectronModule(file, electron)
  if (electronBinary) {
    const probe = `require(${JSON.stringify(file)}); process.stdout.write(process.versions.modules)`
    let abi
    try {
      abi = execFileSync(electronBinary, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' })
    } catch (e) {
      throw new Error(`${file} does not load in Electron ${electron.version}: ${e.stderr || e.message}`, { cause: e })
    }
    if (Number(abi) !== electron.abi) throw new Error(`Electron's binary reports ABI ${abi}, its package says ${electron.abi}: reinstall electron.`)
  }
  return found
}

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  try {
    verify(target)
    process.exit(0)
  } catch (e) {
    // A build from before this check existed, or a damaged one: make it again.
    console.error(`The existing Electron build is not usable (${e.message}); rebuilding.`)
  }
}
rmSync(target, { force: true })
rmSync(stampFile, { force: true })

console.error(`Building better-sqlite3 ${sqliteVersion} for Electron ${electron.version} (ABI ${electron.abi})…`)
const work = mkdtempSync(join(tmpdir(), 'clipfile-native-'))
try {
  cpSync(sqliteDir, work, { recursive: true, filter: (p) => !p.includes(`${sqliteDir}/build`) })
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electron.version, npm_config_disturl: 'https://electronjs.org/headers' }
  // npm's `nodedir` makes node-gyp compile against those headers whatever --target says: on a
  // machine with nodedir=/usr that is the system Node's, and the result is a Node module.
  if (env.npm_config_nodedir) {
    console.error(`Ignoring npm's nodedir (${env.npm_config_nodedir}) for this build: Electron's headers are needed.`)
    delete env.npm_config_nodedir
  }
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env })
  try {
    run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electron.version}`, `--arch=${process.arch}`])
  } catch {
    const gyp = process.env.npm_config_node_gyp ?? join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')
    run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electron.version}`, '--dist-url=https://electronjs.org/headers'])
  }
  const built = join(work, 'build/Release/better_sqlite3.node')
  const found = verify(built)
  mkdirSync(outDir, { recursive: true })
  copyFileSync(built, target)
  writeFileSync(stampFile, stamp)
  console.error(`Done: ${found}`)
} catch (e) {
  console.error(`Could not build better-sqlite3 for Electron: ${e.message}\nThe CLI and serve mode still work (npx clipfile serve).`)
  process.exitCode = 1 // not process.exit(): the copy in the temporary folder is removed below
} finally {
  rmSync(work, { recursive: true, force: true })
}
