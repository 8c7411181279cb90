#!/usr/bin/env node
// Bundles the `clipfile` command into one file, out/cli/clipfile.cjs, that the installed app
// runs with its own Electron binary in Node mode (ELECTRON_RUN_AS_NODE; see resources/cli/).
// bin/clipfile.js stays the entry in a checkout (TypeScript through tsx); this is the one
// that ships.
//
// Everything is bundled except better-sqlite3, whose native module is built for Electron and
// unpacked beside app.asar. CommonJS, because Electron's Node mode reads CommonJS from inside
// app.asar through its patched fs; its ES module loader inside the archive is less certain.
import { build } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_BUNDLE = join(root, 'out/cli/clipfile.cjs')

export async function buildCli() {
  await build({
    entryPoints: [join(root, 'src/main/cli.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    // The sources find their neighbours (the renderer for `serve`, the import worker) from
    // import.meta.url; in the bundle that is the bundle's own location.
    define: { 'import.meta.url': '__clipfileBundleUrl' },
    banner: { js: "const __clipfileBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning'
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli()
