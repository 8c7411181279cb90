/**
 * Speaker attribution for detected quotations: finds the agent of a speech verb next to a quote
 * ("…,” Tillerson said / said Suzanne Maloney / according to the ministry / Zarif, who …, said),
 * strips titles, and resolves later mentions, pronouns and nominal anaphora ("the department",
 * "the prime minister") against what the article said earlier. Pure functions over plain text.
 */
import { AliasTable, canonicalSpeaker, looksLikeOrganisation, sameSpeaker, speakerKey } from './aliases'

export type Gender = 'm' | 'f' | null

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

export interface Attribution {
  speaker: string | null
  mention: Span | null
  confidence: number
}

// ---------------------------------------------------------------------------------------------
// Lexicon

/** Finite speech verbs that attribute a quote when adjacent to it. */
const SPEECH = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'warned', 'warns', 'insisted', 'insists', 'argued', 'argues',
  'wrote', 'writes', 'tweeted', 'posted', 'explained', 'explains', 'asked', 'asks', 'noted', 'notes', 'claimed', 'claims',
  'declared', 'declares', 'stressed', 'stresses', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'continued',
  'continues', 'replied', 'replies', 'responded', 'countered', 'recalled', 'recalls', 'testified', 'cautioned', 'cautions',
  'urged', 'conceded', 'complained', 'announced', 'stated', 'remarked', 'observed', 'suggested', 'agreed', 'concluded',
  'laughed', 'joked', 'predicted', 'promised', 'vowed', 'pleaded', 'shouted', 'demanded', 'asserted', 'maintained',
  'confirmed', 'denied', 'contended', 'reiterated', 'emphasised', 'emphasized', 'lamented', 'boasted', 'quipped',
  'snapped', 'sighed', 'whispered', 'tells', 'texted', 'posts', 'announces', 'warns'
]
/** Verbs that introduce a partial quote as an evaluation ("called the plan “a disaster”"). */
const EVALUATIVE = [
  'called', 'calls', 'calling', 'described', 'describes', 'describing', 'dismissed', 'dismisses', 'rejected', 'rejects',
  'branded', 'brands', 'labelled', 'labeled', 'denounced', 'praised', 'criticised', 'criticized', 'blamed', 'defended',
  'disputed', 'hailed', 'condemned', 'slammed', 'accused', 'accuses', 'accusing', 'welcomed', 'thanked', 'compares',
  'compared', 'saying', 'adding', 'warning', 'insisting', 'arguing', 'noting', 'telling', 'claiming', 'writing'
]
const SPEECH_SET = new Set(SPEECH)
const PARTICIPLES = new Set(['calling', 'describing', 'accusing', 'saying', 'adding', 'warning', 'insisting', 'arguing', 'noting', 'telling', 'claiming', 'writing'])

const EVALUATIVE_SET = new Set(EVALUATIVE)

interface VerbHit {
  index: number
  verb: string
}

const WORD_RE = /[a-z]+/g

/**
 * Speech verbs in `s` by a word scan and set look-up (a 150-way regex alternation is several
 * times slower). Also "according to", "in the words of", "was quoted (by X) as saying".
 * `all` adds the evaluative verbs ("called", "described as", "accusing").
 */
