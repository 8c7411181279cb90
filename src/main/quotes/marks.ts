/**
 * Where the quotations are: paragraphs, page furniture (captions, sub-headings), quote marks
 * paired into spans (outermost only), and sentence boundaries that respect abbreviations.
 * Offsets are UTF-16 code units into the article text (paragraphs joined by "\n\n").
 */
import { ABBREVIATIONS } from './lexicon'
import { lastAtOrBefore } from '../../shared/sorted'
export interface RawQuote {
  open: number // index of the opening mark
  close: number // index of the closing mark (or end of paragraph when unclosed)
  start: number
  end: number
  closed: boolean
}

export interface Paragraph {
  start: number
  end: number
  /** A caption, sub-heading or headline list: not prose, so neither quotes nor antecedents. */
  furniture: boolean
}

/** A heading or figure caption the page's structure marks (src/shared/reader/text.ts furnitureRanges). */
export interface StructuralFurniture {
  start: number
  end: number
  kind: 'heading' | 'caption'
}

/**
 * A heading that reads as prose — a sentence of a dozen words or more, ended — is the
 * article's standfirst ("The mother of a woman who … has described how …"), not a sub-heading.
 */
function isStandfirst(heading: string): boolean {
  return heading.trim().split(/\s+/).length >= 12 && /[.!?…][”"’'»]?\s*$/u.test(heading)
}

/**
 * The paragraphs of `text`. `structural`: the ranges the page's structure says are furniture
 * (headings, figure captions; see furnitureRanges) — furniture whatever their punctuation.
 */
export function paragraphs(text: string, structural: readonly StructuralFurniture[] = []): Paragraph[] {
  const out: Paragraph[] = []
  const marked = new Set(structural.filter((r) => r.kind === 'caption' || !isStandfirst(text.slice(r.start, r.end))).map((r) => r.start))
  let start = 0
  for (;;) {
    const i = text.indexOf('\n\n', start)
    const end = i < 0 ? text.length : i
    out.push({ start, end, furniture: marked.has(start) || isFurniture(text.slice(start, end)) })
    if (i < 0) return out
    start = i + 2
  }
}

/** A photo credit closing a caption: "(AP)", "Source: Supplied", "Credit…", "Getty Images". */
const CREDIT = /(?:\((?:AP|AFP|Reuters|Getty(?: Images)?|EPA|PA)\)|Source: \p{Lu}[\p{L} ]*|Credit\S.*|(?:Photograph|Photo|Image|Picture)s?: .*|\b(?:Getty Images|AFP|Reuters|Shutterstock|Associated Press|EPA|AP Photo)(?: via .*)?)$/u

/**
 * Prose ends a sentence; captions, sub-headings and "Trending" headline lists do not (or end
 * with a photo credit). "‘We need to listen’" alone is a sub-heading; "“We will.”" is a quote.
 */
export function isFurniture(para: string): boolean {
  const p = para.trim()
  if (!p || CREDIT.test(p.slice(-160))) return !!p
  const bare = p.replace(/[\s”"’'»“«]+$/u, '')
  if (/[.!?…:;,)\]]$/u.test(bare)) return false
  // A long paragraph that reports speech is prose that lost its full stop, not a caption.
  return p.split(/\s+/).length <= 30 || !/\b(?:said|says|told|added|according to)\b/.test(p)
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)
const OPEN_PUNCT = new Set(['(', '[', '—', '–', '-', '/', ':', undefined])

type Family = 'double' | 'straight' | 'guillemet' | 'low' | 'single' | 'straight-single'

/**
 * A straight mark typed with a space after it, where a sentence begins (`he told Cook. " You guys
 * …`, `Taylor wrote. " The course …`): an opening mark, not a closing one.
 */
function strayOpener(text: string, i: number): boolean {
  return /(?:^|[.!?][”"’»]?[^\S\n]+)$/u.test(text.slice(Math.max(0, i - 4), i)) && /^[^\S\n]\p{Lu}/u.test(text.slice(i + 1, i + 3))
}

function openerFamily(text: string, i: number): Family | null {
  const c = text[i]
  const prev = text[i - 1]
  const next = text[i + 1]
  switch (c) {
    case '\u201C':
      return 'double'
    case '\u201E':
      return 'low'
    case '\u00AB':
      return 'guillemet'
    case '"':
      if (!(isSpace(prev) || OPEN_PUNCT.has(prev) || prev === '\n')) return null
      return isSpace(next) ? (strayOpener(text, i) ? 'straight' : null) : 'straight'
    case '\u2018':
      // ‘90s typed with the wrong mark is an apostrophe.
      return /\d/.test(next ?? '') || isSpace(next) ? null : 'single'
    case "'": {
      if (!(isSpace(prev) || OPEN_PUNCT.has(prev) || prev === '"' || prev === '\u201C')) return null
      if (!isLetter(next) || /\d/.test(next)) return null
      // Elisions: 'n', 'em, 'tis, 'twas, 'cause, 'til
      if (/^'(?:n'|em\b|tis\b|twas\b|cause\b|til\b|round\b|bout\b)/i.test(text.slice(i, i + 8))) return null
      return 'straight-single'
    }
  }
  return null
}

function isCloser(text: string, i: number, family: Family, paraEnd: number): boolean {
  const c = text[i]
  switch (family) {
    // Publishers mix straight and curly marks ("…authority?” said Hill): either closes a
    // double quote, a straight one only where a closing mark stands (after a word, before a
    // space or punctuation).
    case 'double':
      return c === '\u201D' || (c === '"' && closingPosition(text, i, paraEnd)) || doubledCloser(text, i, paraEnd)
    case 'low':
      return c === '\u201C' || c === '\u201D'
    case 'guillemet':
      return c === '\u00BB'
    case 'straight':
      return c === '"' || c === '\u201D'
    case 'single':
    case 'straight-single': {
      if (family === 'single' ? c !== '\u2019' : c !== "'") return false
      const prev = text[i - 1]
      const next = i + 1 < paraEnd ? text[i + 1] : undefined
      if (isSpace(prev)) return false // ’90s, ’em
      if (isLetter(next)) return false // don’t, Iran’s
      if (next !== undefined && !isSpace(next) && !/[,.;:!?)\]—–\-”"»]/.test(next)) return false
      // Plural possessive: "taxpayers’ money" — an s, then a space and a word that is not an attribution.
      if (prev === 's' && next === ' ') {
        const word = /^\s+([\p{L}]+)/u.exec(text.slice(i + 1, i + 30))?.[1]
        if (word && /^\p{Ll}/u.test(word) && !/^(?:he|she|they|it|said|says|added|told|wrote|according|the|a|an|after|before|as|in|on|at|to|for|and|but|while|when|over|from|by|with)$/.test(word)) return false
      }
      return true
    }
  }
}

/** “…voters,’’ — a closing double mark typed as two single ones (some wire feeds): the first of the pair. */
function doubledCloser(text: string, i: number, paraEnd: number): boolean {
  return (text[i] === '\u2019' || text[i] === "'") && text[i + 1] === text[i] && i + 1 < paraEnd && closingPosition(text, i + 1, paraEnd) && !isSpace(text[i - 1])
}

function closingPosition(text: string, i: number, paraEnd: number): boolean {
  const next = i + 1 < paraEnd ? text[i + 1] : undefined
  return !isSpace(text[i - 1]) && (next === undefined || /[\s,.;:!?)\]—–-]/.test(next))
}

