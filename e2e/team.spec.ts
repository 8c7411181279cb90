/**
 * Two people share an archive through a team server on PostgreSQL: Ben's archive (driven in
 * this process) shares an article with a highlight; Ana, in the browser, syncs from the
 * sidebar's indicator, finds it with the Team search scope, sees who highlighted it, adds her
 * own highlight and syncs it back.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import pg from 'pg'
import { test, expect, snap } from './support/serve'
import { clusterUnavailableReason, startCluster, type Cluster } from '../test/support/postgres'
import { newsPage } from './support/site'
import { CLI_BUNDLE } from '../scripts/build-cli.js'

const reason = clusterUnavailableReason()
if (reason && process.env.CI) throw new Error(`The team e2e test needs PostgreSQL: ${reason}`)

/** The clipfile command, in its own process (as a person would run it). */
function clipfile(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args])
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let cluster: Cluster
let database: string
let serverUrl: string
let serverProcess: ChildProcess

test.describe('team', () => {
  test.skip(reason !== null, reason ?? '')
  test.setTimeout(240_000)

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    cluster = await startCluster()
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query('CREATE DATABASE team')
    await admin.end()
    database = cluster.url.replace(/\/postgres$/, '/team')
    serverProcess = spawn(process.execPath, [CLI_BUNDLE, 'team', 'serve', '--database', database, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] })
    serverUrl = await new Promise<string>((resolve, reject) => {
      createInterface({ input: serverProcess.stdout! }).once('line', resolve)
      serverProcess.once('exit', (code) => reject(new Error(`team serve exited ${code}`)))
    })
  })
  test.afterAll(() => {
    serverProcess?.kill('SIGTERM')
    cluster?.stop()
  })

  test('sync indicator, Team search scope, who highlighted what', async ({ page, served, consoleErrors }) => {
    const token = async (name: string) => {
      const r = await clipfile(['team', 'user', 'add', name, '--json', '--database', database])
      expect(r.code, r.stderr).toBe(0)
      return (JSON.parse(r.stdout) as { token: string }).token
    }
    const ana = await token('ana')
    const ben = await token('ben')

    // Ben shares an article with a highlight, from his own archive.
    const benDb = join(served.dir, 'ben.db')
    const page1 = join(served.dir, 'tillerson.html')
    writeFileSync(page1, newsPage('Tillerson says Iran must withdraw from Syria', 'The Daily Ledger', 'Julian Borger', '2017-10-22T09:00:00Z', [
      'Secretary of State Rex Tillerson said Iran needs to withdraw its military forces from Syria now that the fight against Islamic State is nearly over.',
      'The remarks came during a visit to Riyadh, where he met Saudi and Iraqi leaders.'
    ]))
    for (const args of [
      ['import', page1],
      ['highlight', 'add', '1', '--quote', 'Iran needs to withdraw its military forces from Syria', '--note', 'The key demand', '--tag', 'Tillerson'],
      ['team', 'join', serverUrl, '--token', ben, '--share', 'all'],
      ['team', 'sync']
    ]) {
      const r = await clipfile(['--db', benDb, ...args])
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0)
    }

    // Ana joins from her archive and syncs from the sidebar.
    expect((await served.cli(['team', 'join', serverUrl, '--token', ana])).code).toBe(0)
    await page.goto(served.url)
    const indicator = page.getByRole('region', { name: 'Team sync' })
    await expect(indicator).toContainText('ana · editor')
    await indicator.getByRole('button', { name: 'Sync now' }).click()
    await expect(indicator.getByRole('status')).toHaveText(/Synced just now/)
    await expect(page.getByRole('link', { name: /Tillerson says Iran must withdraw/ }).first()).toBeVisible()
    await snap(page, 'team-synced')
    // In a narrow window the sidebar is a rail: the sync state is its dot, still announced.
    const size = page.viewportSize()!
    await page.setViewportSize({ width: 800, height: 820 })
    await expect(indicator.getByRole('status')).toHaveText(/Synced just now/)
    await expect(indicator.getByRole('button', { name: 'Sync now' })).toBeHidden()
    await snap(page, 'team-synced-800')
    await page.setViewportSize(size)

    // The Team scope searches the server, and says who made the matching highlight.
    await page.keyboard.press('/')
    await page.keyboard.type('withdraw')
    await page.getByRole('group', { name: 'Search in' }).getByRole('button', { name: 'Team' }).click()
    await expect(page.getByText('in the team’s archive')).toBeVisible()
    const results = page.getByRole('list', { name: 'Search results' })
    await expect(results.locator(':scope > li')).toHaveCount(1)
    await expect(results.getByRole('list', { name: 'Matching quotes' })).toContainText('· by ben')
    await snap(page, 'team-search')

    // In the reader, Ben's highlight says whose it is; Ana adds hers, and it goes to the team.
    await results.getByRole('link', { name: /Tillerson says/ }).click()
    const panel = page.getByRole('complementary', { name: 'Highlights' })
    await expect(panel).toContainText('by ben')
    await snap(page, 'team-reader')
    const addedByAna = await served.cli(['highlight', 'add', '1', '--quote', 'The remarks came during a visit to Riyadh', '--note', 'Where he said it'])
    expect(addedByAna.code, addedByAna.stderr).toBe(0)
    await page.reload()
    await expect(indicator.getByRole('status')).toHaveText('1 change waiting')
    await indicator.getByRole('button', { name: 'Sync now' }).click()
    await expect(indicator.getByRole('status')).toHaveText(/Synced just now/)
    const db = new pg.Client({ connectionString: database })
    await db.connect()
    const onServer = await db.query('SELECT u.name, h.note FROM highlights h JOIN users u ON u.id = h.created_by ORDER BY h.id')
    await db.end()
    expect(onServer.rows).toEqual([{ name: 'ben', note: 'The key demand' }, { name: 'ana', note: 'Where he said it' }])
    expect(consoleErrors).toEqual([])
  })
})
