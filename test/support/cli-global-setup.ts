/**
 * Vitest global setup: bundles the command line from the current sources (out/cli/clipfile.cjs,
 * what the app ships) for the tests that run it in processes of their own — without compiling
 * the TypeScript sources in each (1.3 s of CPU a start). See test/support/cli-import.ts.
 */
import { buildCli } from '../../scripts/build-cli.js'

export default async function setup(): Promise<void> {
  await buildCli()
}
