/**
 * Versions: what a new version costs in storage, and how fast diffs are.
 *
 * Storage: a copy of the bench archive; a sample of its articles gets a new version through
 * the re-check path (`storeArticle` with the article's id, how = 'recheck'), each page edited
 * the way news pages are: a sentence reworded, a quote corrected, a paragraph added, a
 * sentence cut — and the page's chrome changed too (ad slot ids, the stylesheet's hash),
 * as it is on every request. Measured: the packed bytes the replaced version takes (its
 * text, reader document and raw page as deltas, with its row), against the article's own
 * stored size; then one unchanged re-check per article (a check row only).
 *
 * Diffs: `diffTexts` on generated articles of 10,000 and 50,000 words with 2% of their
 * words changed — as edits (sentences reworded, paragraphs added and removed) and, the worst
 * case, scattered (2% of words replaced one by one, everywhere); and `diffVersions` through
 * the api (rebuilding both versions, three diffs, quote detection on both).
 */
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs'
import { openApp } from '../src/main/app'
import { storeArticle } from '../src/main/import/store'
import { prepareArticle } from '../src/main/page/prepare'
import { findQuotes } from '../src/main/quotes/detect'
import { backfillQuotes } from '../src/main/quotes/service'
import { diffTexts } from '../src/main/versions/diff'
import { makeRng, int, type Rng } from '../test/support/prng'
import { generatePage } from './corpus'
import { DATA_DIR, storePrepared } from './build'
import { stats, type Stats } from './measure'

export interface VersionsResult {
  storage: {
    articles: number
    versions: number
    /** Mean stored size of a sampled article before its edit (text + gzip doc + brotli raw page). */
    article_bytes: number
    /** Mean packed bytes of a replaced version's content (text, doc, raw deltas). */
    version_bytes: number
    /** Mean bytes of a new version's row (metadata, summary of the change, headline, address). */
    row_bytes: number
    version_text_bytes: number
    version_doc_bytes: number
    version_raw_bytes: number
    /** The content without the raw page (for archives that keep no raw page). */
    version_bytes_without_raw: number
    /** Growth of the file (after VACUUM) per new version, everything included (FTS, checks). */
    file_growth_per_version: number
    /** The same after the search index is merged ('optimize'): what stays once FTS5 has merged its segments. */
    file_growth_after_fts_merge: number
    /** Where that growth is, per table and index (bytes per version, after the merge). */
    growth_by_table: { name: string; bytes_per_version: number }[]
    /** Mean time of storeArticle for a changed page (new version, deltas, summary, re-anchoring). */
    store_ms: Stats
    /** Bytes per unchanged re-check (a check row). */
    check_bytes: number
    unchanged_store_ms: Stats
  }
  /** Wall-clock and CPU time (this thread's work; the fair number on a machine others are loading). */
  diff: { name: string; words: number; changedWords: number; ms: Stats; cpu_ms: Stats }[]
  /** The 1-minute load average around the diff runs, and the cores. */
  load: { before: number; after: number; cores: number }
  api_diff_ms: Stats
}

const time = (f: () => void): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

// ---------------------------------------------------------------------------------------
// Storage

/** A page as its site changes it: a reworded sentence, a corrected quote, an added paragraph, a cut sentence, new chrome. */
export function editPage(html: string, rng: Rng): string {
  const from = html.indexOf('<div class="article-body">')
  const to = html.indexOf('<div class="story-footer">')
  if (from < 0 || to < 0) throw new Error('not a bench page')
  let body = html.slice(from, to)
  const paras = [...body.matchAll(/<p>([^<]+)<\/p>/g)]
  if (paras.length < 3) return html
  const pick = (k: number) => paras[Math.min(paras.length - 1, Math.max(0, k))]
  // A sentence reworded: three words in the middle of a paragraph a third of the way in.
  const a = pick(Math.floor(paras.length / 3))
  const words = a[1].split(' ')
  const at = Math.floor(words.length / 2)
  words.splice(at, 3, 'officials', 'later', 'disputed')
  body = body.replace(a[0], `<p>${words.join(' ')}</p>`)
  // A quote corrected, or failing that the first paragraph's opening changed.
  if (/“[A-Z]/.test(body)) body = body.replace(/“([A-Z])/, '“Not $1')
  else body = body.replace(paras[0][0], paras[0][0].replace('<p>', '<p>Updated: '))
  // A paragraph added two thirds of the way in.
  const b = pick(Math.floor((2 * paras.length) / 3))
  body = body.replace(b[0], `${b[0]}\n<p>A spokesman for the ministry said on ${['Monday', 'Tuesday', 'Friday'][int(rng, 0, 2)]} that the figures would be revised after a review of the data, and that a correction would follow.</p>`)
  // The last sentence of the last paragraph cut.
  const last = paras[paras.length - 1]
  const cut = last[1].replace(/\s[^.?!]+[.?!]$/, '')
  if (cut !== last[1]) body = body.replace(last[0], `<p>${cut}</p>`)
  // The chrome changes on every request: ad slots, the stylesheet's build hash.
  const chrome = (s: string) => s.replace(/data-ad-slot="\d+"/g, () => `data-ad-slot="${int(rng, 100000, 999999)}"`).replace(/main\.\d+\.css/, `main.${int(rng, 1000, 9999)}.css`)
  return chrome(html.slice(0, from)) + body + chrome(html.slice(to))
}

