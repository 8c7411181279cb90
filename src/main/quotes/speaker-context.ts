/**
 * Who an agent is: later mentions ("Tillerson"), pronouns ("he", "she" by first name),
 * titles and nominal anaphora ("the department", "the prime minister") resolved against
 * what the article said earlier.
 */
import { AliasTable, canonicalSpeaker, looksLikeOrganisation, sameSpeaker, speakerKey } from './aliases'
import { ABBREVIATIONS, CAPRUN, FEMALE, MALE, MONTHS, PEOPLE_BY_WHAT_THEY_ARE, PERSON_ROLES, ROLE_NOUNS, WEEKDAYS, trimLead, type Gender } from './lexicon'
import { cleanName, type Agent } from './agents'
import { CaseEvidence } from './case-evidence'
import { widenOrganisationForward } from './org-names'

export interface Candidate {
  name: string
  pos: number
  person: boolean
}

/**
 * English by its commonest words: "the", "and", "of", "to", "is", "was" are 8 % or more of the
 * words of every English article of the labelled set, and under 2 % of the French, Spanish,
 * Portuguese, German and Czech ones; 4 % splits them. Short texts count as English.
 */
function isEnglish(text: string): boolean {
  const words = text.match(/\p{L}+/gu)?.length ?? 0
  if (words < 40) return true
  const common = text.match(/\b(?:the|and|of|to|is|was)\b/gi)?.length ?? 0
  return common / words >= 0.04
}

export function genderOfFirstName(name: string): Gender {
  const first = name.split(/\s+/)[0]?.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '') ?? ''
  if (FEMALE.has(first) && !MALE.has(first)) return 'f'
  if (MALE.has(first) && !FEMALE.has(first)) return 'm'
  return null
}

/** A full stop inside a run that ends a sentence: after a lower-case word, not "Sen." or "Dr.". */
function sentenceEnd(run: string): { index: number; 0: string } | null {
  if (!run.includes('.')) return null
  DOT_SPACE.lastIndex = 0
  for (let m = DOT_SPACE.exec(run); m; m = DOT_SPACE.exec(run)) if (!ABBREVIATIONS.has(m[1].toLowerCase())) return m
  return null
}
const DOT_SPACE = /([\p{L}\d]*[\p{Ll}\d]{2,})\.\s/gu

