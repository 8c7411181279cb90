#!/usr/bin/env node
// The `clipfile` command in a checkout: runs the TypeScript sources through tsx, so the CLI
// is always the code in src/ (no stale build). The installed app ships the bundled CLI instead
// (out/cli/clipfile.cjs from scripts/build-cli.js, started by resources/cli/).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/main/cli.ts')
process.exitCode = await main(process.argv.slice(2))
