// Where searchArticles' time goes on the 10k archive: npx tsx bench/profile-search.mts (after npm run bench).
import Database from 'better-sqlite3'
import { searchArticles } from '../src/main/search/search'
import { archivePath } from './build'
const db = new Database(archivePath(10000, 20240601), { readonly: true })
const med = (f: () => unknown) => { const s: number[] = []; for (let i = 0; i < 40; i++) { const t0 = performance.now(); f(); s.push(performance.now() - t0) } s.sort((a, b) => a - b); return s[20].toFixed(2) }
for (const [q, fts] of [['government ceasefire', '"government" "ceasefire"'], ['ceasefire', '"ceasefire"'], ['according', '"according"'], ['econom*', '"econom"*']]) {
  const ids = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20').pluck().all(fts) as number[]
  const snip = db.prepare(`SELECT snippet(articles_fts, 3, '[', ']', '…', 14) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`).pluck()
  const win = db.prepare('SELECT rowid, bm25(articles_fts, 10.0, 2.0, 2.0, 1.0) FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 2000')
  const cnt = db.prepare('SELECT count(*) FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)').pluck()
  console.log(q.padEnd(22), 'app', med(() => searchArticles(db, { query: q, limit: 20 })), '| app no-hits(limit 1)', med(() => searchArticles(db, { query: q, limit: 1 })),
    '| raw rank', med(() => db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20').all(fts)),
    '| window bm25 2000', med(() => win.all(fts)), '| count', med(() => cnt.get(fts)),
    '| 20 snippets', med(() => ids.forEach((id) => snip.get(fts, id))))
}
db.close()
