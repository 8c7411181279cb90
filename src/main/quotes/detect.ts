/**
 * Finds the quotations in an article's plain text (paragraphs joined by "\n\n", offsets in UTF-16
 * code units, see src/shared/reader/text.ts) and who said them. Rule-based and linear in the text:
 * no model, no DOM, no database. See docs/quotes.md for the rules and their measured accuracy.
 *
 * The text is read in order, paragraph by paragraph, as a reader would: narrative sentences move
 * the focus (their subjects, reported speech), each quotation takes the speaker its own sentence
 * names, and a quotation without one inherits from the quotation or narrative just before it.
 */
import { MAX_LOOKBACK, cutSentence, paragraphs, type StructuralFurniture, scanQuotes, sentenceStartBefore, sentenceStarts, wordCount, type Paragraph, type RawQuote } from './marks'
import { attributionAfter, attributionBefore, attributionLater, attributionNext, verbThenName, type Agent } from './agents'
import { SpeakerContext, bodyOf, genderOfFirstName, isPersonName, resolveAgent, type Candidate } from './speaker-context'
import { documentBefore, subjectsOf } from './subjects'
import { CAPRUN, FIRST_PERSON, ROLE_NOUNS, SPEECH_SET, findVerbs, isRoleWord, trimLead } from './lexicon'
import { canonicalSpeaker, speakerKey } from './aliases'
import { calibrate, type Evidence } from './confidence'
import { echoes } from './echoes'
import { MentionCounts, candidateSet, gatherCandidates, type CandidateSet, type Gathered } from './ranker-candidates'
import { applyRanker, type RankerModel } from './ranker'
import { RANKER } from './ranker-weights'
import type { FoundQuote } from '../db/quotes'

export type { DetectedQuote } from './quote-type'
import type { DetectedQuote } from './quote-type'

/** What the reader knows at a quote: the paragraph so far, and how the previous one ended. */
interface ParaState {
  para: Paragraph
  starts: number[]
  /** Speakers introduced earlier in this paragraph (reported speech, sentence subjects, quotes). */
  local: Candidate[]
  prevInPara: DetectedQuote | null
  /** Where the narrative not yet read begins. */
  prevEnd: number
  /** The previous prose paragraph's closing quote, when it ended with one. */
  prevQuote: DetectedQuote | null
  /** The one speaker already quoted whom the previous paragraph, all narrative, is about (see aboutOne). */
  prevAbout: string | null
  /** Who the previous paragraph's last sentence reports as speaking ("Erekat said it was only the latest move …"). */
  prevReported: string | null
  /** The previous paragraph's last sentence, when it ends with a colon ("She remembers the day:"). */
  prevColon: { start: number; text: string } | null
  /** Where the paragraph two before this one starts (the ranker's window for names nearby). */
  windowStart: number
  /** The ranker's candidates per quote, gathered as the quote is read; null when no ranker runs. */
  pending: { gathered: Gathered; para: Paragraph; q: RawQuote }[] | null
}

/** What the page's structure says about its text (from the reader document, when there is one). */
export interface TextStructure {
  /** Headings and figure captions (src/shared/reader/text.ts furnitureRanges). */
  furniture?: readonly StructuralFurniture[]
}

/** How detection decides speakers: the rules alone, or the learned ranker over their candidates. */
export interface DetectOptions {
  /** The ranker deciding among the rules' candidates; null for the rules alone. Default: the shipped one, when enabled. */
  ranker?: RankerModel | null
  /** Receives every quote's candidate set (training and cross-validation, scripts/quality/train-ranker.ts). */
  onCandidates?: (sets: CandidateSet[], quotes: readonly DetectedQuote[]) => void
}

