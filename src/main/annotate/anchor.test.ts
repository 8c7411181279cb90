import { describe, expect, it } from 'vitest'
import type { TextSelectors } from '../../shared/types'
import { anchor, describeRange, findQuote, maxErrors, reanchorAll } from './anchor'
import { int, makeRng, pick, type Rng } from '../../../test/support/prng'

const ARTICLE = [
  'WASHINGTON — Secretary of State Rex Tillerson said on Sunday that the United States would',
  'hold Russia to account. "Iran needs to withdraw its military from Syria," he told reporters,',
  'adding that the strike was a message to President Bashar al-Assad.',
  '',
  'Officials said the decision followed days of deliberation at the White House.'
].join('\n')

/** Selectors for the first occurrence of `quote`. */
function selectorsFor(text: string, quote: string): TextSelectors {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`test quote not in text: ${quote}`)
  return describeRange(text, start, start + quote.length)
}

const sliceOf = (text: string, r: { start: number; end: number } | null): string | null => r && text.slice(r.start, r.end)

describe('describeRange', () => {
  it('builds position and quote selectors with 32 characters of context', () => {
    const sel = selectorsFor(ARTICLE, 'Iran needs to withdraw')
    expect(sel.exact).toBe('Iran needs to withdraw')
    expect(sel.prefix).toHaveLength(32)
    expect(sel.suffix).toHaveLength(32)
    expect(ARTICLE.slice(sel.start - 32, sel.start)).toBe(sel.prefix)
    expect(ARTICLE.slice(sel.end, sel.end + 32)).toBe(sel.suffix)
  })

  it('shortens context at the ends of the text', () => {
    const sel = describeRange('hello world', 0, 5)
    expect(sel).toEqual({ start: 0, end: 5, exact: 'hello', prefix: '', suffix: ' world' })
  })

  it('refuses empty, reversed, fractional and out-of-range ranges', () => {
    expect(() => describeRange('abc', 1, 1)).toThrow(/empty/)
    expect(() => describeRange('abc', 2, 1)).toThrow(/outside/)
    expect(() => describeRange('abc', -1, 2)).toThrow(/outside/)
    expect(() => describeRange('abc', 0, 4)).toThrow(/outside/)
    expect(() => describeRange('abc', 0.5, 2)).toThrow(/whole numbers/)
  })

  it('refuses ranges that cut an emoji in half, and never stores half an emoji as context', () => {
    const text = 'ab😀cd'
    expect(() => describeRange(text, 3, 5)).toThrow(/in half/)
    expect(() => describeRange(text, 0, 3)).toThrow(/in half/)
    const longText = '😀'.repeat(20) + 'x' + '😀'.repeat(20)
    const sel = describeRange(longText, 40, 41)
    expect(sel.prefix).toBe('😀'.repeat(16)) // 33 units would start mid-pair: 32 kept
    expect(sel.suffix).toBe('😀'.repeat(16))
  })
})

describe('findQuote', () => {
  it('finds a unique exact quote', () => {
    const r = findQuote(ARTICLE, 'withdraw its military')
    expect(sliceOf(ARTICLE, r as { start: number; end: number })).toBe('withdraw its military')
  })

  it('ignores line breaks, extra spaces, curly quotes and dashes in a pasted quote', () => {
    const pasted = '“Iran needs to   withdraw its military from Syria,” he told\nreporters'
    const r = findQuote(ARTICLE, pasted)
    expect(sliceOf(ARTICLE, r as { start: number; end: number })).toBe(
      '"Iran needs to withdraw its military from Syria," he told reporters'
    )
    const dash = findQuote(ARTICLE, 'WASHINGTON - Secretary')
    expect(sliceOf(ARTICLE, dash as { start: number; end: number })).toBe('WASHINGTON — Secretary')
  })

  it('maps across a line break in the article and a soft hyphen', () => {
    const text = 'the United States would\nhold Rus\u00ADsia to account'
    const r = findQuote(text, 'would hold Russia')
    expect(r).toEqual({ start: text.indexOf('would'), end: text.indexOf('sia') + 3 })
  })

  it('falls back to case-insensitive matching', () => {
    const r = findQuote(ARTICLE, 'iran NEEDS to withdraw')
    expect(sliceOf(ARTICLE, r as { start: number; end: number })).toBe('Iran needs to withdraw')
  })

  it('matches composed and decomposed accents', () => {
    const text = 'Le président a parlé.' // composed é
    const r = findQuote(text, 'pre\u0301sident a parle\u0301') // decomposed
    expect(sliceOf(text, r as { start: number; end: number })).toBe('président a parlé')
  })

  it('reports missing and ambiguous quotes', () => {
    expect(findQuote(ARTICLE, 'Vladimir Putin')).toBe('missing')
    expect(findQuote(ARTICLE, 'said')).toBe('ambiguous')
    // Exactly once (and loosely twice): the exact occurrence wins.
    expect(findQuote('a  b and a b', 'a b')).toEqual({ start: 9, end: 12 })
    expect(findQuote('a  b and a\nb', 'a b')).toBe('ambiguous')
  })

  it('refuses an empty quote', () => {
    expect(() => findQuote(ARTICLE, '  \n')).toThrow(/empty/)
  })
})

