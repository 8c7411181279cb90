export interface LabelledQuote {
  /** Offsets (UTF-16) of the quoted words, without the quote marks. */
  start: number
  end: number
  /** Exact text: article.text.slice(start, end). */
  text: string
  /** Canonical speaker, or null (scare quotes, unknown speakers). */
  speaker: string | null
  kind: 'direct' | 'partial' | 'scare'
}

export interface LabelledArticle {
  id: string
  text: string
  quotes: LabelledQuote[]
}
