/** One article's copy: its details as the user corrects them, a new copy from its kept page, its missing images. */
import { z } from 'zod'
import type { Article, ImageRetrySummary, ReextractSummary } from '../types'
import { id } from './common'

const personName = z.string().trim().min(1).max(200)
/** A date the user gives: YYYY-MM-DD or a full ISO 8601 date-time. */
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'a date is YYYY-MM-DD (or an ISO 8601 date-time)')
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), 'not a real date')

export const articleSchemas = {
  /**
   * Correct an article's title, authors, outlet or published date. A value sets the
   * correction; `reset` puts the page's own value back. Corrections survive re-import and re-extraction.
   */
  editArticle: z
    .object({
      id,
      title: z.string().trim().min(1, 'a title cannot be empty').max(1000).optional(),
      authors: z.array(personName).max(50).optional(),
      site: z.string().trim().min(1, 'an outlet cannot be empty').max(200).optional(),
      /** A date, or null for "no published date". */
      publishedAt: isoDate.nullable().optional(),
      reset: z.array(z.enum(['title', 'authors', 'site', 'publishedAt'])).max(4).default([])
    })
    .strict(),
  /**
   * Make new copies of stored articles from their kept original pages with today's rules
   * (`ids`, or `all` made by older rules, or with `again` every article); progress arrives as
   * `reextractProgress` events.
   */
  reextractArticles: z
    .object({
      jobId: z.string().min(1).max(100).optional(),
      ids: z.array(id).max(100_000).optional(),
      all: z.boolean().default(false),
      again: z.boolean().default(false),
      fetchImages: z.boolean().default(false)
    })
    .strict()
    .refine((o) => o.all || (o.ids?.length ?? 0) > 0, 'give the ids of the articles, or all'),
  /** Fetch the images that could not be saved (of one article, or of all). */
  retryImages: z.object({ id: id.optional() }).strict()
}

export interface ArticleOutputs {
  editArticle: Article
  reextractArticles: ReextractSummary
  retryImages: ImageRetrySummary
}