describe('anchor', () => {
  it('uses the position when the text is unchanged', () => {
    const sel = selectorsFor(ARTICLE, 'Iran needs to withdraw')
    expect(anchor(ARTICLE, sel)).toEqual({ start: sel.start, end: sel.end, method: 'position' })
  })

  it('finds the quote after text was inserted before it', () => {
    const sel = selectorsFor(ARTICLE, 'Iran needs to withdraw')
    const changed = 'Updated 10.32 BST. ' + ARTICLE
    const r = anchor(changed, sel)
    expect(r).toEqual({ start: sel.start + 19, end: sel.end + 19, method: 'quote' })
  })

  it.each([
    ['a word changed', 'Iran needs to withdraw its military from Syria', 'Iran must withdraw its military from Syria'],
    ['punctuation changed', 'withdraw its military from Syria," he told', 'withdraw its military from Syria; he told'],
    ['a typo fixed', 'Rex Tilerson said on Sunday', 'Rex Tillerson said on Sunday']
  ])('finds the quote after %s', (_, oldQuote, newQuote) => {
    const oldText = ARTICLE.replace('Tillerson', 'Tilerson')
    const sel = selectorsFor(oldText, oldQuote)
    const newText = 'Update: a paragraph was added.\n\n' + oldText.replace(oldQuote, newQuote)
    const r = anchor(newText, sel)
    expect(r?.method).toBe('fuzzy')
    expect(sliceOf(newText, r)).toBe(newQuote)
  })

  it('finds a quote whose whitespace and quote marks changed, as fuzzy', () => {
    const sel = selectorsFor(ARTICLE, '"Iran needs to withdraw its military from Syria," he told reporters')
    const newText = ARTICLE.replace('"Iran', '“Iran').replace('Syria,"', 'Syria,”').replace('told\nreporters', 'told reporters')
    const r = anchor(newText, sel)
    expect(r?.method).toBe('fuzzy')
    expect(sliceOf(newText, r)).toBe('“Iran needs to withdraw its military from Syria,” he told reporters')
  })

  it('orphans a quote that was removed', () => {
    const sel = selectorsFor(ARTICLE, 'Iran needs to withdraw its military from Syria')
    const newText = ARTICLE.replace('"Iran needs to withdraw its military from Syria," he told reporters,', 'he said,')
    expect(anchor(newText, sel)).toBeNull()
  })

  it('orphans a quote changed beyond the 20% budget', () => {
    const sel = selectorsFor(ARTICLE, 'the decision followed days of deliberation')
    const newText = ARTICLE.replace(sel.exact, 'the move came after weeks of talks')
    expect(anchor(newText, sel)).toBeNull()
    expect(maxErrors(sel.exact.length)).toBe(8)
  })

  it('lets prefix and suffix decide between repeated quotes', () => {
    const text = 'Alice said: "no comment" to the press. Bob said: "no comment" to the police.'
    const sel = selectorsFor(text, '"no comment" to the police')
    const quoteOnly = { ...describeRange(text, sel.start, sel.start + 12) }
    // Shift everything so the position fails, and move the hint next to the wrong copy.
    const changed = 'BREAKING. ' + text
    const r = anchor(changed, { ...quoteOnly, start: 0, end: 12 })
    expect(r?.method).toBe('quote')
    expect(r?.start).toBe(changed.lastIndexOf('"no comment"'))
  })

  it('lets the position hint decide between repeated quotes with identical context', () => {
    const unit = 'Spam, spam, spam. '
    const text = unit.repeat(40)
    const sel = describeRange(text, unit.length * 20, unit.length * 20 + 4) // 'Spam' in copy 20
    const changed = 'x' + text
    const r = anchor(changed, sel)
    expect(r).toEqual({ start: sel.start + 1, end: sel.end + 1, method: 'quote' })
  })

  it('anchors overlapping highlights independently', () => {
    const a = selectorsFor(ARTICLE, 'Iran needs to withdraw its military')
    const b = selectorsFor(ARTICLE, 'withdraw its military from Syria')
    const changed = ARTICLE.replace('WASHINGTON —', 'WASHINGTON (Reuters) —')
    const ra = anchor(changed, a)
    const rb = anchor(changed, b)
    expect(sliceOf(changed, ra)).toBe(a.exact)
    expect(sliceOf(changed, rb)).toBe(b.exact)
    expect(rb!.start).toBeLessThan(ra!.end) // still overlapping
  })

  it('counts UTF-16 units through emoji and combining accents', () => {
    const text = 'Réaction 😡 du ministre: « inacceptable » 🇫🇷 a dit Ségolène.'
    const quote = 'inacceptable » 🇫🇷 a dit Se\u0301'
    const t = text.replace('Ségolène', 'Se\u0301gole\u0300ne')
    const sel = selectorsFor(t, quote)
    expect(sel.end - sel.start).toBe(quote.length)
    const changed = '🎉🎉 ' + t
    expect(anchor(changed, sel)).toEqual({ start: sel.start + 5, end: sel.end + 5, method: 'quote' })
  })

  it('does not return half an emoji from a fuzzy match', () => {
    const text = 'we saw 😀😀 here and more words after it'
    const sel = selectorsFor(text, '😀😀 here and more')
    const changed = text.replace('😀😀 here and', '😀😀 there and')
    const r = anchor(changed, sel)
    expect(r?.method).toBe('fuzzy')
    expect(sliceOf(changed, r)).toBe('😀😀 there and more')
  })

  it('takes in the words an edit put inside a quote, rather than cutting a word (a corrected quote)', () => {
    const before = 'after two earlier rounds ended without agreement.\n\n“We are close to an agreement on the first phase,” the minister said.'
    const after = before.replace('We are close', 'We are not yet close')
    const found = anchor(after, selectorsFor(before, 'We are close to an agreement on the first phase'))
    expect(sliceOf(after, found)).toBe('We are not yet close to an agreement on the first phase')
    expect(found?.method).toBe('fuzzy')
    // A word whose end changed is taken whole, not cut where the edits stopped.
    const typo = 'The envoy said the talks were productive and would go on.'
    const fixed = typo.replace('productive', 'producttive')
    expect(sliceOf(fixed, anchor(fixed, selectorsFor(typo, 'talks were productive and')))).toBe('talks were producttive and')
  })

  it('returns null for an empty quote', () => {
    expect(anchor(ARTICLE, { start: 0, end: 0, exact: '', prefix: '', suffix: '' })).toBeNull()
  })
})

