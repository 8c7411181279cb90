// electron-builder's afterPack hook (electron-builder.yml), run on each packaged app before it
// is signed and turned into an installer: the app must carry better-sqlite3 built for the
// Electron and the CPU it is packaged with. npm run dist builds that module first
// (scripts/electron-native.js --package); this is the last line, on what actually ships.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { checkElectronModule, electronAbi, readModuleArch } from './native-abi.js'

const require = createRequire(import.meta.url)

/** Where better-sqlite3's module sits in a packaged app, below its resources folder. */
export const NATIVE_IN_RESOURCES = 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'

/** electron-builder's Arch enum (builder-util), in process.arch's words. */
const ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

/** The resources folder of a packaged app in `appOutDir`. */
export function resourcesDir(appOutDir, platform, productFilename) {
  return platform === 'darwin' || platform === 'mas'
    ? join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
    : join(appOutDir, 'resources')
}

/** Throws unless `file` is better-sqlite3 for `electron` on `arch`; returns what it found. */
export function verifyPackagedNative(file, electron, arch) {
  if (!existsSync(file)) {
    throw new Error(`The package has no ${NATIVE_IN_RESOURCES}: build it first with node scripts/electron-native.js --package (npm run dist does).`)
  }
  const found = checkElectronModule(file, electron)
  const fileArch = readModuleArch(file)
  if (fileArch !== arch) throw new Error(`${file} is built for ${fileArch ?? 'an unknown'} CPUs, but this package is for ${arch}.`)
  return found
}

export default async function afterPack(context) {
  const arch = ARCHES[context.arch] ?? String(context.arch)
  if (arch === 'universal') {
    throw new Error('A universal macOS build needs better-sqlite3 for both CPUs; build one package per CPU on a Mac of that CPU.')
  }
  const installed = electronAbi(dirname(require.resolve('electron/package.json')))
  const packaged = context.packager.config.electronVersion
  if (packaged && packaged !== installed.version) {
    throw new Error(`This package is for Electron ${packaged}, but better-sqlite3 is built for the installed Electron ${installed.version}.`)
  }
  const resources = resourcesDir(context.appOutDir, context.electronPlatformName, context.packager.appInfo.productFilename)
  console.log(`  • native module ${verifyPackagedNative(join(resources, NATIVE_IN_RESOURCES), installed, arch)}`)
}
