/**
 * The agent of a speech verb next to a quote ("…,” Tillerson said / said Suzanne Maloney /
 * according to the ministry / Zarif, who …, said): the phrase, and whether it is a name, a
 * pronoun, a descriptor or a nominal ("the department"). Resolving it to a person is
 * speaker-context.ts's job.
 */
import {
  ABBREVIATIONS,
  CAPRUN,
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
  EVALUATIVE_INFINITIVES,
  MONTHS,
  WEEKDAYS,
  findVerbs,
  isRoleWord,
  trimLead,
  FOREIGN_VERBS,
  FEMALE,
  MALE
} from './lexicon'
import { subjectOf } from './subjects'
import { widenOrganisation, widenOrganisationForward } from './org-names'

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

/** "the company", "the senator" (all lower case after "the") point back to someone: nominal; any other phrase is a descriptor. */
function descriptorType(phrase: string): 'nominal' | 'descriptor' {
  return /^[Tt]he\s+[^A-Z]*$/.test(phrase) ? 'nominal' : 'descriptor'
}

/** A sentence's opening time phrase, set off by a comma: "On Monday", "Last week", "In 2019", "Earlier this year". */
const INTRO_TIME = new RegExp(
  String.raw`^\s*(?:(?:On|In|Last|Early|Late|Earlier|Later|By|Since|Until|Through|During|This|That|Next)\s+)?(?:(?:this|last|next|early|late)\s+)?(?:${WEEKDAYS}|${MONTHS}|Today|Yesterday|Tonight|Now|week|month|year|morning|afternoon|evening|night|weekend|\d{4})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\s*$`
)

/** Trailing time adverbials and auxiliaries between an agent and its verb. */
const TRAILING_ADVERBIAL =
  /(?:\s+(?:on|last|late|early|this|earlier|later)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning|afternoon|evening|day)(?:\s+(?:night|morning|afternoon|evening))?|\s+(?:a|ont|avait|aurait|ha|había|tem|hat|hatte)|\s+(?:also|still|later|then|now|again|repeatedly|briefly|previously|quickly|simply|has|have|had|was|were|is|would|will|once|publicly|privately|initially|first|finally|recently|since|further|earlier|himself|herself|only|has also|had also|in a statement|in an interview))$/i

/** An online handle, which is a name in lower case: "elmo666", "@jane_doe" (letters, then digits or "_"; or "@"). */
const HANDLE = String.raw`@[\p{L}\d_]{2,30}|\p{Ll}[\p{L}_]*(?:\d+|_[\p{L}\d]+)[\p{L}\d_]*`
const HANDLE_END = new RegExp(`(?:^|[\\s,—–])(${HANDLE})$`, 'u')
const HANDLE_FULL = new RegExp(`^(?:${HANDLE})$`, 'u')
const HANDLE_START = new RegExp(`^(${HANDLE})(?=$|[\\s,.;:!?])`, 'u')

/** A trailing adverb, lower case only ("Wired Italy", "Grace Kelly" are names): "X repeatedly said". */
const TRAILING_ADVERB = /\s+(?!only\b)[a-z]{3,}ly$/