/** "I" (the writer), contractions ("Don’t", "We’ve"), hyphenated roles ("Writer-director"). */
const NOT_A_NAME = /^(?:I\.?|\S+[’'](?:t|ve|re|ll|m|d))$|^\p{Lu}\p{Ll}+-\p{Ll}+$/u

const PERSON_NAME_RE = new RegExp(`\\b(?:(Mr|Mrs|Ms|Miss|Dr)\\.?[^\\S\\n]+)?(${CAPRUN})`, 'gu')

/** A title only a person holds, before one name ("Prince Andrew", "President Trump", "Sen. Sasse"). */
const PERSON_TITLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Reverend|President|Senator|Sen|Rep|Gov|Governor|Mayor|Judge|King|Queen|Prince|Princess|Pope|Bishop|Archbishop|Cardinal|Rabbi|Imam|Sheikh|Emir|Gen|General|Col|Colonel|Capt|Captain|Sgt|Detective|Inspector)\.?[^\S\n]+\p{Lu}\p{Ll}+$/u

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
  /** Bodies the text introduces as a kind: "The group, called Energy Control," / "Acme, a company that …". */
  private readonly kinds: { name: string; noun: string; pos: number }[] = []
  /** Speakers in the order they were credited with a quote or reported speech. */
  readonly history: Candidate[] = []
  /**
   * Who the text is about, in text order: credited speakers and the subjects of narrative
   * sentences. A pronoun means the latest compatible one ("Fetter, for her part, continued …
   * “…,” she said" is Fetter even when Hamilton was the last one quoted).
   */
  private readonly focus: Candidate[] = []


  /** Bodies found speaking through a spokesperson ("a Treasury spokesman" → Treasury), by key: never people. */
  readonly bodies = new Set<string>()
  private readonly common: CaseEvidence
  /** Who issued the statements the text mentions ("Acme issued a statement", "X said in a statement"), in text order. */
  private readonly statements: { name: string; pos: number }[] = []
  /** Short forms of organisations' names ("Big Machine" → "Big Machine Records"), null when not one; by key. */
  private readonly shortOrgs = new Map<string, string | null>()
  /** Role words people were introduced with, by name key. */
  private readonly roles = new Map<string, Set<string>>()

  /** Whether the article is in English (word orders of other languages are read only when not). */
  readonly english: boolean

  /** `masked`: the text with quoted words masked ('#'), when known (see detect.ts). */
  constructor(readonly text: string, private readonly masked = text) {
    this.english = isEnglish(text)
    this.common = new CaseEvidence(text)
    this.noteKinds(text)
    PERSON_NAME_RE.lastIndex = 0
    for (let m = PERSON_NAME_RE.exec(text); m; m = PERSON_NAME_RE.exec(text)) {
      const honorific = m[1]
      // A run never crosses a sentence end ("… on Twitter. He said").
      const cross = sentenceEnd(m[2])
      if (cross) {
        PERSON_NAME_RE.lastIndex = m.index + m[0].indexOf(m[2]) + cross.index + cross[0].length
        if (!m[1]) continue
      }
      const at = m.index + m[0].indexOf(m[2])
      // "Food and Drug Administration": an organisation's name runs on over "and".
      const wide = JOINER.test(text.slice(at + m[2].length, at + m[2].length + 6)) ? widenOrganisationForward(text, at, m[2]) : m[2]
      if (wide !== m[2]) {
        m[2] = wide
        PERSON_NAME_RE.lastIndex = at + wide.length
      }
      // "Hosting Cook at the White House, Trump …": a sentence-initial participle phrase, not a name.
      const participle = (at === 0 || /[.!?\n][”"’»]?\s*$/u.test(text.slice(Math.max(0, at - 4), at))) && /^\s+(?:at|in|on|for|with|to|from|as|during|and)\s/.test(text.slice(at + m[2].length, at + m[2].length + 9))
      const { name: bareName, dropped } = trimLead(m[2], participle)
      const lead = m[2].slice(0, dropped)
      const raw = cleanName(this.common.trim(bareName))
      if (!raw || NOT_A_NAME.test(raw)) continue
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
      // "Prince Andrew", "President Trump", "Mr. Clark": one word after a title is a person's name too.
      const titled = words.length === 1 && (honorific !== undefined || PERSON_TITLE.test(raw)) && /^\p{Lu}\p{Ll}+$/u.test(name)
      if ((words.length < 2 && !titled) || words.length > 4) continue
      if (!words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}\.$/u.test(w) || /^(?:de|da|van|von|al|bin|la|le|der)$/.test(w))) continue
      this.mentions.push({ name, pos: m.index + m[0].indexOf(m[2]) + lead.length, person: true })
      // "Sen. Lindsey Graham", "union president Angela Bonilla", "Ann Roe, the prosecutor,",
      // "the prosecutor, Ann Roe,": what "the senator" or "the prosecutor" will mean.
      const before = text.slice(Math.max(0, at - 50), at)
      const end = at + m[2].length
      const title =
        raw.slice(0, Math.max(0, raw.length - name.length)) +
        ' ' + (/((?:\p{Ll}+\s+){1,2})$/u.exec(before)?.[1] ?? '') +
        ' ' + (ROLE_AFTER.exec(text.slice(end, end + 50))?.[1] ?? '') +
        ' ' + (ROLE_BEFORE.exec(before)?.[1] ?? '')
      this.noteRoles(name, title)
    }
    this.noteShortOrganisations()
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

  /**
   * "Big Machine" after "Big Machine Records": a name that is the opening words of an
   * organisation's name the text gives is that organisation, not a person — unless its first
   * word is a first name ("Dick Clark" beside "Dick Clark Productions") or the text gives it a
   * title ("Mr. Clark"), or the text names it before the organisation. The full name is the
   * first one written before it outside a quotation.
   */
  private noteShortOrganisations(): void {
    const fulls = this.mentions.filter((m) => !m.person && speakerKey(m.name).includes(' '))
    if (fulls.length === 0) return
    for (const m of this.mentions) {
      if (!m.person || genderOfFirstName(m.name) !== null) continue
      const key = speakerKey(m.name)
      const known = this.shortOrgs.get(key)
      if (known === undefined) {
        if (this.masked[m.pos] === '#') continue // a quote's words decide nothing
        const prefix = key + ' '
        // Written after the full name, as a short form is ("Estée Lauder built … Estée Lauder Companies" is a person first).
        const fits = (f: Candidate) => f.pos < m.pos && speakerKey(f.name).startsWith(prefix)
        const full = fulls.find((f) => fits(f) && this.masked[f.pos] !== '#') ?? fulls.find(fits)
        const name = full && !titledInText(this.text, m.name) && !titledInText(this.text, m.name.split(' ').pop()!) ? full.name : null
        this.shortOrgs.set(key, name)
        if (!name) continue
      } else if (known === null) continue
      m.person = false
      m.name = this.shortOrgs.get(key)!
    }
  }

  /** Remembers the role words a person is introduced with ("senator", "prosecutor"). */
  private noteRoles(name: string, words: string): void {
    if (!name) return
    const key = speakerKey(name)
    for (const w of words.toLowerCase().replace(/\./g, '').split(/[\s,]+/)) {
      const role = ROLE_ALIASES[w] ?? w
      if (!PERSON_ROLES.has(role)) continue
      const set = this.roles.get(key)
      if (set) set.add(role)
      else this.roles.set(key, new Set([role]))
    }
  }

  /** The latest person in focus introduced with `role` ("the senator" → Lindsey Graham). */
  private withRole(role: string, pos: number): string | null {
    for (let i = this.focus.length - 1; i >= 0; i--) {
      const f = this.focus[i]
      if (f.pos < pos && f.person && this.roles.get(speakerKey(f.name))?.has(role)) return f.name
    }
    return null
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

  /**
   * Bodies introduced as a kind of body: "The group, called Energy Control," and "Beechmont
   * Hotels Corporation, a hotel operating company that …" — what "the group", "the company"
   * will mean.
   */
  private noteKinds(text: string): void {
    const add = (raw: string, noun: string, pos: number, initial: boolean) => {
      const lead = initial ? trimLead(raw, true) : { name: raw, dropped: 0 }
      const name = lead.name && canonicalSpeaker(cleanName(lead.name))
      if (name && BODY_NOUNS.has(noun) && !NOT_A_NAME.test(name)) this.kinds.push({ name, noun, pos: pos + lead.dropped })
    }
    for (const m of text.matchAll(KIND_CALLED)) add(m[2], m[1].toLowerCase(), (m.index ?? 0) + m[0].indexOf(m[2]), false)
    for (const m of text.matchAll(KIND_APPOSITIVE)) add(m[1], m[2].toLowerCase(), m.index ?? 0, true)
  }

  /** A name to its full form seen in the article (nearest earlier full form, else any). */
  fullName(raw: string, pos: number): string {
    const trimmed = this.common.trim(raw)
    if (!trimmed || NOT_A_NAME.test(trimmed)) return ''
    const c = canonicalSpeaker(trimmed)
    const short = this.shortOrgs.get(speakerKey(c))
    if (short) return short
    if (looksLikeOrganisation(c)) {
      // An acronym for an organisation credited earlier ("the CBI" → "Confederation of British Industry").
      for (let i = this.history.length - 1; i >= 0; i--) {
        const h = this.history[i]
        if (!h.person && h.name !== c && sameSpeaker(c, h.name)) return h.name
      }
      for (const m of this.orgs) if (m.pos <= pos && m.name !== c && sameSpeaker(c, m.name)) return m.name
      return c
    }
    if (c.split(' ').length > 1 && !/^[a-z]/.test(c)) {
      const known = this.aliases.resolve(c)
      return known !== c ? known : (this.longerForm(c) ?? c)
    }
    // A surname shared by two people ("Parata" for the father, "Kauri" for the son) means the
    // one already quoted under it, else the one introduced first.
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]
      if (h.pos <= pos && h.person && h.name !== c && h.name.includes(' ') && sameSpeaker(c, h.name)) return h.name
    }
    let best: Candidate | null = null
    const words = speakerKey(c).split(' ')
    const firstNamed = new Set<string>()
    for (const m of this.byToken.get(words[words.length - 1]) ?? []) {
      if (m.person && words.length === 1 && speakerKey(m.name).startsWith(words[0] + ' ')) firstNamed.add(m.name)
      if (m.name === c || !sameSpeaker(c, m.name)) continue
      if (!best || (m.pos <= pos && best.pos > pos)) best = m
    }
    if (best) return best.name
    // "her mother, Fiona, said": a first name alone is the one person of the article who has it.
    if (firstNamed.size === 1 && (FEMALE.has(words[0]) || MALE.has(words[0]))) return [...firstNamed][0]
    // "Dr. Feel" (an online name): the article never writes the word without its honorific and
    // gives no fuller name, so the honorific is part of the name — "Feel" alone is a fragment.
    if (words.length === 1) {
      const titled = /^(?:Dr|Mr|Mrs|Ms|Miss|Prof|Doctor|Professor)\.?\s+\p{Lu}[\p{L}’'-]*$/u.exec(trimmed)?.[0]
      if (titled && this.alwaysTitled(c)) return titled
    }
    return this.aliases.resolve(c)
  }

  /**
   * "Van Der Beek" after "James Van Der Beek", "De la Cruz" after "Ana De la Cruz": a surname of
   * several words is the one person whose full name the text gives ending with it, after a
   * known first name; null when no person's or more than one person's does.
   */
  private longerForm(c: string): string | null {
    const tail = ' ' + speakerKey(c)
    let found: string | null = null
    for (const m of this.byToken.get(tail.slice(tail.lastIndexOf(' ') + 1)) ?? []) {
      // The words before it a known first name: "Twitter Gary Lineker" is a run, not a fuller name.
      if (!m.person || !speakerKey(m.name).endsWith(tail) || genderOfFirstName(m.name) === null) continue
      if (found && found !== m.name) return null
      found = m.name
    }
    return found
  }

  /**
   * A document or role named by one lower-case word ("la loi") after a fuller one the text
   * credited ("le projet de loi"): the fuller one — "loi" alone is a fragment, not a speaker.
   */
  shortFormOf(name: string, pos: number): string {
    if (!/^\p{Ll}[\p{L}-]*$/u.test(name)) return name
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]
      if (h.pos < pos && h.name !== name && /^\p{Ll}/u.test(h.name) && h.name.split(/\s+/).includes(name)) return h.name
    }
    return name
  }

  /** True when every use of `word` in the text follows an honorific ("Dr. Feel", never "Feel"). */
  private alwaysTitled(word: string): boolean {
    const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const all = this.text.match(new RegExp(`(?<![\\p{L}])${esc}(?![\\p{L}])`, 'gu'))?.length ?? 0
    const titled = this.text.match(new RegExp(`(?:Dr|Mr|Mrs|Ms|Miss|Prof|Doctor|Professor)\\.?\\s+${esc}(?![\\p{L}])`, 'gu'))?.length ?? 0
    return all > 0 && all === titled
  }

  credit(name: string, pos: number): void {
    const person = isPersonName(name) && !this.bodies.has(speakerKey(name))
    this.history.push({ name, pos, person })
    this.attend(name, pos)
    if (name.split(' ').length > 1) this.aliases.add(name)
  }

  /** `name` issued a statement, mentioned in the sentence `sentence` at `pos` ("the statement" will be theirs). */
  noteStatement(name: string, pos: number, sentence: string): void {
    if (/\bstatements?\b/i.test(sentence) && !/^(?:the\s+)?statement$/i.test(name)) this.statements.push({ name, pos })
  }

  /** `name` is what the text is about at `pos` (a sentence subject, a speaker). */
  attend(name: string, pos: number): void {
    const last = this.focus[this.focus.length - 1]
    if (last && last.pos > pos) return // out of order: the later mention already stands
    this.focus.push({ name, pos, person: isPersonName(name) })
  }

  /**
   * The organisation the text is about at `pos` — the latest sentence subject or speaker, when
   * that is an organisation ("Customs and Border Protection did not accept the offer. A
   * spokesperson said …"); null when it is a person (a spokesperson for a person stays the role).
   */
  bodyInFocus(pos: number): string | null {
    for (let i = this.focus.length - 1; i >= 0; i--) {
      const f = this.focus[i]
      if (f.pos >= pos) continue
      if (f.person || !/^\p{Lu}/u.test(f.name) || !this.isKnownOrganisation(f.name)) return null
      return f.name
    }
    return null
  }

  /** The latest person (or body, `person` false) in focus before `pos`, or null. */
  latestInFocus(pos: number, person: boolean): Candidate | null {
    for (let i = this.focus.length - 1; i >= 0; i--) if (this.focus[i].pos < pos && this.focus[i].person === person) return this.focus[i]
    return null
  }

  /** The names (people of 2–4 words, organisations) the text writes in [from, to), outside quotations, in text order. */
  namedBetween(from: number, to: number): readonly Candidate[] {
    return this.mentions.filter((m) => m.pos >= from && m.pos < to && this.masked[m.pos] !== '#')
  }

  /** True for an organisation the article names ("Con Edison", "the Department of …"). */
  isKnownOrganisation(name: string): boolean {
    return looksLikeOrganisation(name) || !!this.shortOrgs.get(speakerKey(name)) || this.orgs.some((o) => o.name === name)
  }

  /**
   * A sentence about one person that refers back to them as "he"/"his" (or "she"/"her") and
   * names nobody else tells their gender: "Fetter, for her part, continued …".
   */
  learnGenderFrom(name: string, sentence: string): void {
    if (this.gender(name)) return
    // Subject and possessive forms only: "Lorenz gave her a manual" says nothing of Lorenz.
    const m = /\b(?:he|his|himself)\b/i.test(sentence)
    const f = /\b(?:she|hers|herself|for her part)\b/i.test(sentence)
    if (m === f) return
    const others = sentence.match(/\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+/gu) ?? []
    if (others.some((o) => !sameSpeaker(o, name) && this.isKnownPerson(this.fullName(o, 0)))) return
    this.learnGender(name, m ? 'm' : 'f')
  }

  /** True when `name` is a person name (two words or more) seen in the article, or an alias of one. */
  isKnownPerson(name: string): boolean {
    const key = speakerKey(name)
    if (this.bodies.has(key)) return false
    return this.personKeys.has(key) || this.history.some((h) => h.person && speakerKey(h.name) === key)
  }

  /** Resolves he/she/they/it to the latest compatible name in focus, else a mentioned person of that gender. */
  /** `learn`: false for a look that must not teach a gender (the ranker's candidates, ranker-candidates.ts). */
  resolvePronoun(pronoun: string, pos: number, paragraph?: string, learn = true): string | null {
    const want: Gender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null
    const personal = pronoun === 'he' || pronoun === 'she'
    const fits = (c: Candidate) => {
      if (personal !== c.person) return false
      if (!personal) return true
      const g = this.gender(c.name)
      return g === null || g === want
    }
    for (let i = this.focus.length - 1, seen = 0; i >= 0 && seen < 60; i--, seen++) {
      if (this.focus[i].pos < pos && fits(this.focus[i])) {
        // Decided before pick() learns a gender from it: a wrong guess would mislead every later pronoun.
        const name = paragraph === undefined ? this.focus[i].name : this.namedInParagraph(pronoun, this.focus[i].name, paragraph)
        return learn ? this.pick(name, want) : name
      }
    }
    if (personal) {
      for (let i = this.mentions.length - 1; i >= 0; i--) {
        const m = this.mentions[i]
        if (m.pos < pos && this.gender(m.name) === want) return m.name
      }
    }
    return null
  }

  /**
   * "… one of the reasons that ScreamMyName has been pushing for more testing. “…?” he told
   * me": a pronoun whose focus-resolved person the paragraph never names means the person it
   * does name — the latest credited speaker of the right gender named in `paragraph` (the
   * paragraph's text before the pronoun), if any; else `resolved`.
   */
  private namedInParagraph(pronoun: string, resolved: string, paragraph: string): string {
    if (pronoun !== 'he' && pronoun !== 'she') return resolved
    const want: Gender = pronoun === 'he' ? 'm' : 'f'
    const named = (name: string): number => {
      let at = -1
      for (const form of new Set([name, name.split(' ').pop()!])) at = Math.max(at, lastStandingAlone(paragraph, form))
      return at
    }
    if (named(resolved) >= 0) return resolved
    let best: { name: string; at: number } | null = null
    for (const h of this.history) {
      if (!h.person || h.name === resolved) continue
      const g = this.gender(h.name)
      if (g !== null && g !== want) continue
      const at = named(h.name)
      if (at >= 0 && (!best || at > best.at)) best = { name: h.name, at }
    }
    return best ? best.name : resolved
  }

  private pick(name: string, g: Gender): string {
    this.learnGender(name, g)
    return name
  }

  /**
   * "the department", "the agency", "the company", "the prime minister", "the statement": a
   * name containing the head noun, else the latest speaker of the right kind (credited, or an
   * organisation the article names whose name fits the noun), else the role as written —
   * but never "statement" or "company" alone.
   */
  resolveNominal(phrase: string, pos: number, local: Candidate[]): string | null {
    const words = phrase.toLowerCase().split(/\s+/).slice(1)
    const head = words[words.length - 1]
    const all = [...this.history.filter((h) => h.pos < pos), ...local.filter((l) => l.pos < pos)].sort((a, b) => a.pos - b.pos)
    const hasHead = (name: string) => name.toLowerCase().split(/\s+/).includes(head)
    for (let i = all.length - 1; i >= 0; i--) if (hasHead(all[i].name)) return all[i].name
    // The body the text introduced as one ("The group, called Energy Control, …" → "the group").
    const kind = this.kinds.filter((k) => k.noun === head && k.pos < pos).pop()
    if (kind) return kind.name
    // "the man", "the physicians": someone the text calls that (introduced so, or the role as
    // written) — never whoever spoke last.
    if (PEOPLE_NOUNS.has(head)) return this.withRole(head, pos) ?? canonicalSpeaker(phrase)
    // "the spokesperson": the body a spokesperson spoke for last, else the organisation in focus.
    if (SPOKES_HEAD.test(head)) {
      for (let i = all.length - 1; i >= 0; i--) if (this.bodies.has(speakerKey(all[i].name))) return all[i].name
      return this.bodyInFocus(pos) ?? canonicalSpeaker(phrase)
    }
    const personRole = words.some((w) => PERSON_ROLES.has(w))
    if (personRole) {
      const titled = this.withRole(words.find((w) => PERSON_ROLES.has(w))!, pos)
      if (titled) return titled
    }
    // "the statement read": the statement the text last gave an author ("Acme issued a statement").
    if (head === 'statement') {
      const own = this.statements.filter((x) => x.pos < pos).pop()
      if (own) return own.name
    }
    const fits = ORG_KINDS[head]
    // Not a body named inside a quotation ("“… with Big Machine Label Group …,” the production
    // company said"): a quote's words name whom it is about, rarely who says it.
    const orgs = personRole ? [] : this.orgs.filter((o) => o.pos < pos && this.masked[o.pos] !== '#' && (hasHead(o.name) || (fits?.test(o.name) ?? false)))
    let best: Candidate | null = orgs[orgs.length - 1] ?? null
    for (let i = all.length - 1; i >= 0; i--) {
      if (all[i].person === personRole) {
        if (!best || all[i].pos > best.pos) best = all[i]
        break
      }
    }
    if (best) return best.name
    // "Amazon has denied the claims. … the company said": a one-word name the text credited
    // with speech and never uses for a person (no first name, no he/she, no title).
    if (ORG_KINDS[head] === BUSINESS) {
      for (let i = all.length - 1; i >= 0; i--) {
        const n = all[i].name
        if (/^\p{Lu}[\p{L}&.-]*$/u.test(n) && !this.personKeys.has(speakerKey(n)) && !this.gender(n) && !FEMALE.has(n.toLowerCase()) && !MALE.has(n.toLowerCase())) return n
      }
    }
    return ROLE_NOUNS.has(head) && head !== 'statement' && ORG_KINDS[head] !== BUSINESS ? canonicalSpeaker(phrase) : null
  }
}