describe('fuzzy matching of long quotes', () => {
  it('finds a long quote with scattered edits after text was inserted far before it', () => {
    const rng = makeRng(99)
    const text = randomWords(rng, 12_000) // ~70,000 chars
    const start = text.indexOf(' ', 40_000) + 1
    const sel = describeRange(text, start, text.indexOf(' ', start + 3_000))
    let quote = sel.exact
    for (let i = 0; i < 30; i++) {
      const at = int(rng, 0, quote.length - 1)
      quote = quote.slice(0, at) + 'Z' + quote.slice(at + 1)
    }
    const changed = randomWords(rng, 500) + text.replace(sel.exact, quote)
    const began = performance.now()
    const r = anchor(changed, sel)
    expect(performance.now() - began).toBeLessThan(2_000)
    expect(r?.method).toBe('fuzzy')
    expect(sliceOf(changed, r)).toBe(quote)
  })
})

const withoutId = ({ id: _id, ...rest }: TextSelectors & { id: number }): TextSelectors => rest

describe('reanchorAll', () => {
  it('re-describes moved highlights and flags removed ones as orphans', () => {
    const kept = { id: 1, ...selectorsFor(ARTICLE, 'Rex Tillerson') }
    const edited = { id: 2, ...selectorsFor(ARTICLE, 'days of deliberation at the White House') }
    const removed = { id: 3, ...selectorsFor(ARTICLE, 'a message to President Bashar al-Assad') }
    const newText = ARTICLE.replace('adding that the strike was a message to President Bashar al-Assad.', 'he added.').replace(
      'White House',
      'White  House'
    )
    const [a, b, c] = reanchorAll(ARTICLE, newText, [kept, edited, removed])
    expect(a).toMatchObject({ orphan: false, method: 'position', selectors: withoutId(kept) })
    expect(b.orphan).toBe(false)
    expect(b.selectors.exact).toBe('days of deliberation at the White  House')
    expect(newText.slice(b.selectors.start, b.selectors.end)).toBe(b.selectors.exact)
    expect(b.highlight.id).toBe(2)
    expect(c).toMatchObject({ orphan: true, method: null, selectors: withoutId(removed) })
    expect(c.selectors).not.toHaveProperty('id')
  })

  it('carries positions after an edit, so later highlights anchor by position', () => {
    const h = selectorsFor(ARTICLE, 'Officials said')
    const newText = ARTICLE.replace('on Sunday', 'on Sunday morning')
    const [r] = reanchorAll(ARTICLE, newText, [h])
    expect(r.method).toBe('position')
    expect(r.selectors.start).toBe(h.start + ' morning'.length)
  })
})

