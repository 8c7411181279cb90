/** A quotation as detection finds it (detect.ts), in its own module so that detect.ts's helpers can name it. */
export interface DetectedQuote {
  /** Span of the quoted words, without the quote marks. */
  start: number
  end: number
  text: string
  /** Canonical person/organisation name, or null. */
  speaker: string | null
  speakerMention: { start: number; end: number } | null
  /** 0..1: how often a speaker given with this kind of evidence is right (docs/quotes.md). */
  confidence: number
  kind: 'direct' | 'partial' | 'scare'
  /** How the speaker was found (confidence.ts); not stored, for calibration and tests. */
  evidence: string
}
