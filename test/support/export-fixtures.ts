/** Sample articles for the exporters' tests. */
import type { Highlight } from '../../src/shared/types'
import type { ExportArticle } from '../../src/main/export/types'

export function highlight(over: Partial<Highlight> & Pick<Highlight, 'id' | 'exact'>): Highlight {
  return {
    articleId: 1,
    start: 0,
    end: over.exact.length,
    prefix: '',
    suffix: '',
    color: 'yellow',
    note: '',
    tags: [],
    orphan: false,
    createdAt: '2017-04-10T08:00:00.000Z',
    updatedAt: '2017-04-10T08:00:00.000Z',
    version: 1,
    originalExact: over.exact,
    changedIn: null,
    ...over
  }
}

export function guardianArticle(highlights: Highlight[] = []): ExportArticle {
  return {
    id: 1,
    title: 'Rex Tillerson: Russia must choose between US and Assad',
    url: 'https://www.theguardian.com/us-news/2017/apr/09/rex-tillerson-russia-syria',
    canonicalUrl: null,
    site: 'The Guardian',
    byline: 'Julian Borger',
    publishedAt: '2017-04-09T18:30:00+01:00',
    savedAt: '2024-05-01T10:00:00.000Z',
    tags: ['Syria'],
    highlights
  }
}
