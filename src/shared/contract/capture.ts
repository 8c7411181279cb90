/** Saving from the browser: a captured page as an import item, and the browsers paired with the archive. */
import { z } from 'zod'
import { MAX_CAPTURE_HTML_CHARS, MAX_CAPTURE_IMAGE_BYTES } from '../capture'
import type { Pairing, SavedUrl } from '../types'
import { id, note } from './common'

const httpUrl = z
  .string()
  .max(8192)
  .refine((s) => /^https?:\/\//i.test(s), 'an http(s) address')

/** Base64 of at most the capture's whole image budget. */
const MAX_IMAGE_BASE64 = Math.ceil(MAX_CAPTURE_IMAGE_BYTES / 3) * 4

/**
 * A page as the browser extension captured it: the rendered HTML, its images (fetched by the
 * extension with the user's cookies; none is downloaded by the app) and the selection.
 */
export const CaptureItemSchema = z
  .object({
    kind: z.literal('capture'),
    html: z.string().min(1).max(MAX_CAPTURE_HTML_CHARS),
    url: httpUrl,
    canonicalUrl: httpUrl.optional(),
    title: z.string().max(2000).optional(),
    images: z
      .array(z.object({ url: z.string().min(1).max(8192), mime: z.string().max(100), base64: z.string().max(MAX_IMAGE_BASE64) }).strict())
      .max(2000)
      .default([])
      .refine((list) => list.reduce((n, i) => n + i.base64.length, 0) <= MAX_IMAGE_BASE64, 'the images are over the 20 MB a page may send'),
    /** W3C TextQuoteSelector of what was selected: becomes a highlight. */
    selection: z
      .object({
        type: z.literal('TextQuoteSelector'),
        exact: z.string().trim().min(1).max(20_000),
        prefix: z.string().max(200).default(''),
        suffix: z.string().max(200).default('')
      })
      .strict()
      .optional(),
    /** The note of the selection's highlight. */
    note: note.optional()
  })
  .strict()
  .refine((c) => !c.note?.trim() || c.selection !== undefined, { message: 'a note goes on the selected passage: select some text first', path: ['note'] })
export type CaptureItem = z.infer<typeof CaptureItemSchema>

const pairingCode = z.string().trim().regex(/^\d{4}$/, 'a pairing code is four digits')

export const captureSchemas = {
  /** The browsers allowed to save to this archive, and those asking to. */
  listPairings: z.object({}).strict(),
  /** Allow the browser that shows this code. */
  approvePairing: z.object({ code: pairingCode }).strict(),
  /** Refuse a browser that asks, or take back one that was allowed. */
  revokePairing: z.object({ id }).strict(),
  /** The article saved from this address (its URL or canonical URL), if any. */
  findSavedUrl: z.object({ url: httpUrl }).strict()
}

export interface CaptureOutputs {
  listPairings: Pairing[]
  approvePairing: Pairing
  revokePairing: { revoked: number }
  findSavedUrl: SavedUrl | null
}