const SPOKES_HEAD = /^(?:spokes(?:man|woman|person)|rep|representative)$/
/**
 * People named as people, not by an office ("the man", "the physicians"), or by what they are
 * to the reporter ("the source", never the body the text quoted last).
 */
const PEOPLE_NOUNS = new Set(['man', 'woman', 'men', 'women', 'boy', 'girl', 'person', 'people', 'physician', 'physicians', 'source', 'sources', ...PEOPLE_BY_WHAT_THEY_ARE])

/** Nouns for bodies that "the <noun>" refers back to. */
const BODY_NOUNS = new Set(
  'group company firm retailer carrier airline automaker carmaker manufacturer insurer lender chain agency organisation organization nonprofit charity startup start-up business network lab laboratory association union council committee ministry department publisher newspaper broadcaster club team coalition campaign alliance bank regulator watchdog'.split(' ')
)
/** "The group, called Energy Control," / "the company, known as Acme," */
const KIND_CALLED = new RegExp(`\\b[Tt]he\\s+([\\p{Ll}-]+),?\\s+(?:called|named|known as)\\s+(${CAPRUN})`, 'gu')
/** "Acme Corp., a hotel operating company that …" */
const KIND_APPOSITIVE = new RegExp(`(${CAPRUN}),\\s+(?:a|an|the)\\s+(?:[\\p{Ll}-]+\\s+){0,3}?([\\p{Ll}-]+)(?=\\s+(?:that|which|based|founded|in|of|with|for)\\b|[,.;])`, 'gu')

