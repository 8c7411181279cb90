// Where prepareArticle's time goes, stage by stage: npx tsx bench/profile-import.ts (not part of npm run bench).
import { generatePage } from './corpus'
import { extractArticle } from '../src/main/ingest/extract'
import { localiseImages } from '../src/main/ingest/images'
import { htmlToDoc, docToHtml } from '../src/main/ingest/to-doc'
import { docText } from '../src/shared/reader/text'
import { countWords, hashText } from '../src/main/ingest/prepare'
import { DOMParser } from 'linkedom'
import { Readability } from '@mozilla/readability'
const pages = Array.from({ length: 300 }, (_, i) => generatePage(20240601, i))
const t: Record<string, number> = {}
const time = async <T,>(k: string, f: () => T | Promise<T>): Promise<T> => { const t0 = performance.now(); const v = await f(); t[k] = (t[k] ?? 0) + performance.now() - t0; return v }
for (let round = 0; round < 2; round++) {
  for (const k of Object.keys(t)) t[k] = 0
  for (const p of pages) {
    await time('readability alone', () => new Readability(new DOMParser().parseFromString(p.html, 'text/html') as any).parse())
    const e = await time('extractArticle', () => extractArticle(p.html, p.url))
    const l = await time('localiseImages', () => localiseImages(e.contentHtml, async () => null))
    const doc = await time('htmlToDoc', () => htmlToDoc(l.html))
    await time('docToHtml', () => docToHtml(doc))
    const { text } = await time('docText', () => docText(doc))
    await time('toJSON+stringify', () => JSON.stringify(doc.toJSON()))
    await time('countWords', () => countWords(text))
    await time('hashText', () => hashText(text))
  }
}
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(20), (v / pages.length).toFixed(2), 'ms/page')
