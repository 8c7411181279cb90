/**
 * The agent of a speech verb next to a quote ("…,” Tillerson said / said Suzanne Maloney /
 * according to the ministry / Zarif, who …, said): the phrase, and whether it is a name, a
 * pronoun, a descriptor or a nominal ("the department"). Resolving it to a person is
 * speaker-context.ts's job.
 */
import {
  ABBREVIATIONS,
  CAPRUN_END,
  CAPRUN_FULL,
  CAPRUN_START,
  DESCRIPTOR_END,
  DESCRIPTOR_START,
  PARTICIPLES,
  POSSESSIVE_END,
  PRONOUN_END,
  PRONOUN_START,
  ROLE_NOUNS,
  SPEECH_SET,
  findVerbs
} from './lexicon'

export interface Span {
  start: number
  end: number
}

/** The phrase naming the source of a quote, before resolution. */
export interface Agent extends Span {
  raw: string
  /** 'name' (capitalised name), 'pronoun', 'descriptor' ("a spokesman for X"), 'nominal' ("the department"). */
  type: 'name' | 'pronoun' | 'descriptor' | 'nominal'
}

/** A name as the text gives it, without a sentence's final dot, a possessive or a leading "The". */
export function cleanName(raw: string): string {
  let s = raw.trim()
  // A sentence-final dot is not part of the name unless the last token is an abbreviation/initial.
  const last = s.split(/\s+/).pop() ?? ''
  if (/\.$/.test(last) && !/^(?:\p{Lu}\.)+$/u.test(last) && !ABBREVIATIONS.has(last.toLowerCase().replace(/\.$/, ''))) {
    s = s.slice(0, -1)
  }
  return s.replace(/[’']s$/, '').replace(/^The\s+/, '')
}

/** Trailing time adverbials and auxiliaries between an agent and its verb. */
const TRAILING_ADVERBIAL =
  /(?:\s+(?:on|last|late|early|this|earlier|later)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning|afternoon|evening|day)(?:\s+(?:night|morning|afternoon|evening))?|\s+(?:also|later|then|now|again|repeatedly|briefly|previously|quickly|simply|has|have|had|was|were|is|would|will|once|publicly|privately|initially|first|finally|recently|further|earlier|himself|herself|only|has also|had also|in a statement|in an interview))$/i

/** Extracts the agent phrase ending `text` (text = everything up to the verb). */
export function agentLeft(text: string, base: number): Agent | null {
  let s = text.replace(/\s+$/, '')
  for (let guard = 0; guard < 6; guard++) {
    const before = s
    s = s.replace(TRAILING_ADVERBIAL, '').replace(/\s+$/, '')
    if (s.endsWith(',')) {
      // "Dr. Priya Natarajan, an ear, nose and throat specialist who …," : the name before the
      // first comma that opens an appositive or relative clause.
      for (let c = s.indexOf(','); c >= 0 && c < s.length - 1; c = s.indexOf(',', c + 1)) {
        const rest = s.slice(c + 1).trimStart()
        if (!/^(?:who|whose|which|a|an|the|one|\p{Ll})/u.test(rest)) continue
        const head = s.slice(0, c)
        const m = CAPRUN_END.exec(head)
        if (m && !/^(?:In|On|At|For|After|Before|During|Speaking|Writing)\b/.test(m[1])) {
          let raw = m[1]
          let start = base + m.index
          const lead = /^(?:The|A|An)\s+/.exec(raw)
          if (lead) {
            raw = raw.slice(lead[0].length)
            start += lead[0].length
          }
          return { raw: cleanName(raw), start, end: start + raw.length, type: 'name' }
        }
        break
      }
      // ", who …," / ", a fellow at …," / ", for his part," : drop; ", Name," after a role: apposition.
      const body = s.slice(0, -1)
      const prev = body.lastIndexOf(',')
      if (prev < 0) return null
      const seg = body.slice(prev + 1).trim()
      if (CAPRUN_FULL.test(seg) && !/^(?:In|On|At|For|After|Before|During|Speaking|Writing)\b/.test(seg)) {
        const start = base + prev + 1 + (body.slice(prev + 1).length - body.slice(prev + 1).trimStart().length)
        return { raw: cleanName(seg), start, end: start + seg.length, type: 'name' }
      }
      s = body.slice(0, prev).replace(/\s+$/, '')
    }
    if (s === before) break
  }
  let m = PRONOUN_END.exec(s)
  if (m) {
    const start = base + s.length - m[1].length
    return { raw: m[1].toLowerCase(), start, end: start + m[1].length, type: 'pronoun' }
  }
  m = CAPRUN_END.exec(s)
  if (m && /\b(?:for|of|at|from|with)\s+(?:the\s+)?$/.test(s.slice(0, m.index))) {
    // "a spokesman for the European Commission": the descriptor, not the organisation.
    const d = DESCRIPTOR_END.exec(s.replace(/[.]$/, ''))
    if (d && d[1].split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase()))) {
      const start = base + d.index + d[0].indexOf(d[1])
      return { raw: d[1].trim(), start, end: start + d[1].trim().length, type: 'descriptor' }
    }
  }
  if (m) {
    let raw = m[1]
    let start = base + m.index
    // "The State Department" at a sentence start: keep the article out of the mention.
    const lead = /^(?:The|A|An)\s+/.exec(raw)
    if (lead) {
      raw = raw.slice(lead[0].length)
      start += lead[0].length
    }
    // A lone sentence-initial adverb or dateline is not a name.
    if (/^(?:But|And|Yet|So|Then|Still|However|Meanwhile|Later|Earlier|Instead|Asked|When|While|In|On|At)$/.test(raw)) return null
    if (/^[\p{Lu}\s.,—–()]+$/u.test(raw) && raw.length > 4 && !/^(?:[A-Z]\.?){2,6}$/.test(raw)) return null // DATELINE
    return { raw: cleanName(raw), start, end: start + raw.length, type: 'name' }
  }
  // "Russia’s defence ministry"
  m = POSSESSIVE_END.exec(s)
  if (m && m[1].split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase()))) {
    const start = base + m.index + m[0].indexOf(m[1])
    return { raw: m[1], start, end: start + m[1].length, type: 'descriptor' }
  }
  m = DESCRIPTOR_END.exec(s)
  if (m) {
    const phrase = m[1].trim()
    if (plausibleDescriptor(phrase)) {
      const start = base + m.index + m[0].indexOf(m[1])
      const type = /^the\s+[^A-Z]*$/.test(phrase) ? 'nominal' : 'descriptor'
      return { raw: phrase, start, end: start + phrase.length, type }
    }
  }
  return null
}

