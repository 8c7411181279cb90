// Types for native-abi.js (plain JavaScript so the build scripts and electron-builder's hooks
// run it with plain Node; the tests are TypeScript).

export interface ModuleAbi {
  /** Every `node_register_module_v<N>` the file declares, ascending. */
  abis: number[]
  /** Whether it is a Node-API add-on (napi_register_module_v1), loadable by any runtime. */
  napi: boolean
}

export interface ElectronTarget {
  version: string
  abi: number
}

export function readModuleAbi(file: string): ModuleAbi
export function electronAbi(electronDir: string): ElectronTarget
export function describeAbi(abi: number): string
export function checkElectronModule(file: string, electron: ElectronTarget): string
/** 'x64', 'arm64', 'ia32', 'armv7l', 'universal' (macOS fat binary), a description of an unknown CPU, or null. */
export function readModuleArch(file: string): string | null
