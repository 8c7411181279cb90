/** The reading workflow: inbox and archive, stars, how far an article has been read. */
import { z } from 'zod'
import { ARTICLE_STATES } from '../vocabulary'
import type { ReadingState } from '../types'
import { id } from './common'

export const readingSchemas = {
  /** Move articles to the inbox or the archive, and/or star or unstar them. */
  setArticleState: z
    .object({ ids: z.array(id).min(1).max(200_000), state: z.enum(ARTICLE_STATES).optional(), starred: z.boolean().optional() })
    .strict()
    .refine((v) => v.state !== undefined || v.starred !== undefined, { message: 'give state or starred' }),
  /**
   * Where the reader is in an article: `position` (an offset in its text) is where it opens
   * next time; `progress` (0..1) is kept as the furthest point reached. Marks it read.
   */
  setReadingProgress: z
    .object({ id, progress: z.number().min(0).max(1), position: z.number().int().min(0) })
    .strict()
}

export interface ReadingOutputs {
  setArticleState: { updated: number }
  setReadingProgress: ReadingState & { position: number }
}
