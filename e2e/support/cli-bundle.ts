/**
 * The `clipfile` command the e2e tests run: the bundle the app ships (out/cli/clipfile.cjs),
 * rebuilt from src/ once per run by the global setup — the same code as bin/clipfile.js, without
 * compiling the TypeScript sources in every process (1.3 s of CPU a start, ~80 starts a run).
 */
import { join } from 'node:path'

export const CLI = join(import.meta.dirname, '../../out/cli/clipfile.cjs')
