// Types for dist-check.js (plain JavaScript: npm run dist:check runs it with plain Node).

export interface Check {
  ok: boolean
  label: string
}

export const BUDGET_MB: number
export const CONFIG: string
/** The configuration in `file` (YAML), checked against electron-builder's schema; throws what is wrong. */
export function loadConfig(file: string): Record<string, unknown>
export function packLayout(options: { configFile?: string; nativeDir: string; outDir: string }): string
/** runCli: false leaves out running the packaged CLI (for tests that break something else). */
export function checkLayout(layout: string, options?: { budgetMB?: number; runCli?: boolean; work?: string }): Check[]
export function importsOf(archive: string, files: Set<string>): string[]
export function distCheck(options?: {
  configFile?: string
  budgetMB?: number
  /** false: pack without better-sqlite3's module (the tests' broken package). */
  native?: boolean
  /** Keep the packed layout and return its folder. */
  keep?: boolean
}): Promise<{ checks: Check[]; seconds: number; layout: string | null }>
