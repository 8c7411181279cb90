/**
 * Writes the article text Clipfile extracts from corpus pages, as the quote labels refer to it:
 *   npx tsx scripts/quality/quotes-text.ts <out-dir> <page> [<page> …]
 * (pages are folder names in the real-page corpus; see scripts/quality/README.md). A page with no
 * readable article is reported and skipped.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareArticle } from '../../src/main/page/prepare'
import { CORPUS_DIR } from '../../test/support/corpus'

const [out, ...pages] = process.argv.slice(2)
for (const id of pages) {
  const html = readFileSync(join(CORPUS_DIR, id, 'source.html'), 'utf8')
  try {
    const r = await prepareArticle({ html, url: `http://fakehost/${id}/` }, { loadImage: async () => null })
    writeFileSync(join(out, `${id}.txt`), r.text)
    console.log(`${id}: ${r.text.length} characters`)
  } catch (e) {
    console.log(`${id}: skipped (${(e as Error).message})`)
  }
}
