/**
 * The speakers a quotation could have, as the rules already see them, with the features the
 * learned ranker (ranker.ts) scores them by. Nothing here parses anew: every candidate is a name
 * the rule cascade's own machinery produced (SpeakerContext's full names, focus, credited
 * speakers, sentence subjects), so a candidate is always a name, organisation or role written in
 * the text — never a string built here.
 *
 * Two steps, because the rule pick is only final after the echo pass (echoes.ts):
 * `gatherCandidates` while detect.ts reads the quote (the context as it stands before the quote
 * credits anyone), `candidateSet` after detection, with the rule's final pick added.
 */
import { canonicalSpeaker, speakerKey } from './aliases'
import { FIRST_PERSON, findVerbs } from './lexicon'
import { wordCount, type Paragraph, type RawQuote } from './marks'
import { isPersonName, notASpeaker, type Candidate, type SpeakerContext } from './speaker-context'
import { subjectsOf, type Subject } from './subjects'
import type { DetectedQuote } from './quote-type'

/** Where a candidate came from (one flag feature each). */
export const GENERATORS = [
  'setAside', // the agent of the quote's sentence, set aside by the rules for a scare quote ("Reyes calls it “slow cinema”")
  'subject', // the subject of the quote's own sentence
  'prevSubject', // the subject of the sentence before
  'nextSubject', // the subject of the sentence after
  'lastSpeaker', // the last speaker credited before the quote
  'local', // the latest speaker or subject earlier in the paragraph
  'prevQuote', // the previous quote's speaker (this paragraph, or the one ending the previous)
  'reported', // who the previous paragraph reported speaking, or was all about
  'focusPerson', // the latest person in focus
  'focusBody', // the organisation in focus
  'nearPerson', // the latest person named in this and the previous two paragraphs
  'nearBody', // the latest organisation named there
  'afterInPara' // the first name after the quote in its paragraph
] as const
export type Generator = (typeof GENERATORS)[number]

/** Candidate features, in weight order (ranker-weights.ts). */
export const CANDIDATE_FEATURES = [
  'rule',
  'ruleConfidence',
  'ruleOwnSentence',
  'ruleInherited',
  ...GENERATORS,
  'generators',
  'person',
  'organisation',
  'mentions',
  'creditedBefore',
  'charDistance',
  'paragraphDistance',
  'firstPersonPerson',
  'namedAfterClose', // named right after the quote, in its sentence ("…,” píše Gary Lineker): attribution in any language
  'inParagraph' // named (outside quotations) in the quote's paragraph
] as const
/** Features of the quote that score "nobody". */
export const NOBODY_FEATURES = [
  'bias',
  'scare',
  'verbDistance', // how far the nearest speech verb of the paragraph is from the quote (0 adjacent, 1 none or ≥ 200 characters)
  'sentenceSpeechVerb',
  'words',
  'short', // three words or fewer: a term, a title, a scare quote more often than a statement
  'ruleNone',
  'opensParagraph',
  'candidates'
] as const

export interface RankCandidate {
  name: string
  mention: { start: number; end: number } | null
  generators: Generator[]
  features: number[]
}
export interface CandidateSet {
  candidates: RankCandidate[]
  nobody: number[]
}

/** What detect.ts knows when it reads a quote (see its ParaState). */
export interface QuoteScene {
  text: string
  masked: string
  ctx: SpeakerContext
  para: Paragraph
  /** Where the paragraph two before this one starts (the window for names nearby). */
  windowStart: number
  local: readonly Candidate[]
  prevInPara: DetectedQuote | null
  prevQuote: DetectedQuote | null
  prevReported: string | null
  prevAbout: string | null
  q: RawQuote
  sStart: number
  before: string
  nextSentence: { text: string; start: number } | null
  setAside: { name: string; mention: { start: number; end: number } | null } | null
}

interface Found {
  name: string
  mention: { start: number; end: number } | null
  generators: Set<Generator>
}

/** The candidates the context offers at the quote (before it credits anyone), by speaker key. */
export type Gathered = Map<string, Found>

