/** Result types of the contract. Dates are ISO 8601 strings. */

export interface AppInfo {
  version: string
  dbPath: string
  schemaVersion: number
  articles: number
  highlights: number
}

export interface ArticleSummary {
  id: number
  url: string
  title: string
  byline: string | null
  site: string | null
  publishedAt: string | null
  savedAt: string
  language: string | null
  excerpt: string | null
  wordCount: number
  tags: string[]
  highlightCount: number
}

export interface ArticleList {
  total: number
  items: ArticleSummary[]
}

export interface TextSelectors {
  /** TextPositionSelector over the article's plain text. */
  start: number
  end: number
  /** TextQuoteSelector. */
  exact: string
  prefix: string
  suffix: string
}

export interface Highlight extends TextSelectors {
  id: number
  articleId: number
  color: string
  note: string
  tags: string[]
  /** True when the quote could not be placed in the current text. */
  orphan: boolean
  createdAt: string
  updatedAt: string
}

export interface AssetRef {
  id: number
  mime: string
  bytes: number
}

export interface Article extends ArticleSummary {
  canonicalUrl: string | null
  modifiedAt: string | null
  /** ProseMirror JSON under the reader schema. */
  doc: unknown
  /** Plain text the highlights' selectors refer to. */
  text: string
  highlights: Highlight[]
  assets: AssetRef[]
}

export interface TagCount {
  name: string
  articles: number
  highlights: number
}

export interface ImportItemResult {
  source: string
  ok: boolean
  /** 'created' a new article, 'updated' an existing one (same canonical URL or content). */
  status?: 'created' | 'updated'
  id?: number
  title?: string
  error?: string
}

export interface ImportSummary {
  jobId: string
  created: number
  updated: number
  failed: number
  results: ImportItemResult[]
}