const NOT_IN_DESCRIPTOR = new Set('was were is are has had have be been and but that which who would will to not also said says'.split(' '))

/** "a spokesman for the ministry", "the department", "A Downing Street spokesman" — not "the company was focusing on …". */
function plausibleDescriptor(phrase: string): boolean {
  const words = phrase.split(/\s+/)
  if (words.length > 8 || words.some((w) => NOT_IN_DESCRIPTOR.has(w.toLowerCase()))) return false
  const head = /^(.*?)\s+(?:for|of|at|from|with)\s+/.exec(phrase)?.[1] ?? phrase
  const last = head.split(/\s+/).pop()!.toLowerCase()
  return ROLE_NOUNS.has(last) || ROLE_NOUNS.has(last.replace(/s$/, ''))
}

const RIGHT_STOP = new Set('in on at to that the a an of for with after before during when while and but it this his her their by from as was is'.split(' '))

/** Extracts the agent phrase starting `text` (text = everything after a verb: "said Suzanne Maloney, a fellow…"). */
export function agentRight(text: string, base: number): Agent | null {
  const lead = text.length - text.trimStart().length
  const s = text.slice(lead)
  let m = PRONOUN_START.exec(s)
  if (m) return { raw: m[1].toLowerCase(), start: base + lead, end: base + lead + m[1].length, type: 'pronoun' }
  // Up to three lower-case role words before the name: "said board chair Carol Jennings".
  const roles = /^((?:[a-z][\w-]*\s+){0,3})/.exec(s)
  const roleWords = roles ? roles[1].trim().split(/\s+/).filter(Boolean) : []
  if (roleWords.every((w) => !RIGHT_STOP.has(w))) {
    const off = roles ? roles[1].length : 0
    m = CAPRUN_START.exec(s.slice(off))
    if (m) {
      const raw = m[1].replace(/[,;:]$/, '')
      const start = base + lead + off
      return { raw: cleanName(raw), start, end: start + raw.length, type: 'name' }
    }
  }
  m = DESCRIPTOR_START.exec(s)
  if (m) {
    const phrase = m[1].trim().replace(/\s+(?:said|says|told)$/, '')
    if (plausibleDescriptor(phrase)) {
      const type = /^the\s+[^A-Z]*$/.test(phrase) ? 'nominal' : 'descriptor'
      return { raw: phrase, start: base + lead, end: base + lead + phrase.length, type }
    }
  }
  return null
}