export function gatherCandidates(s: QuoteScene): Gathered {
  const { ctx, q } = s
  const out: Gathered = new Map()
  const add = (g: Generator, name: string | null | undefined, mention: { start: number; end: number } | null = null) => {
    if (!name || notASpeaker(name)) return
    const key = speakerKey(name)
    if (!key) return
    const f = out.get(key)
    if (f) {
      f.generators.add(g)
      f.mention ??= mention
    } else out.set(key, { name, mention, generators: new Set([g]) })
  }
  const subject = (g: Generator, list: Subject[]) => {
    const subj = list[0]
    if (subj) add(g, resolveSubject(ctx, subj), { start: subj.start, end: subj.end })
  }
  add('setAside', s.setAside?.name, s.setAside?.mention)
  subject('subject', subjectsOf(s.before, s.sStart))
  const prev = previousSentence(s.masked, s.sStart)
  if (prev) subject('prevSubject', subjectsOf(prev.text, prev.start))
  if (s.nextSentence) subject('nextSubject', subjectsOf(s.nextSentence.text, s.nextSentence.start))
  const last = lastBefore(ctx.history, q.open)
  add('lastSpeaker', last?.name)
  const local = s.local[s.local.length - 1]
  add('local', local?.name)
  const pq = s.prevInPara ?? s.prevQuote
  add('prevQuote', pq?.speaker, pq?.speakerMention ?? null)
  add('reported', s.prevReported ?? s.prevAbout)
  add('focusPerson', ctx.latestInFocus(q.open, true)?.name)
  add('focusBody', ctx.bodyInFocus(q.open))
  const near = ctx.namedBetween(s.windowStart, q.open)
  const person = lastOf(near, true)
  const body = lastOf(near, false)
  add('nearPerson', person?.name, person && { start: person.pos, end: person.pos + person.name.length })
  add('nearBody', body?.name, body && { start: body.pos, end: body.pos + body.name.length })
  const after = ctx.namedBetween(q.close, s.para.end)[0]
  add('afterInPara', after?.name, after && { start: after.pos, end: after.pos + after.name.length })
  return out
}

/** A sentence subject as a speaker: a name the text knows, a pronoun's person (learning nothing), a role as written. */
function resolveSubject(ctx: SpeakerContext, subj: Subject): string | null {
  if (subj.type === 'pronoun') return ctx.resolvePronoun(subj.raw.toLowerCase(), subj.start, undefined, false)
  if (subj.type === 'descriptor') return canonicalSpeaker(subj.raw) || null
  const name = ctx.fullName(subj.raw, subj.start)
  return name && (ctx.isKnownPerson(name) || ctx.isKnownOrganisation(name)) ? name : null
}

function lastBefore(list: readonly Candidate[], pos: number): Candidate | null {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].pos < pos) return list[i]
  return null
}

function lastOf(list: readonly Candidate[], person: boolean): Candidate | null {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].person === person) return list[i]
  return null
}

