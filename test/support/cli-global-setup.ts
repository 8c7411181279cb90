/**
 * Global setup of Vitest and of Playwright: bundles the command line from the current sources
 * (out/cli/clipfile.cjs, `CLI_BUNDLE`: what the app ships) for the tests that start it as a
 * process of their own — without compiling the TypeScript sources in each, as bin/clipfile.js
 * does (1.3 s of CPU a start; the e2e suite makes ~80).
 */
import { buildCli } from '../../scripts/build-cli.js'

export default async function setup(): Promise<void> {
  await buildCli()
}