// ---------------------------------------------------------------------------------------
// Property tests

const WORDS = ['the', 'minister', 'said', 'Syria', 'war', 'peace', 'a', 'of', 'talks', 'résumé', 'e\u0301te\u0301', '😀', '🇺🇳', 'naïve']

function randomWords(rng: Rng, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(pick(rng, WORDS) + (rng() < 0.1 ? pick(rng, ['.\n\n', ',', '\n']) : ''))
  return out.join(' ')
}

/** A random range that does not cut a surrogate pair. */
function randomRange(rng: Rng, text: string): { start: number; end: number } {
  const fix = (i: number): number => (i > 0 && /[\uDC00-\uDFFF]/.test(text[i]) ? i - 1 : i)
  for (;;) {
    const start = fix(int(rng, 0, text.length - 1))
    const end = fix(int(rng, start + 1, Math.min(text.length, start + 1 + int(rng, 1, 80))))
    if (end > start) return { start, end }
  }
}

describe('property: describe then anchor', () => {
  it('returns the same range on the same text (1,500 random cases)', () => {
    const rng = makeRng(2024)
    for (let n = 0; n < 1_500; n++) {
      const text = randomWords(rng, int(rng, 1, 120))
      const { start, end } = randomRange(rng, text)
      const sel = describeRange(text, start, end)
      const r = anchor(text, sel)
      expect(r).toEqual({ start, end, method: 'position' })
      expect(text.slice(r!.start, r!.end)).toBe(sel.exact)
    }
  })

  it('still finds the quote after random insertions before and after it (1,000 cases)', () => {
    const rng = makeRng(77)
    for (let n = 0; n < 1_000; n++) {
      const text = randomWords(rng, int(rng, 5, 150))
      const { start, end } = randomRange(rng, text)
      const sel = describeRange(text, start, end)
      const before = randomWords(rng, int(rng, 0, 20))
      const after = randomWords(rng, int(rng, 0, 20))
      const changed = text.slice(0, start) + before + sel.exact + after + text.slice(end)
      const r = anchor(changed, sel)
      expect(r, `case ${n}`).not.toBeNull()
      expect(changed.slice(r!.start, r!.end)).toBe(sel.exact)
      if (changed.indexOf(sel.exact) === changed.lastIndexOf(sel.exact)) {
        expect(r!.start).toBe(start + before.length)
      }
    }
  })
})