/** Extracts the agent phrase ending `text` (text = everything up to the verb). */
export function agentLeft(text: string, base: number): Agent | null {
  // "Sen. Ben Sasse (R-Neb.) said": the parenthesis is an affiliation, not the name.
  let s = text.replace(/\s+$/, '').replace(/\s*\([^()]{1,40}\)$/, '')
  // "Dräger, Inc.," is one name: the comma before a legal form is no apposition (same length, offsets kept).
  s = s.replace(LEGAL_FORM_COMMA, ' $1')
  for (let guard = 0; guard < 6; guard++) {
    const before = s
    s = s.replace(TRAILING_ADVERBIAL, '').replace(TRAILING_ADVERB, '').replace(/\s+$/, '')
    if (s.endsWith(',')) {
      // "Dr. Priya Natarajan, an ear, nose and throat specialist who …," : the name before the
      // first comma that opens an appositive or relative clause.
      for (let c = s.indexOf(','); c >= 0 && c < s.length - 1; c = s.indexOf(',', c + 1)) {
        const rest = s.slice(c + 1).trimStart()
        if (!/^(?:who|whose|which|a|an|the|one|\p{Ll})/u.test(rest)) continue
        const head = s.slice(0, c).replace(/,\s*(?:\d{1,3}|\(?[RDI]-[\p{L}.]+\)?)\s*$/u, '') // "Jane Smith, 45, a teacher"
        // "On Monday, the People’s Daily, the mouthpiece of …,": an opening time phrase is no
        // name; the subject follows its comma.
        if (INTRO_TIME.test(head)) continue
        const m = CAPRUN_END.exec(head)
        const lead = m ? trimLead(m[1]) : null
        if (m && lead?.name) {
          const start = base + m.index + lead.dropped
          return { raw: cleanName(lead.name), start, end: start + lead.name.length, type: 'name' }
        }
        break
      }
      // ", who …," / ", a fellow at …," / ", for his part," : drop; ", Name," after a role: apposition.
      const body = s.slice(0, -1)
      const prev = body.lastIndexOf(',')
      if (prev < 0) return null
      const seg = body.slice(prev + 1).trim()
      if (AFFILIATION.test(seg) || ROLE_APPOSITIVE.test(seg)) {
        s = body.slice(0, prev).replace(/\s+$/, '')
        continue
      }
      // "one buyer on the market, elmo666, wrote": an online handle in apposition is the name.
      if (HANDLE_FULL.test(seg)) {
        const start = base + prev + 1 + body.slice(prev + 1).indexOf(seg)
        return { raw: seg, start, end: start + seg.length, type: 'name' }
      }
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
  m = HANDLE_END.exec(s)
  if (m) {
    const start = base + s.length - m[1].length
    return { raw: m[1], start, end: start + m[1].length, type: 'name' }
  }
  m = CAPRUN_END.exec(s)
  if (m && /\b(?:for|of|at|from|with|to|in)\s+(?:the\s+)?$/.test(s.slice(0, m.index))) {
    // "a spokesman for the European Commission", "China’s ambassador to Britain": the
    // descriptor, not the organisation or the place.
    const d = DESCRIPTOR_END.exec(s.replace(/[.]$/, '')) ?? POSSESSIVE_ROLE_END.exec(s.replace(/[.]$/, ''))
    if (d && d[1].split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase()) || (/^\p{Ll}/u.test(w) && isRoleWord(w)))) {
      const start = base + d.index + d[0].indexOf(d[1])
      return { raw: d[1].trim(), start, end: start + d[1].trim().length, type: 'descriptor' }
    }
  }
  // "The authors of the research published in the journal JAMA Psychiatry": the people the phrase
  // opens with, not the name at its end.
  const led = LED_BY_ROLE.exec(s)
  if (m && led && ROLE_NOUNS.has(led[2].toLowerCase()) && led[0].length <= m.index) {
    const start = base + led[0].indexOf(led[1])
    return { raw: led[1], start, end: start + led[1].length, type: 'descriptor' }
  }
  // "70 percent of Americans say", "most of the Democrats said": a share of a group is no speaker.
  if (m && QUANTITY_OF.test(s.slice(0, m.index))) return null
  if (m) {
    const wide = widenOrganisation(s, m.index, m[1])
    // "Google and Apple said": two speakers, not the second alone (an organisation's own "and"
    // — "Food and Drug Administration" — was taken in by widenOrganisation).
    if (wide.raw === m[1] && COORDINATED_BEFORE.test(s.slice(0, m.index))) return null
    const lead = trimLead(wide.raw)
    const raw = lead.name
    const start = base + wide.index + lead.dropped
    // A lone sentence-initial adverb ("Meanwhile") or a dateline ("WASHINGTON —") is not a name.
    if (!raw) return null
    if (/^[\p{Lu}\s.,—–()]+$/u.test(raw) && raw.length > 4 && !/^(?:[A-Z]\.?){2,6}$/.test(raw)) return null // DATELINE
    // "Officials said", "Police said": a capitalised role noun is a descriptor, not a name.
    if (!raw.includes(' ') && ROLE_NOUNS.has(raw.toLowerCase())) return { raw: raw.toLowerCase(), start, end: start + raw.length, type: 'descriptor' }
    return { raw: cleanName(raw), start, end: start + raw.length, type: 'name' }
  }
  // "Con Edison officials", "Boeing spokeswoman": spokespeople of a named body, as written.
  m = ORG_ROLE_END.exec(s)
  if (m) {
    const lead = trimLead(m[1])
    if (lead.name && /^\p{Lu}/u.test(lead.name)) {
      const start = base + m.index + m[0].indexOf(m[1]) + lead.dropped
      return { raw: lead.name, start, end: start + lead.name.length, type: 'descriptor' }
    }
  }
  // "Russia’s defence ministry"
  m = POSSESSIVE_END.exec(s)
  if (m && m[1].split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase()))) {
    const start = base + m.index + m[0].indexOf(m[1])
    return { raw: m[1], start, end: start + m[1].length, type: 'descriptor' }
  }
  // "his obituary": a document about the person, by someone else, is the document.
  m = POSSESSIVE_DOCUMENT_END.exec(s)
  if (m) {
    const start = base + m.index + m[0].indexOf(m[1])
    return { raw: m[1], start, end: start + m[1].length, type: 'descriptor' }
  }
  m = DESCRIPTOR_END.exec(s)
  if (m) {
    const phrase = m[1].trim()
    if (plausibleDescriptor(phrase)) {
      const start = base + m.index + m[0].indexOf(m[1])
      const type = descriptorType(phrase)
      return { raw: phrase, start, end: start + phrase.length, type }
    }
  }
  // "“…,” police said", "federal prosecutors said": a body of people named by its plural, no article.
  m = COLLECTIVE.exec(s)
  if (m && !(m[2] && NOT_BEFORE_COLLECTIVE.has(m[2].toLowerCase()))) {
    const start = base + m.index + m[0].indexOf(m[1])
    const raw = m[2] ? m[1] : m[1].toLowerCase()
    return { raw, start, end: start + m[1].length, type: 'descriptor' }
  }
  return null
}

