/**
 * Builds the "Save to Clipfile" extension: out/extension/chromium/ and out/extension/firefox/
 * (each loadable unpacked) and a zip of each beside them. Every script is one self-contained
 * classic file (no module loading), so the same build runs as Chromium's service worker and
 * as Firefox's background script. Run by `npm run build` (and `npm run build:extension`).
 */
import { build } from 'vite'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { zipSync } from 'fflate'
import { manifest, type Browser } from './manifest'

const HERE = import.meta.dirname
const ROOT = resolve(HERE, '..')
const ENTRIES = ['background', 'in-page', 'popup', 'options']
const BROWSERS: Browser[] = ['chromium', 'firefox']

async function bundle(entry: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      reportCompressedSize: false,
      lib: { entry: join(HERE, 'src', `${entry}.ts`), formats: ['iife'], name: `clipfile_${entry.replace(/-/g, '_')}`, fileName: () => `${entry}.js` }
    }
  })
}

/** Every file under dir, as [path inside the zip, bytes], in a stable order. */
function files(dir: string): [string, Uint8Array][] {
  const walk = (d: string): string[] => readdirSync(d).sort().flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]))
  return walk(dir).map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f)])
}

/** Builds both browsers into `out` (out/extension by default); answers with what it wrote. */
export async function buildExtension(out = join(ROOT, 'out/extension')): Promise<{ dirs: string[]; zips: string[] }> {
  const OUT = out
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  rmSync(OUT, { recursive: true, force: true })
  const scripts = join(OUT, '.scripts')
  for (const entry of ENTRIES) await bundle(entry, scripts)
  for (const browser of BROWSERS) {
    const dir = join(OUT, browser)
    mkdirSync(dir, { recursive: true })
    cpSync(join(HERE, 'static'), dir, { recursive: true })
    cpSync(scripts, dir, { recursive: true })
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest(browser, version), null, 2)}\n`)
    // A fixed date inside the zip: the same sources give the same file.
    const zip = zipSync(Object.fromEntries(files(dir).map(([p, b]) => [p, [b, { mtime: new Date('2024-01-01T00:00:00Z') }]])), { level: 9 })
    writeFileSync(join(OUT, `clipfile-${browser}-${version}.zip`), zip)
  }
  rmSync(scripts, { recursive: true, force: true })
  return { dirs: BROWSERS.map((b) => join(OUT, b)), zips: BROWSERS.map((b) => join(OUT, `clipfile-${b}-${version}.zip`)) }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(HERE, 'build.ts')) {
  const { dirs, zips } = await buildExtension()
  console.log(`extension: ${[...dirs, ...zips].map((p) => relative(ROOT, p)).join(', ')}`)
}
