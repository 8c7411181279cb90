/** Playwright global setup: bundles the command line from the current sources (see cli-bundle.ts). */
import { buildCli } from '../../scripts/build-cli.js'

export default async function setup(): Promise<void> {
  await buildCli()
}
