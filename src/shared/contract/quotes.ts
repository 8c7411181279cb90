/** Who said what: detected quotations, their speakers, people across the archive. */
import { z } from 'zod'
import { SPEAKER_EXPORT_FORMATS } from '../vocabulary'
import type { DetectedQuoteRow, ExportFile, Highlight, Speaker, SpeakerQuote, SpeakerSummary } from '../types'
import { color, id, offset, speakerName } from './common'

export const quoteSchemas = {
  /** The quotations detected in an article, with speakers and confidence. */
  articleQuotes: z.object({ articleId: id }).strict(),
  /** Correct who said a detected quote (null: nobody known); kept across re-imports. */
  setQuoteSpeaker: z.object({ id, speaker: z.string().trim().max(200).nullable() }).strict(),
  /** Turn a detected quote into a highlight tagged with its speaker. */
  highlightQuote: z.object({ id, color: color.default('yellow') }).strict(),
  /** People and organisations quoted across the archive, most quoted first. */
  listSpeakers: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
  /** Everything one speaker is quoted as saying, newest first, with the outlets and dates it spans. */
  speakerQuotes: z
    .object({ name: speakerName, limit: z.number().int().min(1).max(2000).default(200), offset: offset.default(0) })
    .strict(),
  /** Make one speaker name another's alias everywhere ("Tillerson" → "Rex Tillerson"). */
  mergeSpeakers: z.object({ from: speakerName, into: speakerName }).strict(),
  /** A speaker's quotes with citations, as Markdown or CSV. */
  exportSpeakerQuotes: z.object({ name: speakerName, format: z.enum(SPEAKER_EXPORT_FORMATS).default('md') }).strict()
}

export interface QuoteOutputs {
  articleQuotes: DetectedQuoteRow[]
  setQuoteSpeaker: DetectedQuoteRow
  highlightQuote: Highlight
  listSpeakers: Speaker[]
  speakerQuotes: { total: number; items: SpeakerQuote[] } & SpeakerSummary
  mergeSpeakers: { merged: boolean }
  exportSpeakerQuotes: ExportFile
}
