import { afterAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import afterPack, { NATIVE_IN_RESOURCES, type PackContext } from './after-pack.js'
import { electronAbi } from './native-abi.js'

const require = createRequire(import.meta.url)
const electron = electronAbi(dirname(require.resolve('electron/package.json')))
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node')
/** electron-builder's Arch enum: x64 1, arm64 3, universal 4. */
const ARCH = { x64: 1, arm64: 3, universal: 4 } as const
/** This machine's CPU (the real build's) and another one. */
const [here, other] = process.arch === 'arm64' ? (['arm64', 'x64'] as const) : (['x64', 'arm64'] as const)

/** A packaged Linux (or macOS) app whose better-sqlite3 module is `module` (none if null). */
const temp: string[] = []
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function packaged(module: Buffer | null, platform = 'linux'): string {
  const appOutDir = mkdtempSync(join(tmpdir(), 'clipfile-afterpack-'))
  temp.push(appOutDir)
  const resources = platform === 'darwin' ? join(appOutDir, 'Clipfile.app/Contents/Resources') : join(appOutDir, 'resources')
  if (module) {
    mkdirSync(dirname(join(resources, NATIVE_IN_RESOURCES)), { recursive: true })
    writeFileSync(join(resources, NATIVE_IN_RESOURCES), module)
  }
  return appOutDir
}

function context(appOutDir: string, arch: number = ARCH[here], platform = 'linux', electronVersion = electron.version): PackContext {
  return { appOutDir, electronPlatformName: platform, arch, packager: { config: { electronVersion }, appInfo: { productFilename: 'Clipfile' } } }
}

/** The real x64 build with its symbol renamed: a module that declares Electron's ABI. */
const electronLike = (() => {
  const bytes = readFileSync(nodeBuild)
  const from = Buffer.from(`node_register_module_v${process.versions.modules}`)
  const to = Buffer.from(`node_register_module_v${electron.abi}`)
  expect(from.length).toBe(to.length)
  for (let i = bytes.indexOf(from); i !== -1; i = bytes.indexOf(from, i + 1)) to.copy(bytes, i)
  return bytes
})()

describe('the afterPack hook', () => {
  it('refuses a package that carries the Node build', async () => {
    await expect(afterPack(context(packaged(readFileSync(nodeBuild))))).rejects.toThrow(
      `built for Node ${process.versions.node.split('.')[0]} (ABI ${process.versions.modules}), not Electron ${electron.version.split('.')[0]} (ABI ${electron.abi})`
    )
  })

  it('refuses a package without the module, saying how to build it', async () => {
    await expect(afterPack(context(packaged(null)))).rejects.toThrow('build it first with node scripts/electron-native.js --package')
  })

  it('accepts the Electron build for the CPU packaged, on Linux and in a macOS bundle', async () => {
    const log = console.log
    console.log = () => {}
    try {
      await expect(afterPack(context(packaged(electronLike)))).resolves.toBeUndefined()
      await expect(afterPack(context(packaged(electronLike, 'darwin'), ARCH[here], 'darwin'))).resolves.toBeUndefined()
    } finally {
      console.log = log
    }
  })

  it('refuses a module for another CPU, a universal build and another Electron', async () => {
    await expect(afterPack(context(packaged(electronLike), ARCH[other]))).rejects.toThrow(`is built for ${here} CPUs, but this package is for ${other}`)
    await expect(afterPack(context(packaged(electronLike), ARCH.universal))).rejects.toThrow('universal macOS build')
    await expect(afterPack(context(packaged(electronLike), ARCH[here], 'linux', '38.0.0'))).rejects.toThrow(
      `This package is for Electron 38.0.0, but better-sqlite3 is built for the installed Electron ${electron.version}`
    )
  })
})
