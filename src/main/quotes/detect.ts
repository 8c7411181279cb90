/**
 * Finds the quotations in an article's plain text (paragraphs joined by "\n\n", offsets in UTF-16
 * code units, see src/shared/reader/text.ts) and who said them. Rule-based and linear in the text:
 * no model, no DOM, no database. See docs/quotes.md for the rules and their measured accuracy.
 */
import { ABBREVIATIONS } from './lexicon'
import { attributionAfter, attributionBefore, type Agent } from './agents'
import { SpeakerContext, resolveAgent, type Candidate } from './speaker-context'
import { speakerKey } from './aliases'
import type { FoundQuote } from '../db/quotes'

export interface DetectedQuote {
  /** Span of the quoted words, without the quote marks. */
  start: number
  end: number
  text: string
  /** Canonical person/organisation name, or null. */
  speaker: string | null
  speakerMention: { start: number; end: number } | null
  /** 0..1 */
  confidence: number
  kind: 'direct' | 'partial' | 'scare'
}

interface RawQuote {
  open: number // index of the opening mark
  close: number // index of the closing mark (or end of paragraph when unclosed)
  start: number
  end: number
  closed: boolean
}

interface Paragraph {
  start: number
  end: number
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = []
  let start = 0
  for (;;) {
    const i = text.indexOf('\n\n', start)
    if (i < 0) {
      out.push({ start, end: text.length })
      return out
    }
    out.push({ start, end: i })
    start = i + 2
  }
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)
const OPEN_PUNCT = new Set(['(', '[', '—', '–', '-', '/', ':', undefined])

type Family = 'double' | 'straight' | 'guillemet' | 'low' | 'single' | 'straight-single'

function openerFamily(text: string, i: number): Family | null {
  const c = text[i]
  const prev = text[i - 1]
  const next = text[i + 1]
  switch (c) {
    case '\u201C':
      return 'double'
    case '\u201E':
      return 'low'
    case '\u00AB':
      return 'guillemet'
    case '"':
      return isSpace(prev) || OPEN_PUNCT.has(prev) || prev === '\n' ? (isSpace(next) ? null : 'straight') : null
    case '\u2018':
      // ‘90s typed with the wrong mark is an apostrophe.
      return /\d/.test(next ?? '') || isSpace(next) ? null : 'single'
    case "'": {
      if (!(isSpace(prev) || OPEN_PUNCT.has(prev) || prev === '"' || prev === '\u201C')) return null
      if (!isLetter(next) || /\d/.test(next)) return null
      // Elisions: 'n', 'em, 'tis, 'twas, 'cause, 'til
      if (/^'(?:n'|em\b|tis\b|twas\b|cause\b|til\b|round\b|bout\b)/i.test(text.slice(i, i + 8))) return null
      return 'straight-single'
    }
  }
  return null
}

function isCloser(text: string, i: number, family: Family, paraEnd: number): boolean {
  const c = text[i]
  switch (family) {
    case 'double':
      return c === '\u201D'
    case 'low':
      return c === '\u201C' || c === '\u201D'
    case 'guillemet':
      return c === '\u00BB'
    case 'straight':
      return c === '"'
    case 'single':
    case 'straight-single': {
      if (family === 'single' ? c !== '\u2019' : c !== "'") return false
      const prev = text[i - 1]
      const next = i + 1 < paraEnd ? text[i + 1] : undefined
      if (isSpace(prev)) return false // ’90s, ’em
      if (isLetter(next)) return false // don’t, Iran’s
      if (next !== undefined && !isSpace(next) && !/[,.;:!?)\]—–\-”"»]/.test(next)) return false
      // Plural possessive: "taxpayers’ money" — an s, then a space and a word that is not an attribution.
      if (prev === 's' && next === ' ') {
        const word = /^\s+([\p{L}]+)/u.exec(text.slice(i + 1, i + 30))?.[1]
        if (word && /^\p{Ll}/u.test(word) && !/^(?:he|she|they|it|said|says|added|told|wrote|according|the|a|an|after|before|as|in|on|at|to|for|and|but|while|when|over|from|by|with)$/.test(word)) return false
      }
      return true
    }
  }
}

