#!/usr/bin/env node
// `npm run dist:check`, a step of `npm test`: the desktop package, built and checked on a machine
// without Electron. electron-builder packs the app (`--dir`: the unpacked layout every installer
// is made from) around a stand-in Electron folder, and the layout is checked for what a user
// would otherwise find broken: the app code, the renderer's page, better-sqlite3's module
// unpacked beside app.asar, the icons, the `clipfile` command, no dev dependencies, no tests or
// fixtures, a size within budget.
//
// Here the native module is the Node build of better-sqlite3 standing in for Electron's (which
// cannot be built without Electron's headers); `npm run dist` packs the Electron build, and the
// afterPack hook (scripts/after-pack.js) refuses anything else. The packaged CLI is run under
// this Node for the same reason.
//
//   node scripts/dist-check.js [--config FILE] [--budget-mb N] [--keep]
// (--config and --budget-mb let the tests show that the check fails.)
import { execFileSync, spawnSync } from 'node:child_process'
import { builtinModules, createRequire } from 'node:module'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describeAbi, readModuleAbi, readModuleArch } from './native-abi.js'
import { NATIVE_IN_RESOURCES } from './after-pack.js'
import { buildCli } from './build-cli.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'))
const yaml = builderRequire('js-yaml')
const asar = builderRequire('@electron/asar')
const shown = (file) => (file.startsWith(root) ? relative(root, file) : file)

/**
 * The app's own payload (app.asar, its unpacked files, the launchers), Electron excluded.
 * Measured 12.8 MB (10.6 MB app.asar, 2.2 MB better_sqlite3.node); the budget leaves room to
 * grow, not to ship a dependency tree by mistake.
 */