const ROLE_AFTER = /^, (?:the|a|an|his|her|their) ((?:[\p{Ll}-]+ ){0,3}[\p{Ll}-]+)[,.]/u
const ROLE_BEFORE = /\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir) ((?:[\p{Ll}-]+ ){0,3}[\p{Ll}-]+), $/u
const JOINER = /^\s+(?:and|on|for|&)\s/
/** Abbreviated titles as the role nouns a later mention uses. */
const ROLE_ALIASES: Record<string, string> = {
  sen: 'senator',
  rep: 'lawmaker',
  representative: 'lawmaker',
  congressman: 'lawmaker',
  congresswoman: 'lawmaker',
  gov: 'governor',
  pres: 'president',
  dr: 'doctor',
  atty: 'attorney',
  ceo: 'chief',
  premier: 'minister'
}

/** Which named organisations a common noun can stand for ("the company" → "Acme Corp."). */
const BUSINESS = /\b(?:Inc|Corp|Co|Company|Group|Ltd|LLC|plc|Holdings|Technologies|Airlines|Airways|Motors|Bank|Foods|Energy|Media|Systems|Partners|Capital|Industries|Labs|Pharmaceuticals|Entertainment|Productions|Records|Studios|Pictures|Publishing)\b\.?/
const PUBLIC_BODY = /\b(?:Agency|Department|Ministry|Office|Authority|Commission|Administration|Service|Bureau|Government|Council|Board)\b/
const ORG_KINDS: Record<string, RegExp> = {
  company: BUSINESS,
  retailer: BUSINESS,
  carrier: BUSINESS,
  airline: BUSINESS,
  automaker: BUSINESS,
  carmaker: BUSINESS,
  manufacturer: BUSINESS,
  insurer: BUSINESS,
  lender: BUSINESS,
  chain: BUSINESS,
  startup: BUSINESS,
  firm: BUSINESS,
  group: BUSINESS,
  business: BUSINESS,
  maker: BUSINESS,
  statement: /./,
  agency: PUBLIC_BODY,
  department: PUBLIC_BODY,
  ministry: PUBLIC_BODY,
  office: PUBLIC_BODY,
  government: PUBLIC_BODY,
  administration: PUBLIC_BODY,
  regulator: PUBLIC_BODY
}

