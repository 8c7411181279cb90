/**
 * A "loose" form of a text for matching quotes that were copied or typed with different
 * formatting: whitespace runs collapse to one space, curly quotes become straight, dashes
 * become '-', '…' becomes '...', soft hyphens and zero-width spaces vanish, and each
 * character with its combining marks is NFC-normalised (optionally lower-cased).
 *
 * Every character of the loose text remembers the range of the original it came from, so
 * a match in the loose text maps back to exact offsets (UTF-16 code units) in the original.
 */

export interface LooseText {
  text: string
  /** starts[i]..ends[i]: the original range that produced loose character i. */
  starts: Int32Array
  ends: Int32Array
}

const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032'])
const DOUBLE_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033'])
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'])
// Invisible in rendered text, so a copied quote usually lacks them (or has them elsewhere).
const IGNORABLE = new Set(['\u00AD', '\u200B', '\u2060', '\uFEFF'])
const MARK = /^\p{M}$/u
const SPACE = /^\s$/

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

/** End of the user-perceived unit starting at i: one code point plus its combining marks. */
function clusterEnd(src: string, i: number): number {
  let j = isHigh(src.charCodeAt(i)) && isLow(src.charCodeAt(i + 1)) ? i + 2 : i + 1
  while (j < src.length && src.charCodeAt(j) >= 0x300) {
    const cp = src.codePointAt(j) as number
    const ch = String.fromCodePoint(cp)
    if (!MARK.test(ch)) break
    j += ch.length
  }
  return j
}

/** What a cluster becomes in the loose text ('' = dropped, ' ' = whitespace). */
function looseCluster(cluster: string, fold: boolean): string {
  if (cluster.length === 1) {
    const c = cluster.charCodeAt(0)
    if (c < 0x80) {
      if (c === 32 || (c >= 9 && c <= 13)) return ' '
      return fold ? cluster.toLowerCase() : cluster
    }
    if (SPACE.test(cluster)) return ' '
    if (IGNORABLE.has(cluster)) return ''
    if (SINGLE_QUOTES.has(cluster)) return "'"
    if (DOUBLE_QUOTES.has(cluster)) return '"'
    if (DASHES.has(cluster)) return '-'
    if (cluster === '\u2026') return '...'
  }
  const nfc = cluster.normalize('NFC')
  return fold ? nfc.toLowerCase() : nfc
}

export function looseText(src: string, fold = false): LooseText {
  const out: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  for (let i = 0; i < src.length; ) {
    const j = clusterEnd(src, i)
    const loose = looseCluster(src.slice(i, j), fold)
    if (loose === ' ' && out.length > 0 && out[out.length - 1] === ' ') {
      ends[ends.length - 1] = j // extend the collapsed whitespace run
    } else {
      for (const ch of splitUnits(loose)) {
        out.push(ch)
        starts.push(i)
        ends.push(j)
      }
    }
    i = j
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) }
}

/** Loose text split into UTF-16 code units, so indices line up with `text`. */
function splitUnits(s: string): string[] {
  if (s.length <= 1) return s.length === 1 ? [s] : []
  const units: string[] = []
  for (let k = 0; k < s.length; k++) units.push(s[k])
  return units
}

/** The loose form of a quote, without the whitespace at its ends. */
export function looseQuote(quote: string, fold = false): string {
  return looseText(quote, fold).text.trim()
}

/** Original range of the loose match [i, i + length). */
export function originalRange(lt: LooseText, i: number, length: number): { start: number; end: number } {
  return { start: lt.starts[i], end: lt.ends[i + length - 1] }
}

// Anchoring many highlights re-uses the loose form of one article text; remember the last.
const cache: Array<{ src: string; lt: LooseText } | null> = [null, null]

export function cachedLooseText(src: string, fold = false): LooseText {
  const slot = fold ? 1 : 0
  const hit = cache[slot]
  if (hit && hit.src === src) return hit.lt
  const lt = looseText(src, fold)
  cache[slot] = { src, lt }
  return lt
}
