/**
 * The subject of a narrative sentence, which a later "he said" most likely means: the name (or
 * pronoun) that opens the sentence once an introductory phrase is set aside. "Later, Sarah
 * studied …" → Sarah; "Senator James Lankford, an Oklahoma Republican, played down …" →
 * Senator James Lankford; "The priest, Fidelis Mukonori, is acting …" → Fidelis Mukonori;
 * "Whale whisperer Hori Parata was …" → Hori Parata; "She founded …" → she. Not a possessive
 * ("Lorenz’s discoveries"), not a coordination ("Hamilton and Gille").
 */
import { CAPRUN, isRoleWord, trimLead } from './lexicon'
import { widenOrganisationForward } from './org-names'

/** The same shape as agents.ts's Agent (kept apart so that agents.ts can use this file). */
export interface Subject {
  raw: string
  start: number
  end: number
  type: 'name' | 'pronoun' | 'descriptor'
}

const NAME = `(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen)\\.?[^\\S\\n]+)?${CAPRUN}`
/** After the subject: an appositive or relative comma, or a lower-case word (the verb) that is not "and"/"or". */
const FOLLOW = `(?=,|[^\\S\\n]+(?!and\\b|or\\b|&)\\p{Ll})`
const NAMED = new RegExp(`^(${NAME})${FOLLOW}`, 'u')
/** "Whale whisperer Hori Parata", "Seoul resident Margie Kim": role words, then the name. */
const ROLE_NAMED = new RegExp(`^((?:${CAPRUN}[^\\S\\n]+)?(?:[\\p{Ll}-]+[^\\S\\n]+){1,3})(${CAPRUN})${FOLLOW}`, 'u')
/** "The priest, Fidelis Mukonori, …", "Her mother, Fiona, …": a role, then the name in apposition. */
// Case-sensitive but for the determiner: under the i flag \p{Lu} would match any letter, and
// "the Electoral Commission, which regulates campaign finances," would be an apposition.
const APPOSED = new RegExp(`^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[^\\S\\n]+(?:[\\p{L}’'-]+[^\\S\\n]+){0,4}?[\\p{Ll}-]+,[^\\S\\n]+(${CAPRUN}),`, 'u')
const PRONOUN = /^(he|she|they|it)\b/i
/** A document as a sentence's subject, in the languages the lexicon knows. */
const DOCUMENT_NOUN =
  '(?:report|study|bill|law|letter|ruling|decision|indictment|complaint|lawsuit|filing|document|memo|proposal|survey|constitution|treaty|agreement|rapport|projet de loi|loi|texte|étude|lettre|décision|informe|ley|estudio|carta|constitución|relatório|lei|estudo|bericht|gesetz|studie|brief|zpráva|zákon|dopis)'
const DOCUMENT = new RegExp(
  `^(?:the|this|that|le|la|l’|l'|ce|cette|el|este|esta|o|este|der|die|das|dieser|diese)\\s*((?:[\\p{Ll}-]+\\s+){0,2}?${DOCUMENT_NOUN})(?=\\s+\\p{Ll})`,
  'iu'
)
/** "…, a quien el informe ubicó “", "which the report put at “": a document and one verb, right before a quote. */
const DOCUMENT_VERB_END = new RegExp(`(?:^|[\\s,])(?:the|le|la|l’|l'|el|o|der|die|das)\\s*(${DOCUMENT_NOUN})\\s+(\\p{Ll}+)\\s*$`, 'iu')
const NOT_A_VERB = new Set('of and or in on at for to de des du et ou en y del con da do e und von'.split(' '))

