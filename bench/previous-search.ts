/** The search of an earlier commit, run beside today's (compare-previous.ts, search-scale.ts --against). */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { searchArticles, SearchInput } from '../src/main/search/search'
import type { SearchResult } from '../src/shared/types'
import { DATA_DIR } from './build'

export type Search = (db: Parameters<typeof searchArticles>[0], input: SearchInput) => SearchResult

/**
 * src/main/search at `ref`, copied out of git into bench/.data/previous-search/ (its imports
 * outside search/ pointed at today's modules: the database, quotes, shared types) and loaded.
 */
export async function loadPrevious(ref: string, root: string): Promise<Search> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
  const dir = join(DATA_DIR, 'previous-search')
  mkdirSync(dir, { recursive: true })
  const files = git('ls-tree', '--name-only', `${ref}:src/main/search`).split('\n').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  for (const f of files) {
    const text = git('show', `${ref}:src/main/search/${f}`)
      .replace(/from '\.\.\/\.\.\/shared\//gu, `from '${root}src/shared/`)
      .replace(/from '\.\.\//gu, `from '${root}src/main/`)
    writeFileSync(join(dir, f), text)
  }
  const mod = (await import(join(dir, 'search.ts'))) as { searchArticles: Search }
  return mod.searchArticles
}
