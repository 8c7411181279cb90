/**
 * Quotations that repeat someone's words: a writer re-using a phrase a speaker was quoted saying
 * elsewhere in the article (docs/quotes.md, "Attribution" 7).
 */
import { calibrate } from './confidence'
import type { DetectedQuote } from './quote-type'

/** The fields of a detected quotation this reads and sets. */
type Quote = Pick<DetectedQuote, 'text' | 'speaker' | 'speakerMention' | 'confidence' | 'kind' | 'evidence'>

/** Words of a quotation, lower case, without punctuation: what an echo of it must repeat. */
const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu) ?? []
const ECHO_MIN = 3
const ECHO_MAX = 12

/**
 * "… in addition to investing for growth that will drive revenues,” Reed said. … it is not easy
 * to reconcile paying dividends with “investing for growth.”": a phrase of three words or more,
 * attributed to nobody, that repeats words someone was quoted saying elsewhere in the article is
 * theirs. Linear: every run of 3–12 words of the attributed quotations goes into one map.
 */
export function echoes(out: Quote[]): void {
  if (!out.some((q) => !q.speaker && q.kind !== 'direct')) return
  const said = new Map<string, Quote>()
  for (const q of out) {
    if (!q.speaker || q.confidence < 0.6) continue
    const w = wordsOf(q.text)
    for (let i = 0; i < w.length; i++) {
      for (let n = ECHO_MIN; n <= ECHO_MAX && i + n <= w.length; n++) {
        const key = w.slice(i, i + n).join(' ')
        if (!said.has(key)) said.set(key, q)
      }
    }
  }
  for (const q of out) {
    if (q.speaker || q.kind === 'direct') continue
    const w = wordsOf(q.text)
    if (w.length < ECHO_MIN || w.length > ECHO_MAX) continue
    const source = said.get(w.join(' '))
    if (!source?.speaker) continue
    q.speaker = source.speaker
    q.speakerMention = source.speakerMention
    q.kind = 'partial'
    q.confidence = calibrate('echo', null, true, source.confidence)
    q.evidence = 'echo/-'
  }
}
