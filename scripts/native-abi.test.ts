import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { checkElectronModule, describeAbi, electronAbi, readModuleAbi, readModuleArch } from './native-abi.js'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
/** The build of better-sqlite3 the tests and the CLI use: made for this Node, not for Electron. */
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node')
const nodeAbi = Number(process.versions.modules)
const nodeMajor = process.versions.node.split('.')[0]
const temp: string[] = []
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A file `name` in a fresh temporary folder (removed after the tests). */
function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clipfile-abi-'))
  temp.push(dir)
  return join(dir, name)
}

/** A stand-in add-on: some bytes around the symbol names an add-on's export table would hold. */
function fakeAddon(...symbols: string[]): string {
  const file = tempFile('x.node')
  const filler = Buffer.alloc(4096, 0x90)
  writeFileSync(file, Buffer.concat([filler, ...symbols.flatMap((s) => [Buffer.from(s + '\0', 'latin1'), filler])]))
  return file
}

describe('the Electron ABI check', () => {
  const electron = electronAbi(electronDir)
  const electronMajor = electron.version.split('.')[0]

  it("reads Electron's ABI from its package, and node-abi's table agrees", () => {
    expect(electron.abi).toBeGreaterThan(nodeAbi)
    expect(electron.abi).toBe(Number(require('node-abi').getAbi(electron.version, 'electron')))
  })

  it('reads the module version of the real Node build of better-sqlite3', () => {
    expect(readModuleAbi(nodeBuild)).toEqual({ abis: [nodeAbi], napi: false })
  })

  it('refuses the Node build, saying what it was built for and what Electron needs', () => {
    expect(() => checkElectronModule(nodeBuild, electron)).toThrow(
      `is built for Node ${nodeMajor} (ABI ${nodeAbi}), not Electron ${electronMajor} (ABI ${electron.abi})`
    )
  })

  it('accepts a module that declares exactly the ABI of Electron', () => {
    expect(checkElectronModule(fakeAddon(`node_register_module_v${electron.abi}`), electron)).toContain(
      `built for Electron ${electronMajor} (ABI ${electron.abi})`
    )
  })

  it('refuses a file that is no Node add-on, or declares two versions', () => {
    expect(() => checkElectronModule(fakeAddon('sqlite3_open_v2'), electron)).toThrow('declares no Node module version')
    expect(() => checkElectronModule(fakeAddon(`node_register_module_v${electron.abi}`, 'node_register_module_v115'), electron)).toThrow(
      'declares several module versions'
    )
  })

  it('accepts a Node-API add-on, which loads in any runtime', () => {
    expect(checkElectronModule(fakeAddon('napi_register_module_v1'), electron)).toContain('Node-API')
  })

  it('says so when the file is missing', () => {
    expect(() => checkElectronModule(join(tmpdir(), 'no-such-dir', 'x.node'), electron)).toThrow('does not exist')
  })

  it('names runtimes by their ABI', () => {
    expect(describeAbi(115)).toBe('Node 20 (ABI 115)')
    expect(describeAbi(140)).toBe('Electron 39 (ABI 140)')
    expect(describeAbi(9999)).toBe('ABI 9999')
  })
})

describe('the CPU a module is for', () => {
  /** 64 bytes of header, written at the start of a file. */
  function header(write: (b: Buffer) => void): string {
    const b = Buffer.alloc(256)
    write(b)
    const file = tempFile('x.node')
    writeFileSync(file, b)
    return file
  }

  it('reads the ELF header of the real Node build', () => {
    expect(readModuleArch(nodeBuild)).toBe(process.arch)
  })

  it('reads Mach-O and PE headers, and knows a fat binary', () => {
    const macArm = header((b) => {
      b.writeUInt32LE(0xfeedfacf, 0)
      b.writeUInt32LE(0x0100000c, 4)
    })
    const winX64 = header((b) => {
      b.write('MZ', 0, 'latin1')
      b.writeUInt32LE(0x80, 0x3c)
      b.write('PE\0\0', 0x80, 'latin1')
      b.writeUInt16LE(0x8664, 0x84)
    })
    const fat = header((b) => b.writeUInt32BE(0xcafebabe, 0))
    expect([readModuleArch(macArm), readModuleArch(winX64), readModuleArch(fat)]).toEqual(['arm64', 'x64', 'universal'])
  })

  it('answers null for a file that is no executable format', () => {
    expect(readModuleArch(header((b) => b.write('not a binary', 0)))).toBeNull()
  })
})
