/**
 * What a detected speaker's confidence means: the share of speakers found with the same kind of
 * evidence that were right on the real-coverage tune set (scripts/quality/quotes-real.ts), so
 * that the bands are ordered by measured precision. The UI states a speaker at ≥ 0.8, shows
 * 0.5–0.8 as "probably X?" and below that as a guess.
 */
import type { Agent } from './agents'

/** How the speaker was found. */
export type Evidence =
  | 'adjacent' // next to the quote: “…,” X said / said X
  | 'before' // X said: “…” / X said the plan was “…”
  | 'evaluative' // X called it “…”
  | 'later' // further along the sentence: …, according to X / described as “…” by X
  | 'next' // the sentence after: “…” That’s the view of X.
  | 'colon' // the subject of the sentence that introduces the quote with a colon
  | 'same-paragraph' // the previous quote in the paragraph
  | 'paragraph' // reported speech or the subject earlier in the paragraph
  | 'previous-quote' // a quotation paragraph after a paragraph that ended with an attributed quote
  | 'previous-paragraph' // a quotation paragraph after narrative about one person
  | 'none'

export function calibrate(evidence: Evidence, agent: Agent['type'] | null, kind: 'direct' | 'partial' | 'scare', closed: boolean): number {
  let c: number
  switch (evidence) {
    case 'adjacent':
    case 'before':
    case 'evaluative':
    case 'later':
      c = agent === 'pronoun' ? 0.75 : agent === 'nominal' ? 0.7 : agent === 'descriptor' ? 0.85 : 0.95
      if (evidence === 'evaluative' || evidence === 'later') c -= 0.05
      break
    case 'next':
      c = 0.8
      break
    case 'colon':
      c = agent === 'pronoun' ? 0.7 : 0.8
      break
    case 'same-paragraph':
      c = 0.8
      break
    case 'paragraph':
      c = 0.65
      break
    case 'previous-quote':
      c = 0.45
      break
    case 'previous-paragraph':
      c = 0.4
      break
    case 'none':
      return 0.2
  }
  if (kind === 'partial') c -= 0.0
  if (!closed) c *= 0.8
  return Math.round(c * 100) / 100
}
