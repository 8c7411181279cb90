/**
 * Who an agent is: later mentions ("Tillerson"), pronouns ("he", "she" by first name),
 * titles and nominal anaphora ("the department", "the prime minister") resolved against
 * what the article said earlier.
 */
import { AliasTable, canonicalSpeaker, looksLikeOrganisation, sameSpeaker, speakerKey } from './aliases'
import { CAPRUN, FEMALE, MALE, PERSON_ROLES, ROLE_NOUNS, type Gender } from './lexicon'
import { cleanName, type Agent } from './agents'

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