export async function storageBench(archive: string, seed: number, sample: number, log: (s: string) => void): Promise<VersionsResult['storage']> {
  const path = `${DATA_DIR}versions-scratch.db`
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true })
  copyFileSync(archive, path)
  if (existsSync(`${archive}-wal`)) copyFileSync(`${archive}-wal`, `${path}-wal`)
  const app = openApp(path, { inThread: true })
  const db = app.ctx.db
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as T
  const size = one<number>('SELECT count(*) FROM articles')
  const step = Math.max(1, Math.floor(size / sample))
  const ids = (db.prepare('SELECT id, url FROM articles ORDER BY id').all() as { id: number; url: string }[]).filter((_r, k) => k % step === 0).slice(0, sample)
  const fileBytes = () => {
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.exec('VACUUM')
    return statSync(path).size
  }
  const tables = () => new Map((db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[]).map((r) => [r.name, r.bytes]))
  log(`Versions: storage — ${ids.length} of ${size} articles get a new version with small edits (vacuuming the copy first)…`)
  // The copy's own index merged first, so that merging afterwards measures only what the new
  // versions add; its quotations detected first (the bench archive is built without them), so
  // that storing a version's quotations is not counted as growth.
  db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
  db.transaction(() => backfillQuotes(db))()
  const before = fileBytes()
  const tablesBefore = tables()
  const articleBytes = one<number>(
    `SELECT avg(length(CAST(text AS BLOB)) + length(doc) + coalesce(length(raw), 0)) FROM article_content WHERE article_id IN (SELECT value FROM json_each(?))`,
    JSON.stringify(ids.map((r) => r.id))
  )
  const rng = makeRng(seed, 16)
  const changed: number[] = []
  const unchanged: number[] = []
  for (const { id, url } of ids) {
    const index = Number(/-(\d+)$/.exec(url)?.[1])
    const html = editPage(generatePage(seed, index).html, rng)
    const prepared = await prepareArticle({ html, url }, { loadImage: async () => null })
    const input = { ...prepared, url, into: id, how: 'recheck' as const, raw: Buffer.from(html), rawType: 'text/html; charset=utf-8', quotes: findQuotes(prepared.text) }
    changed.push(time(() => storeArticle(db, input)))
    unchanged.push(time(() => storeArticle(db, input)))
  }
  const packed = db
    .prepare(
      `SELECT count(*) AS n, avg(length(text)) AS text, avg(length(doc)) AS doc, avg(coalesce(length(raw), 0)) AS raw
       FROM article_versions WHERE text IS NOT NULL`
    )
    .get() as { n: number; text: number; doc: number; raw: number }
  const row = one<number>(
    `SELECT avg(length(metadata) + coalesce(length(summary), 0) + length(title) + coalesce(length(byline), 0) + coalesce(length(url), 0)
              + length(created_at) + length(how) + length(content_hash) + 16) FROM article_versions WHERE number > 1`
  )
  const checks = one<number>("SELECT avg(coalesce(length(url), 0) + length(checked_at) + length(how) + length(outcome) + 40) FROM article_checks WHERE outcome = 'unchanged'")
  const after = fileBytes()
  db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
  const merged = fileBytes()
  const tablesAfter = tables()
  app.close()
  const growth = [...tablesAfter]
    .map(([name, bytes]) => ({ name, bytes_per_version: (bytes - (tablesBefore.get(name) ?? 0)) / Math.max(1, ids.length) }))
    .filter((g) => Math.abs(g.bytes_per_version) >= 50)
    .sort((a, b) => b.bytes_per_version - a.bytes_per_version)
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true })
  return {
    articles: size,
    versions: packed.n,
    article_bytes: articleBytes,
    version_bytes: packed.text + packed.doc + packed.raw,
    row_bytes: row,
    version_text_bytes: packed.text,
    version_doc_bytes: packed.doc,
    version_raw_bytes: packed.raw,
    version_bytes_without_raw: packed.text + packed.doc,
    file_growth_per_version: (after - before) / Math.max(1, packed.n),
    file_growth_after_fts_merge: (merged - before) / Math.max(1, packed.n),
    growth_by_table: growth,
    store_ms: stats(changed),
    check_bytes: checks,
    unchanged_store_ms: stats(unchanged)
  }
}

