/**
 * `npm run bench:team [-- --size 100000] [--runs N] [--load-seconds 60] [--clients 20] [--no-load] [--json]
 *    [--shared-buffers 512MB] [--keep] [--database URL --cluster-dir DIR]`
 *
 * The team server on a throwaway PostgreSQL cluster (test/support/postgres.ts):
 * 1. an archive of `size` generated articles (bench/corpus.ts — the article text without the
 *    page around it, stored through storeArticle; extraction is import's cost, measured by
 *    `npm run bench`, not the team's), cached in bench/.data;
 * 2. pushed whole to the team server through the real path (join, share all, push over HTTP);
 * 3. the search benchmark's query mix (bench/measure.ts queryMix) on PostgreSQL: p50/p95 of
 *    teamSearch, with and without facets, and the top-10 of each query compared with the local
 *    search on the same archive;
 *    CPU time per query (this process's and the PostgreSQL cluster's processes') and the load
 *    average are reported beside wall-clock: on a shared machine they are what compares;
 * 4. 20 clients pushing and searching for a minute (bench/team-load.ts).
 * With `--database` (a team database a `--keep` run left loaded, and its cluster's folder for
 * the CPU meter) steps 1–2 are skipped: the query mix is measured again on the same data.
 * The result goes to stdout and bench/.data/team-last-n<size>.json.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openApp } from '../src/main/app'
import { LATEST_VERSION } from '../src/main/db/migrations'
import { storeArticle } from '../src/main/import/store'
import { searchArticles } from '../src/main/search/search'
import * as sync from '../src/main/sync/service'
import { createPool } from '../src/team/store/pool'
import { migrateTeam } from '../src/team/store/migrations'
import { addUser } from '../src/team/store/users'
import { startTeamServer } from '../src/team/server'
import { createLogger } from '../src/team/log'
import { teamSearch } from '../src/team/search'
import { startCluster } from '../test/support/postgres'
import { DEFAULT_SEED, GENERATOR_VERSION, generatePage } from './corpus'
import { OUTLETS } from './words'
import { queryMix } from './measure'
import { DATA_DIR } from './build'
import { runLoad, verifyLoad } from './team-load'
import { bulkLoad } from './team-bulk'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    runs: { type: 'string', default: '30' },
    'load-seconds': { type: 'string', default: '60' },
    clients: { type: 'string', default: '20' },
    'no-load': { type: 'boolean', default: false },
    /** Skip the runs with facets and timeline (seconds per broad query at 100k). */
    'no-facets': { type: 'boolean', default: false },
    /** push: the whole archive through HTTP push; bulk: set-based SQL, with push measured on a sample. */
    via: { type: 'string' },
    'push-sample': { type: 'string', default: '2000' },
    json: { type: 'boolean', default: false },
    'shared-buffers': { type: 'string', default: '512MB' },
    /** Keep the cluster running at the end (its URL is printed), for EXPLAIN ANALYZE by hand. */
    keep: { type: 'boolean', default: false },
    /** A team database already loaded from this archive (by a `--keep` run): measure search on it. */
    database: { type: 'string' },
    /** The folder of that database's cluster (its `data/postmaster.pid`), for PostgreSQL's CPU time. */
    'cluster-dir': { type: 'string' }
  }
})
const size = Number(values.size)
const seed = Number(values.seed)
const runs = Number(values.runs)
const log = (s: string) => process.stderr.write(s + '\n')

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number)

/** CPU time (ms) of the PostgreSQL cluster's processes: the postmaster with its reaped children, and the live backends. */
function clusterCpuMs(dir: string): number {
  const ticks = (pid: string, fields: number[]) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      return fields.reduce((t, i) => t + Number(f[i]), 0)
    } catch {
      return 0 // exited meanwhile: its time is in the postmaster's children's time
    }
  }
  const postmaster = readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0].trim()
  let t = ticks(postmaster, [11, 12, 13, 14])
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1] === postmaster) t += ticks(pid, [11, 12])
    } catch {
      // gone
    }
  }
  return t * 10 // USER_HZ = 100
}

/** CPU spent from now on by this process and by PostgreSQL, per run. */
function cpuMeter(dir: string) {
  const node0 = process.cpuUsage()
  const pg0 = clusterCpuMs(dir)
  return {
    per(n: number) {
      const d = process.cpuUsage(node0)
      return { node: (d.user + d.system) / 1000 / n, pg: (clusterCpuMs(dir) - pg0) / n }
    }
  }
}