export const BUDGET_MB = 20
export const CONFIG = join(root, 'electron-builder.yml')
const NODE_BUILD = join(dirname(require.resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node')
/** Packages the code may try to load and does without (linkedom falls back when canvas is absent; pg uses its pure-JavaScript client when pg-native is). */
const OPTIONAL_IMPORTS = new Set(['canvas', 'pg-native'])
/** A page with an article in it, for the packaged CLI to import. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Packaged check</title></head><body>
<article><h1>The packaged command line saves an article</h1><p class="byline">By A. Checker</p>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a plain article, long enough for the extractor to take it for the story of the page and keep its text, its headline and its byline.</p>`).join('\n')}
</article></body></html>`
const PACKAGE_SPECIFIER = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/i
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/**
 * Packs the app with electron-builder into `outDir` and returns the Linux layout's folder.
 * The configuration is `configFile` with only what a machine without Electron needs changed:
 * the stand-in Electron, no afterPack hook, and the native module taken from `nativeDir`.
 */
export function packLayout({ configFile = CONFIG, nativeDir, outDir }) {
  const config = loadConfig(configFile)
  nativeEntry(config, configFile).from = nativeDir

  const electronDist = join(outDir, 'electron-stand-in')
  mkdirSync(electronDist, { recursive: true })
  // Stands in for Electron's binary: reports how it was run, so the launcher can be checked.
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nprintf "%s\\n" "ELECTRON_RUN_AS_NODE=$ELECTRON_RUN_AS_NODE" "$@"\n')
  chmodSync(join(electronDist, 'electron'), 0o755)
  const effective = join(outDir, 'electron-builder.yml')
  writeFileSync(
    effective,
    yaml.dump({ ...config, electronDist, npmRebuild: false, afterPack: null, directories: { ...config.directories, output: join(outDir, 'dist') } })
  )
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js')
  const r = spawnSync(process.execPath, [cli, '--linux', 'dir', process.arch === 'arm64' ? '--arm64' : '--x64', '--projectDir', root, '--config', effective, '--publish', 'never'], {
    encoding: 'utf8',
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }
  })
  if (r.status !== 0) {
    // Its message is the text after "⨯", up to its own "failedTask=… stackTrace=…" trailer.
    const output = r.stdout + r.stderr
    const reason = output.includes('⨯') ? output.slice(output.indexOf('⨯') + 1).split(/\s+failedTask=/)[0].trim() : output.trim().split('\n').slice(-5).join('\n')
    throw new Error(`electron-builder failed: ${reason}`)
  }
  return join(outDir, 'dist', 'linux-unpacked')
}

/** The builder configuration in `file`, checked against electron-builder's schema. */
/** The `files` entry that packs better-sqlite3's Electron build (the check swaps in the Node build). */
function nativeEntry(config, file) {
  const native = (config.files ?? []).find((f) => typeof f === 'object' && f.from === '.electron-native')
  if (!native) throw new Error(`${shown(file)} no longer packs better-sqlite3's Electron build from .electron-native/ (files).`)
  return native
}

export function loadConfig(file) {
  let config
  try {
    config = yaml.load(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`${shown(file)} is not valid YAML: ${e.message}`, { cause: e })
  }
  validateConfig(config, file)
  return config
}

/**
 * Checks `config` against electron-builder's own schema, naming what is wrong (electron-builder
 * itself reports an unknown option inside `linux:` as "configuration.linux should be null").
 */
function validateConfig(config, file) {
  const Ajv = builderRequire('ajv').default
  const schema = JSON.parse(readFileSync(join(dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json'), 'utf8'))
  const validate = new Ajv({ allErrors: true, strict: false, coerceTypes: true }).compile(schema)
  if (validate(config)) return
  const where = (e) => (e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : 'the top level')
  const unknown = validate.errors.filter((e) => e.keyword === 'additionalProperties').map((e) => `${where(e)} has no option "${e.params.additionalProperty}"`)
  // An option that may be null or an object fails both branches; the null branch's complaint is noise.
  const other = validate.errors.filter((e) => !['additionalProperties', 'anyOf', 'oneOf', 'if'].includes(e.keyword) && e.message !== 'must be null').map((e) => `${where(e)} ${e.message}`)
  const problems = [...new Set(unknown.length ? unknown : other)]
  throw new Error(`${shown(file)} does not match electron-builder's schema: ${problems.join('; ') || 'see npx electron-builder --dir'}`)
}

/** Every check on a packed Linux layout: [{ ok, label }]. */
export function checkLayout(layout, { budgetMB = BUDGET_MB, runCli = true, work } = {}) {
  const checks = []
  const check = (label, fn) => {
    try {
      checks.push({ ok: true, label: fn() ?? label })
    } catch (e) {
      checks.push({ ok: false, label: `${label}: ${e.message}` })
    }
  }
  const resources = join(layout, 'resources')
  const archive = join(resources, 'app.asar')
  if (!existsSync(archive)) return [{ ok: false, label: `no resources/app.asar in ${layout}` }]
  const files = new Set(asar.listPackage(archive).map((p) => p.replaceAll('\\', '/')))
  const need = (path) => {
    if (!files.has(path)) throw new Error(`${path} is not in app.asar`)
  }

  check('app code in app.asar', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString())
    need(`/${pkg.main}`)
    for (const f of ['/out/preload/index.cjs', '/out/main/prepare-worker.js', '/out/cli/clipfile.cjs']) need(f)
    return `app code in app.asar (main ${pkg.main}, preload, import worker, CLI)`
  })

  check("the renderer's page", () => {
    need('/out/renderer/index.html')
    const html = asar.extractFile(archive, 'out/renderer/index.html').toString()
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => `/out/renderer/${m[1]}`)
    if (assets.length === 0) throw new Error('index.html loads no scripts or styles')
    assets.forEach(need)
    if (!html.includes('Content-Security-Policy')) throw new Error('index.html carries no Content-Security-Policy')
    return `the renderer's page, its ${assets.length} assets and its Content-Security-Policy`
  })

  check('better_sqlite3.node unpacked', () => {
    const inArchive = `/${NATIVE_IN_RESOURCES.replace('app.asar.unpacked/', '')}`
    const file = join(resources, NATIVE_IN_RESOURCES)
    if (!existsSync(file)) throw new Error(`no resources/${NATIVE_IN_RESOURCES}`)
    if (!asar.statFile(archive, inArchive.slice(1)).unpacked) throw new Error(`app.asar does not mark ${inArchive} as unpacked`)
    const { abis } = readModuleAbi(file)
    return `better_sqlite3.node unpacked beside app.asar (${readModuleArch(file)}, ${abis.map(describeAbi).join(', ')}: the stand-in here)`
  })

  check('icons', () => iconsOk())

  check('no dev dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const shipped = [...files].map((f) => f.match(/^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/)?.[1]).filter(Boolean)
    const dev = [...new Set(shipped.filter((name) => name in (pkg.devDependencies ?? {})))]
    if (dev.length) throw new Error(`dev dependencies in the package: ${dev.join(', ')}`)
    const missing = importsOf(archive, files).filter((name) => !files.has(`/node_modules/${name}/package.json`))
    if (missing.length) throw new Error(`the app imports ${missing.join(', ')}, which the package lacks`)
    return `no dev dependencies (${new Set(shipped).size} packages shipped, every import of the app among them)`
  })

  check('no test files or fixtures', () => {
    const bad = [...files].filter(
      (f) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(f) || /\/(__tests__|__fixtures__|fixtures|e2e|test-results|playwright-report)\//.test(f) || /^\/(src|bench|scripts|e2e)\//.test(f)
    )
    if (bad.length) throw new Error(`${bad.length} in the package, e.g. ${bad.slice(0, 3).join(', ')}`)
  })

  check('size', () => {
    const bytes = sizeOf(archive) + sizeOf(join(resources, 'app.asar.unpacked')) + sizeOf(join(resources, 'bin'))
    const mb = bytes / 1e6
    if (mb > budgetMB) throw new Error(`the app's payload is ${mb.toFixed(1)} MB, over the budget of ${budgetMB} MB`)
    return `size ${mb.toFixed(1)} MB without Electron (budget ${budgetMB} MB)`
  })

  check('the clipfile command', () => {
    const launcher = join(resources, 'bin', 'clipfile')
    if (!existsSync(launcher)) throw new Error('no resources/bin/clipfile')
    if (process.platform === 'win32') return 'the clipfile launcher is there (not run on Windows)'
    const out = execFileSync(launcher, ['--version'], { encoding: 'utf8' }).trim().split('\n')
    const expected = ['ELECTRON_RUN_AS_NODE=1', join(archive, 'out/cli/clipfile.cjs'), '--version']
    if (out.join('\n') !== expected.join('\n')) throw new Error(`the launcher ran the app as:\n${out.join(' ')}\nexpected:\n${expected.join(' ')}`)
    return 'the clipfile launcher runs the app binary in Node mode on the bundled CLI'
  })

  if (runCli) check('the packaged CLI', () => {
    const dir = work ?? mkdtempSync(join(tmpdir(), 'clipfile-layout-'))
    try {
      // Electron's Node mode reads the archive in place; plain Node needs it extracted.
      const app = join(dir, 'app')
      asar.extractAll(archive, app)
      if (existsSync(join(resources, 'app.asar.unpacked'))) cpSync(join(resources, 'app.asar.unpacked'), app, { recursive: true })
      const db = join(dir, 'check.db')
      const cli = (...args) =>
        execFileSync(process.execPath, [join(app, 'out/cli/clipfile.cjs'), '--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      const page = join(dir, 'article.html')
      writeFileSync(page, ARTICLE)
      cli('import', page)
      const list = JSON.parse(cli('list', '--json'))
      if (list.length !== 1) throw new Error(`import then list gave ${list.length} articles`)
      return `the packaged CLI imports and lists an article (under Node ${process.versions.node}, from the extracted archive)`
    } finally {
      if (!work) rmSync(dir, { recursive: true, force: true })
    }
  })
  return checks
}

/** The icons electron-builder.yml names: PNGs of the right sizes, an .icns, an .ico with 256 px. */
function iconsOk() {
  const config = yaml.load(readFileSync(CONFIG, 'utf8'))
  const dir = join(root, config.linux.icon)
  for (const size of ICON_SIZES) {
    const png = readFileSync(join(dir, `${size}x${size}.png`))
    if (png.readUInt32BE(0) !== 0x89504e47) throw new Error(`${size}x${size}.png is not a PNG`)
    if (png.readUInt32BE(16) !== size || png.readUInt32BE(20) !== size) throw new Error(`${size}x${size}.png is ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`)
  }
  const icns = readFileSync(join(root, config.mac.icon))
  if (icns.toString('latin1', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error(`${config.mac.icon} is not an .icns file`)
  if (!icns.includes(Buffer.from('ic10'))) throw new Error(`${config.mac.icon} has no 1024 px image`)
  const ico = readFileSync(join(root, config.win.icon))
  if (ico.readUInt32LE(0) !== 0x00010000) throw new Error(`${config.win.icon} is not an .ico file`)
  const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256)
  if (!widths.includes(256) || !widths.includes(16)) throw new Error(`${config.win.icon} has sizes ${widths.join(', ')}; 16 and 256 are needed`)
  return `icons: ${ICON_SIZES.length} PNGs ${ICON_SIZES[0]}–${ICON_SIZES.at(-1)} px, .icns, .ico (${widths.join(', ')} px)`
}

/** The packages the shipped bundles load at run time (bare specifiers, builtins and electron aside). */
export function importsOf(archive, files) {
  const bundles = [...files].filter((f) => /^\/out\/(main|cli)\/[^/]+\.[cm]?js$/.test(f))
  const names = new Set()
  for (const f of bundles) {
    const code = asar.extractFile(archive, f.slice(1)).toString()
    // Import statements at the start of a line (the ES bundles), require() and import() calls.
    for (const m of code.matchAll(/^import\s(?:[^;"']*?\sfrom\s*)?"([^"]+)"|\b(?:require|import)\("([^"]+)"\)/gm)) {
      const spec = m[1] ?? m[2]
      if (!PACKAGE_SPECIFIER.test(spec)) continue
      if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]) || spec === 'electron') continue
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
      if (!OPTIONAL_IMPORTS.has(name)) names.add(name)
    }
  }
  return [...names].sort()
}

function sizeOf(path) {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

/** Builds the CLI bundle, packs, checks. Returns { checks, seconds, layout }. */
export async function distCheck({ configFile = CONFIG, budgetMB = BUDGET_MB, keep = false } = {}) {
  for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: build the app first (npm run build).`)
  }
  nativeEntry(loadConfig(configFile), configFile) // a broken configuration is reported before anything is built
  await buildCli()
  const work = mkdtempSync(join(tmpdir(), 'clipfile-dist-check-'))
  const started = Date.now()
  try {
    const nativeDir = join(work, 'native')
    mkdirSync(nativeDir)
    cpSync(NODE_BUILD, join(nativeDir, 'better_sqlite3.node'))
    const layout = packLayout({ configFile, nativeDir, outDir: work })
    const checks = checkLayout(layout, { budgetMB, work })
    return { checks, seconds: (Date.now() - started) / 1000, layout: keep ? layout : null }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2)
  const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
  try {
    const { checks, seconds, layout } = await distCheck({
      configFile: value('--config') ?? CONFIG,
      budgetMB: Number(value('--budget-mb') ?? BUDGET_MB),
      keep: args.includes('--keep')
    })
    for (const c of checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.label}`)
    const failed = checks.filter((c) => !c.ok).length
    console.log(`dist:check: ${failed ? `${failed} of ${checks.length} checks failed` : `${checks.length} checks passed`} in ${seconds.toFixed(1)} s${layout ? ` (layout kept: ${layout})` : ''}`)
    process.exitCode = failed ? 1 : 0
  } catch (e) {
    console.error(`dist:check: ${e.message}`)
    process.exitCode = 1
  }
}