/** People, not organisations, places or descriptors ("spokesman for the ministry"). */
export function isPersonName(name: string): boolean {
  return !/^[a-z]/.test(name) && !looksLikeOrganisation(name) && !PLACE.test(name)
}
/** Capitals and countries that speak for their governments ("Tehran rejected …"). */
const PLACE =
  /^(?:Tehran|Washington|Moscow|Beijing|London|Paris|Berlin|Kyiv|Kiev|Brussels|Tokyo|Seoul|Pyongyang|Jerusalem|Ankara|Delhi|New Delhi|China|Russia|Iran|Israel|Ukraine|Britain|France|Germany|Japan|India|Turkey|Syria|Iraq|Egypt|Pakistan|Canada|Mexico|Brazil|Australia|North Korea|South Korea|the U\.?S\.?|U\.?S\.?|U\.?K\.?|Kremlin|Downing Street|White House|Pentagon|Whitehall|Congress)$/

/** Resolves an agent phrase to a canonical speaker (null when the text gives no antecedent). */
/** `paragraph`: the paragraph's text before the agent (a pronoun may mean the person it names). */
export function resolveAgent(agent: Agent, ctx: SpeakerContext, local: Candidate[], paragraph?: string): string | null {
  const found = resolveAgentAsWritten(agent, ctx, local, paragraph)
  if (found && notASpeaker(found)) return null
  // "the spokesman" after "a spokesman for the European Commission": the body, whichever way it came.
  return found && agent.type !== 'name' ? ctx.shortFormOf(bodyOf(found, ctx, agent.start), agent.start) : found
}

