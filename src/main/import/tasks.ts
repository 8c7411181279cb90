/** One thing to import, however it arrived (URL, file, pasted HTML, a row of another app's export). */
export interface ImportTask {
  /** What the user sees in progress and errors: a URL, a path, "pasted HTML". */
  source: string
  /** Loads the page; throws UserError with a reason when it cannot. */
  load(): Promise<LoadedPage>
  /** Extra tags (e.g. from another app's export). */
  tags?: string[]
  /** When the user saved it in the app it came from. */
  savedAt?: string
  /** Highlights carried by an export: anchored by their quote after the article is stored. */
  highlights?: ImportedHighlight[]
  /** Title to fall back on (exports know it even when the page has none). */
  title?: string
}

export interface LoadedPage {
  body: string | Buffer
  url?: string
  contentType?: string | null
  /** Keep the original bytes as the raw page (false for pages built from an export's text). */
  keepRaw?: boolean
}

export interface ImportedHighlight {
  quote: string
  note?: string
  tags?: string[]
  color?: string
  createdAt?: string
}