/** Quote spans, outermost only (nested quotes stay inside their parent). */
function scanQuotes(text: string, paras: Paragraph[]): RawQuote[] {
  const out: RawQuote[] = []
  let carry: { open: number; family: Family } | null = null
  for (let p = 0; p < paras.length; p++) {
    const { start: ps, end: pe } = paras[p]
    let i = ps
    let open = -1
    let family: Family | null = null
    if (carry) {
      // A continued quotation: the new paragraph must open with a mark of the same family.
      const f = pe > ps ? openerFamily(text, ps) : null
      const same = f === carry.family || (carry.family === 'low' && f === 'double')
      if (same) {
        open = carry.open
        family = carry.family
        i = ps + 1
      } else {
        // Unclosed at the end of the previous paragraph and not continued: end it there (doubles only).
        const prev = paras[p - 1]
        if (carry.family !== 'single' && carry.family !== 'straight-single') {
          out.push({ open: carry.open, close: prev.end, start: carry.open + 1, end: prev.end, closed: false })
        }
      }
      carry = null
    }
    for (; i < pe; i++) {
      if (family === null) {
        const f = openerFamily(text, i)
        if (f) {
          family = f
          open = i
        }
        continue
      }
      if (isCloser(text, i, family, pe)) {
        out.push({ open, close: i, start: open + 1, end: i, closed: true })
        family = null
        open = -1
      }
    }
    if (family !== null) carry = { open, family }
  }
  if (carry && carry.family !== 'single' && carry.family !== 'straight-single') {
    const last = paras[paras.length - 1]
    out.push({ open: carry.open, close: last.end, start: carry.open + 1, end: last.end, closed: false })
  }
  // Trim whitespace inside the marks; drop empty spans.
  return out
    .map((q) => {
      let { start, end } = q
      while (start < end && /\s/.test(text[start])) start++
      while (end > start && /\s/.test(text[end - 1])) end--
      return { ...q, start, end }
    })
    .filter((q) => q.end > q.start && /\p{L}/u.test(text.slice(q.start, q.end)))
}

/** Sentence starts (offsets) within a masked paragraph, abbreviations respected. */
function sentenceStarts(masked: string, para: Paragraph): number[] {
  const starts = [para.start]
  const re = /[.!?][”’"»“]?\s+(?=[\p{Lu}“‘"«„#\d])/gu
  const slice = masked.slice(para.start, para.end)
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (slice[m.index] === '.') {
      const word = /([\p{L}.]+)$/u.exec(slice.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''
      const w = word.toLowerCase()
      if (ABBREVIATIONS.has(w) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue
    }
    starts.push(para.start + m.index + m[0].length)
  }
  return starts
}

function sentenceStartBefore(starts: number[], pos: number): number {
  // Binary search: the last start at or before pos.
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= pos) lo = mid
    else hi = mid - 1
  }
  return starts[lo]
}

const MAX_LOOKBACK = 400

/** `s` up to its first sentence end, abbreviations ("Sen.", "U.S.", initials) respected. */
function cutSentence(s: string): string {
  const re = /[.!?](?=\s|$)/g
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (s[m.index] === '.') {
      const word = /([\p{L}.]+)$/u.exec(s.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue
    }
    return s.slice(0, m.index + 1)
  }
  return s
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}