function findVerbs(s: string, all: boolean, first = false): VerbHit[] {
  const out: VerbHit[] = []
  WORD_RE.lastIndex = 0
  for (let m = WORD_RE.exec(s); m; m = WORD_RE.exec(s)) {
    const w = m[0]
    const i = m.index
    if (i > 0 && /[\p{L}’'-]/u.test(s[i - 1])) continue // inside a word
    const j = i + w.length
    if (j < s.length && /[\p{L}]/u.test(s[j])) continue
    let hit: VerbHit | null = null
    if (SPEECH_SET.has(w) || (all && EVALUATIVE_SET.has(w))) hit = { index: i, verb: w }
    else if (all && w === 'according' && /^\s+to\b/.test(s.slice(j, j + 4))) hit = { index: i, verb: 'according to' }
    else if (all && w === 'in' && /^\s+the words of\b/.test(s.slice(j, j + 14))) hit = { index: i, verb: 'in the words of' }
    else if ((w === 'was' || w === 'were' || w === 'is') && /^\s+quoted\b/.test(s.slice(j, j + 8))) {
      const q = /^\s+quoted\b[^.]{0,60}?\bas saying\b/.exec(s.slice(j))
      if (q) {
        hit = { index: i, verb: w + q[0] }
        WORD_RE.lastIndex = j + q[0].length
      }
    }
    if (hit) {
      out.push(hit)
      if (first) return out
    }
  }
  return out
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col capt sgt st jr sr prof inc co corp ltd no vs rev hon messrs mt ft u.s u.n u.k e.u d.c p.m a.m'.split(' ')
)

const NAMETOK = "\\p{Lu}[\\p{L}\\p{M}’'.\\-]*"
const CONNECT = "(?:of(?: the)?|de|da|del|della|van|von|der|den|al|bin|ibn|la|le|du|dos|y|&)"
const CAPRUN = `${NAMETOK}(?:\\s+(?:${CONNECT}\\s+)?${NAMETOK})*`
const CAPRUN_END = new RegExp(`(${CAPRUN})$`, 'u')
const CAPRUN_FULL = new RegExp(`^${CAPRUN}$`, 'u')
const CAPRUN_START = new RegExp(`^(${CAPRUN})`, 'u')

const PRONOUN_END = /(?:^|[\s,—–])(he|she|they|it)$/i
const PRONOUN_START = /^(he|she|they|it)\b/i
const DESCRIPTOR_END = /(?:^|[\s—–])((?:the|a|an|one|another)\s+[^,;:“”"«»„‘’.!?#]{1,70})$/i
const POSSESSIVE_END = /(?:^|\s)(\p{Lu}[\p{L}.]*[’']s(?:\s+[\p{Ll}-]+){1,3})$/u
const DESCRIPTOR_START = /^((?:the|a|an|one|another)\s+[^,;:“”"«»„‘.!?#]{1,70}?)(?=$|[,;:.!?]|\s+(?:who|which|that|in|on|at|during|after|before|when|while)\b)/i

/** Lower-case role nouns that make a descriptor a plausible speaker. */
const ROLE_NOUNS = new Set(
  (
    'spokesman spokeswoman spokesperson spokespeople official officials delegate delegates analyst analysts resident residents ' +
    'minister ministry department agency company firm group union association charity council committee commission government ' +
    'administration police court judge lawyer attorney prosecutor prosecutors witness witnesses source sources expert experts ' +
    'statement report study authors researchers scientists doctor doctors officer officers president prime chancellor secretary ' +
    'leader coach manager striker player players team club board bank campaigners activists critics organisers organizers ' +
    'bloc alliance service regulator regulators watchdog investor investors economist economists diplomat diplomats aide aides ' +
    'insider insiders employee employees worker workers teacher teachers parent parents student students victim victims mother ' +
    'father brother sister wife husband son daughter friend neighbour neighbor owner founder chief executive director chair ' +
    'chairman governor mayor senator lawmaker lawmakers spaniard frenchman german american briton'
  ).split(' ')
)
const PERSON_ROLES = new Set(
  'minister president prime chancellor secretary leader coach manager striker player judge lawyer attorney prosecutor witness doctor officer chief executive director chair chairman governor mayor senator lawmaker spaniard frenchman german american briton founder owner mother father wife husband son daughter friend neighbour neighbor victim teacher aide diplomat economist analyst resident delegate official'.split(' ')
)

const FEMALE = new Set(
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ashley dorothy kimberly emily donna ' +
    'michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole ' +
    'emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly ' +
    'christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice ' +
    'madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte ' +
    'rose alexis kayla erin tasha jenna priya amara sofia carmen iga aryna kyrsten angela guadalupe lina loretta elena suzanne carla dana jane ' +
    'nadia karen kemi keir? gail debbie erin ursula kamala hillary nancy theresa angela giorgia marine jacinda sanna kaja annalena liz nicola ' +
    'kristalina christine janet mao ning lindsay linda paula fatima aisha leila yulia svetlana olga irina natasha ana lucia isabel ines ' +
    'chloe zoe mia ava ella lily leah claire fiona siobhan aoife mairead sinead kate katie beth lucy amelia jade yvonne monique'
  )
    .replace(/\S+\?/g, '')
    .split(/\s+/)
)
const MALE = new Set(
  (
    'james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew ' +
    'joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott ' +
    'brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter ' +
    'kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan ' +
    'billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny rex ' +
    'mohammad mohammed muhammad ahmed ali omar hassan hussein ibrahim yusuf mustafa marcus tomas mikel ange bukayo olaf friedrich keir elon ' +
    'chuck guadalupe? oleksandr volodymyr vladimir sergei dmitri jens joe jayson erik ben venkat luis tom eddie stanley nicholas wopke xie ' +
    'mohamed emmanuel boris rishi narendra xi recep benjamin ehud recep tedros antonio pedro carlos miguel jorge diego pablo javier ' +
    'hans klaus jurgen wolfgang pierre jacques francois jean-luc giuseppe marco luca matteo liam noah oliver harry charlie' +
    ' rahul arjun vikram raj kenji hiroshi takeshi wei jun min art lionel cristiano kylian rafael novak roger andy'
  )
    .replace(/\S+\?/g, '')
    .split(/\s+/)
)

// ---------------------------------------------------------------------------------------------
// Agent extraction

function cleanName(raw: string): string {
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

// ---------------------------------------------------------------------------------------------
// Resolution

export interface Candidate {
  name: string
  pos: number
  person: boolean
}

export function genderOfFirstName(name: string): Gender {
  const first = name.split(/\s+/)[0]?.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '') ?? ''
  if (FEMALE.has(first) && !MALE.has(first)) return 'f'
  if (MALE.has(first) && !FEMALE.has(first)) return 'm'
  return null
}

const PERSON_NAME_RE = new RegExp(`\\b(?:(Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?(${CAPRUN})`, 'gu')

/** Article-wide state for resolving names, pronouns and nominal mentions. */
export class SpeakerContext {
  readonly aliases = new AliasTable()
  /** Person names (2+ words) seen in the text with their first position. */
  private readonly mentions: Candidate[] = []
  private readonly genders = new Map<string, Gender>()
  /** Mentions indexed by the key of their first and last word, and the keys of people. */
  private readonly byToken = new Map<string, Candidate[]>()
  private readonly personKeys = new Set<string>()
  private readonly orgs: Candidate[] = []
  /** Speakers in the order they were credited with a quote or reported speech. */
  readonly history: Candidate[] = []

  constructor(readonly text: string) {
    PERSON_NAME_RE.lastIndex = 0
    for (let m = PERSON_NAME_RE.exec(text); m; m = PERSON_NAME_RE.exec(text)) {
      const honorific = m[1]
      // A run never crosses a sentence end ("… on Twitter. He said").
      const cross = /[\p{Ll}\d]{2,}\.\s/u.exec(m[2])
      if (cross) {
        PERSON_NAME_RE.lastIndex = m.index + m[0].indexOf(m[2]) + cross.index + cross[0].length
        if (!m[1]) continue
      }
      const lead = /^(?:(?:The|A|An|In|On|At|But|And|If|When|While|Asked|Under|After|Before|Speaking|Writing|According|As|For|With|His|Her|Their|Its)\s+)+/.exec(m[2])?.[0] ?? ''
      const raw = cleanName(m[2].slice(lead.length))
      if (!raw) continue
      const name = canonicalSpeaker(raw)
      const words = name.split(' ')
      if (looksLikeOrganisation(name)) {
        this.mentions.push({ name, pos: m.index + m[0].indexOf(m[2]) + lead.length, person: false })
        continue
      }
      if (honorific) {
        const g: Gender = honorific === 'Mr' ? 'm' : honorific === 'Dr' ? null : 'f'
        if (g) this.genders.set(speakerKey(words[words.length - 1]), g)
      }
      if (words.length < 2 || words.length > 4) continue
      if (!words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}\.$/u.test(w) || /^(?:de|da|van|von|al|bin|la|le|der)$/.test(w))) continue
      this.mentions.push({ name, pos: m.index + m[0].indexOf(m[2]) + lead.length, person: true })
    }
    for (const m of this.mentions) {
      const words = speakerKey(m.name).split(' ')
      for (const w of new Set([words[0], words[words.length - 1]])) {
        const list = this.byToken.get(w)
        if (list) list.push(m)
        else this.byToken.set(w, [m])
      }
      if (m.person) this.personKeys.add(speakerKey(m.name))
      else this.orgs.push(m)
    }
  }

  gender(name: string): Gender {
    const key = speakerKey(name)
    const words = key.split(' ')
    const byHonorific = this.genders.get(key) ?? this.genders.get(words[words.length - 1])
    return byHonorific ?? genderOfFirstName(name)
  }

  learnGender(name: string, g: Gender): void {
    if (g && !this.gender(name)) this.genders.set(speakerKey(name), g)
  }

  /** A name to its full form seen in the article (nearest earlier full form, else any). */
  fullName(raw: string, pos: number): string {
    const c = canonicalSpeaker(raw)
    if (looksLikeOrganisation(c)) {
      // An acronym for an organisation credited earlier ("the CBI" → "Confederation of British Industry").
      for (let i = this.history.length - 1; i >= 0; i--) {
        const h = this.history[i]
        if (!h.person && h.name !== c && sameSpeaker(c, h.name)) return h.name
      }
      for (const m of this.orgs) if (m.pos <= pos && m.name !== c && sameSpeaker(c, m.name)) return m.name
      return c
    }
    if (c.split(' ').length > 1 && !/^[a-z]/.test(c)) return this.aliases.resolve(c)
    let best: Candidate | null = null
    const words = speakerKey(c).split(' ')
    for (const m of this.byToken.get(words[words.length - 1]) ?? []) {
      if (m.name === c || !sameSpeaker(c, m.name)) continue
      if (m.pos <= pos) best = m
      else if (!best) best = m
    }
    return best ? best.name : this.aliases.resolve(c)
  }

  credit(name: string, pos: number): void {
    const person = !looksLikeOrganisation(name) && !/^[a-z]/.test(name)
    this.history.push({ name, pos, person })
    if (name.split(' ').length > 1) this.aliases.add(name)
  }

  /** True when `name` is a person name (two words or more) seen in the article, or an alias of one. */
  isKnownPerson(name: string): boolean {
    return this.personKeys.has(speakerKey(name))
  }

  /** Resolves he/she/they/it against paragraph-local candidates, then quoted speakers, then mentioned people. */
  resolvePronoun(pronoun: string, pos: number, local: Candidate[]): string | null {
    const want: Gender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null
    const personal = pronoun === 'he' || pronoun === 'she'
    const fits = (c: Candidate) => {
      if (personal !== c.person) return false
      if (!personal) return true
      const g = this.gender(c.name)
      return g === null || g === want
    }
    for (let i = local.length - 1; i >= 0; i--) if (local[i].pos < pos && fits(local[i])) return this.pick(local[i].name, want)
    for (let i = this.history.length - 1; i >= 0; i--) if (this.history[i].pos < pos && fits(this.history[i])) return this.pick(this.history[i].name, want)
    if (personal) {
      for (let i = this.mentions.length - 1; i >= 0; i--) {
        const m = this.mentions[i]
        if (m.pos < pos && this.gender(m.name) === want) return m.name
      }
    }
    return null
  }

  private pick(name: string, g: Gender): string {
    this.learnGender(name, g)
    return name
  }

  /** "the department", "the agency", "the prime minister", "the spokesman". */
  resolveNominal(phrase: string, pos: number, local: Candidate[]): string | null {
    const words = phrase.toLowerCase().split(/\s+/).slice(1)
    const head = words[words.length - 1]
    const all = [...this.history.filter((h) => h.pos < pos), ...local.filter((l) => l.pos < pos)].sort((a, b) => a.pos - b.pos)
    for (let i = all.length - 1; i >= 0; i--) if (all[i].name.toLowerCase().includes(head)) return all[i].name
    const personRole = words.some((w) => PERSON_ROLES.has(w))
    for (let i = all.length - 1; i >= 0; i--) if (all[i].person === personRole) return all[i].name
    return ROLE_NOUNS.has(head) ? canonicalSpeaker(phrase) : null
  }
}

/** Resolves an agent phrase to a canonical speaker, with the confidence the resolution deserves. */
export function resolveAgent(agent: Agent, ctx: SpeakerContext, local: Candidate[]): { speaker: string | null; confidence: number } {
  switch (agent.type) {
    case 'name': {
      const name = ctx.fullName(agent.raw, agent.start)
      if (!name) return { speaker: null, confidence: 0.3 }
      return { speaker: name, confidence: speakerKey(name) === speakerKey(agent.raw) ? 0.95 : 0.9 }
    }
    case 'pronoun': {
      const name = ctx.resolvePronoun(agent.raw, agent.start, local)
      return { speaker: name, confidence: name ? 0.75 : 0.3 }
    }
    case 'nominal': {
      const name = ctx.resolveNominal(agent.raw, agent.start, local)
      return { speaker: name, confidence: name ? 0.7 : 0.3 }
    }
    case 'descriptor': {
      const c = canonicalSpeaker(agent.raw)
      return { speaker: c || null, confidence: 0.85 }
    }
  }
}

export { ABBREVIATIONS }
