/**
 * Where an archive's bytes are: file size against its article text, per table and index
 * (SQLite's dbstat), and article_content's columns. For the real-page archive that
 * bench/import-stages.ts leaves behind (/tmp/clipfile-import-stages.db), or any archive.
 *
 *   npx tsx bench/size-breakdown.ts <archive.db>
 */
import Database from 'better-sqlite3'
import { sizeOf } from './measure'

const path = process.argv[2]
if (!path) throw new Error('usage: bench/size-breakdown.ts <archive.db>')
const db = new Database(path)
const s = sizeOf(db as never, path)
const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
const x = (b: number) => `${(b / s.textBytes).toFixed(3)}×`
console.log(`${articles} articles, text ${s.textBytes} B; file ${s.bytes} B = ${x(s.bytes)} the text`)
console.log(`article_content columns: text ${x(s.columns.text)}, doc ${x(s.columns.doc)}, raw ${x(s.columns.raw)}`)
for (const r of s.breakdown) if (r.bytes > s.bytes / 500) console.log(`  ${r.name.padEnd(34)} ${String(r.bytes).padStart(10)}  ${x(r.bytes)}`)
db.close()
