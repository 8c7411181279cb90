/**
 * What a detected speaker's confidence means: the share of speakers found with the same kind of
 * evidence that were right on the real-coverage tune set (scripts/quality/quotes-real.ts), so
 * that the bands are ordered by measured precision. The UI states a speaker at ≥ 0.8, shows
 * 0.6–0.8 as "probably X?" and below that as "possibly X?" (renderer reader/speaker-certainty.ts).
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
  | 'reported' // a quotation paragraph after a paragraph that ended reporting someone's speech
  | 'echo' // a phrase repeating words someone was quoted saying elsewhere in the article
  | 'narrative' // a first-person quotation paragraph after narrative about one person already quoted
  | 'none'

/** Agents by how reliably they name the speaker: a name, a description as written, a pronoun, "the company". */
const BY_AGENT: Record<Agent['type'], number> = { name: 0.95, descriptor: 0.85, pronoun: 0.8, nominal: 0.7 }

/**
 * The confidence of a speaker found with `evidence` through an `agent` of that type; an
 * inherited speaker (`from` = the confidence of the quote it comes from) is never surer than
 * its source. Values follow the precision measured per kind of evidence on the two tune sets
 * (docs/quotes.md), rounded so that the bands order by precision: ≥ 0.9 a name in the quote's
 * sentence; 0.8–0.9 a description, a pronoun next to the quote, the previous quote of the
 * paragraph; 0.6–0.8 "the company", a pronoun further off, the paragraph before; below 0.6 a
 * quotation carried over from a weaker one, or an unclosed quotation.
 */
export function calibrate(evidence: Evidence, agent: Agent['type'] | null, closed: boolean, from = 1): number {
  const a = agent ? BY_AGENT[agent] : 0.95
  let c: number
  switch (evidence) {
    case 'adjacent':
      c = a
      break
    case 'before':
      c = a - 0.05
      break
    case 'evaluative':
      c = a - 0.1
      break
    case 'colon':
    case 'later':
      c = agent === 'name' ? 0.85 : 0.7
      break
    case 'next':
      c = 0.75
      break
    case 'same-paragraph':
      c = Math.min(0.85, from)
      break
    case 'paragraph':
      c = 0.6
      break
    case 'previous-quote':
      c = Math.min(0.6, from)
      break
    case 'reported':
    case 'echo':
      c = Math.min(0.6, from)
      break
    case 'narrative':
      c = 0.55
      break
    case 'none':
      return 0.2
  }
  if (!closed) c *= 0.85
  return Math.round(c * 100) / 100
}