// ---------------------------------------------------------------------------------------
// Diff speed

/** 2% of the words changed as a desk edits: sentences reworded, paragraphs added and removed. */
function editText(text: string, rng: Rng): { text: string; changed: number } {
  const paras = text.split('\n\n')
  const words = text.split(/\s+/).length
  let budget = Math.round(words * 0.02)
  let changed = 0
  while (budget > 0) {
    const k = int(rng, 0, paras.length - 1)
    const r = rng()
    if (r < 0.6) {
      const ws = paras[k].split(' ')
      const at = int(rng, 0, Math.max(0, ws.length - 5))
      const n = Math.min(5, ws.length - at)
      ws.splice(at, n, ...Array.from({ length: n }, (_x, i) => ['revised', 'officials', 'later', 'said', 'disputed'][i % 5]))
      paras[k] = ws.join(' ')
      budget -= n
      changed += n
    } else if (r < 0.85) {
      const added = 'A spokesman for the ministry said the figures would be revised after a review of the data, and that a correction would follow later this week.'
      paras.splice(k, 0, added)
      budget -= 26
      changed += 26
    } else {
      const n = paras[k].split(' ').length
      if (n > budget + 10 || paras.length < 3) continue
      paras.splice(k, 1)
      budget -= n
      changed += n
    }
  }
  return { text: paras.join('\n\n'), changed }
}

/** 2% of the words replaced one by one, spread evenly: the worst case for the alignment. */
function scatter(text: string, rng: Rng): { text: string; changed: number } {
  let changed = 0
  const out = text.replace(/[A-Za-z]+/g, (w) => (rng() < 0.02 ? (changed++, `${w}x`) : w))
  return { text: out, changed }
}

export async function diffBench(seed: number, runs: number, log: (s: string) => void): Promise<VersionsResult['diff']> {
  const out: VersionsResult['diff'] = []
  for (const words of [10_000, 50_000]) {
    const page = generatePage(seed, 9_100_000 + words, { words })
    const a = (await prepareArticle({ html: page.html, url: page.url }, { loadImage: async () => null })).text
    for (const [name, edit] of [['edits', editText], ['scattered', scatter]] as const) {
      const { text: b, changed } = edit(a, makeRng(seed, words))
      const n = a.split(/\s+/).length
      log(`Versions: diff of a ${n.toLocaleString('en')}-word article, ${changed} words changed (${name}), ${runs} runs…`)
      for (let i = 0; i < 3; i++) diffTexts(a, b)
      const samples: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < runs; i++) {
        const c0 = process.cpuUsage()
        samples.push(time(() => diffTexts(a, b, { timeoutMs: 10_000 })))
        const c = process.cpuUsage(c0)
        cpu.push((c.user + c.system) / 1000)
      }
      const check = diffTexts(a, b)
      if (check.coarse) log('  (the diff ran out of time and was coarse)')
      out.push({ name: `${n.toLocaleString('en')} words, ${name}`, words: n, changedWords: changed, ms: stats(samples), cpu_ms: stats(cpu) })
    }
  }
  return out
}

/** diffVersions through the api on a 10,000-word article with 2% changed (both versions rebuilt, quotes detected). */
export async function apiDiffBench(seed: number, runs: number): Promise<Stats> {
  const path = `${DATA_DIR}versions-api-scratch.db`
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true })
  const app = openApp(path, { inThread: true })
  const page = generatePage(seed, 9_200_000, { words: 10_000 })
  const prepared = await prepareArticle({ html: page.html, url: page.url }, { loadImage: async () => null })
  const id = storePrepared(app.ctx.db, { ...page, highlights: [] }, prepared)
  const edited = editText(prepared.text, makeRng(seed, 3)).text
  const paragraphs = edited.split('\n\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')
  const html = page.html.replace(/<div class="article-body">[\s\S]*?<div class="story-footer">/, `<div class="article-body">${paragraphs}</div><div class="story-footer">`)
  const v2 = await prepareArticle({ html, url: page.url }, { loadImage: async () => null })
  storeArticle(app.ctx.db, { ...v2, url: page.url, into: id, how: 'recheck', raw: Buffer.from(html) })
  const samples: number[] = []
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now()
    const r = await app.api.diffVersions({ articleId: id })
    if (!r.ok) throw new Error(r.error.message)
    if (i >= 3) samples.push(performance.now() - t0)
  }
  app.close()
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true })
  return stats(samples)
}