/** Quote spans, outermost only (nested quotes stay inside their parent). */
export function scanQuotes(text: string, paras: Paragraph[]): RawQuote[] {
  const out: RawQuote[] = []
  let carry: { open: number; family: Family } | null = null
  let prose: Paragraph = paras[0]
  for (let p = 0; p < paras.length; p++) {
    const { start: ps, end: pe, furniture } = paras[p]
    if (furniture) continue // a caption inside a quotation continued over paragraphs keeps the carry
    const prev = prose
    prose = paras[p]
    let i = ps
    let open = -1
    let family: Family | null = null
    let nestedStraight = false
    if (carry) {
      // A continued quotation: the new paragraph must open with a mark of the same family.
      const f = pe > ps ? openerFamily(text, ps) : null
      const same = f === carry.family || (carry.family === 'low' && f === 'double')
      if (same) {
        open = carry.open
        family = carry.family
        i = ps + 1
      } else {
        // Unclosed at the end of the previous paragraph and not continued: end it there (doubles only).
        if (carry.family !== 'single' && carry.family !== 'straight-single') {
          out.push({ open: carry.open, close: prev.end, start: carry.open + 1, end: prev.end, closed: false })
        }
      }
      carry = null
    }
    for (; i < pe; i++) {
      if (family === null) {
        const f = openerFamily(text, i)
        if (f) {
          family = f
          open = i
        }
        continue
      }
      if (family === 'double' && text[i] === '"') {
        // Straight quotes nested in a curly one (“He said "no" to me”) pair with each other.
        if (nestedStraight || !closingPosition(text, i, pe)) {
          nestedStraight = !nestedStraight
          continue
        }
      }
      if (isCloser(text, i, family, pe)) {
        // The pair ’’ closes as one mark: the quote ends before it, the mark is its second half.
        const close = family === 'double' && doubledCloser(text, i, pe) ? i + 1 : i
        out.push({ open, close, start: open + 1, end: i, closed: true })
        i = close
        family = null
        open = -1
        nestedStraight = false
      }
    }
    if (family !== null) carry = { open, family }
  }
  if (carry && carry.family !== 'single' && carry.family !== 'straight-single') {
    out.push({ open: carry.open, close: prose.end, start: carry.open + 1, end: prose.end, closed: false })
  }
  // Trim whitespace inside the marks; drop empty spans.
  return out
    .map((q) => {
      let { start, end } = q
      while (start < end && /\s/.test(text[start])) start++
      while (end > start && /\s/.test(text[end - 1])) end--
      return { ...q, start, end }
    })
    .filter((q) => q.end > q.start && /\p{L}/u.test(text.slice(q.start, q.end)))
}

