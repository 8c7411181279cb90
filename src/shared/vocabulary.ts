/**
 * The contract's fixed vocabularies, in one zod-free place: the schemas (contract/*.ts), the
 * CLI and the renderer all take them from here, so the renderer bundles no zod.
 */

/** Highlight colours, in the order the toolbar offers them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]

/** Orders of the library list. */
export const ARTICLE_SORTS = ['saved', 'published', 'title'] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]

/** Article details a user can correct (the correction survives re-import and re-extraction). */
export const CORRECTABLE_FIELDS = ['title', 'authors', 'site', 'publishedAt'] as const
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number]

/** Languages written right to left (ISO 639 primary subtags). */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'ug', 'sd', 'syr'])

/** The writing direction a language tag implies ("ar-EG" → rtl; none or unknown → ltr). */
export const directionOf = (language: string | null | undefined): 'ltr' | 'rtl' =>
  RTL_LANGUAGES.has((language ?? '').trim().toLowerCase().split('-')[0]) ? 'rtl' : 'ltr'
/** Where an article is in the reading workflow: new saves land in the inbox; read and kept ones in the archive. */
export const ARTICLE_STATES = ['inbox', 'archive'] as const
export type ArticleState = (typeof ARTICLE_STATES)[number]

/** App-wide appearance settings. */
export const THEMES = ['auto', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const
export type LineWidth = (typeof LINE_WIDTHS)[number]
/** The reader's text size in CSS pixels, and its bounds. */
export const TEXT_SIZE = { min: 14, max: 28, default: 19 } as const

/** Orders of search results. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** Highlight exports: Markdown, W3C Web Annotation JSON-LD, CSV, one article as HTML. */
export const EXPORT_FORMATS = ['md', 'json', 'csv', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Exports of what one speaker said. */
export const SPEAKER_EXPORT_FORMATS = ['md', 'csv'] as const
export type SpeakerExportFormat = (typeof SPEAKER_EXPORT_FORMATS)[number]

/** Kinds of detected quotation: a full statement, a fragment in reported speech, scare quotes (not speech). */
export const QUOTE_KINDS = ['direct', 'partial', 'scare'] as const
export type QuoteKind = (typeof QUOTE_KINDS)[number]

/** Search snippets are plain text with each match between these two characters (never HTML). */
export const SNIPPET_OPEN = '\u0002'
export const SNIPPET_CLOSE = '\u0003'

/** How a version of an article was obtained: saved or re-imported, captured by the extension, re-checked at its address, extracted again from its raw page. */
export const VERSION_HOWS = ['import', 'capture', 'recheck', 'reextract'] as const
export type VersionHow = (typeof VERSION_HOWS)[number]

/** What one check of an article found: a new version, the same text, the page gone (404/410), or a failure. */
export const CHECK_OUTCOMES = ['changed', 'unchanged', 'gone', 'failed'] as const
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number]

/** How long newly saved web articles are followed for updates (the setting; 'off' follows none). */
export const FOLLOW_NEW_FOR = ['off', 'week', 'month', 'year'] as const
export type FollowNewFor = (typeof FOLLOW_NEW_FOR)[number]

/** Exports of a diff between two versions: a self-contained HTML page, or Markdown (CriticMarkup). */
export const DIFF_EXPORT_FORMATS = ['html', 'md'] as const
export type DiffExportFormat = (typeof DIFF_EXPORT_FORMATS)[number]

/** One run of a word-level diff: text both versions share, or text only the later (insert) or earlier (delete) one has. */
export const DIFF_OPS = ['equal', 'insert', 'delete'] as const
export type DiffOp = (typeof DIFF_OPS)[number]