/**
 * Attribution in the text right after a quote's closing mark, up to the end of the sentence:
 * `,” X said`, `,” said X`, `,” X told reporters`, `,” X, who …, said`, `,” according to X`.
 */
export function attributionAfter(after: string, base: number): Agent | null {
  const lead = /^[\s,—–]*/.exec(after)![0].length
  const s = after.slice(lead)
  const acc = /^according to\s/i.exec(s)
  if (acc) return agentRight(s.slice(acc[0].length), base + lead + acc[0].length)
  const v = findVerbs(s.slice(0, 200), false, true)[0]
  if (!v) return null
  if (v.index === 0) return agentRight(s.slice(v.verb.length), base + lead + v.verb.length)
  if (v.index > 140) return null
  const left = s.slice(0, v.index)
  const agent = agentLeft(left, base + lead)
  if (!agent) return null
  // The agent must open the clause (only punctuation before it).
  const prefix = after.slice(lead, agent.start - base).replace(/[,—–]/g, ' ').trim()
  const roleWords = prefix === '' ? [] : prefix.split(/\s+/)
  if (roleWords.length > 3 || roleWords.some((w) => RIGHT_STOP.has(w) || !/^\p{Ll}/u.test(w))) {
    if (!/^(?:the|a|an|one|another)\s/i.test(after.slice(lead))) return null
  }
  return agent
}

/**
 * Attribution in the same sentence before a quote's opening mark (quote words masked):
 * `X said: “`, `X said that … “`, `X called it “`, `Congress, he wrote, “`, `according to X, “`.
 * Tries verbs from the nearest backwards.
 */
export function attributionBefore(before: string, base: number): { agent: Agent; speech: boolean } | null {
  const verbs = findVerbs(before, true)
  for (let i = verbs.length - 1; i >= 0; i--) {
    const { index, verb } = verbs[i]
    const lower = verb.toLowerCase()
    if (lower === 'according to' || lower === 'in the words of') {
      const a = agentRight(before.slice(index + verb.length), base + index + verb.length)
      if (a) return { agent: a, speech: true }
      continue
    }
    if (PARTICIPLES.has(lower)) continue // "…, calling it “…”": the subject is further left
    let left = before.slice(0, index)
    // "was quoted by X as saying": the agent is the subject of "was".
    const q = /\b(?:was|were|is) quoted\b/.exec(verb)
    if (q) left = before.slice(0, index)
    const a = agentLeft(left, base)
    if (a) return { agent: a, speech: SPEECH_SET.has(lower) || !!q }
    // "replied Starmer: “" — verb-first before the quote.
    const r = agentRight(before.slice(index + verb.length), base + index + verb.length)
    if (r && SPEECH_SET.has(lower) && /^[\s\p{L}.’'-]+[:,]?\s*$/u.test(before.slice(index + verb.length))) return { agent: r, speech: true }
  }
  return null
}