/** The sentence ending right before `at` (within 400 characters, in this or the paragraph before). */
function previousSentence(masked: string, at: number): { text: string; start: number } | null {
  const from = Math.max(0, at - 400)
  const seg = masked.slice(from, at).replace(/\s+$/, '')
  if (!seg) return null
  let cut = 0
  const re = /[.!?]["”’»]?\s+(?=\S)/g
  for (let m = re.exec(seg.slice(0, -1)); m; m = re.exec(seg.slice(0, -1))) cut = m.index + m[0].length
  const text = seg.slice(cut)
  return /\p{L}/u.test(text) ? { text, start: from + cut } : null
}

const OWN_SENTENCE = new Set(['adjacent', 'before', 'evaluative', 'later', 'next', 'colon'])

/** The candidate set of a detected quote: the gathered candidates and the rule's final pick, with features. */
export function candidateSet(s: Pick<QuoteScene, 'text' | 'masked' | 'ctx' | 'para' | 'q'>, gathered: Gathered, dq: DetectedQuote, counts: MentionCounts): CandidateSet {
  const ruleKey = dq.speaker ? speakerKey(dq.speaker) : ''
  const all: Found[] = [...gathered.values()]
  if (dq.speaker && !gathered.has(ruleKey)) all.unshift({ name: dq.speaker, mention: dq.speakerMention, generators: new Set() })
  const evidence = dq.evidence.split('/')[0]
  const firstPerson = FIRST_PERSON.test(dq.text) ? 1 : 0
  const paraText = s.masked.slice(s.para.start, s.para.end)
  const tail = afterClose(s.masked, s.para, s.q)
  const candidates = all.map((c): RankCandidate => {
    const key = speakerKey(c.name)
    const rule = dq.speaker !== null && key === ruleKey
    const person = isPersonName(c.name) && !s.ctx.bodies.has(key)
    const organisation = !person && /^\p{Lu}/u.test(c.name)
    const where = nearestBefore(s.masked, c.name, s.q.open)
    const f = [
      rule ? 1 : 0,
      rule ? dq.confidence : 0,
      rule && OWN_SENTENCE.has(evidence) ? 1 : 0,
      rule && !OWN_SENTENCE.has(evidence) ? 1 : 0,
      ...GENERATORS.map((g) => (c.generators.has(g) ? 1 : 0)),
      c.generators.size / 5,
      person ? 1 : 0,
      organisation ? 1 : 0,
      Math.log1p(counts.of(c.name)) / 3,
      s.ctx.history.some((h) => h.pos < s.q.open && speakerKey(h.name) === key) ? 1 : 0,
      where < 0 ? 1 : Math.min(1, (s.q.open - where) / 1500),
      where < 0 ? 1 : Math.min(2, paragraphsBetween(s.text, where, s.q.open)) / 2,
      person ? firstPerson : 0,
      tail.includes(formOf(c.name)) ? 1 : 0,
      paraText.includes(formOf(c.name)) ? 1 : 0
    ]
    return { name: c.name, mention: c.mention, generators: [...c.generators], features: f }
  })
  const words = wordCount(dq.text)
  const nobody = [
    1,
    dq.kind === 'scare' ? 1 : 0,
    verbDistance(paraText, s.para.start, s.q),
    findVerbs(sentenceAround(s.masked, s.para, s.q), false, true).length > 0 ? 1 : 0,
    Math.log1p(words) / 4,
    words <= 3 ? 1 : 0,
    dq.speaker ? 0 : 1,
    s.q.open <= s.para.start + 1 ? 1 : 0,
    candidates.length / 5
  ]
  return { candidates, nobody }
}

/** The text right after the quote up to its sentence's end (≤ 100 characters, masked, in its paragraph). */
function afterClose(masked: string, para: Paragraph, q: RawQuote): string {
  const tail = masked.slice(q.close + 1, Math.min(para.end, q.close + 101))
  const end = tail.search(/[.!?](?:\s|$)/)
  return end < 0 ? tail : tail.slice(0, end)
}

/** 0 when a speech verb of the paragraph touches the quote, rising to 1 at 200 characters or when there is none. */
function verbDistance(paraText: string, paraStart: number, q: RawQuote): number {
  let best = 200
  for (const h of findVerbs(paraText, true)) {
    const at = paraStart + h.index
    const d = at < q.open ? q.open - at : at > q.close ? at - q.close : 0
    if (d < best) best = d
  }
  return best / 200
}

/** The quote's sentence around it (masked), within its paragraph. */
function sentenceAround(masked: string, para: Paragraph, q: RawQuote): string {
  const head = masked.slice(Math.max(para.start, q.open - 300), q.open)
  const cut = Math.max(head.search(/[.!?][”"’»]?\s+[^.!?]*$/), -1)
  const tail = masked.slice(q.close + 1, Math.min(para.end, q.close + 300))
  const end = tail.search(/[.!?](?:\s|$)/)
  return head.slice(cut + 1) + ' ' + (end < 0 ? tail : tail.slice(0, end))
}

/** The word a later mention uses for a name: a person's last word, an organisation or role whole. */
function formOf(name: string): string {
  return isPersonName(name) && name.includes(' ') ? name.slice(name.lastIndexOf(' ') + 1) : name
}

/** Where the name (its short form) is last written before `pos` outside quotations, or -1. */
function nearestBefore(masked: string, name: string, pos: number): number {
  const form = formOf(name)
  return pos > 0 ? masked.lastIndexOf(form, pos - 1) : -1
}

function paragraphsBetween(text: string, from: number, to: number): number {
  let n = 0
  for (let i = text.indexOf('\n\n', from); i >= 0 && i < to && n < 2; i = text.indexOf('\n\n', i + 2)) n++
  return n
}

/** How often the article writes a name (its short form), counted once per name per article. */
export class MentionCounts {
  private readonly cache = new Map<string, number>()
  constructor(private readonly text: string) {}
  of(name: string): number {
    const form = formOf(name)
    let n = this.cache.get(form)
    if (n === undefined) {
      n = 0
      for (let i = this.text.indexOf(form); i >= 0; i = this.text.indexOf(form, i + form.length)) n++
      this.cache.set(form, n)
    }
    return n
  }
}