/** "The authors of the research …", "A spokesman for the ministry …": a role noun phrase opening the clause. */
const LED_BY_ROLE = /^(?:[Tt]he|An?)[^\S\n]+((?:\p{Ll}[\p{L}-]*[^\S\n]+){0,2}?(\p{Ll}+)[^\S\n]+(?:of|for|at|from|with)[^\S\n]+(?:the[^\S\n]+)?\p{Ll}[\p{L}-]*)(?=[^\S\n]+(?:published|in|at|on|from|who|which|that|led)\b)/u
/** Written about someone by others: "his obituary" is the obituary's (but "his letter" is his, left to the pronoun). */
const POSSESSIVE_DOCUMENT_END = /(?:^|\s)(?:his|her|their)\s+(obituary|obituaries)$/i
const QUANTITY_OF = /(?:\d\s*%|\b(?:percent|per cent|majority|minority|half|third|quarter|most|many|some|all|none|each|both|several|dozens|hundreds|thousands|millions|one))\s+of\s+(?:the\s+)?$/i
const NOT_BEFORE_COLLECTIVE = new Set('and but or that which who when while as after before where the a an then so if because'.split(' '))
const COLLECTIVE = /^\s*((?:([\p{L}-]+)\s+)?(?:police|officials|authorities|prosecutors|investigators|regulators|officers|firefighters|rescuers|paramedics|witnesses|organi[sz]ers|researchers|scientists|analysts))$/iu

const ORG_ROLE_END = new RegExp(
  `(?:^|\\s)(${CAPRUN}(?:[^\\S\\n]+[\\p{Ll}-]+)?[^\\S\\n]+(?:officials?|spokes(?:man|woman|person|people)|representatives?|executives?|sources?|staff|lawyers?|attorneys|analysts|researchers|scientists|economists|investigators|prosecutors|leaders))$`,
  'u'
)

/** The comma of "Dräger, Inc.", "Acme, Ltd.": a company's legal form, part of its name. */
const LEGAL_FORM_COMMA = /,(\s+(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|plc|PLC|GmbH|AG|S\.A|N\.V|L\.P|LLP)\b\.?)/g
/** Between commas after a name, an affiliation or age, not a name: "R-Neb.", "(D-Calif.)", "75", "Jr.". */
const AFFILIATION = /^(?:\(?[RDI]\s*-\s*[\p{Lu}][\p{L}.]*\)?|\d{1,3}|[JS]r\.?)$/u
/** "CEO of Northwind", "President of the Council": a role between commas after a name. */
const ROLE_APPOSITIVE = /^(?:[A-Z]{2,4}|(?:(?:Senior|Vice|Deputy|Chief|Managing|Executive|Assistant|Associate|General|Regional)\s+){0,3}(?:President|Director|Chairman|Chairwoman|Chair|Founder|Co-founder|Head|Chief|Secretary|Minister|Spokesman|Spokeswoman|Spokesperson|Professor|Editor|Owner|Partner|Member|Leader|Governor|Mayor|Manager|Coach|Captain|Dean|Principal|Superintendent|Commissioner|Ambassador))\s+(?:(?:of|at|for)\s|\p{Lu})/u
const POSSESSIVE_ROLE_END = /(?:^|\s)(\p{Lu}[\p{L}.]*[’']s\s+[^,;:“”"«»„‘’.!?#]{1,60})$/u

const NOT_IN_DESCRIPTOR = new Set('was were is are has had have be been and but that which who would will to not also said says'.split(' '))

/** "a spokesman for the ministry", "the department", "A Downing Street spokesman" — not "the company was focusing on …". */
function plausibleDescriptor(phrase: string): boolean {
  const words = phrase.split(/\s+/)
  if (words.length > 8 || words.some((w) => NOT_IN_DESCRIPTOR.has(w.toLowerCase()))) return false
  // "one user", "another reader": one of a group of people, whatever the noun.
  if (/^(?:one|another)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*$/u.test(phrase)) return true
  const head = /^(.*?)\s+(?:for|of|at|from|with)\s+/.exec(phrase)?.[1] ?? phrase
  const last = head.split(/\s+/).pop()!.toLowerCase()
  return ROLE_NOUNS.has(last) || ROLE_NOUNS.has(last.replace(/s$/, ''))
}

const RIGHT_STOP = new Set('in on at to that the a an of for with after before during when while and but it this his her their by from as was is'.split(' '))

/** Extracts the agent phrase starting `text` (text = everything after a verb: "said Suzanne Maloney, a fellow…"). */
export function agentRight(text: string, base: number): Agent | null {
  const a = agentRightAlone(text, base)
  // "said Smith and Jones": two speakers, not the first alone.
  if (a && a.type === 'name' && /^[^\S\n]+(?:and|&)[^\S\n]+\p{Lu}/u.test(text.slice(a.end - base)) && widenOrganisationForward(text, a.start - base, a.raw) === a.raw) return null
  return a
}

/**
 * "planetary geologist Rosaly Lopes of NASA's Jet Propulsion Laboratory": a capitalised run that
 * joins a person's name to their employer by "of"/"at"/"from" is the person — when role words
 * come before it, or its first word is a first name. ("Bank of America" is neither.)
 */
function personBeforeOf(run: string, afterRole: boolean): string {
  const m = /^(\p{Lu}[\p{Ll}’'-]+(?:[^\S\n]+\p{Lu}\.?)?(?:[^\S\n]+\p{Lu}[\p{L}’'-]+){1,2})[^\S\n]+(?:of|at|from)[^\S\n]+\p{Lu}/u.exec(run)
  if (!m) return run
  const first = m[1].split(/\s+/)[0].toLowerCase()
  return afterRole || FEMALE.has(first) || MALE.has(first) ? m[1] : run
}

const COORDINATED_BEFORE = /(?:^|[\s,])\p{Lu}[\p{L}.’'-]*(?:[^\S\n]+\p{Lu}[\p{L}.’'-]*)*[^\S\n]+(?:and|&)[^\S\n]+$/u