/** Finds quotations and their speakers in `text`. */
export function detectQuotes(text: string, structure: TextStructure = {}, options: DetectOptions = {}): DetectedQuote[] {
  const ranker = options.ranker === undefined ? (RANKER.enabled ? RANKER : null) : options.ranker
  const pending: ParaState['pending'] = ranker || options.onCandidates ? [] : null
  if (!text) return []
  const paras = paragraphs(text, structure.furniture)
  const raws = scanQuotes(text, paras)
  if (raws.length === 0) return []
  const masked = mask(text, raws, paras)
  const ctx = new SpeakerContext(text, masked)
  const out: DetectedQuote[] = []
  let qi = 0
  let prevQuote: DetectedQuote | null = null
  let prevAbout: string | null = null
  let prevReported: string | null = null
  let prevColon: ParaState['prevColon'] = null
  for (let pi = 0; pi < paras.length; pi++) {
    if (paras[pi].furniture) continue
    const windowStart = paras[Math.max(0, pi - 2)].start
    const st: ParaState = { para: paras[pi], starts: sentenceStarts(masked, paras[pi], text), local: [], prevInPara: null, prevEnd: paras[pi].start, prevQuote, prevAbout, prevReported, prevColon, windowStart, pending }
    let last: RawQuote | null = null
    for (; qi < raws.length && raws[qi].open < st.para.end; qi++) {
      const q = raws[qi]
      const dq = attribute(text, masked, ctx, st, q, raws[qi + 1])
      out.push(dq)
      last = q
      let endPara = pi
      while (endPara < paras.length - 1 && q.close >= paras[endPara].end) endPara++
      if (endPara !== pi) {
        // The quote ran on into later paragraphs: continue from the paragraph it closes in.
        pi = endPara
        st.para = paras[pi]
        st.starts = sentenceStarts(masked, st.para, text)
        st.prevEnd = q.close + 1
      }
    }
    // The paragraph ended with the quote, or with the one sentence that attributes it
    // ("“…,” says Parata, a fierce and uncompromising elder of the Ngātiwai tribe.").
    const tail = last ? masked.slice(last.close + 1, st.para.end) : ''
    const ended =
      last &&
      (tail.replace(/[\s.,”"’'»]/g, '').length < 40 ||
        ((out[out.length - 1].evidence.startsWith('adjacent') || attributionTail(tail)) && !/[.!?]["”’»]?\s+\p{Lu}/u.test(tail.trim())))
    const reported = narrate(ctx, masked, st.prevEnd, st.para.end, st.local)
    prevQuote = ended ? out[out.length - 1] : null
    prevReported = reported
    prevAbout = last ? null : aboutOne(ctx, masked, st.para)
    prevColon = null
    if (/:\s*$/.test(masked.slice(st.para.start, st.para.end))) {
      const start = st.starts.filter((x) => x < st.para.end - 1).pop() ?? st.para.start
      if (start >= (last ? last.close + 1 : st.para.start)) prevColon = { start, text: masked.slice(start, st.para.end) }
    }
  }
  echoes(out)
  if (pending) {
    const counts = new MentionCounts(text)
    const sets = pending.map((p, i) => candidateSet({ text, masked, ctx, para: p.para, q: p.q }, p.gathered, out[i], counts))
    options.onCandidates?.(sets, out)
    if (ranker) applyRanker(out, sets, ranker)
  }
  return out
}

/** The text with quoted words masked ('#'), so that nothing inside a quote attributes anything. */
function mask(text: string, raws: RawQuote[], paras: Paragraph[]): string {
  const parts: string[] = []
  let at = 0
  for (const q of raws) {
    parts.push(text.slice(at, q.start), text.slice(q.start, q.end).replace(/[^\n]/g, '#'))
    at = q.end
  }
  parts.push(text.slice(at))
  let masked = parts.join('')
  if (!paras.some((p) => p.furniture)) return masked
  // Captions and sub-headings name people too, but are not what a pronoun refers back to.
  const out: string[] = []
  at = 0
  for (const p of paras) {
    if (!p.furniture) continue
    out.push(masked.slice(at, p.start), ' '.repeat(p.end - p.start))
    at = p.end
  }
  out.push(masked.slice(at))
  masked = out.join('')
  return masked
}

function attribute(text: string, masked: string, ctx: SpeakerContext, st: ParaState, q: RawQuote, next: RawQuote | undefined): DetectedQuote {
  const { para, local } = st
  let closePara = para
  if (q.close >= para.end) {
    const i = text.indexOf('\n\n', q.close)
    closePara = { start: text.lastIndexOf('\n\n', q.close) + 2, end: i < 0 ? text.length : i, furniture: false }
  }
  // Sentences longer than MAX_LOOKBACK are cut, which keeps pathological text linear.
  const sStart = Math.max(sentenceStartBefore(st.starts, q.open), q.open - MAX_LOOKBACK)
  const before = masked.slice(sStart, q.open)
  const afterEnd = next && next.open < closePara.end ? next.open : closePara.end
  const rawAfter = masked.slice(q.close + 1, afterEnd)
  const after = cutSentence(rawAfter)
  // The rest of the sentence past any later quote in it (masked): "“more gratifying,” and “rewarding” than …, Lladanosa told me."
  const rest = cutSentence(masked.slice(q.close + 1, closePara.end))
  const inner = text.slice(q.start, q.end)
  const endsSentence = /[.!]$/.test(inner) && !/[,—–]$/.test(inner)

  // What the paragraph said before this sentence moves the focus.
  const from = Math.max(st.prevEnd, sStart - MAX_LOOKBACK)
  narrate(ctx, masked, from, sStart, local)

  const trimmedBefore = before.replace(/\s+$/, '')
  const sentenceInitial =
    trimmedBefore === '' || /^[\p{Lu}\s.,()]+[—–-]$/u.test(trimmedBefore) || /[:]$/.test(trimmedBefore) || /^[#\s,“”"’‘«»—–]*(?:\p{Lu}[\p{L}.]*\s+){0,6}(?:said|says|asked|added|replied|told \p{L}+)[,:]?$/u.test(trimmedBefore)
  const midAttribution = /#[”"’»]?,?\s+[^#]{1,80},$/u.test(trimmedBefore) // “…,” she said, “…”

  // (A quotation that ends its own sentence is followed by the next one right away.)
  const nextSentence = sentenceAfter(masked, endsSentence || /[?!]$/.test(inner) ? q.close + 1 : q.close + 1 + rest.length, closePara.end)
  const found =
    findAgent(ctx, q, { before, sStart, after, rest, rawAfter, inner, endsSentence, trimmedBefore, nextSentence }) ??
    introducedAbove(ctx, st, q) ??
    documentSubject(before, sStart) ??
    pollAbove(masked, st, q, before)
  let agent = found?.agent ?? null
  let evidence: Evidence = found?.evidence ?? 'none'

  let speaker: string | null = null
  let source = 1
  let mention: { start: number; end: number } | null = null
  if (agent) {
    if (agent.type === 'pronoun') bindToSubject(ctx, masked, sStart, agent)
    speaker = resolveAgent(agent, ctx, local, masked.slice(para.start, Math.min(agent.start, q.open)))
    mention = speaker ? { start: agent.start, end: agent.end } : null
  }

  const kind = kindOf(masked, trimmedBefore, q, inner, !!agent, sentenceInitial || midAttribution, evidence === 'later' || evidence === 'next')
  if (kind !== 'scare' && !speaker) {
    const inherited = inherit(st, q, kind, inner, !!agent || findVerbs(after, false, true).length > 0)
    if (inherited) {
      speaker = inherited.speaker
      mention = inherited.mention
      evidence = inherited.evidence
      source = inherited.from
      agent = null
    }
  }
  let confidence: number
  // Whom the sentence names when the quote is judged a scare quote (a candidate for the ranker).
  let setAside: { name: string; mention: { start: number; end: number } | null } | null = null
  if (kind === 'scare') {
    if (speaker) setAside = { name: speaker, mention }
    // "Reyes calls the film’s long shots “slow cinema”": not her words, but she is who the text is about.
    if (speaker && agent && agent.type === 'name') {
      local.push({ name: speaker, pos: agent.start, person: isPersonName(speaker) })
      ctx.attend(speaker, agent.start)
    }
    // "Buckley, who hadn’t sung in years, worried about a song like “Glasgow,” …": a title or
    // a scare quote leaves its sentence narrative, whose subject the next "she said" means.
    else if (!setAside && sStart >= st.prevEnd) narrate(ctx, masked, sStart, q.open, local)
    speaker = null
    mention = null
    confidence = 0.2
  } else confidence = speaker ? calibrate(evidence, agent?.type ?? null, q.closed, source) : 0.2

  const dq: DetectedQuote = { start: q.start, end: q.end, text: inner, speaker, speakerMention: mention, confidence, kind, evidence: speaker ? `${evidence}/${agent ? agent.type : '-'}` : 'none' }
  // The ranker's candidates, as the context stands before this quote credits anyone.
  if (st.pending) {
    const scene = { text, masked, ctx, para, windowStart: st.windowStart, local, prevInPara: st.prevInPara, prevQuote: st.prevQuote, prevReported: st.prevReported, prevAbout: st.prevAbout, q, sStart, before, nextSentence, setAside }
    st.pending.push({ gathered: gatherCandidates(scene), para, q })
  }
  if (speaker) {
    ctx.credit(speaker, agent && agent.start > q.open ? agent.start : q.open)
    // "“…,” the production company said in a separate statement": theirs is "the statement" now.
    if (agent) ctx.noteStatement(speaker, agent.start, `${before} ${after}`)
    local.push({ name: speaker, pos: q.open, person: isPersonName(speaker) })
  }
  st.prevInPara = dq
  st.prevEnd = Math.min(q.close + 1, para.end)
  return dq
}

/**
 * "Last week official David Holmes revealed one of those interactions, saying he recalled it
 * “vividly.”", "Morrison testified that he …": a he/she inside a sentence means its subject
 * when that is a person (the focus picks it only when the gender fits), not the last person
 * quoted before the sentence.
 */
function bindToSubject(ctx: SpeakerContext, masked: string, sStart: number, agent: Agent): void {
  if ((agent.raw !== 'he' && agent.raw !== 'she') || agent.start <= sStart) return
  for (const subj of subjectsOf(masked.slice(sStart, agent.start), sStart)) {
    if (subj.type === 'pronoun' && subj.raw === agent.raw) {
      const named = openingClauseSubject(ctx, masked.slice(sStart, subj.start), sStart, subj.raw)
      if (named) ctx.attend(named, subj.start)
      return
    }
    if (subj.type !== 'name') return
    const name = ctx.fullName(subj.raw, subj.start)
    if (!name || !ctx.isKnownPerson(name)) continue
    ctx.attend(name, subj.start)
    return
  }
}

/**
 * "By the time Buckley learned who had written the song, she …", "When Smith arrived, he …":
 * the one person an opening subordinate clause has as its subject is whom the main clause's
 * he/she means — when the text knows them as a person of a gender that fits. `intro` is the
 * sentence up to the pronoun.
 */
function openingClauseSubject(ctx: SpeakerContext, intro: string, base: number, pronoun: string): string | null {
  if (pronoun !== 'he' && pronoun !== 'she') return null
  const m = OPENING_CLAUSE.exec(intro)
  if (!m || !/,\s*$/.test(intro)) return null
  const name = ctx.fullName(m[1], base + m[0].indexOf(m[1]))
  if (!name || !ctx.isKnownPerson(name)) return null
  const g = ctx.gender(name)
  return g === null || g === (pronoun === 'he' ? 'm' : 'f') ? name : null
}
const OPENING_CLAUSE = new RegExp(`^(?:When|While|After|Before|Once|Although|Though|Because|Since|Until|By the time|Even though|Now that)[^\\S\\n]+(${CAPRUN})(?:[’']s)?[^\\S\\n]+\\p{Ll}`, 'u')

/**
 * `,” they said in a statement on their website last Friday.`: the sentence after a paragraph's
 * last quote opens with its attribution (a pronoun or name and a speech verb), however the
 * speaker was then found.
 */
export function attributionTail(tail: string): boolean {
  const v = findVerbs(tail.slice(0, 60), false, true)[0]
  return !!v && /^[\s,—–]*(?:he|she|they|it|we|\p{Lu}[\p{L}.’'-]*(?:[^\S\n]+\p{Lu}[\p{L}.’'-]*){0,3})[^\S\n]+$/u.test(tail.slice(0, v.index))
}

/** The quote's own sentence, seen from the quote: what is before and after it. */
interface Around {
  before: string
  sStart: number
  after: string
  /** The rest of the sentence after the quote, past later quotes in it. */
  rest: string
  rawAfter: string
  inner: string
  endsSentence: boolean
  trimmedBefore: string
  /** The sentence after the quote's sentence (in the next paragraph when the quote's ends its own). */
  nextSentence: { text: string; start: number } | null
}

/** The agent that attributes the quote, trying the places in the order docs/quotes.md gives. */
function findAgent(ctx: SpeakerContext, q: RawQuote, s: Around): { agent: Agent; evidence: Evidence } | null {
  const { before, sStart, after, rest, rawAfter, inner, endsSentence, trimmedBefore } = s
  // The sentence goes on after the quote: `,”` / `”,` (the comma outside, as in Romance languages) / `?”`.
  const loose = /[,?!—–-]$/.test(inner) || /^[”"’»]?\s*[,—–]/.test(rawAfter)
  // "He … said, “…,” the prosecutor’s office said": a quotation its own sentence introduces with
  // a speech verb is that verb's subject's; the attribution after it reports the whole sentence.
  if (INTRODUCED.test(trimmedBefore)) {
    const b = attributionBefore(before, sStart, true)
    if (b?.speech) return { agent: b.agent, evidence: 'before' }
  }
  if (q.closed && (!endsSentence || /[?!]$/.test(inner))) {
    const a = attributionAfter(after, q.close + 1, loose)
    if (a) return { agent: a, evidence: 'adjacent' }
    const v = loose && !ctx.english ? verbThenName(after, q.close + 1, (w) => genderOfFirstName(w) !== null) : null
    if (v) return { agent: v, evidence: 'adjacent' }
  }
  if (endsSentence && q.closed) {
    // “….” Rothman said. — a quote closed with a full stop still takes a short attribution right after it.
    const a = attributionAfter(after, q.close + 1)
    if (a && (/^[\s,—–]*(?:said|says|added|told|wrote|according)\b/i.test(after) || shortAttribution(after))) return { agent: a, evidence: 'adjacent' }
  }
  const b = attributionBefore(before, sStart, true)
  if (b) return { agent: b.agent, evidence: b.speech ? 'before' : 'evaluative' }
  if (q.closed) {
    // “…” are all thought to contribute, according to X. / described as “…” by X.
    const a = attributionLater(before, after, q.close + 1, rest, sStart)
    if (a) return { agent: a, evidence: 'later' }
  }
  if (q.closed && endsSentence) {
    // “…” That’s the view of Michael Reed, a historian at Yale. (The quote ended its sentence,
    // so `after` is the next one.)
    const a = attributionNext(after, q.close + 1)
    if (a) return { agent: a, evidence: 'next' }
  }
  if (q.closed && s.nextSentence) {
    // “stronger” and “more viable” … “with deep local roots.”⏎⏎That’s the optimistic view
    // mouthed by Michael Reed: the sentence after the quote's sentence names whose words they were.
    const a = attributionNext(s.nextSentence.text, s.nextSentence.start)
    if (a) return { agent: a, evidence: 'next' }
  }
  if (/:$/.test(trimmedBefore)) {
    const a = colonAgent(ctx, before, sStart, trimmedBefore)
    if (a) return { agent: a, evidence: 'colon' }
  }
  return null
}

/** A speech verb with a comma or colon right before the quotation: "… and said, “". */
const INTRODUCED = /\s(?:said|says|asked|asks|added|adds|replied|replies|wrote|writes|told\s+\p{L}+)[,:]\s*[“"‘«„]?$/u

/** The sentence starting at `from` (past spaces), or the next paragraph's first when `from` is its paragraph's end. */
function sentenceAfter(masked: string, from: number, paraEnd: number): { text: string; start: number } | null {
  let at = from
  if (masked.slice(from, paraEnd).trim() === '') {
    if (paraEnd >= masked.length) return null
    at = paraEnd + 2
  }
  const end = masked.indexOf('\n\n', at)
  const text = cutSentence(masked.slice(at, end < 0 ? masked.length : end))
  return text.trim() ? { text, start: at } : null
}

/**
 * A quotation paragraph introduced by the sentence ending the paragraph above with a colon
 * ("She remembers the day the floods came:⏎⏎“It was raining …”"): that sentence's speaker.
 */
function introducedAbove(ctx: SpeakerContext, st: ParaState, q: RawQuote): { agent: Agent; evidence: Evidence } | null {
  if (!st.prevColon || q.open !== st.para.start) return null
  const { start, text } = st.prevColon
  const b = attributionBefore(text, start)
  if (b) return { agent: b.agent, evidence: b.speech ? 'before' : 'evaluative' }
  const a = colonAgent(ctx, text, start, text.replace(/\s+$/, ''))
  return a ? { agent: a, evidence: 'colon' } : null
}

/**
 * "Le projet de loi énonce les domaines … de « la prévention du terrorisme »", "La Constitución
 * manda “…”", "The bill requires providers to “…”": a document that opens the quote's sentence
 * says what it quotes, whatever the verb — a document only ever says things.
 */
function documentSubject(before: string, sStart: number): { agent: Agent; evidence: Evidence } | null {
  const near = documentBefore(before, sStart)
  if (near) return { agent: { ...near, type: 'descriptor' }, evidence: 'evaluative' }
  const subj = subjectsOf(before, sStart)[0]
  if (!subj || subj.type !== 'descriptor') return null
  const pred = before.slice(subj.end - sStart)
  // "This decision has been seen as “…”": a passive, about the document, not by it.
  if (/^\s+(?:\p{Ll}+\s+)?(?:is|are|was|were|has been|have been|had been|been|being|est|a été|sont|fue|fueron|ha sido|foi)\s/u.test(pred)) return null
  // The sentence goes on to a clause of its own ("…: concrètement, les procédures … lorsqu’un des « bouts »", "that she said “…”").
  if (/[;:(]|\b(?:when|if|because|while|whereas|lorsque?|lorsqu|quand|si|cuando|porque|mientras)\b|\b(?:he|she|they|il|elle|ils|elles)\s/iu.test(pred)) return null
  return { agent: { raw: subj.raw, start: subj.start, end: subj.end, type: 'descriptor' }, evidence: 'evaluative' }
}

/**
 * "A new ABC News poll shows majority support. Fifty-one percent say that “…”": the words a
 * share of respondents agreed with, or that a poll "shows", are the poll's — the named poll
 * latest in the paragraph before the quote (a role as written, never a person).
 */
function pollAbove(masked: string, st: ParaState, q: RawQuote, before: string): { agent: Agent; evidence: Evidence } | null {
  if (!RESPONDENTS.test(before)) return null
  const seg = masked.slice(st.para.start, q.open)
  let last: RegExpExecArray | null = null
  NAMED_POLL.lastIndex = 0
  for (let m = NAMED_POLL.exec(seg); m; m = NAMED_POLL.exec(seg)) last = m
  if (!last) return null
  const { name, dropped } = trimLead(last[1])
  if (!/^\p{Lu}\S*\s/u.test(name)) return null
  const start = st.para.start + last.index + dropped
  return { agent: { raw: name, start, end: start + name.length, type: 'descriptor' }, evidence: 'paragraph' }
}
/** A share of respondents saying or wanting something, or a poll showing or finding it, in the quote's sentence. */
const RESPONDENTS =
  /(?:(?:\d\s*%|\b(?:percent|per cent|most|majority|minority|half|third|quarter|plurality)\b)[^#.;]{0,60}?\b(?:say|said|says|want|wanted|wants|agree|agreed|agrees|think|thought|believe|believed|support|supported|oppose|opposed)\b|\b(?:poll|survey)\b[^#.;]{0,200}?\b(?:shows?|showed|finds?|found|suggests?|suggested)\b)[^#.;]*$/i
/** "ABC News poll", "Gallup survey": a poll named by who ran it. */
const NAMED_POLL = /((?:\p{Lu}[\p{L}.&’'-]*[^\S\n]+){1,4}(?:poll|survey))\b/gu

/**
 * A sentence that introduces the quote with a colon, whatever its verb, gives it its subject
 * ("De Miranda beautifully evokes … in his introduction: “…”"); a transcript names the speaker
 * alone ("Volker: “…”"); "a question came from a member of the audience: “…”".
 */
function colonAgent(ctx: SpeakerContext, before: string, sStart: number, trimmedBefore: string): Agent | null {
  const bare = /^\s*((?:\p{Lu}[\p{L}’'.-]*[^\S\n]+){0,3}\p{Lu}[\p{L}’'.-]*):\s*$/u.exec(before)
  const at = bare ? sStart + before.indexOf(bare[1]) : 0
  const candidates = bare ? [{ raw: bare[1], start: at, end: at + bare[1].length, type: 'name' as const }] : subjectsOf(before, sStart)
  const subj = candidates.find((x) => {
    if (x.type === 'pronoun') return true
    const name = ctx.fullName(x.raw, x.start)
    return ctx.isKnownPerson(name) || ctx.isKnownOrganisation(name) || (bare !== null && /\s/.test(name))
  })
  if (subj) return subj
  // "Asked about it, a senior official summed it up:", "una fuente de los servicios nos la resumió así:":
  // someone the text does not name, kept as the role.
  const role = roleBeforeColon(trimmedBefore)
  if (role) {
    const start = sStart + role.index
    return { raw: role.raw, start, end: start + role.raw.length, type: 'descriptor' }
  }
  const from = /\b(?:from|by)\s+((?:a|an|the|one)\s+[^,;:#“”"]{1,60}):$/i.exec(trimmedBefore)
  if (!from) return null
  const start = sStart + trimmedBefore.lastIndexOf(from[1])
  return { raw: from[1], start, end: start + from[1].length, type: 'descriptor' }
}

/** The clause a colon ends, opened by an indefinite article: "a senior official summed it up:". */
const INDEFINITE_COLON = /(?:^|,\s+)(a|an|one|another|un|una|une|um|uma|ein|eine)\s+([^,;#“”"«»:]{3,90}):$/iu
const COMPLEMENT = new Set('of in at for from with de des du del da do dos das'.split(' '))
const ARTICLE = new Set('the los las la el les le a o os as'.split(' '))
const NOT_IN_ROLE = new Set('nos la le les lo se me te it us them him her has had have was is who que qui and y et e und'.split(' '))

/** The role noun phrase opening such a clause, as written without its article ("fuente de los servicios"). */
function roleBeforeColon(trimmedBefore: string): { raw: string; index: number } | null {
  const m = INDEFINITE_COLON.exec(trimmedBefore)
  if (!m) return null
  const words = m[2].split(/\s+/)
  // "A man walked in and shouted:" is narrative about someone, not a source introduced by role.
  const isRole = (w: string | undefined) => !!w && /^\p{Ll}/u.test(w) && !/^(?:man|woman|men|women|boy|girl)$/.test(w) && (isRoleWord(w) || FOREIGN_ROLES.has(w))
  let h = words.findIndex((w, i) => i <= 2 && isRole(w))
  if (h < 0) return null
  while (ROLE_NOUNS.has(words[h + 1] ?? '')) h++ // "senior official", not "senior"
  let end = h + 1
  if (COMPLEMENT.has(words[end] ?? '')) {
    let k = end + 1
    if (ARTICLE.has(words[k] ?? '')) k++
    // One word, or two when the second is a plural noun ("the intelligence services").
    if (words[k] && !NOT_IN_ROLE.has(words[k])) {
      end = k + 1
      if (words[k + 1] && /s$/.test(words[k + 1]) && !NOT_IN_ROLE.has(words[k + 1]) && words[k + 2]) end = k + 2
    }
  }
  if (end >= words.length) return null // no verb left: "a senior official:" is a label, not a clause
  const raw = words.slice(0, end).join(' ')
  return { raw, index: m.index + m[0].indexOf(m[2]) }
}
/** Role nouns of the other languages the lexicon reads ("una fuente", "une source", "eine Quelle"). */
const FOREIGN_ROLES = new Set('fuente fuentes portavoz vocero funcionario funcionaria experto experta vecino vecina testigo source porte-parole responsable habitant habitante témoin fonte porta-voz funcionário morador testemunha quelle sprecher sprecherin zdroj mluvčí'.split(' '))

/** `“….” Rothman said.` — a name, a speech verb and the end of the sentence, nothing else. */
const SHORT_ATTRIBUTION = /^\s*(?:\p{Lu}[\p{L}’'.-]*\s+){1,3}(\p{Ll}+)(?:\s+[\p{L}\s]{0,30})?\.\s*$/u
/** Any speech verb of the lexicon ("Jane Cook commented.", "Reed adds."). */
function shortAttribution(after: string): boolean {
  const m = SHORT_ATTRIBUTION.exec(after)
  return !!m && SPEECH_SET.has(m[1])
}

/**
 * direct: the quote opens its sentence (or follows ":" / a mid-quote attribution). Otherwise
 * embedded: scare after "so-called", or ≤ 4 words used like an adjective, or ≤ 6 words with
 * no agent in its sentence; else partial.
 */
function kindOf(
  masked: string,
  trimmedBefore: string,
  q: RawQuote,
  inner: string,
  hasAgent: boolean,
  opensSentence: boolean,
  attributedLater: boolean
): DetectedQuote['kind'] {
  const words = wordCount(inner)
  // “You Loved Me Like a Distant Star”, “Deterministic Nonperiodic Flow.”: a title, not speech.
  if (isTitle(inner, words) && !(opensSentence && hasAgent)) return 'scare'
  // “Evolution.”, “Arduino” inside a sentence: a name in quotation marks, not someone's words.
  if (!opensSentence && words <= 2 && /^\p{Lu}/u.test(inner) && inner.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) && !/^I\b/.test(inner) && /\p{Ll}\s*$/u.test(trimmedBefore.replace(/[“"‘'«„]$/, ''))) return 'scare'
  if (opensSentence) return 'direct'
  // "a mixture of “squatters,” as Espinosa put it" / "…, Lladanosa told me.": someone's words, however short.
  if (attributedLater) return 'partial'
  const afterWord = /^\s+(\p{L}+)/u.exec(masked.slice(q.close + 1, q.close + 30))?.[1]
  const soCalled = /so-called\s*$|so called\s*$/i.test(trimmedBefore)
  const adjectival =
    words <= 4 &&
    afterWord !== undefined &&
    /^\p{Ll}/u.test(afterWord) &&
    !/^(?:said|says|added|told|wrote|according)$/.test(afterWord) &&
    !(/^(?:he|she|they|it)$/.test(afterWord) && findVerbs(masked.slice(q.close + 1, q.close + 40), false, true).length > 0) &&
    (/\b(?:the|a|an|its|their|his|her|our|this|that|of)\s*$/i.test(trimmedBefore) || /[’']s\s*$/.test(trimmedBefore) || !hasAgent)
  return soCalled || adjectival || (!hasAgent && words <= 6) ? 'scare' : 'partial'
}

function isTitle(inner: string, words: number): boolean {
  if (words < 2 || words > 12 || /[,;:!?]$|[.!?]\s/.test(inner)) return false
  const long = inner.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w))
  return long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(inner)
}

/** A quote with no attribution of its own takes the speaker the text just gave. */
function inherit(
  st: ParaState,
  q: RawQuote,
  kind: DetectedQuote['kind'],
  inner: string,
  ownAgent: boolean
): { speaker: string; mention: DetectedQuote['speakerMention']; evidence: Evidence; from: number } | null {
  // A second quote in the same paragraph: same speaker (“…,” she said. “…”).
  if (st.prevInPara?.speaker) return { speaker: st.prevInPara.speaker, mention: st.prevInPara.speakerMention, evidence: 'same-paragraph', from: st.prevInPara.confidence }
  // Reported speech or a subject earlier in the paragraph ("Feld said after the hearing … “…”").
  const c = st.local[st.local.length - 1]
  if (c) return { speaker: c.name, mention: null, evidence: 'paragraph', from: 1 }
  if (kind !== 'direct' || q.open !== st.para.start) return null
  // A paragraph that is a quotation, after one that ended with an attributed quotation. (After
  // narrative, guessing the one the paragraph was about was right 3 times in 3 on the tune half
  // and 6 in 16 on the held-out half: no longer guessed.)
  if (st.prevQuote?.speaker) return { speaker: st.prevQuote.speaker, mention: st.prevQuote.speakerMention, evidence: 'previous-quote', from: st.prevQuote.confidence }
  // A paragraph that is a quotation, after one that ended by reporting someone's speech
  // ("Erekat said it was only the latest move by the US …⏎⏎“They wanted us on our knees …”").
  // Not when the quotation names its own speaker, unresolved ("…,” the physicians stated.).
  if (st.prevReported && !ownAgent) return { speaker: st.prevReported, mention: null, evidence: 'reported', from: 1 }
  // After narrative about one person already quoted, a quotation paragraph in the first person
  // is theirs ("But for Parata and his family the deaths are personal.⏎⏎“It’s very emotional.
  // Our ancestors tell us …”"). Narrower than the guess dropped above: nobody else named, the
  // person already a speaker, and the quotation speaking as "I"/"we".
  if (st.prevAbout && FIRST_PERSON.test(inner)) return { speaker: st.prevAbout, mention: null, evidence: 'narrative', from: 1 }
  return null
}


/**
 * The one person a narrative paragraph is about — the one it names, or, naming nobody, the one
 * its he/she means — when that person has been credited with speech (before it or in it) and no
 * other known person or organisation is named in it; else null.
 */
function aboutOne(ctx: SpeakerContext, masked: string, para: Paragraph): string | null {
  const body = masked.slice(para.start, para.end)
  if (body.includes('#')) return null
  let found: string | null = null
  const run = /\p{Lu}[\p{L}’'-]*(?:[^\S\n]+\p{Lu}[\p{L}’'-]*)*/gu
  for (let m = run.exec(body); m; m = run.exec(body)) {
    const name = ctx.fullName(m[0], para.start + m.index)
    if (!name) continue
    if (ctx.isKnownOrganisation(name)) return null
    if (!ctx.isKnownPerson(name)) continue
    if (found && speakerKey(found) !== speakerKey(name)) return null
    found = name
  }
  if (!found) {
    // Nobody named, but "she"/"he" all through: the person in focus ("She lost everything.").
    const he = /\b(?:he|his|him)\b/i.test(body)
    const she = /\b(?:she|her|hers)\b/i.test(body)
    if (he === she) return null
    found = ctx.resolvePronoun(he ? 'he' : 'she', para.end)
  }
  // Already a speaker, before or in this paragraph ("Jane Smith, the mayor, wrote to residents.").
  return found && ctx.history.some((h) => h.pos < para.end && speakerKey(h.name) === speakerKey(found)) ? found : null
}

/**
 * Reads the narrative in masked[from, to): reported speech ("X said that …") credits its
 * speaker; a sentence's subject ("Fetter, for her part, continued …", "She left …") moves the
 * focus. Both become paragraph-local candidates for quotes without attribution.
 */
function narrate(ctx: SpeakerContext, masked: string, from: number, to: number, local: Candidate[]): string | null {
  const segment = masked.slice(from, to)
  if (!segment.trim() || !/\p{L}/u.test(segment)) return null
  let reported: string | null = null
  const re = /[^.!?]+(?:[.!?]+|$)/gu
  for (let m = re.exec(segment); m; m = re.exec(segment)) {
    let s = m[0]
    let off = from + m.index
    // Re-join abbreviations split off ("Dr." "Sen." "U.S.").
    while (/(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Prof|[A-Z])\.$/.test(s.trimEnd()) && re.lastIndex < segment.length) {
      const n = re.exec(segment)
      if (!n) break
      s += n[0]
    }
    const lead = s.length - s.trimStart().length
    s = s.trimStart()
    off += lead
    if (!/\p{L}/u.test(s) || /^[#\s”"’»,.]*$/.test(s)) continue
    reported = null
    const b = attributionBefore(s, off)
    if (b) {
      const speaker = resolveAgent(b.agent, ctx, local, masked.slice(from, b.agent.start))
      if (speaker && b.speech) reported = speaker
      if (speaker) {
        ctx.noteStatement(speaker, b.agent.start, s)
        if (b.agent.type !== 'pronoun' || (b.speech && (b.agent.raw === 'he' || b.agent.raw === 'she'))) local.push({ name: speaker, pos: b.agent.start, person: isPersonName(speaker) })
        if (b.speech) ctx.credit(speaker, b.agent.start)
        else ctx.attend(speaker, b.agent.start)
      }
      continue
    }
    // "The company denied the allegations in a statement": whose statement "the statement" will be.
    const body = STATEMENT_BY_BODY.exec(s)
    if (body) {
      const name = ctx.resolveNominal(`the ${body[2].toLowerCase()}`, off + body.index, local)
      if (name && /^\p{Lu}/u.test(name)) {
        ctx.noteStatement(name, off + body.index, s)
        ctx.attend(name, off + body.index)
        continue
      }
    }
    for (const subj of subjectsOf(s, off)) {
      if (subj.type === 'descriptor') {
        local.push({ name: ctx.shortFormOf(bodyOf(canonicalSpeaker(subj.raw), ctx, subj.start), subj.start), pos: subj.start, person: false })
        break
      }
      if (subj.type === 'pronoun') {
        const name = openingClauseSubject(ctx, s.slice(0, subj.start - off), off, subj.raw) ?? ctx.resolvePronoun(subj.raw, subj.start, masked.slice(from, subj.start))
        if (name) ctx.attend(name, subj.start)
        break
      }
      const name = ctx.fullName(subj.raw, subj.start)
      if (!ctx.isKnownPerson(name) && !ctx.isKnownOrganisation(name)) continue
      ctx.noteStatement(name, subj.start, s)
      ctx.attend(name, subj.start)
      ctx.learnGenderFrom(name, s)
      if (isPersonName(name)) local.push({ name, pos: subj.start, person: true })
      break
    }
  }
  return reported
}

/** A sentence whose subject is a body named by its kind and which mentions a statement ("The company denied … in a statement"). */
const STATEMENT_BY_BODY = /^(?:[^,#]{0,40},\s+)?([Tt]he\s+(company|group|firm|agency|department|ministry|label|publisher|studio|network|organi[sz]ation|union|council|committee|campaign|team|club|bank|charity))\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}?(?:issued|released|denied|said|says|responded|posted|published|put out|shared|rejected|disputed|defended|announced|confirmed|added|wrote)\b[^#]*\bstatement\b/u

/** The quotations of `text` as the archive stores them: with each speaker's name key. */
export function findQuotes(text: string, structure: TextStructure = {}): FoundQuote[] {
  return detectQuotes(text, structure).map(({ start, end, text, speaker, confidence, kind }) => ({
    start,
    end,
    text,
    speaker,
    speakerKey: speaker ? speakerKey(speaker) : null,
    confidence,
    kind
  }))
}