/** The generated articles, stored the way every article is (storeArticle), without extraction. */
function ensureTextArchive(): string {
  mkdirSync(DATA_DIR, { recursive: true })
  const path = `${DATA_DIR}text-archive-n${size}-seed${seed}-gen${GENERATOR_VERSION}-schema${LATEST_VERSION}.db`
  if (existsSync(`${path}.done`)) {
    log(`Reusing ${path}`)
    return path
  }
  // The same articles stored under an earlier schema: migrated (timed) rather than stored again.
  const older = [...Array(LATEST_VERSION).keys()].reverse().map((v) => path.replace(`-schema${LATEST_VERSION}.db`, `-schema${v}.db`)).find((p) => existsSync(`${p}.done`))
  if (older) {
    log(`Migrating a copy of ${older} to schema ${LATEST_VERSION}…`)
    const t0 = performance.now()
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
    copyFileSync(older, path)
    openApp(path).close()
    writeFileSync(`${path}.done`, `migrated from ${older} in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    log(`  ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    return path
  }
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  log(`Building ${path} (${size} articles)…`)
  const t0 = performance.now()
  const app = openApp(path)
  const db = app.ctx.db
  for (let from = 0; from < size; from += 1000) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size, from + 1000); i++) {
        const p = generatePage(seed, i)
        const blocks = [p.article.standfirst, ...p.article.paragraphs]
        const text = blocks.join('\n\n')
        storeArticle(db, {
          url: p.url, canonicalUrl: p.url, title: p.title, byline: p.article.byline, authors: p.article.byline.split(' and '), agency: null, dir: 'ltr', site: p.outlet, publishedAt: p.publishedAt,
          modifiedAt: null, language: 'en', excerpt: p.article.standfirst, wordCount: p.words,
          contentHash: createHash('sha256').update(text).digest('hex'),
          doc: { type: 'doc', content: blocks.map((b) => ({ type: 'paragraph', content: [{ type: 'text', text: b }] })) },
          text, assets: [], savedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
          tags: p.tags, highlights: p.highlights
        })
      }
    }).immediate()
    if ((from / 1000) % 10 === 9) log(`  ${from + 1000}/${size} (${((from + 1000) / ((performance.now() - t0) / 1000)).toFixed(0)}/s)`)
  }
  app.close()
  writeFileSync(`${path}.done`, String((performance.now() - t0) / 1000))
  return path
}

/** Pushes the archive (or its first `limit` articles) through join, share and HTTP push; answers the throughput. */
async function pushArchive(app: ReturnType<typeof openApp>, url: string, token: string, limit: number | null) {
  await sync.join(app.ctx.db, url, token)
  const ids = app.ctx.db.prepare('SELECT id FROM articles ORDER BY id LIMIT ?').pluck().all(limit ?? -1) as number[]
  log(`Pushing ${ids.length} articles to the team server over HTTP…`)
  const t0 = performance.now()
  sync.shareArticles(app.ctx.db, ids)
  const pushed = await sync.pushAll(app.ctx.db, (done, left) => {
    if (done % 5_000 < 500) log(`  pushed ${done}, ${left} waiting`)
  })
  const seconds = (performance.now() - t0) / 1000
  log(`  ${seconds.toFixed(0)} s (${(ids.length / seconds).toFixed(0)} articles/s)`)
  return { ...pushed, articles: ids.length, seconds, articlesPerSecond: ids.length / seconds }
}

/** A cluster started for this run, or the one a `--database` run measures (never stopped here). */
async function openCluster(): Promise<{ url: string; dir: string; stop(): void; reused: boolean }> {
  if (values.database) {
    if (!values['cluster-dir']) throw new Error('--database needs --cluster-dir (the folder holding data/postmaster.pid)')
    return { url: values.database, dir: values['cluster-dir'], stop: () => {}, reused: true }
  }
  // A deployment would give PostgreSQL more than its 128 MB default of shared buffers (docs/team.md).
  const cluster = await startCluster([`shared_buffers=${values['shared-buffers']}`])
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query('CREATE DATABASE team')
  await admin.end()
  return { url: cluster.url.replace(/\/postgres$/, '/team'), dir: cluster.dir, stop: () => cluster.stop(), reused: false }
}

