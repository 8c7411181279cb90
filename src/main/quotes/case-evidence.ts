/**
 * Which capitalised words of an article are ordinary words that a sentence start capitalised:
 * "Was Bartleby", "Accordingly Turkey", "Haunted Izuku" are not names, and the article itself
 * says so — it writes "was", "accordingly", "haunted" in lower case elsewhere and never
 * capitalises them mid-sentence. Real names ("Hill", "Cook", "Rose") are capitalised
 * mid-sentence somewhere, or are known first names.
 */
import { FEMALE, MALE } from './lexicon'

const WORD = /[\p{L}][\p{L}’'-]*/gu

export class CaseEvidence {
  private readonly lower = new Set<string>()
  private readonly midCap = new Set<string>()

  constructor(text: string) {
    WORD.lastIndex = 0
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const w = m[0]
      if (/^\p{Ll}/u.test(w)) this.lower.add(w)
      else if (!opensSentence(text, m.index)) this.midCap.add(w)
    }
  }

  /** True for a capitalised word the article otherwise writes in lower case. */
  isCommon(word: string): boolean {
    if (!/^\p{Lu}\p{Ll}/u.test(word)) return false
    const lc = word.toLowerCase()
    return this.lower.has(lc) && !this.midCap.has(word) && !MALE.has(lc) && !FEMALE.has(lc)
  }

  /** `name` without its leading common words ("Was Bartleby" → "Bartleby"); '' when nothing is left. */
  trim(name: string): string {
    let s = name
    for (;;) {
      const m = /^([\p{L}’'-]+)(?:\s+|$)/u.exec(s)
      if (!m || !this.isCommon(m[1])) return s
      s = s.slice(m[0].length)
    }
  }
}

function opensSentence(text: string, at: number): boolean {
  if (at === 0) return true
  const before = text.slice(Math.max(0, at - 4), at)
  return /(?:[.!?:…][”"’»)]?\s+|\n\s*|[“"‘«„(—–]\s*)$/u.test(before)
}
