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