/**
 * What can never speak, however a sentence is cut: a date ("Monday", "March 3"), a relative
 * clause ("which regulates campaign finances"), a quantity of people ("70 percent of
 * Americans", "a majority of voters" — the poll that counted them speaks, if anyone).
 */
export function notASpeaker(name: string): boolean {
  return DATE_WORD.test(name) || RELATIVE_START.test(name) || QUANTITY.test(name)
}
const DATE_WORD = new RegExp(String.raw`^(?:(?:${WEEKDAYS}|Today|Yesterday|Tonight|Tomorrow)(?:[’']s)?|(?:${MONTHS})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?)$`, 'i')
const RELATIVE_START = /^(?:which|who|whom|whose|that|where|when|while|what)\s/i
const QUANTITY = /(?:^|\s)(?:\d[\d.,]*\s*(?:%|percent|per cent)|percent|per cent|(?:a\s+)?(?:majority|minority|half|third|quarter|plurality)\s+of|\d[\d.,]*\s+of)(?:\s|$)/i

/** A spokesperson's words are their organisation's, by its name, when the text names it; else `name`. */
export function bodyOf(name: string, ctx: SpeakerContext, pos: number): string {
  return spokespersonOf({ raw: name, start: pos, end: pos + name.length, type: 'descriptor' }, ctx) ?? name
}