/** After a body's name: lower-case role words, then a name ("… press secretary Stephanie Grisham"). */
const ROLE_HOLDER = new RegExp(`^[^\\S\\n]+((?:\\p{Ll}[\\p{L}-]*[^\\S\\n]+){1,3})(${CAPRUN})`, 'u')

function agentRightAlone(text: string, base: number): Agent | null {
  const lead = text.length - text.trimStart().length
  const s = text.slice(lead)
  let m = PRONOUN_START.exec(s)
  if (m) return { raw: m[1].toLowerCase(), start: base + lead, end: base + lead + m[1].length, type: 'pronoun' }
  // Up to three lower-case role words before the name: "said board chair Carol Jennings",
  // "wrote 43-year-old Martin Taylor".
  const roles = /^((?:(?:\p{Ll}[\p{L}-]*|\d{1,3}-year-old)\s+){0,3})/u.exec(s)
  const roleWords = roles ? roles[1].trim().split(/\s+/).filter(Boolean) : []
  // "selon le ministère des Affaires étrangères": a body named by a common noun and "des"/"of",
  // not the capitalised word after it.
  if (roleWords.length >= 2 && /^(?:des|du|de|del|della|di|der|do|da|dos|das)$/.test(roleWords[roleWords.length - 1])) {
    const phrase = /^[^,;:.!?#“”"«»()]{1,80}/u.exec(s)![0].replace(/\s+$/, '')
    const det = /^(?:le|la|les|l’|l'|el|los|las|o|os|a|as|der|die|das|il|lo)\s*/i.exec(phrase)?.[0] ?? ''
    const start = base + lead + det.length
    return { raw: phrase.slice(det.length), start, end: start + phrase.length - det.length, type: 'descriptor' }
  }
  // "wrote user jayk1984": an online handle, after up to three role words.
  const handle = HANDLE_START.exec(s.slice(roles ? roles[1].length : 0))
  if (handle && roleWords.every((w) => !RIGHT_STOP.has(w))) {
    const start = base + lead + (roles ? roles[1].length : 0)
    return { raw: handle[1], start, end: start + handle[1].length, type: 'name' }
  }
  if (roleWords.every((w) => !RIGHT_STOP.has(w))) {
    const off = roles ? roles[1].length : 0
    m = CAPRUN_START.exec(s.slice(off))
    if (m) {
      // "said White House press secretary Stephanie Grisham", "responded NASA administrator Jim
      // Bridenstine": a body, its role words, then the person who holds the role.
      const held = ROLE_HOLDER.exec(s.slice(off + m[1].length))
      if (held && isRoleWord(held[1].trim().split(/\s+/).pop()!)) {
        const start = base + lead + off + m[1].length + held[0].length - held[2].length
        return { raw: cleanName(held[2]), start, end: start + held[2].length, type: 'name' }
      }
      const raw = personBeforeOf(m[1].replace(/[,;:]$/, ''), roleWords.length > 0)
      const start = base + lead + off
      return { raw: cleanName(raw), start, end: start + raw.length, type: 'name' }
    }
  }
  m = DESCRIPTOR_START.exec(s)
  if (m) {
    const phrase = m[1].trim().replace(/\s+[—–-].*$/u, '').replace(/\s+(?:said|says|told)$/, '')
    if (plausibleDescriptor(phrase)) {
      const type = descriptorType(phrase)
      return { raw: phrase, start: base + lead, end: base + lead + phrase.length, type }
    }
  }
  return null
}

/**
 * Attribution in the text right after a quote's closing mark, up to the end of the sentence:
 * `,” X said`, `,” said X`, `,” X told reporters`, `,” X, who …, said`, `,” according to X`,
 * `,” State Department deputy spokesperson X said`. `loose` (the quote ended with , ? ! or a
 * dash, so the sentence goes on) also takes verbs the lexicon does not know by their shape:
 * `,” instructed X`, `,” X recounted`, `», a déclaré X`.
 */
export function attributionAfter(after: string, base: number, loose = false): Agent | null {
  const lead = /^[\s,—–]*/.exec(after)![0].length
  const s = after.slice(lead)
  const at = base + lead
  const acc = ACCORDING.exec(s)
  if (acc) return accordingTo(s.slice(acc[0].length), at + acc[0].length)
  const v = findVerbs(s.slice(0, 200), false, true)[0]
  if (v && v.index === 0) {
    const r = agentRight(s.slice(v.verb.length), at + v.verb.length)
    if (r) return r
  } else if (v && v.index <= 140) {
    const agent = agentLeft(s.slice(0, v.index), at)
    if (agent && opensClause(s.slice(0, agent.start - at))) return agent
    // “…,” Kurinji Selvaraj, a research analyst at the … think tank told CBS News: the
    // appositive's closing comma left out, the name that opens the clause is the agent.
    const open = OPEN_APPOSITIVE.exec(s.slice(0, v.index))
    const lead = open && trimLead(open[1])
    if (open && lead?.name && lead.dropped === 0) return { raw: cleanName(lead.name), start: at, end: at + lead.name.length, type: 'name' }
  }
  const fp = foreignPronoun(s, at)
  if (fp) return fp
  if (!loose) return null
  const vf = VERB_FIRST.exec(s)
  if (vf) {
    const a = agentRight(s.slice(vf[0].length), at + vf[0].length)
    if (a) return a
  }
  // `,” he assures himself`, `?” she wonders aloud`: a pronoun and any verb right after the quote.
  const pv = PRONOUN_VERB.exec(s)
  if (pv && !/^(?:is|was|has|does|gets|goes|seems|looks)$/.test(pv[2])) return { raw: pv[1].toLowerCase(), start: at, end: at + pv[1].length, type: 'pronoun' }
  const nf = NAME_VERB.exec(s)
  // "—Smart Projects was incorporated in Italy": a passive, not someone speaking.
  if (nf && !/\b(?:was|were|is|are|be|been|being|get|got)\s*$/i.test(nf[1])) {
    const agent = agentLeft(nf[1], at)
    // "the patient described in the case report": a nominal too, when it names a role.
    const role = agent?.type === 'nominal' && ROLE_NOUNS.has(agent.raw.split(/\s+/).pop()!.toLowerCase())
    if (agent && (agent.type !== 'nominal' || role) && opensClause(s.slice(0, agent.start - at))) return agent
  }
  return null
}

/**
 * `," přirovnává Heskey.`, `," kroutí hlavou Lineker.`, `," píše na Twitter Gary Lineker.`:
 * after a quote whose sentence goes on, a verb the lexicon does not know, up to four more
 * lower-case words and a name that ends the sentence (an appositive may follow it). The word
 * order of the languages that put the verb first (Czech, French, Spanish, Portuguese, German);
 * the caller asks only in text that is not English, where "the company told Reuters" has the
 * same shape. The name is the run's last words from a known first name on, else the run.
 */
const VERB_THEN_NAME = new RegExp(`^([\\s,—–]*\\p{Ll}[\\p{L}-]*(?:[^\\S\\n]+\\p{Ll}[\\p{L}-]*){0,4}[^\\S\\n]+)(${CAPRUN})(?:,[^#“”"«»,.]{1,80})?[^\\S\\n]*[.!]?[^\\S\\n]*$`, 'u')

export function verbThenName(after: string, base: number, firstName: (word: string) => boolean): Agent | null {
  const m = VERB_THEN_NAME.exec(after)
  if (!m) return null
  const run = cleanName(m[2])
  const words = run.split(/\s+/)
  const from = words.findIndex((w, i) => i < words.length - 1 && firstName(w))
  const name = from > 0 ? words.slice(from).join(' ') : run
  const start = base + m[1].length + m[2].indexOf(name)
  return { raw: name, start, end: start + name.length, type: 'name' }
}

/**
 * A pronoun speaker in the forms other languages use after a quote: French inversion
 * ("a-t-il dit", "explique-t-elle"), "sagte er", "disse ela", and a Czech verb alone, whose
 * ending tells the speaker's gender ("řekla" she, "řekl" he).
 */
function foreignPronoun(s: string, at: number): Agent | null {
  let m = /^(?:a-t-|\p{L}+-t-|\p{L}+-)(il|elle)\b/u.exec(s) ?? /^(?:sagte|sagt|erklärte|betonte|meinte|disse|afirmou|explicou|acrescentou)\s+(er|sie|ele|ela)\b/u.exec(s)
  if (m) {
    const raw = /^(?:il|er|ele)$/.test(m[1]) ? 'he' : 'she'
    const start = at + m[0].length - m[1].length
    return { raw, start, end: start + m[1].length, type: 'pronoun' }
  }
  m = /^((?:řekl|uvedl|dodal|prohlásil|napsal|upozornil|vysvětlil|sdělil|konstatoval|potvrdil)(a?))(?=\s*(?:[.,;]|$))/u.exec(s)
  if (m) return { raw: m[2] ? 'she' : 'he', start: at, end: at + m[1].length, type: 'pronoun' }
  return null
}

const NOUN_USE = /(?:[’']s|\b(?:the|his|her|their|its|our|my|your|these|those|such|of|whose))\s+$/i
const ACCORDING_WORDS = new Set(['selon', 'según', 'segundo', 'laut', 'podle'])

/** "according to", and as other languages say it ("selon", "según", "segundo", "laut", "podle"). */
const ACCORDING = /^(?:according to|selon|según|segundo|laut|podle)\s/i
/** A verb the lexicon does not know, by its shape, before the agent: "instructed", "recounted", "a déclaré", "dijo". */
const VERB_FIRST = new RegExp(
  `^(?:[a-z]+(?:ed|ote|oke)|${FOREIGN_VERBS})(?:-t-(?:il|elle))?(?=\\s+(?:\\p{Lu}|the\\s|a\\s|an\\s|o\\s|a\\s|el\\s|la\\s|le\\s|l’|l'))`,
  'u'
)
/** The agent, then one verb-shaped word and the end of the clause: `X recounted.`, `X recalls,`. */
const NAME_VERB = /^(.{1,100}?)\s+(?:[a-z]{3,}(?:ed|es|s)|wrote|spoke|told)(?=\s*(?:[.,;:!?]|$)|\s+(?:in|on|at|during|to|from|after|about|last|this|yesterday|today|earlier|later|recently|afterwards?)\b)/u

const PRONOUN_VERB = /^(he|she|they)[^\S\n]+(?:\p{Ll}+ly[^\S\n]+)?(\p{Ll}{2,}(?:ed|es|s))\b/u
const OPEN_APPOSITIVE = new RegExp(`^(${CAPRUN}),[^\\S\\n]+(?:a|an|the)[^\\S\\n]+[^;:#“”"«»]*$`, 'u')

/** Only punctuation, or up to three lower-case role words, or a capitalised group and role words, before the agent. */
function opensClause(prefix: string): boolean {
  const words = prefix.replace(/[,—–]/g, ' ').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  // "China’s ambassador to Britain, Liu Xiaoming,": a role, then the name in apposition.
  if (/,\s*$/.test(prefix) && words.length <= 8 && words.some((w) => /^\p{Ll}/u.test(w) && isRoleWord(w)) && !words.some((w) => /^(?:that|and|but|when|while|after|before|because|if)$/i.test(w))) return true
  // "the agency’s director", "her mother, Fiona": a determiner, then a role.
  if (/^(?:the|a|an|one|another|his|her|their|its)$/i.test(words[0])) return words.length <= 8 && !words.slice(1).some((w) => RIGHT_STOP.has(w) && !/^(?:the|a|an|of|for|at)$/i.test(w))
  // "lead researcher and NASA planetary scientist": two roles of one person, each a clause opener.
  const and = words.indexOf('and')
  if (and > 0 && and < words.length - 1 && words.lastIndexOf('and') === and && words.length <= 8) {
    const role = (ws: string[]) => ws.length <= 4 && !ws.some((w) => RIGHT_STOP.has(w)) && isRoleWord(ws[ws.length - 1]) && opensClause(ws.join(' '))
    return role(words.slice(0, and)) && role(words.slice(and + 1))
  }
  if (words.length > 6 || words.some((w) => RIGHT_STOP.has(w))) return false
  // "Pakistan-based developer", "State Department deputy spokesperson", "Seoul resident".
  return words.every((w) => /^\p{Ll}/u.test(w)) ? words.length <= 3 : isRoleWord(words[words.length - 1])
}

const NAMING_PASSIVE_VERB = /^(?:called|described|dubbed|termed|named|labell?ed|branded|known)$/
const NAMING_PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)[^\S\n]+(?:(?:often|also|sometimes|commonly|usually|widely|now|then|\p{Ll}+ly)[^\S\n]+)?$/u

/**
 * Attribution in the same sentence before a quote's opening mark (quote words masked):
 * `X said: “`, `X said that … “`, `X called it “`, `Congress, he wrote, “`, `according to X, “`.
 * Tries verbs from the nearest backwards. `atQuote` (the text ends at the quote): also a message
 * from a name just before it ("directives from Xi to “…”").
 */
export function attributionBefore(before: string, base: number, atQuote = false): { agent: Agent; speech: boolean } | null {
  const verbs = findVerbs(before, true)
  for (let i = verbs.length - 1; i >= 0; i--) {
    const { index, verb } = verbs[i]
    const lower = verb.toLowerCase()
    // "Swift’s claims", "the remarks", "his comments": a noun, not a verb.
    if (NOUN_USE.test(before.slice(Math.max(0, index - 12), index))) continue
    // "(44 percent of Americans say they want …), but also shows that … “…”": an aside in
    // parentheses, closed before the quote, attributes nothing outside it.
    if (inClosedParenthesis(before, index)) continue
    // "HP is called “feather duvet lung”": a passive names a thing; its subject is no speaker.
    if (NAMING_PASSIVE_VERB.test(lower) && NAMING_PASSIVE_BEFORE.test(before.slice(0, index))) continue
    if (lower === 'according to' || lower === 'in the words of' || ACCORDING_WORDS.has(lower)) {
      const by = lower === 'according to' ? authorOf(before.slice(index + verb.length), base + index + verb.length) : null
      if (by) return { agent: by, speech: true }
      const a = accordingTo(before.slice(index + verb.length), base + index + verb.length)
      if (a) return { agent: a, speech: true }
      continue
    }
    if (PARTICIPLES.has(lower) && /\b(?:is|are|was|were|been)\s+$/.test(before.slice(0, index))) {
      // "what Apple is calling “spatial”": the progressive's subject.
      const a = agentLeft(before.slice(0, index), base)
      if (a && a.type !== 'pronoun') return { agent: a, speech: false }
    }
    if (PARTICIPLES.has(lower) || EVALUATIVE_INFINITIVES.has(lower)) {
      // Calling, describing, accusing, "to describe": an evaluation of the quote's words, not speech.
      const speech = !/^(?:calling|describing|accusing|to \w+)$/.test(lower)
      // "…, with Jordanian Foreign Minister Ayman Safadi warning of “…”": the participle's own subject.
      const own = WITH_SUBJECT.exec(before.slice(Math.max(0, index - 120), index))
      if (own && PARTICIPLES.has(lower)) {
        const at = Math.max(0, index - 120) + own.index + own[0].length - own[1].length
        const a = agentLeft(own[1], base + at)
        if (a && a.type !== 'pronoun') return { agent: a, speech }
      }
      // "Yoon apologized …, saying they “…”": the participle's agent is the sentence's subject.
      const subj = subjectOf(before.slice(0, index), base)
      if (subj) return { agent: subj, speech }
      continue
    }
    const left = before.slice(0, index)
    // "was quoted as saying", "was keen to stress": speech, however it is phrased.
    const q = /\b(?:was|were|is) quoted\b|\bto \p{Ll}+$|\bto (?:point out|make clear|make the point)$/u.exec(verb)
    const a = agentLeft(left, base)
    if (a) return { agent: a, speech: SPEECH_SET.has(lower) || !!q }
    // "Uber stepped in and tweeted this announcement:": two verbs joined by "and" share the
    // sentence's subject.
    if (/[^\S\n](?:and|but)[^\S\n]*$/.test(left) && SPEECH_SET.has(lower)) {
      const subj = subjectOf(left, base)
      if (subj && subj.type !== 'descriptor') return { agent: subj, speech: true }
    }
    // "…, said Alyssa Goodman, an astronomer": after a comma the agent follows the verb (but
    // "said Yoon’s “…”" names whose words, not who spoke).
    if (/,\s*$/.test(left) && SPEECH_SET.has(lower)) {
      const rest = before.slice(index + verb.length)
      const r = agentRight(rest, base + index + verb.length)
      if (r && r.type !== 'pronoun' && /^\s*(?:[,.;]|$)/.test(before.slice(r.end - base))) return { agent: r, speech: true }
    }
    // "replied Starmer: “" — verb-first before the quote. Nothing after the agent: in "said
    // SpaceX would fly Starship “…”" the name is the subject of what was said, not the speaker.
    const r = agentRight(before.slice(index + verb.length), base + index + verb.length)
    if (r && SPEECH_SET.has(lower) && /^[\s\p{L}.’'-]+[:,]?\s*$/u.test(before.slice(index + verb.length)) && /^[\s.’'-]*[:,]?\s*$/u.test(before.slice(r.end - base))) return { agent: r, speech: true }
  }
  // "directives from Xi to “show absolutely no mercy”": a message from someone, then their words.
  const from = atQuote ? MESSAGE_FROM.exec(before) : null
  if (from) {
    const at = from.index + from[0].indexOf(from[1])
    const a = agentRight(from[1], base + at)
    if (a && a.type === 'name') return { agent: a, speech: true }
  }
  return null
}

/** True when `index` is inside a parenthesis that closes before the end of `s`. */
function inClosedParenthesis(s: string, index: number): boolean {
  const open = s.lastIndexOf('(', index)
  if (open < 0 || s.lastIndexOf(')', index) > open) return false
  return s.indexOf(')', index) >= 0
}

/** A message noun, "from"/"by" and a name, then up to ten words (or quotations, masked) before the quote. */
const MESSAGE_FROM =
  /\b(?:calls?|pleas?|appeals?|orders?|directives?|instructions?|demands?|warnings?|pledges?|promises?|vows?|requests?|messages?|remarks|comments)\s+(?:from|by)\s+(\p{Lu}[\p{L}’'.-]*(?:[^\S\n]+\p{Lu}[\p{L}’'.-]*){0,3})(?:[^\S\n]+[^\s.!?;:]+){0,10}[^\S\n]*$/u

/** "…, with X saying": an absolute clause, whose participle has its own subject. */
const WITH_SUBJECT = /(?:^|[,;—–]\s*|\s)with\s+([^,;:#“”"«»()]{2,80}?)\s+$/u

/** "a 2018 survey by", "a new report from": a piece of work, then who made it. */
const WORK_BY = /^\s+(?:a|an|the)\s+(?:(?:\d{4}|[\p{Ll}-]+)\s+){0,2}?(?:survey|study|report|analysis|poll|review|paper|book|investigation|audit|memo|letter)\s+(?:by|from)\s+/u

/**
 * "According to a 2018 survey by Penelope Muse Abernathy of the University of North Carolina,
 * the firm’s practice … has been to “…”": the work's author, by name (a role stays unresolved).
 */
function authorOf(rest: string, base: number): Agent | null {
  const m = WORK_BY.exec(rest)
  if (!m) return null
  const a = agentRight(rest.slice(m[0].length), base + m[0].length)
  return a && a.type === 'name' ? a : null
}

/**
 * Attribution further along the quote's sentence, when nothing next to it names anyone:
 * `“…” are all thought to contribute, according to X.` and the passive `was described as
 * “…” by X`.
 */
export function attributionLater(before: string, after: string, base: number, rest = after, beforeBase = base - before.length): Agent | null {
  // "a mixture of “squatters,” as Espinosa put it": the speaker of the words.
  for (const [s, at] of [[rest, base], [before, beforeBase]] as const) {
    const as = AS_PUT_IT.exec(s)
    const a = as && agentRight(as[1], at + as.index + as[0].indexOf(as[1]))
    if (a && a.type !== 'nominal') return a
    // "…, in Smith’s words." / "in the words of Smith": whose words they are.
    const own = IN_WORDS.exec(s)
    const who = own ? (own[1] ?? own[2]).trim() : ''
    const w = own && agentRight(who, at + own.index + own[0].indexOf(who))
    if (w && w.type === 'name') return w
  }
  const tail = closingAttribution(rest, base)
  if (tail) return tail
  if (PASSIVE.test(before)) {
    const by = /^[\s,”"’»]*by\s+/.exec(after)
    if (by) {
      const a = agentRight(after.slice(by[0].length), base + by[0].length)
      if (a && a.type !== 'pronoun') return a
    }
  }
  const acc = /(?:^|[\s,—–(])(?:according to|selon|según|segundo|laut|podle)\s/i.exec(after)
  if (!acc || /#/.test(after.slice(0, acc.index))) return null
  const at = acc.index + acc[0].length
  return authorOf(' ' + after.slice(at), base + at - 1) ?? accordingTo(after.slice(at), base + at)
}

/**
 * The source after "according to": as after a speech verb, or a body or document named by a
 * bare plural ("according to court records", "according to police", "according to federal
 * prosecutors").
 */
function accordingTo(text: string, base: number): Agent | null {
  const a = agentRight(text, base)
  if (a) return a
  const lead = text.length - text.trimStart().length
  // "according to the explanatory notes of the Bill": whatever it names is the source.
  const d = DESCRIPTOR_START.exec(text.slice(lead))
  if (d) {
    const phrase = d[1].trim().replace(/\s+[—–-].*$/u, '')
    const words = phrase.split(/\s+/)
    if (words.length <= 8 && !words.some((w) => NOT_IN_DESCRIPTOR.has(w.toLowerCase()))) {
      const type = descriptorType(phrase)
      return { raw: phrase, start: base + lead, end: base + lead + phrase.length, type }
    }
  }
  const m = /^((?:\p{Ll}[\p{L}-]*\s+){0,2}(\p{Ll}[\p{L}-]*))(?=$|[\s,.;:!?)—–])/u.exec(text.slice(lead))
  if (!m || m[1].split(/\s+/).some((w) => RIGHT_STOP.has(w))) return null
  const head = m[2]
  if (!SOURCE_PLURALS.has(head) && !(/s$/.test(head) && (isRoleWord(head) || COLLECTIVE.test(head)))) return null
  return { raw: m[1], start: base + lead, end: base + lead + m[1].length, type: 'descriptor' }
}
/** Documents and bodies a reporter cites in the plural ("court records", "police"). */
const SOURCE_PLURALS = new Set('records documents filings papers data figures estimates statistics minutes transcripts police'.split(' '))

/** "in Smith’s words", "in the words of Smith", "in her own words" (pronouns are left to focus). */
const IN_WORDS = /(?:^|[\s,(—–])[Ii]n\s+(?:the\s+words\s+of\s+((?:\p{Lu}[\p{L}.’'-]*\s*){1,4})|((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}.-]*)[’']s\s+(?:own\s+)?words)\b/u

/** "as X put it", "as X called it", "as X describes it", "as X dubbed the combination". */
const AS_PUT_IT = /(?:^|[\s,(—–])as\s+([^,;:#“”"()]{1,50}?)\s+(?:(?:put|puts|called|calls|described|describes|phrased|phrases)\s+it|(?:dubbed|dubs|termed|terms|called|calls|described|describes)\s+(?:it|them|the\s+[\p{Ll}-]+))\b/u

/**
 * Reported speech whose attribution closes the sentence after the quote's words:
 * `Working there is “more gratifying” than …, Lladanosa told me.` — the last clause, after a
 * comma, is just an agent and a speech verb (and up to a few words: "told me", "said on Monday").
 */
function closingAttribution(rest: string, base: number): Agent | null {
  const m = /,\s*([^,;:#“”"«»]{2,60}?)\s*[.!]?\s*$/u.exec(rest)
  if (!m || m[1].split(/\s+/).length > 8) return null
  const at = base + m.index + m[0].indexOf(m[1])
  const clause = m[1]
  const v = findVerbs(clause, false, true)[0]
  if (!v || !SPEECH_SET.has(v.verb.toLowerCase())) return null
  if (clause.slice(v.index + v.verb.length).split(/\s+/).filter(Boolean).length > 3) return null
  const a = v.index === 0 ? agentRight(clause.slice(v.verb.length), at + v.verb.length) : agentLeft(clause.slice(0, v.index), at)
  if (!a || (v.index > 0 && !opensClause(clause.slice(0, a.start - at)))) return null
  return a
}

const PASSIVE = /\b(?:been|was|were|is|are|being)\s+(?:\w+ly\s+)?(?:described|called|labell?ed|branded|dismissed|critici[sz]ed|praised|hailed|condemned|denounced|termed|deemed|characteri[sz]ed)\s+(?:as\s+)?(?:\p{L}+\s+){0,2}$/u

/**
 * The speaker named in the sentence after the quote (cataphora): `“…” That’s the view of X.`,
 * `“…” So says X.`, `“…” That was how X put it.`
 */
export function attributionNext(next: string, base: number): Agent | null {
  const lead = /^\s*/.exec(next)![0].length
  const m = NEXT_SENTENCE.exec(next.slice(lead))
  if (!m) return null
  const at = base + lead + m[0].length
  const a = agentRight(next.slice(lead + m[0].length), at)
  return a && a.type !== 'pronoun' ? a : null
}

const NEXT_SENTENCE =
  /^(?:(?:That|This|Such)(?:’s|'s|\s+is|\s+was|\s+were)\s+(?:at least\s+)?(?:the\s+(?:[\p{Ll}-]+\s+){0,2}?(?:view|verdict|assessment|opinion|conclusion|message|warning|argument|word|take|thinking|advice|position|prediction|promise|pitch|claim|case)\s+(?:(?:[\p{Ll}]+ed|held|given|put forward|set out)\s+)?(?:of|from|by)|according to|(?:how|what)\s+[^.#]{0,40}?\b(?:of|from|by)?)|(?:Or\s+)?[Ss]o\s+(?:says|said|argues|argued|thinks|believes))\s+/u