async function main() {
  const archive = ensureTextArchive()
  const cluster = await openCluster()
  const url = cluster.url
  const pool = createPool(url)
  const work = `${DATA_DIR}team-bench-work.db`
  for (const s of ['', '-wal', '-shm']) rmSync(work + s, { force: true })
  copyFileSync(archive, work)
  const out: Record<string, unknown> = { size, seed, runs }
  const stop = () => {
    cluster.stop()
    process.exit(130)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    await migrateTeam(pool)
    const server = await startTeamServer({ pool, port: 0, logger: createLogger(() => {}), rate: 100_000, burst: 100_000 })
    const { token, user } = cluster.reused ? { token: '', user: { id: 0 } } : await addUser(pool, 'bench', 'editor')
    const app = openApp(work)
    const via = values.via ?? (size > 10_000 ? 'bulk' : 'push')
    if (cluster.reused) {
      log(`Measuring search on ${url} (loaded by an earlier --keep run)`)
    } else if (via === 'push') {
      out.push = await pushArchive(app, server.url, token, null)
    } else {
      log(`Loading ${size} articles with set-based SQL (bench/team-bulk.ts)…`)
      const seconds = await bulkLoad(app.ctx.db, pool, user.id, log)
      out.bulk = { seconds, articlesPerSecond: size / seconds }
      log(`  ${seconds.toFixed(0)} s (${(size / seconds).toFixed(0)} articles/s)`)
      // Push throughput on a sample, into a database of its own.
      const sample = Number(values['push-sample'])
      const admin2 = new pg.Client({ connectionString: url })
      await admin2.connect()
      await admin2.query('CREATE DATABASE pushsample')
      await admin2.end()
      const pool2 = createPool(url.replace(/\/team$/, '/pushsample'))
      await migrateTeam(pool2)
      const server2 = await startTeamServer({ pool: pool2, port: 0, logger: createLogger(() => {}), rate: 100_000, burst: 100_000 })
      const t2 = await addUser(pool2, 'bench', 'editor')
      const copy = `${DATA_DIR}team-bench-sample.db`
      for (const x of ['', '-wal', '-shm']) rmSync(copy + x, { force: true })
      copyFileSync(archive, copy)
      const sampleApp = openApp(copy)
      out.push = await pushArchive(sampleApp, server2.url, t2.token, sample)
      sampleApp.close()
      for (const x of ['', '-wal', '-shm']) rmSync(copy + x, { force: true })
      await server2.close()
      await pool2.end()
    }
    if (!cluster.reused) await pool.query('VACUUM ANALYZE')
    const dbBytes = Number((await pool.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n)
    out.databaseMb = dbBytes / 1e6
    log(`Team database: ${(dbBytes / 1e6).toFixed(0)} MB`)

    const mix = queryMix(OUTLETS[0].domain, OUTLETS[1].domain)
    const rows: Record<string, unknown>[] = []
    const all: number[] = []
    const allUi: number[] = []
    let agree = 0
    let sameTotals = 0
    const cpuAll: number[] = []
    const loadBefore = loadavg()
    const uuidOf = app.ctx.db.prepare('SELECT uuid FROM articles WHERE id = ?').pluck()
    for (const spec of mix) {
      const input = { query: spec.query, sort: 'relevance' as const, limit: 20, offset: 0, facets: false, timeline: false }
      for (let i = 0; i < 5; i++) await teamSearch(pool, input)
      const app20: number[] = []
      const ui: number[] = []
      let total = 0
      let t0 = 0
      const cpu = cpuMeter(cluster.dir)
      for (let i = 0; i < runs; i++) {
        t0 = performance.now()
        total = (await teamSearch(pool, input)).total
        app20.push(performance.now() - t0)
      }
      const cpu20 = cpu.per(runs)
      const cpuUi = cpuMeter(cluster.dir)
      for (let i = 0; i < (values['no-facets'] ? 0 : runs); i++) {
        t0 = performance.now()
        await teamSearch(pool, { ...input, facets: true, timeline: true })
        ui.push(performance.now() - t0)
      }
      const cpuUiPer = cpuUi.per(runs)
      cpuAll.push(cpu20.node + cpu20.pg)
      all.push(...app20)
      allUi.push(...ui)
      const local = searchArticles(app.ctx.db, { query: spec.query, limit: 10 })
      const localTop = new Set(local.results.map((h) => uuidOf.get(h.id) as string))
      const teamTop = (await teamSearch(pool, { ...input, limit: 10 })).results.map((h) => h.uuid as string)
      const overlap = teamTop.filter((u) => localTop.has(u)).length
      const same = overlap === localTop.size && teamTop.length === localTop.size
      if (same) agree++
      if (total === local.total) sameTotals++
      rows.push({
        name: spec.name, query: spec.query, total, localTotal: local.total, p50: percentile(app20, 0.5), p95: percentile(app20, 0.95), uiP95: percentile(ui, 0.95),
        cpuMs: cpu20, uiCpuMs: cpuUiPer, top10Overlap: overlap, sameTop10: same
      })
      log(`  ${new Date().toISOString().slice(11, 19)} load ${loadavg()[0]}  ${spec.query.padEnd(32)} ${String(total).padStart(6)} (local ${local.total})  p50 ${percentile(app20, 0.5).toFixed(1)}  p95 ${percentile(app20, 0.95).toFixed(1)}  cpu ${cpu20.pg.toFixed(0)}+${cpu20.node.toFixed(0)}${ui.length ? `  ui p95 ${percentile(ui, 0.95).toFixed(1)} cpu ${(cpuUiPer.pg + cpuUiPer.node).toFixed(0)} ms` : ''}  top-10 ${overlap}/10${same ? '' : '  DIFFERS'}`)
    }
    const loadAfter = loadavg()
    out.search = {
      queries: rows, p50: percentile(all, 0.5), p95: percentile(all, 0.95), uiP95: percentile(allUi, 0.95), sameTop10: agree, sameTotals, of: mix.length,
      cpuPerQueryMs: { mean: cpuAll.reduce((x, y) => x + y, 0) / cpuAll.length, max: Math.max(...cpuAll) }, loadavg: { before: loadBefore, after: loadAfter }
    }
    log(`Search p50 ${percentile(all, 0.5).toFixed(1)} / p95 ${percentile(all, 0.95).toFixed(1)} ms${allUi.length ? `; with facets p95 ${percentile(allUi, 0.95).toFixed(1)} ms` : ''}; same top-10 as local search for ${agree}/${mix.length} queries, same total for ${sameTotals}/${mix.length}`)
    log(`  CPU per query (PostgreSQL + Node), mean ${(out.search as { cpuPerQueryMs: { mean: number } }).cpuPerQueryMs.mean.toFixed(1)} ms, dearest query ${Math.max(...cpuAll).toFixed(1)} ms; load average ${loadBefore.join(' ')} → ${loadAfter.join(' ')}`)
    app.close()

    if (!values['no-load'] && !cluster.reused) {
      const clients = Number(values.clients)
      const tokens: string[] = []
      for (let i = 0; i < clients; i++) tokens.push((await addUser(pool, `load${i}`, 'editor')).token)
      log(`Load: ${clients} clients pushing and searching for ${values['load-seconds']} s…`)
      const load = await runLoad({ url: server.url, tokens, seconds: Number(values['load-seconds']) })
      const check = await verifyLoad(pool, load.acked)
      const { acked: _acked, ...summary } = load
      out.load = { ...summary, errors: load.errors.slice(0, 10), errorCount: load.errors.length, check }
      log(`  ${load.pushes} pushes (p50 ${load.push.p50.toFixed(0)} / p95 ${load.push.p95.toFixed(0)} ms), ${load.searches} searches (p50 ${load.search.p50.toFixed(0)} / p95 ${load.search.p95.toFixed(0)} ms), ${load.errors.length} errors; ${load.articlesAcknowledged} articles acknowledged, missing ${check.missingArticles}, duplicates ${check.duplicates}`)
    }
    await server.close()
  } finally {
    await pool.end()
    if (values.keep && !cluster.reused) log(`Cluster kept running: ${url} (data in ${cluster.dir}; stop it with pg_ctl -D ${cluster.dir}/data stop; measure again with --database ${url} --cluster-dir ${cluster.dir})`)
    else cluster.stop()
    for (const s of ['', '-wal', '-shm']) rmSync(work + s, { force: true })
  }
  writeFileSync(`${DATA_DIR}team-last-n${size}${cluster.reused ? '-remeasured' : ''}.json`, JSON.stringify(out, null, 2))
  if (values.json) process.stdout.write(JSON.stringify(out) + '\n')
}

await main()
