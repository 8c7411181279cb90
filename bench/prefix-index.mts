// What prefix='2 3' on articles_fts would do for wide prefix queries, on a copy of the 10k archive
// (npx tsx bench/prefix-index.mts after npm run bench; not part of it). Size and timings, before/after.
import Database from 'better-sqlite3'
import { copyFileSync, rmSync } from 'node:fs'
import { archivePath } from './build'
const src = archivePath(10000, 20240601)
const dst = '/tmp/prefix-copy.db'
const med = (db: any, sql: string, arg: string) => { const st = db.prepare(sql); st.all(arg); const s: number[] = []; for (let i = 0; i < 15; i++) { const t0 = performance.now(); st.all(arg); s.push(performance.now() - t0) } s.sort((a, b) => a - b); return s[7] }
const size = (db: any) => db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'").pluck().get() as number
const queries = ['"w"*', '"co"*', '"st"*', '"pr"*', '"ec"*', '"eco"*', '"econom"*', '"according"']
const RAW = 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20'
const CNT = 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?'
const WIN = 'SELECT rowid, bm25(articles_fts, 10.0, 2.0, 2.0, 1.0) FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 2000'
function run(db: any, label: string) {
  console.log(label, 'articles_fts bytes', size(db))
  for (const q of queries) console.log(' ', q.padEnd(12), 'rank LIMIT 20', med(db, RAW, q).toFixed(2), '| count', med(db, CNT, q).toFixed(2), '| bm25 window', med(db, WIN, q).toFixed(2))
}
rmSync(dst, { force: true }); copyFileSync(src, dst)
const db = new Database(dst)
db.pragma('journal_mode = DELETE')
run(db, 'before (no prefix index)')
const t0 = performance.now()
db.exec(`DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, site, text, content = 'article_search_source', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');`)
console.log('rebuild seconds', ((performance.now() - t0) / 1000).toFixed(1))
db.exec('VACUUM')
run(db, "after prefix='2 3'")
db.close(); rmSync(dst, { force: true })
