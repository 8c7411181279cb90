/**
 * The article's language and writing direction. Pages declare a language (`<html lang>`,
 * JSON-LD, og:locale), but often not at all or wrongly (a French article under lang="en",
 * a template's default); the text itself says which script it is in and, for Latin-script
 * languages, which common words it uses. The direction follows the page's `dir`, else the
 * language (Arabic, Hebrew, Persian, Urdu… read right to left).
 */

export type Direction = 'ltr' | 'rtl'

import { directionOf } from '../../shared/vocabulary'

/** Frequent short words that tell Latin-script languages apart (each list distinctive enough on its own). */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'it', 'was', 'for', 'with', 'he', 'said', 'as', 'this', 'have'],
  fr: ['le', 'les', 'des', 'est', 'et', 'une', 'du', 'dans', 'que', 'pour', 'pas', 'sur', 'qui', 'au', 'avec'],
  es: ['el', 'los', 'las', 'del', 'que', 'en', 'por', 'una', 'con', 'para', 'es', 'se', 'al', 'lo', 'como'],
  pt: ['os', 'do', 'da', 'dos', 'das', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'é', 'ao', 'mais'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'den', 'dem', 'auf', 'für', 'sich', 'zu'],
  it: ['il', 'di', 'che', 'un', 'una', 'per', 'non', 'del', 'della', 'sono', 'è', 'gli', 'nel', 'anche', 'con'],
  nl: ['het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'niet', 'zijn', 'met', 'voor', 'die', 'ook', 'naar'],
  cs: ['je', 'se', 'na', 'že', 'to', 'do', 'jako', 'by', 'ale', 'jsou', 'podle', 'které', 'který', 'pro', 'jeho'],
  pl: ['w', 'na', 'że', 'się', 'nie', 'do', 'jest', 'to', 'jak', 'po', 'ale', 'od', 'dla', 'przez', 'jego'],
  sv: ['och', 'att', 'det', 'som', 'en', 'är', 'på', 'för', 'med', 'till', 'av', 'inte', 'har', 'den', 'om']
}
const STOP_INDEX = new Map<string, string[]>()
for (const [lang, words] of Object.entries(STOPWORDS)) for (const w of words) STOP_INDEX.set(w, [...(STOP_INDEX.get(w) ?? []), lang])

/** The language the text is written in (ISO 639-1), or null when it cannot tell. */
export function detectLanguage(text: string): string | null {
  // A few thousand characters tell the language as well as the whole text does.
  const sample = text.slice(0, 4_000)
  const byScript = scriptLanguage(sample)
  if (byScript !== undefined) return byScript
  const counts = new Map<string, number>()
  let words = 0
  for (const w of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    words++
    for (const lang of STOP_INDEX.get(w) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1)
  }
  if (words < 20) return null
  const ranked = [...counts].sort((a, b) => b[1] - a[1])
  const [best, second] = ranked
  // Confident only with enough common words and a clear lead over the next language.
  if (!best || best[1] / words < 0.1 || (second && best[1] < second[1] * 1.5)) return null
  return best[0]
}

/** Undefined: the text is in Latin script (or none); else the language its script says. One pass over the text. */
function scriptLanguage(text: string): string | null | undefined {
  const n = { letters: 0, han: 0, kana: 0, hangul: 0, arabic: 0, urdu: 0, persian: 0, hebrew: 0, cyrillic: 0, ukrainian: 0, greek: 0, thai: 0, devanagari: 0 }
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) n.letters++
      continue
    }
    if (!LETTER.test(ch)) continue
    n.letters++
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n.han++
    else if (c >= 0x3040 && c <= 0x30ff) n.kana++
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) n.hangul++
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) {
      n.arabic++
      if ('ےٹڈڑں'.includes(ch)) n.urdu++
      else if ('پچژگی'.includes(ch)) n.persian++
    } else if (c >= 0x0590 && c <= 0x05ff) n.hebrew++
    else if (c >= 0x0400 && c <= 0x04ff) {
      n.cyrillic++
      if ('іїєґІЇЄҐ'.includes(ch)) n.ukrainian++
    } else if (c >= 0x0370 && c <= 0x03ff) n.greek++
    else if (c >= 0x0e00 && c <= 0x0e7f) n.thai++
    else if (c >= 0x0900 && c <= 0x097f) n.devanagari++
  }
  if (n.letters === 0) return null
  const share = (k: number): number => k / n.letters
  if (share(n.han + n.kana) > 0.3) return n.kana > (n.han + n.kana) * 0.1 ? 'ja' : 'zh'
  if (share(n.hangul) > 0.3) return 'ko'
  if (share(n.arabic) > 0.3) return n.urdu > n.arabic * 0.005 ? 'ur' : n.persian > n.arabic * 0.02 ? 'fa' : 'ar'
  if (share(n.hebrew) > 0.3) return 'he'
  if (share(n.cyrillic) > 0.3) return n.ukrainian > n.cyrillic * 0.01 ? 'uk' : 'ru'
  if (share(n.greek) > 0.3) return 'el'
  if (share(n.thai) > 0.3) return 'th'
  if (share(n.devanagari) > 0.3) return 'hi'
  return undefined
}

const LETTER = /\p{L}/u

const primary = (lang: string | null): string => (lang ?? '').toLowerCase().split('-')[0]

/**
 * The language to store: the declared one unless the text clearly says another (a template's
 * lang="en" over a French article); the declared one keeps its region ("en-GB") when it agrees.
 */
export function chooseLanguage(declared: string | null, text: string): string | null {
  const detected = detectLanguage(text)
  if (!declared) return detected
  if (!detected || primary(detected) === primary(declared)) return declared
  // Only languages the detector knows can be overruled by it.
  const known = new Set([...Object.keys(STOPWORDS), 'zh', 'ja', 'ko', 'ar', 'fa', 'ur', 'he', 'ru', 'uk', 'el', 'th', 'hi'])
  return known.has(primary(declared)) ? detected : declared
}

/** The page's declared direction, else the language's. */
export function chooseDirection(declared: string | null, language: string | null): Direction {
  const d = (declared ?? '').trim().toLowerCase()
  if (d === 'rtl' || d === 'ltr') return d
  return directionOf(language)
}