/** The document whose one verb stands right before a quote ("a quien el informe ubicó “…”"), or null. */
export function documentBefore(before: string, base: number): Subject | null {
  const m = DOCUMENT_VERB_END.exec(before)
  if (!m || NOT_A_VERB.has(m[2].toLowerCase())) return null
  const start = base + m.index + m[0].indexOf(m[1])
  return { raw: m[1], start, end: start + m[1].length, type: 'descriptor' }
}
const RUN = new RegExp(`^(${CAPRUN})`, 'u')
const FOLLOWS = new RegExp(`^${FOLLOW}`, 'u')
/** An introduction set aside before the subject: "Later," "As an undergraduate at Yale in the 1980s," */
const INTRO = /^[\p{Lu}][\p{Ll}]*\b[^,;:#“”"«»]{0,100}?,[^\S\n]+/u
/** A time phrase opening a sentence without a comma: "Last week State Department official David Holmes revealed …". */
const TIME_INTRO = /^(?:(?:Last|This|Earlier this|Later that|Late last|Early last)[^\S\n]+(?:week|month|year|night|morning|afternoon|evening|spring|summer|fall|autumn|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|On[^\S\n]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))[^\S\n]+(?=\p{Lu})/u
const INTRO_WORD = new Set(
  'after as at before but by despite during earlier even for from however in instead last later meanwhile now on once since so still then though today tonight under until when while with yesterday yet also although because'.split(' ')
)

/**
 * Who a sentence is about, best guess first: its opening name or pronoun (after an introduction
 * like "Later," or "As an undergraduate at Yale in the 1980s,"), then the name after its first
 * comma ("Two years after Hamilton first stepped on campus, Ellen Fetter showed up"). The caller
 * keeps the first one it knows as a person or organisation.
 */
export function subjectsOf(sentence: string, base: number): Subject[] {
  const out: Subject[] = []
  const first = /^[\p{L}]+/u.exec(sentence)?.[0].toLowerCase() ?? ''
  const intro = TIME_INTRO.exec(sentence) ?? INTRO.exec(sentence)
  if (!INTRO_WORD.has(first)) push(out, at(sentence, 0, base))
  else if (!intro) push(out, at(sentence, first.length + 1, base))
  if (intro) {
    // "From the deck of his schooner, undergoing an overhaul in Seattle, skipper Wade Bassi has …":
    // introductory phrases set off by commas one after another; the subject follows the last.
    let off = intro[0].length
    for (let k = 0; k < 3; k++) {
      const s = at(sentence, off, base)
      if (s) {
        out.push(s)
        break
      }
      const more = NEXT_PHRASE.exec(sentence.slice(off))
      if (!more) break
      off += more[0].length
    }
  }
  return out
}
/** One more introductory phrase up to its comma: lower-case words first (a participle, a preposition). */
const NEXT_PHRASE = /^\p{Ll}[^,;:#“”"«»—–]{0,100}?,[^\S\n]+/u

/** The first of subjectsOf, for a clause's agent ("Yoon apologized …, saying …"). */
export function subjectOf(sentence: string, base: number): Subject | null {
  return subjectsOf(sentence, base)[0] ?? null
}

function push(out: Subject[], s: Subject | null): void {
  if (s) out.push(s)
}

function at(sentence: string, off: number, base: number): Subject | null {
  const s = sentence.slice(off)
  // "The report found …", "Le projet de loi énonce …", "El informe …": a document speaks.
  const doc = DOCUMENT.exec(s)
  if (doc) return { raw: doc[1], start: base + off + doc[0].length - doc[1].length, end: base + off + doc[0].length, type: 'descriptor' }
  const p = PRONOUN.exec(s)
  if (p) return /^it\s+(?:is|was|'s|’s)\b/i.test(s) ? null : { raw: p[1].toLowerCase(), start: base + off, end: base + off + p[1].length, type: 'pronoun' }
  const ap = APPOSED.exec(s)
  if (ap) return named(ap[1], base + off + ap[0].lastIndexOf(ap[1]))
  const rn = ROLE_NAMED.exec(s)
  if (rn && isRoleWord(rn[1].trim().split(/\s+/).pop() ?? '')) return named(rn[2], base + off + rn[1].length)
  const n = NAMED.exec(s)
  if (n && !/^(?:The|A|An|This|That|These|Those|There|It|I|We|You)$/.test(n[1])) return named(n[1], base + off)
  // "In a reflection of the confusion, the Electoral Commission, which …, issued …": after an
  // introduction the article is lower case; a body's name follows it.
  const the = /^the[^\S\n]+(?=\p{Lu})/u.exec(s)
  const body = the && NAMED.exec(s.slice(the[0].length))
  if (the && body) return named(body[1], base + off + the[0].length)
  // "The Food and Drug Administration approved …"
  const run = RUN.exec(s)
  if (run) {
    const wide = widenOrganisationForward(s, 0, run[1])
    if (wide !== run[1] && FOLLOWS.test(s.slice(wide.length))) return named(wide, base + off)
  }
  return null
}

function named(raw: string, start: number): Subject | null {
  if (/[’']s$/.test(raw)) return null
  const { name, dropped } = trimLead(raw)
  if (!name) return null
  if (!/\p{Ll}/u.test(name) && name.length > 4 && !/^(?:[A-Z]\.?)+$/.test(name)) return null // "WASHINGTON", a dateline
  return { raw: name.replace(/[.,]$/, ''), start: start + dropped, end: start + dropped + name.length, type: 'name' }
}
