/** Schema pieces shared by the contract's areas. */
import { z } from 'zod'
import { HIGHLIGHT_COLORS } from '../vocabulary'

export const id = z.number().int().positive()
export const offset = z.number().int().min(0)
export const tagName = z
  .string()
  .trim()
  .min(1, 'a tag needs at least one character')
  .max(100, 'a tag is at most 100 characters')
  // eslint-disable-next-line no-control-regex -- control characters are what a tag may not contain
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'a tag cannot contain control characters')
export const color = z.enum(HIGHLIGHT_COLORS)
export const note = z.string().max(20_000, 'a note is at most 20,000 characters')
/** A person's or organisation's name as the quotes features take it. */
export const speakerName = z.string().trim().min(1).max(200)