/** Sentence starts (offsets) within a masked paragraph, abbreviations respected. */
export function sentenceStarts(masked: string, para: Paragraph, text?: string): number[] {
  const starts = [para.start]
  // "#" before a closing mark: a quotation whose own words end with "." or "!" ends the
  // sentence too ("“It just connected.” Buckley, who …, had …"), read from `text`.
  const re = /(?:[.!?]|#(?=[”’"»]))[”’"»“]?\s+(?=[\p{Lu}“‘"«„#\d])/gu
  const slice = masked.slice(para.start, para.end)
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (slice[m.index] === '#' && !(text && /[.!]/.test(text[para.start + m.index]))) continue
    if (slice[m.index] === '.') {
      const word = /([\p{L}.]+)$/u.exec(slice.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''
      const w = word.toLowerCase()
      if (ABBREVIATIONS.has(w) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue
    }
    starts.push(para.start + m.index + m[0].length)
  }
  return starts
}

export function sentenceStartBefore(starts: number[], pos: number): number {
  return starts[lastAtOrBefore(starts, pos)]
}

export const MAX_LOOKBACK = 400

/** `s` up to its first sentence end, abbreviations ("Sen.", "U.S.", initials) respected. */
export function cutSentence(s: string): string {
  const re = /[.!?](?=\s|$)/g
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (s[m.index] === '.') {
      const word = /([\p{L}.]+)$/u.exec(s.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue
    }
    return s.slice(0, m.index + 1)
  }
  return s
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}