/** Finds quotations and their speakers in `text`. */
export function detectQuotes(text: string): DetectedQuote[] {
  if (!text) return []
  const paras = paragraphs(text)
  const raws = scanQuotes(text, paras)
  if (raws.length === 0) return []

  // Quote words masked with '#', so verbs and names inside quotes never attribute anything.
  let masked = ''
  let at = 0
  for (const q of raws) {
    masked += text.slice(at, q.start) + text.slice(q.start, q.end).replace(/[^\n]/g, '#')
    at = q.end
  }
  masked += text.slice(at)

  const ctx = new SpeakerContext(text)
  const out: DetectedQuote[] = []
  let pi = 0
  let starts = sentenceStarts(masked, paras[0])
  let local: Candidate[] = []
  let prevInPara: DetectedQuote | null = null
  let prevEnd = paras[0].start
  let lastPara = -1
  let prevParaEndedWithQuote: DetectedQuote | null = null

  for (let qi = 0; qi < raws.length; qi++) {
    const q = raws[qi]
    while (pi < paras.length - 1 && q.open >= paras[pi].end) pi++
    const para = paras[pi]
    if (pi !== lastPara) {
      // Paragraphs without quotes still introduce speakers ("Dr. Natarajan … says the condition …").
      for (let k = lastPara + 1; k < pi; k++) reported(ctx, masked.slice(paras[k].start, paras[k].end), paras[k].start, [])
      // Did the previous paragraph end with an attributed quote? (for continuation paragraphs)
      const prevQ = out[out.length - 1]
      prevParaEndedWithQuote =
        prevQ && lastPara >= 0 && masked.slice(raws[qi - 1].close + 1, paras[lastPara].end).replace(/[\s.,”"’'»]/g, '').length < 40
          ? prevQ
          : null
      starts = sentenceStarts(masked, para)
      local = []
      prevInPara = null
      prevEnd = para.start
      lastPara = pi
    }
    // Where the quote's own paragraph ends (multi-paragraph quotes end in a later one).
    let endPara = pi
    while (endPara < paras.length - 1 && q.close >= paras[endPara].end) endPara++
    const closePara = paras[endPara]

    // Sentences longer than MAX_LOOKBACK are cut, which keeps pathological text linear.
    const sStart = Math.max(sentenceStartBefore(starts, q.open), q.open - MAX_LOOKBACK)
    const before = masked.slice(sStart, q.open)
    const next = raws[qi + 1]
    let afterEnd = closePara.end
    if (next && next.open < afterEnd) afterEnd = next.open
    let after = masked.slice(q.close + 1, afterEnd)
    after = cutSentence(after)
    const inner = text.slice(q.start, q.end)
    const endsSentence = /[.!]$/.test(inner) && !/[,—–]$/.test(inner)

    // Paragraph-local candidates: reported speech in earlier sentences ("Feld said after the hearing …").
    const from = Math.max(prevEnd, sStart - MAX_LOOKBACK)
    reported(ctx, masked.slice(from, sStart), from, local)

    const trimmedBefore = before.replace(/\s+$/, '')
    const sentenceInitial = trimmedBefore === '' || /[:]$/.test(trimmedBefore) || /^[#\s,“”"’‘«»—–]*(?:\p{Lu}[\p{L}.]*\s+){0,6}(?:said|says|asked|added|replied|told \p{L}+)[,:]?$/u.test(trimmedBefore)
    const midAttribution = /#[”"’»]?,?\s+[^#]{1,80},$/u.test(trimmedBefore) // “…,” she said, “…”

    let agent: Agent | null = null
    let speech = true
    if (!endsSentence || /[?]$/.test(inner) || !q.closed) agent = q.closed ? attributionAfter(after, q.close + 1) : null
    if (!agent && endsSentence && q.closed) {
      const a = attributionAfter(after, q.close + 1)
      if (a && /^[\s,—–]*(?:said|says|added|told|wrote|according)\b/i.test(after)) agent = a
    }
    if (!agent) {
      const b = attributionBefore(before, sStart)
      if (b) {
        agent = b.agent
        speech = b.speech
      }
    }

    let speaker: string | null = null
    let confidence = 0.2
    let mention: { start: number; end: number } | null = null
    if (agent) {
      const r = resolveAgent(agent, ctx, local)
      speaker = r.speaker
      confidence = speech ? r.confidence : r.confidence - 0.05
      mention = speaker ? { start: agent.start, end: agent.end } : null
    }

    // Kind.
    let kind: DetectedQuote['kind'] = 'direct'
    const words = wordCount(inner)
    if (!sentenceInitial && !midAttribution) {
      const afterWord = /^\s+(\p{L}+)/u.exec(masked.slice(q.close + 1, q.close + 30))?.[1]
      const soCalled = /so-called\s*$|so called\s*$/i.test(trimmedBefore)
      const adjectival =
        words <= 4 && afterWord !== undefined && /^\p{Ll}/u.test(afterWord) && !/^(?:he|she|they|it|said|says|added|told|wrote|according)$/.test(afterWord) &&
        (/\b(?:the|a|an|its|their|his|her|our|this|that|of)\s*$/i.test(trimmedBefore) || /[’']s\s*$/.test(trimmedBefore) || !agent)
      if (soCalled || adjectival || (!agent && words <= 6)) kind = 'scare'
      else kind = 'partial'
    }

    if (kind !== 'scare' && !speaker) {
      if (prevInPara?.speaker) {
        // A second quote in the same paragraph: same speaker (“…,” she said. “…”).
        speaker = prevInPara.speaker
        mention = prevInPara.speakerMention
        confidence = 0.8
      } else if (local.length > 0) {
        const c = local[local.length - 1]
        speaker = c.name
        confidence = 0.65
      } else if (kind === 'direct' && q.open === para.start && prevParaEndedWithQuote?.speaker) {
        speaker = prevParaEndedWithQuote.speaker
        mention = prevParaEndedWithQuote.speakerMention
        confidence = 0.45
      }
    }
    if (kind === 'scare') {
      if (speaker && agent && agent.type === 'name') local.push({ name: speaker, pos: agent.start, person: isPerson(speaker) })
      speaker = null
      mention = null
      confidence = 0.2
    } else if (!q.closed) confidence *= 0.8
    if (!speaker) confidence = Math.min(confidence, 0.3)

    const dq: DetectedQuote = { start: q.start, end: q.end, text: inner, speaker, speakerMention: mention, confidence: round(confidence), kind }
    out.push(dq)
    if (speaker) {
      ctx.credit(speaker, q.open)
      local.push({ name: speaker, pos: q.open, person: isPerson(speaker) })
    }
    prevInPara = dq
    prevEnd = Math.min(q.close + 1, para.end)
    if (endPara !== pi) {
      // The quote ran on into later paragraphs: continue from the paragraph it closes in.
      pi = endPara
      lastPara = endPara
      starts = sentenceStarts(masked, closePara)
      prevEnd = q.close + 1
    }
  }
  return out
}

/** Credits reported speech ("X said that …") in `segment` and collects paragraph-local candidates. */
function reported(ctx: SpeakerContext, segment: string, base: number, local: Candidate[]): void {
  if (!segment.trim() || !/\p{L}/u.test(segment)) return
  const re = /[^.!?]+(?:[.!?]+|$)/gu
  for (let m = re.exec(segment); m; m = re.exec(segment)) {
    let s = m[0]
    let off = base + m.index
    // Re-join abbreviations split off ("Dr." "Sen." "U.S.").
    while (/(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Prof|[A-Z])\.$/.test(s.trimEnd()) && re.lastIndex < segment.length) {
      const n = re.exec(segment)
      if (!n) break
      s += n[0]
    }
    const lead = s.length - s.trimStart().length
    s = s.trimStart()
    off += lead
    if (!/\p{L}/u.test(s)) continue
    const b = attributionBefore(s, off)
    if (b && b.agent.type !== 'pronoun') {
      const r = resolveAgent(b.agent, ctx, local)
      if (r.speaker) {
        local.push({ name: r.speaker, pos: b.agent.start, person: isPerson(r.speaker) })
        if (b.speech) ctx.credit(r.speaker, b.agent.start)
      }
      continue
    }
    // A sentence opening with a known person ("Whitcombe, who wept …, addressed the court.").
    const subj = SUBJECT_RE.exec(s)
    if (subj && !/[’']s$/.test(subj[1]) && !/^(?:He|She|It|They|We|I|You|This|That|There|The|A|An)$/.test(subj[1])) {
      const name = ctx.fullName(subj[1], off)
      if (ctx.isKnownPerson(name)) local.push({ name, pos: off, person: true })
    }
  }
}

const SUBJECT_RE = /^((?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'.-]*)(?=,|\s+\p{Ll})/u

function isPerson(name: string): boolean {
  // Imported lazily-cheap: descriptors and organisations are not people.
  return !/^[a-z]/.test(name) && !ORG_HINT.test(name)
}
const ORG_HINT =
  /\b(?:Department|Ministry|Office|Service|Agency|Commission|Committee|Council|Association|Union|Institute|Foundation|Bank|Party|Police|Court|House|Street|Group|Company|Foods|Energy|Media|Kremlin|Organization|Organisation|Authority|Board|Confederation|Government|Administration|Frontières)\b|^(?:[A-Z]\.?){2,}$|^(?:Tehran|Washington|Moscow|Beijing|London|Paris|Berlin|Kyiv|China|Russia|Iran|Israel|Ukraine|Britain|France|Germany|Japan|India)$/

function round(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100))
}

/** The quotations of `text` as the archive stores them: with each speaker's name key. */
export function findQuotes(text: string): FoundQuote[] {
  return detectQuotes(text).map(({ start, end, text, speaker, confidence, kind }) => ({
    start,
    end,
    text,
    speaker,
    speakerKey: speaker ? speakerKey(speaker) : null,
    confidence,
    kind
  }))
}