function resolveAgentAsWritten(agent: Agent, ctx: SpeakerContext, local: Candidate[], paragraph?: string): string | null {
  switch (agent.type) {
    case 'name':
      return ctx.fullName(agent.raw, agent.start) || null
    case 'pronoun':
      return ctx.resolvePronoun(agent.raw, agent.start, paragraph)
    case 'nominal':
      return ctx.resolveNominal(agent.raw, agent.start, local)
    case 'descriptor': {
      // "a statement from the White House" is the White House's.
      const from = /^(?:an?\s+|the\s+)?statement\s+(?:from|by|issued by|of)\s+(.+)$/i.exec(agent.raw)
      if (from) return ctx.fullName(from[1], agent.start) || null
      return canonicalSpeaker(agent.raw) || null
    }
  }
}

const SPOKES = String.raw`(?:spokes(?:man|woman|person)|representative|press officer|press office)`
/** "a spokesperson for Facebook", "spokesman for the Home Office" */
const SPOKES_FOR = new RegExp(String.raw`^(?:(?:a|an|the)\s+)?(?:\p{Ll}+\s+)?${SPOKES}\s+(?:for|of|at|from)\s+(?:the\s+)?(\p{Lu}[^,;:]*)$`, 'u')
/** "a Facebook spokesperson", "Home Office deputy spokesperson" */
const SPOKES_OF = new RegExp(String.raw`^(?:(?:a|an|the)\s+)?(\p{Lu}[\p{L}.&’'-]*(?:\s+\p{Lu}[\p{L}.&’'-]*)*)(?:\s+\p{Ll}+)?\s+${SPOKES}$`, 'u')
/** "a spokesperson", "the spokesman", "spokesperson" alone. */
const BARE_SPOKES = new RegExp(String.raw`^(?:(?:a|an|the)\s+)?${SPOKES}$`, 'iu')
/** "a company spokeswoman", "a department spokesman": the body "the company" means. */
const SPOKES_NOUN = new RegExp(String.raw`^(?:(?:a|an|the)\s+)?(\p{Ll}+)\s+${SPOKES}$`, 'u')

