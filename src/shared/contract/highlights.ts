/** Highlights: made, edited, listed across the library, exported. */
import { z } from 'zod'
import { EXPORT_FORMATS } from '../vocabulary'
import type { ExportFile, Highlight, QuoteList } from '../types'
import { color, id, note, offset, tagName } from './common'

export const highlightSchemas = {
  /** Highlight a range of the article's plain text, or the one place a quote occurs. */
  addHighlight: z
    .object({
      articleId: id,
      start: offset.optional(),
      end: offset.optional(),
      quote: z.string().trim().min(1, 'the quote is empty').max(20_000).optional(),
      color: color.default('yellow'),
      note: note.default(''),
      tags: z.array(tagName).max(50).default([])
    })
    .strict()
    .refine((v) => (v.quote !== undefined) !== (v.start !== undefined && v.end !== undefined), {
      message: 'give either start and end, or quote'
    })
    .refine((v) => v.start === undefined || v.end === undefined || v.end > v.start, { message: 'end must be after start' }),
  /** Change a highlight's colour, note or tags. */
  updateHighlight: z
    .object({ id, color: color.optional(), note: note.optional(), tags: z.array(tagName).max(50).optional() })
    .strict(),
  /** Delete one highlight. */
  deleteHighlight: z.object({ id }).strict(),
  /** Highlights across the library with their articles, filtered by article, tag or colour. */
  listQuotes: z
    .object({
      articleId: id.optional(),
      tag: tagName.optional(),
      color: color.optional(),
      limit: z.number().int().min(1).max(2000).default(200),
      offset: offset.default(0)
    })
    .strict(),
  /** Highlights (of one article, a tag, or everything) as Markdown, Web Annotation JSON-LD, CSV, or one article as HTML. */
  exportHighlights: z
    .object({
      format: z.enum(EXPORT_FORMATS),
      articleId: id.optional(),
      /** Several articles (a selection in the library): each with its highlights, also one without any. */
      articleIds: z.array(id).min(1).max(200_000).optional(),
      tag: tagName.optional(),
      /** The highlights a search finds. */
      query: z.string().max(2000).optional()
    })
    .strict()
    .refine((v) => v.format !== 'html' || v.articleId !== undefined, { message: 'the HTML export is of one article: give articleId' })
    .refine((v) => v.query === undefined || v.format !== 'html', { message: 'the HTML export is of one article, not of a search' })
    .refine((v) => v.articleIds === undefined || v.format !== 'html', { message: 'the HTML export is of one article: give articleId' })
}

export interface HighlightOutputs {
  addHighlight: Highlight
  updateHighlight: Highlight
  deleteHighlight: { deleted: number }
  listQuotes: QuoteList
  exportHighlights: ExportFile
}
