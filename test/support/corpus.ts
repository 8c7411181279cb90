import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The real-page corpus (Mozilla Readability's test pages), for quality runs and benchmarks
 * only — never for the test suite: `../shared/corpus` beside the repository, or the folder
 * CLIPFILE_CORPUS names (the pages' folder itself, or the shared corpus folder holding it).
 * Callers skip with a message when it is absent.
 */
function corpusDir(): string {
  const named = process.env.CLIPFILE_CORPUS
  if (!named) return resolve(import.meta.dirname, '../../../shared/corpus/readability-test-pages')
  const inside = join(named, 'readability-test-pages')
  return existsSync(inside) ? inside : named
}

export const CORPUS_DIR = corpusDir()