/**
 * A spokesperson speaks for an organisation: the speaker is the organisation, by its name —
 * not a person ("a spokesman for Trump" stays the role), and not a body the text never names.
 */
function spokespersonOf(agent: Agent, ctx: SpeakerContext): string | null {
  const named = SPOKES_FOR.exec(agent.raw) ?? SPOKES_OF.exec(agent.raw)
  if (named) {
    const name = ctx.fullName(named[1], agent.start)
    if (!name || ctx.isKnownPerson(name) || ctx.gender(name) || titledInText(ctx.text, name)) return null
    // A single word may be a surname; one the article never uses for a person is a body.
    if (!ctx.isKnownOrganisation(name) && !/^\p{Lu}[\p{L}&.-]*$/u.test(name) && !PLACE.test(name)) return null
    ctx.bodies.add(speakerKey(name))
    return name
  }
  // "A spokesperson who did not wish to be named said …", just after a sentence about an organisation.
  if (BARE_SPOKES.test(agent.raw)) {
    const body = ctx.bodyInFocus(agent.start)
    if (body) ctx.bodies.add(speakerKey(body))
    return body
  }
  const noun = SPOKES_NOUN.exec(agent.raw)
  if (!noun || !BODY_NOUNS.has(noun[1])) return null
  const body = ctx.resolveNominal(`the ${noun[1]}`, agent.start, [])
  return body && /^\p{Lu}/u.test(body) ? body : null
}

/** "President Trump", "Mr. Putin" somewhere in the text: a person, whatever else it lacks. */
function titledInText(text: string, name: string): boolean {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(String.raw`\b(?:President|Prime Minister|Mr|Mrs|Ms|Sen|Senator|Gov|Governor|Rep|Dr|Judge|Mayor)\.?\s+${esc}\b`).test(text)
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Whether the code point ending just before `i` (or starting at `i`) is a letter or digit. */
function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false
  const start = i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1]) && /[\uD800-\uDBFF]/.test(text[i - 2]) ? i - 2 : i - 1
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(start)!))
}
function letterAt(text: string, i: number): boolean {
  return i < text.length && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!))
}

/**
 * Where `form` last stands alone in `text` (no letter or digit touching it), or -1: the
 * matches a global `(?<![\p{L}\p{N}])form(?![\p{L}\p{N}])` pattern finds, found without
 * compiling one — a match resumes the search after itself, a miss one character on.
 */
export function lastStandingAlone(text: string, form: string): number {
  let at = -1
  if (form.length === 0) return at
  for (let i = text.indexOf(form); i >= 0; ) {
    if (!letterBefore(text, i) && !letterAt(text, i + form.length)) {
      at = i
      i = text.indexOf(form, i + form.length)
    } else i = text.indexOf(form, i + 1)
  }
  return at
}
