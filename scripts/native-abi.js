// Which runtime a compiled Node add-on (.node) was built for, read from its own bytes, and
// the check that refuses a better-sqlite3 build Electron could not load.
//
// Why: a rebuild "for Electron" that silently picks up other headers (npm's `nodedir` pointing
// at the system Node, say) still prints "Rebuild Complete". The module it made only fails when
// the app starts, on the user's machine. Every add-on built against Node's headers exports
// `node_register_module_v<ABI>` (NODE_MODULE_VERSION of those headers); the symbol's name sits
// in the file as plain ASCII in ELF, Mach-O and PE alike, so no tool is needed to read it.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)

/** The module versions a .node file declares, and whether it is a Node-API (ABI-stable) add-on. */
export function readModuleAbi(file) {
  if (!existsSync(file)) throw new Error(`${file} does not exist`)
  const text = readFileSync(file).toString('latin1')
  const abis = [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((m) => Number(m[1])))]
  return { abis: abis.sort((a, b) => a - b), napi: text.includes('napi_register_module_v1') }
}

const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' }
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64' }
const PE_MACHINES = { 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' }

/**
 * The CPU a .node file is for, in process.arch's words ('x64', 'arm64'…), from its ELF, Mach-O
 * or PE header; 'universal' for a macOS fat binary; null when the header is none of these.
 */
export function readModuleArch(file) {
  const b = readFileSync(file)
  if (b.length < 64) return null
  if (b.readUInt32BE(0) === 0x7f454c46) {
    const machine = b[5] === 2 ? b.readUInt16BE(18) : b.readUInt16LE(18)
    return ELF_MACHINES[machine] ?? `ELF machine ${machine}`
  }
  if (b.readUInt32LE(0) === 0xfeedfacf) return MACHO_CPUS[b.readUInt32LE(4)] ?? `Mach-O CPU ${b.readUInt32LE(4)}`
  if (b.readUInt32BE(0) === 0xcafebabe) return 'universal'
  if (b.toString('latin1', 0, 2) === 'MZ') {
    const pe = b.readUInt32LE(0x3c)
    if (pe + 6 <= b.length && b.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = b.readUInt16LE(pe + 4)
      return PE_MACHINES[machine] ?? `PE machine ${machine}`
    }
  }
  return null
}

/** Electron's version and module ABI, from the electron package's own metadata. */
export function electronAbi(electronDir) {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  // The package ships the ABI of its binary in `abi_version`; node-abi's table is the fallback.
  const file = join(electronDir, 'abi_version')
  if (existsSync(file)) return { version, abi: Number(readFileSync(file, 'utf8').trim()) }
  try {
    return { version, abi: Number(require('node-abi').getAbi(version, 'electron')) }
  } catch (e) {
    throw new Error(`Cannot tell the module ABI of Electron ${version}: no abi_version in ${electronDir}, and node-abi says: ${e.message}`, { cause: e })
  }
}

/** "Node 20 (ABI 115)", "Electron 39 (ABI 140)", or "ABI n" for a number no table knows. */
export function describeAbi(abi) {
  let nodeAbi = null
  try {
    nodeAbi = require('node-abi')
  } catch {
    // Only the wording suffers: the comparison itself needs no table.
  }
  for (const runtime of ['node', 'electron']) {
    try {
      const target = nodeAbi?.getTarget(String(abi), runtime)
      if (target) return `${runtime === 'node' ? 'Node' : 'Electron'} ${target.split('.')[0]} (ABI ${abi})`
    } catch {
      // Not this runtime's number.
    }
  }
  if (String(abi) === process.versions.modules) return `Node ${process.versions.node.split('.')[0]} (ABI ${abi})`
  return `ABI ${abi}`
}

/**
 * Throws, with what it was built for, unless `file` is an add-on Electron `electron.version`
 * (module ABI `electron.abi`) can load. Returns a short description of what was found.
 */
export function checkElectronModule(file, electron) {
  const want = `Electron ${electron.version.split('.')[0]} (ABI ${electron.abi})`
  const { abis, napi } = readModuleAbi(file)
  if (abis.length === 0) {
    if (napi) return `${file}: a Node-API add-on (loads in any runtime)`
    throw new Error(`${file} declares no Node module version (no node_register_module_v… symbol): it is not a Node add-on, or it is damaged.`)
  }
  if (abis.length > 1) throw new Error(`${file} declares several module versions (${abis.join(', ')}); expected only ${want}.`)
  if (abis[0] !== electron.abi) {
    throw new Error(
      `${file} is built for ${describeAbi(abis[0])}, not ${want}: Electron would refuse to load it ` +
        `("compiled against a different Node.js version").`
    )
  }
  return `${file}: built for ${want}`
}
