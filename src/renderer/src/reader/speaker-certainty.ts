/**
 * How sure Clipfile is of a detected speaker, in words: the confidence bands of
 * src/main/quotes/confidence.ts (docs/quotes.md gives each band's measured precision).
 * A speaker named next to the quote is stated; one reached through "he", "the company" or the
 * paragraph around it is "probably X?"; one carried over from the quote or paragraph before
 * is "possibly X?". Each uncertain one says why.
 */
export type CertaintyLevel = 'stated' | 'probable' | 'guess'

export interface Certainty {
  level: CertaintyLevel
  /** The speaker as the UI shows it: "Rex Tillerson", "probably Rex Tillerson?". */
  label: string
  /** Why it is uncertain (empty when stated). */
  reason: string
}

export const STATED = 0.8
export const PROBABLE = 0.6

export function speakerCertainty(speaker: string, confidence: number, corrected: boolean): Certainty {
  if (corrected || confidence >= STATED) return { level: 'stated', label: speaker, reason: '' }
  if (confidence >= PROBABLE) {
    return { level: 'probable', label: `probably ${speaker}?`, reason: 'named indirectly — through “he”, “she” or “the company”, or carried over from the sentence or quotation before' }
  }
  return { level: 'guess', label: `possibly ${speaker}?`, reason: 'no attribution of its own — carried over from the quote or paragraph before' }
}
