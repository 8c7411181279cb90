import { resolve } from 'node:path'

/**
 * The real-page corpus (Mozilla Readability's test pages), for quality runs and benchmarks
 * only — never for the test suite: `../shared/corpus` beside the repository, or the folder
 * CLIPFILE_CORPUS names. Callers skip with a message when it is absent.
 */
export const CORPUS_DIR = process.env.CLIPFILE_CORPUS ?? resolve(import.meta.dirname, '../../../shared/corpus/readability-test-pages')
