// Types for after-pack.js (plain JavaScript: electron-builder loads it as a hook).
import type { ElectronTarget } from './native-abi.js'

export const NATIVE_IN_RESOURCES: string
export function resourcesDir(appOutDir: string, platform: string, productFilename: string): string
export function verifyPackagedNative(file: string, electron: ElectronTarget, arch: string): string

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { config: { electronVersion?: string | null }; appInfo: { productFilename: string } }
}
export default function afterPack(context: PackContext): Promise<void>
