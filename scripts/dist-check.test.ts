/**
 * dist:check must be able to fail: each test breaks one thing a user would otherwise find broken
 * (the builder config, the unpacked native module, the size, the package's contents) and expects
 * the check to say so. One real packing is shared; the tampered packages are copies of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { checkLayout, CONFIG, distCheck, type Check } from './dist-check.js'

const root = join(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const asar = createRequire(require.resolve('app-builder-lib/package.json'))('@electron/asar') as {
  extractAll(archive: string, dest: string): void
  createPackageWithOptions(src: string, dest: string, options: { unpack: string }): Promise<void>
  uncache(archive: string): boolean
}
const failed = (checks: Check[]) => checks.filter((c) => !c.ok).map((c) => c.label)

let layout: string
const temp: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clipfile-dist-test-'))
  temp.push(dir)
  return dir
}

/** A copy of the good layout whose app.asar went through `change` (a folder of its files). */
async function tampered(change: (app: string) => void): Promise<string> {
  const dir = join(tempDir(), 'linux-unpacked')
  cpSync(layout, dir, { recursive: true })
  const app = join(dirname(dir), 'app')
  asar.extractAll(join(dir, 'resources/app.asar'), app)
  change(app)
  const archive = join(dir, 'resources/app.asar')
  await asar.createPackageWithOptions(app, archive, { unpack: '*.node' })
  asar.uncache(archive)
  return dir
}

beforeAll(async () => {
  // npm test builds the app after the unit tests; on a fresh clone there is nothing to pack yet.
  if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'ignore' })
  }
  const result = await distCheck({ keep: true })
  layout = result.layout!
  temp.push(join(layout, '../..'))
  expect(failed(result.checks)).toEqual([])
}, 120_000)

// Several copies of a packed app: removing them is slow on a busy disk, not a hang.
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })), 120_000)

describe('dist:check', () => {
  it('fails on a builder config electron-builder refuses', async () => {
    const config = join(tempDir(), 'electron-builder.yml')
    writeFileSync(config, readFileSync(CONFIG, 'utf8').replace('linux:\n', 'linux:\n  executableNam: typo\n'))
    await expect(distCheck({ configFile: config })).rejects.toThrow(`does not match electron-builder's schema: linux has no option "executableNam"`)
  })

  it('fails on a config that no longer packs the Electron build of better-sqlite3', async () => {
    const config = join(tempDir(), 'electron-builder.yml')
    writeFileSync(config, readFileSync(CONFIG, 'utf8').replace('from: .electron-native', 'from: .native'))
    await expect(distCheck({ configFile: config })).rejects.toThrow('no longer packs')
  })

  it('fails when better_sqlite3.node is not unpacked beside app.asar', () => {
    const dir = join(tempDir(), 'linux-unpacked')
    cpSync(layout, dir, { recursive: true })
    rmSync(join(dir, 'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'))
    expect(failed(checkLayout(dir))).toEqual([
      'better_sqlite3.node unpacked: no resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      // The copy's app.asar still lists the file as unpacked: the CLI cannot start without it.
      expect.stringMatching(/^the packaged CLI: .*better_sqlite3\.node/s)
    ])
  })

  it('fails on a package over its size budget', () => {
    expect(failed(checkLayout(layout, { budgetMB: 1, runCli: false }))).toEqual([expect.stringMatching(/^size: the app's payload is [\d.]+ MB, over the budget of 1 MB$/)])
  })

  it('fails on dev dependencies, tests or fixtures in the package', async () => {
    const bad = await tampered((app) => {
      mkdirSync(join(app, 'node_modules/vitest'), { recursive: true })
      writeFileSync(join(app, 'node_modules/vitest/package.json'), '{"name":"vitest"}')
      writeFileSync(join(app, 'out/main/api.test.js'), '')
      mkdirSync(join(app, 'out/main/fixtures'))
      writeFileSync(join(app, 'out/main/fixtures/page.html'), '')
    })
    expect(failed(checkLayout(bad, { runCli: false }))).toEqual([
      'no dev dependencies: dev dependencies in the package: vitest',
      expect.stringMatching(/^no test files or fixtures: 2 in the package/)
    ])
  })

  it('fails when the app imports a package the package lacks, or its page lost an asset', async () => {
    const bad = await tampered((app) => {
      rmSync(join(app, 'node_modules/zod'), { recursive: true })
      rmSync(join(app, 'out/renderer/assets'), { recursive: true })
    })
    expect(failed(checkLayout(bad))).toEqual([
      expect.stringMatching(/^the renderer's page: \/out\/renderer\/assets\/.* is not in app.asar$/),
      'no dev dependencies: the app imports zod, which the package lacks'
    ])
  })
})
