/**
 * Which capitalised words of an article are ordinary words that a sentence start capitalised:
 * "Was Bartleby", "Accordingly Turkey", "Haunted Izuku" are not names, and the article itself
 * says so — it writes "was", "accordingly", "haunted" in lower case elsewhere and never
 * capitalises them mid-sentence. Real names ("Hill", "Cook", "Rose") are capitalised
 * mid-sentence somewhere, or are known first names.
 */
import { FEMALE, MALE } from './lexicon'

export class CaseEvidence {
  private readonly cache = new Map<string, boolean>()
  private readonly trimmed = new Map<string, string>()
  private lower: Set<string> | null = null

  constructor(private readonly text: string) {}

  /** True for a capitalised word the article otherwise writes in lower case. */
  isCommon(word: string): boolean {
    if (!/^\p{Lu}\p{Ll}/u.test(word)) return false
    const hit = this.cache.get(word)
    if (hit !== undefined) return hit
    const lc = word.toLowerCase()
    const common = !MALE.has(lc) && !FEMALE.has(lc) && this.hasWord(lc) && !this.capitalisedMidSentence(word)
    this.cache.set(word, common)
    return common
  }

  /** True when the article writes `word` in lower case somewhere ("feel" beside "Dr. Feel"). */
  writesLowerCase(word: string): boolean {
    return this.hasWord(word.toLowerCase())
  }

  /** `name` without its leading common words ("Was Bartleby" → "Bartleby"); '' when nothing is left. */
  trim(name: string): string {
    const hit = this.trimmed.get(name)
    if (hit !== undefined) return hit
    const out = this.trimUncached(name)
    this.trimmed.set(name, out)
    return out
  }

  private trimUncached(name: string): string {
    let s = name
    for (;;) {
      const m = /^([\p{L}’'-]+)(?:\s+|$)/u.exec(s)
      if (!m || !this.isCommon(m[1])) return s
      s = s.slice(m[0].length)
    }
  }

  /** Whether `word` stands alone somewhere in the text (the lower-case words, collected once). */
  private hasWord(word: string): boolean {
    if (!this.lower) {
      this.lower = new Set<string>()
      const t = this.text
      for (let i = 0, n = t.length; i < n; ) {
        if (!isLetter(t[i])) {
          i++
          continue
        }
        let e = i + 1
        while (e < n && isLetter(t[e])) e++
        const c = t.charCodeAt(i)
        if ((c >= 97 && c <= 122) || (c > 127 && t[i] !== t[i].toUpperCase())) this.lower.add(t.slice(i, e))
        i = e
      }
    }
    return this.lower.has(word)
  }

  private capitalisedMidSentence(word: string): boolean {
    for (let i = this.text.indexOf(word); i >= 0; i = this.text.indexOf(word, i + 1)) {
      if (!isLetter(this.text[i - 1]) && !isLetter(this.text[i + word.length]) && !opensSentence(this.text, i)) return true
    }
    return false
  }
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && (c >= 'a' && c <= 'z' ? true : c >= 'A' && c <= 'Z' ? true : c > '\u007f' && /\p{L}/u.test(c))
}

function opensSentence(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00A0')) i--
  if (i < 0) return true
  const c = text[i]
  if ('\n“"‘«„(—–'.includes(c)) return true
  // A sentence end, perhaps followed by a closing mark: ". ", "?” ", ".) "
  const p = '”"’»)'.includes(c) && i > 0 ? text[i - 1] : c
  return i < at - 1 && '.!?:…'.includes(p)
}
