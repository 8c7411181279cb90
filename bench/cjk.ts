/**
 * Chinese and Japanese search (migration 007's trigram index): its size beside the text it
 * indexes, and the speed of substring queries, on an archive of generated Chinese articles;
 * and what indexing every (English) article by trigrams would cost, measured on a sample of
 * the main archive — the reason only Han/kana articles are indexed.
 */
import { existsSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { openApp } from '../src/main/app'
import { prepareArticle } from '../src/main/page/prepare'
import { searchArticles } from '../src/main/search/search'
import { makeRng, int, pick } from '../test/support/prng'
import { DATA_DIR, storePrepared } from './build'
import { stats, type Stats } from './measure'

/** Sentences of plain news Chinese (written for this benchmark), recombined per article. */
const SENTENCES = [
  '市政府周二宣布，港口扩建工程将于明年春季动工。', '据官员介绍，该项目预计耗资约四十亿元，工期为三年。', '当地居民对施工噪音表示担忧，并要求召开听证会。',
  '交通部门表示，施工期间部分道路将实行临时管制。', '专家认为，扩建后港口的年吞吐量有望提高三成。', '环保组织呼吁在施工中保护附近的湿地和候鸟栖息地。',
  '市议会将于下月就该计划进行最后表决。', '一位码头工人说，新的工作岗位对年轻人很重要。', '气象部门预计，本周末沿海地区将出现强降雨。',
  '教育局表示，新学期将增加两百名教师。', '医院方面称，急诊科的等候时间比去年缩短了一半。', '警方正在调查上周发生在市中心的交通事故。',
  '宇航员在太空中生活需要适应失重环境。', '研究人员发现，睡眠不足会影响记忆力。', '这座有百年历史的图书馆将于十月重新开放。',
  '农民们希望今年的收成能够好于去年。', '旅游业在疫情后逐步恢复，酒店入住率明显上升。', '央行决定维持基准利率不变。'
]
const QUERIES: [string, string][] = [
  ['3 characters, in ~1/3 of articles', '港口扩'],
  ['5 characters, rare', '候鸟栖息地'],
  ['4 characters, everywhere-ish', '市政府周'],
  ['2 characters (text scan)', '湿地'],
  ['Chinese AND English word', '图书馆 harbour']
]

export interface CjkResult {
  articles: number
  textBytes: number
  indexBytes: number
  indexVsText: number
  queries: { name: string; query: string; total: number; p50: number; p95: number }[]
  /** Trigram index of English text, bytes per byte of text, from a sample of the main archive. */
  englishTrigramVsText: number | null
  englishSample: number
  buildSeconds: number
}

export async function cjkBench(size: number, mainArchive: string | null, runs: number, log: (s: string) => void): Promise<CjkResult> {
  const path = `${DATA_DIR}cjk-n${size}.db`
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  const app = openApp(path)
  const t0 = performance.now()
  const rng = makeRng(20240601, 7)
  app.ctx.db.exec('BEGIN')
  for (let i = 0; i < size; i++) {
    const paragraphs = Array.from({ length: int(rng, 5, 12) }, () => Array.from({ length: int(rng, 2, 5) }, () => pick(rng, SENTENCES)).join('') + `第${i}号报告。`)
    const title = `${pick(rng, SENTENCES).slice(0, 12)}（${i}）`
    const html = `<html lang="zh"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
    const prepared = await prepareArticle({ html, url: `https://news.example.cn/${i}` }, { loadImage: async () => null })
    storePrepared(app.ctx.db, { url: `https://news.example.cn/${i}`, html, tags: [], highlights: [] }, prepared)
  }
  app.ctx.db.exec('COMMIT')
  const buildSeconds = (performance.now() - t0) / 1000
  const db = app.ctx.db
  db.pragma('wal_checkpoint(TRUNCATE)')
  const textBytes = db.prepare('SELECT sum(length(CAST(text AS BLOB))) FROM article_content').pluck().get() as number
  const indexBytes = db.prepare("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_cjk%'").pluck().get() as number
  log(`  CJK: ${size} Chinese articles built in ${buildSeconds.toFixed(1)} s; trigram index ${(indexBytes / 1e6).toFixed(1)} MB for ${(textBytes / 1e6).toFixed(1)} MB of text`)
  const queries = QUERIES.map(([name, query]) => {
    for (let i = 0; i < 5; i++) searchArticles(db, { query, limit: 20 })
    const samples: number[] = []
    let total = 0
    for (let i = 0; i < runs; i++) {
      const s = performance.now()
      total = searchArticles(db, { query, limit: 20 }).total
      samples.push(performance.now() - s)
    }
    const st: Stats = stats(samples)
    return { name, query, total, p50: st.p50, p95: st.p95 }
  })
  app.close()
  rmSync(path, { force: true })
  const english = mainArchive && existsSync(mainArchive) ? englishTrigramCost(mainArchive, 2000) : null
  return { articles: size, textBytes, indexBytes, indexVsText: indexBytes / textBytes, queries, englishTrigramVsText: english?.ratio ?? null, englishSample: english?.n ?? 0, buildSeconds }
}

/** What a trigram index of English articles would weigh, per byte of their text (a scratch database). */
function englishTrigramCost(archive: string, n: number): { ratio: number; n: number } {
  const scratch = `${DATA_DIR}trigram-english.db`
  rmSync(scratch, { force: true })
  const db = new Database(scratch)
  db.exec(`ATTACH DATABASE '${archive.replace(/'/g, "''")}' AS src`)
  db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1)")
  db.prepare('INSERT INTO t(rowid, text) SELECT article_id, text FROM src.article_content ORDER BY article_id LIMIT ?').run(n)
  const text = db.prepare('SELECT sum(length(CAST(text AS BLOB))) FROM (SELECT text FROM src.article_content ORDER BY article_id LIMIT ?)').pluck().get(n) as number
  db.exec('DETACH DATABASE src')
  const bytes = db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 't%'").pluck().get() as number
  db.close()
  rmSync(scratch, { force: true })
  return { ratio: bytes / text, n }
}
