/**
 * Scores quote detection against the real-coverage set in scripts/quality/quotes/ (119 news
 * articles labelled by readers who never saw the detector; see the README there).
 *
 *   npm run quality:quotes                 # the tune half
 *   npm run quality:quotes -- --errors     # and the tune half's mistakes, one a line
 *   npm run quality:quotes -- --heldout    # also the held-out half (look once, at the end)
 *   npm run quality:quotes -- --fresh      # also round 5's second held-out set (retired into tuning data in round 7)
 *   npm run quality:quotes -- --blind      # also round 7's held-out set (look once per detector version)
 *   npm run quality:quotes -- --json       # one JSON object instead of tables
 *   npm run quality:quotes -- --text-only  # without the page structure (headings, captions)
 *
 * Matching (the pure functions below are unit-tested in quotes-real.test.ts):
 * - span: a detection matches a label when it covers ≥ 80% of the label (each once);
 * - speaker: the detected name is resolved to one of the article's entities (an exact form or
 *   name first, then by sameSpeaker); right when that is the labelled speaker's entity and no
 *   other. A scare quote (no speaker labelled) is right when nothing is named;
 * - invented: a detected speaker that resolves to no entity of the article at all;
 * - furniture: a labelled non-quote (caption, sub-heading) covered ≥ 80% by a detection.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sameSpeaker, speakerKey } from '../../src/main/quotes/aliases'
import { detectQuotes, type DetectedQuote, type TextStructure } from '../../src/main/quotes/detect'
import { carryRanges } from './align'

export const TRAITS = ['org', 'fragment', 'mixed-marks', 'pronoun', 'verb', 'name', 'role'] as const
export type Trait = (typeof TRAITS)[number]
export type Kind = 'direct' | 'partial' | 'scare'

export interface Entity {
  name: string
  type: 'person' | 'organisation' | 'role'
  forms: string[]
}
export interface RealLabel {
  text: string
  occurrence?: number
  speaker: string | null
  speakerType: Entity['type'] | null
  kind: Kind
  traits: Trait[]
  note?: string
}
export interface NotQuote {
  text: string
  occurrence?: number
  why: string
}
export interface LabelFile {
  id: string
  entities: Entity[]
  quotes: RealLabel[]
  notQuotes: NotQuote[]
}
export interface Located<T> {
  label: T
  start: number
  end: number
}
export interface RealArticle {
  id: string
  text: string
  /** Headings and captions by the page's structure, when the corpus page re-extracts to the same text. */
  furniture?: { start: number; end: number; kind: 'heading' | 'caption' }[]
  entities: Entity[]
  quotes: Located<RealLabel>[]
  notQuotes: Located<NotQuote>[]
}

/** Offsets of the `occurrence`-th appearance (0 = first) of `needle` in `text`; throws when absent. */
export function locate(text: string, needle: string, occurrence = 0, where = ''): { start: number; end: number } {
  let at = -1
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`${where}: “${needle.slice(0, 50)}” (occurrence ${occurrence}) is not in the text`)
  }
  return { start: at, end: at + needle.length }
}

export function toArticle(file: LabelFile, text: string): RealArticle {
  const place = <T extends { text: string; occurrence?: number }>(l: T): Located<T> => ({ label: l, ...locate(text, l.text, l.occurrence ?? 0, file.id) })
  return { id: file.id, text, entities: file.entities, quotes: file.quotes.map(place), notQuotes: file.notQuotes.map(place) }
}

const here = dirname(fileURLToPath(import.meta.url))
const SET = join(here, 'quotes')

export function loadHalf(half: 'tune' | 'heldout' | 'fresh' | 'blind'): RealArticle[] {
  const split = JSON.parse(readFileSync(join(SET, 'split.json'), 'utf8')) as Record<'tune' | 'heldout' | 'fresh' | 'blind', string[]>
  return loadArticles(split[half])
}

/** The labelled articles of these ids (`--ids=a,b`: a table for just those). */
export function loadArticles(ids: string[]): RealArticle[] {
  return ids.map((id) =>
    toArticle(JSON.parse(readFileSync(join(SET, 'labels', `${id}.json`), 'utf8')) as LabelFile, readFileSync(join(SET, 'texts', `${id}.txt`), 'utf8'))
  )
}

export function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/**
 * The entities a detected speaker name denotes: those with a name or form of the same key,
 * else those whose name or a form is the same speaker (surname, initials, first + last).
 */
export function entitiesOf(speaker: string, entities: Entity[]): Entity[] {
  const key = speakerKey(speaker)
  if (!key) return []
  const names = (e: Entity) => [e.name, ...e.forms]
  const exact = entities.filter((e) => names(e).some((n) => speakerKey(n) === key))
  if (exact.length) return exact
  return entities.filter((e) => names(e).some((n) => sameSpeaker(speaker, n)))
}

/** Whether a detected speaker (or null) is the labelled one (or null for "nobody named"). */
export function speakerRight(detected: string | null, labelled: string | null, entities: Entity[]): boolean {
  if (labelled === null || detected === null) return labelled === detected
  // A labelled speaker missing from the entity list still counts as one (a role written once).
  const known = entities.find((e) => speakerKey(e.name) === speakerKey(labelled))
  const want: Entity = known ?? { name: labelled, type: 'role', forms: [] }
  const found = entitiesOf(detected, known ? entities : [...entities, want])
  return found.length === 1 && found[0] === want
}

export function isInvented(speaker: string, entities: Entity[]): boolean {
  return entitiesOf(speaker, entities).length === 0
}

/** Whether the name occurs in the text as written (any case; a line break is not a space). */
export function inText(speaker: string, text: string): boolean {
  const norm = (x: string) => x.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\S\n]+/g, ' ')
  return norm(text).includes(norm(speaker))
}

/** Confidence bands for precision: [lower bound, label]. */
export const BANDS: [number, string][] = [
  [0.9, '≥ 0.90'],
  [0.8, '0.80–0.89'],
  [0.6, '0.60–0.79'],
  [0.4, '0.40–0.59'],
  [0, '< 0.40']
]

interface Tally {
  n: number
  found: number
  right: number
  wrong: number // a speaker named, not the labelled one
  none: number // labelled speaker, nothing named
}
const tally = (): Tally => ({ n: 0, found: 0, right: 0, wrong: 0, none: 0 })

export interface Score {
  articles: number
  labelled: number
  detected: number
  spanFound: number
  speakerRight: number
  /** Detections naming a speaker, and how many of those name the right one. */
  named: number
  namedRight: number
  invented: number
  inventedNames: string[]
  /** Named speakers whose name is nowhere in the article's text (the issue's stricter sense of invented). */
  absent: number
  furniture: number
  furnitureFound: number
  traits: Record<Trait, Tally>
  kinds: Record<Kind, Tally>
  bands: { band: string; named: number; right: number }[]
  errors: string[]
}

/** Scores `detect` on `articles`. */
export function score(articles: RealArticle[], detect: (text: string, structure?: TextStructure) => DetectedQuote[] = detectQuotes): Score {
  const s: Score = {
    articles: articles.length,
    labelled: 0,
    detected: 0,
    spanFound: 0,
    speakerRight: 0,
    named: 0,
    namedRight: 0,
    invented: 0,
    inventedNames: [],
    absent: 0,
    furniture: 0,
    furnitureFound: 0,
    traits: Object.fromEntries(TRAITS.map((t) => [t, tally()])) as Record<Trait, Tally>,
    kinds: { direct: tally(), partial: tally(), scare: tally() },
    bands: BANDS.map(([, band]) => ({ band, named: 0, right: 0 })),
    errors: []
  }
  for (const a of articles) {
    const found = detect(a.text, { furniture: a.furniture })
    s.labelled += a.quotes.length
    s.detected += found.length
    const matchOf = new Map<DetectedQuote, Located<RealLabel>>()
    for (const l of a.quotes) {
      const d = found.find((x) => !matchOf.has(x) && overlap(x, l) >= 0.8 * (l.end - l.start))
      const { speaker, kind, traits, text } = l.label
      const tallies = [s.kinds[kind], ...traits.map((t) => s.traits[t])]
      for (const t of tallies) t.n++
      if (!d) {
        s.errors.push(`${a.id}: MISSED “${clip(text)}” (${speaker})`)
        continue
      }
      matchOf.set(d, l)
      s.spanFound++
      for (const t of tallies) t.found++
      if (speakerRight(d.speaker, speaker, a.entities)) {
        s.speakerRight++
        for (const t of tallies) t.right++
      } else {
        for (const t of tallies) {
          if (d.speaker) t.wrong++
          else t.none++
        }
        s.errors.push(`${a.id}: SPEAKER “${clip(text)}” want ${speaker} got ${d.speaker} (${d.confidence}) [${d.kind}/${kind}; ${traits.join(',')}]`)
      }
    }
    for (const d of found) {
      const l = matchOf.get(d)
      if (d.speaker) {
        const right = !!l && speakerRight(d.speaker, l.label.speaker, a.entities)
        s.named++
        if (right) s.namedRight++
        const band = s.bands[BANDS.findIndex(([lo]) => d.confidence >= lo)]
        band.named++
        if (right) band.right++
        if (!inText(d.speaker, a.text)) s.absent++
        if (isInvented(d.speaker, a.entities)) {
          s.invented++
          s.inventedNames.push(`${a.id}: ${d.speaker}`)
          s.errors.push(`${a.id}: INVENTED ${d.speaker} for “${clip(d.text)}”`)
        }
      }
      if (!l) s.errors.push(`${a.id}: EXTRA “${clip(d.text)}” (${d.speaker}, ${d.kind})`)
    }
    for (const n of a.notQuotes) {
      s.furniture++
      const d = found.find((x) => overlap(x, n) >= 0.8 * (n.end - n.start))
      if (d) {
        s.furnitureFound++
        s.errors.push(`${a.id}: FURNITURE (${n.label.why}) “${clip(n.label.text)}” inside “${clip(d.text)}”`)
      }
    }
  }
  return s
}

function clip(s: string, n = 60): string {
  const flat = s.replace(/\s+/g, ' ')
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`)

export function report(name: string, s: Score): string {
  const lines = [
    `## ${name}: ${s.articles} articles, ${s.labelled} labelled quotes, ${s.detected} detected`,
    '',
    `| measure | value | target |`,
    `|---|---|---|`,
    `| span recall | ${pct(s.spanFound, s.labelled)} (${s.spanFound}/${s.labelled}) | ≥ 97% |`,
    `| speaker right, end to end | ${pct(s.speakerRight, s.labelled)} (${s.speakerRight}/${s.labelled}) | ≥ 90% |`,
    `| precision when a speaker is named | ${pct(s.namedRight, s.named)} (${s.namedRight}/${s.named}) | ≥ 95% |`,
    `| invented names (of named speakers) | ${pct(s.invented, s.named)} (${s.invented}/${s.named}) | ≤ 1% |`,
    `| … of which not in the text at all | ${pct(s.absent, s.named)} (${s.absent}/${s.named}) | |`,
    `| furniture detected as quotes | ${s.furnitureFound}/${s.furniture} | 0 |`,
    '',
    `| quotes by | n | span found | speaker right | wrong speaker | no speaker |`,
    `|---|---|---|---|---|---|`,
    ...[...TRAITS.map((t) => [`trait: ${t}`, s.traits[t]] as const), ...(['direct', 'partial', 'scare'] as const).map((k) => [`kind: ${k}`, s.kinds[k]] as const)].map(
      ([label, t]) => `| ${label} | ${t.n} | ${t.n ? pct(t.found, t.n) : '—'} | ${pct(t.right, t.n)} | ${t.wrong} | ${t.none} |`
    ),
    '',
    `| confidence | speakers named | right | precision |`,
    `|---|---|---|---|`,
    ...s.bands.map((b) => `| ${b.band} | ${b.named} | ${b.right} | ${pct(b.right, b.named)} |`)
  ]
  if (s.inventedNames.length) lines.push('', `invented: ${s.inventedNames.join('; ')}`)
  return lines.join('\n')
}

/**
 * Adds each article's structural furniture (headings, figure captions), as the import sees it:
 * the corpus page extracted again, and its headings and captions carried onto the labelled text
 * by aligning the two texts (align.ts) — the labelled text is frozen, extraction moves on.
 * Returns how many articles got any, and how many of the fresh extraction's ranges could not be
 * placed; without the corpus, none (the text rules alone are scored).
 */
export async function addStructure(articles: RealArticle[]): Promise<{ articles: number; exact: number; ranges: number; dropped: number }> {
  const { existsSync } = await import('node:fs')
  const { CORPUS_DIR } = await import('../../test/support/corpus')
  const { prepareArticle } = await import('../../src/main/page/prepare')
  const out = { articles: 0, exact: 0, ranges: 0, dropped: 0 }
  for (const a of articles) {
    const page = join(CORPUS_DIR, a.id, 'source.html')
    if (!existsSync(page)) continue
    try {
      const p = await prepareArticle({ html: readFileSync(page, 'utf8'), url: `http://fakehost/${a.id}/` }, { loadImage: async () => null })
      out.articles++
      if (p.text === a.text) out.exact++
      a.furniture = p.text === a.text ? p.furniture : carryRanges(p.furniture, p.text, a.text)
      out.ranges += p.furniture.length
      out.dropped += p.furniture.filter((r) => !carryRanges([r], p.text, a.text).length).length
    } catch {
      // a page that no longer extracts is scored on its text alone
    }
  }
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2))
  // --ids=a,b,c scores just those articles (in place of the tune half), e.g. a new batch before any rule sees it.
  const ids = [...args].find((a) => a.startsWith('--ids='))?.slice('--ids='.length).split(',').filter(Boolean)
  const tuneSet = ids ? loadArticles(ids) : loadHalf('tune')
  // --blind: round 7's held-out set (split.json `blind`) in place of the held-out half; look once per detector version.
  // --fresh: round 5's set, retired into tuning data in round 7; --heldout: round 4's half, retired in round 5b.
  const heldSet = args.has('--blind') ? loadHalf('blind') : args.has('--fresh') ? loadHalf('fresh') : args.has('--heldout') ? loadHalf('heldout') : null
  if (!args.has('--text-only')) {
    const { CORPUS_DIR } = await import('../../test/support/corpus')
    const { existsSync } = await import('node:fs')
    // Without the corpus every article is scored on its text alone: say so, not "0/22".
    if (!existsSync(CORPUS_DIR)) console.log(`page structure: none — the corpus is not at ${CORPUS_DIR} (set CLIPFILE_CORPUS)\n`)

    const said = (s: Awaited<ReturnType<typeof addStructure>>, of: number) =>
      `${s.articles}/${of} re-extracted (${s.exact} to the labelled text exactly), ${s.ranges - s.dropped}/${s.ranges} headings and captions placed on the labelled text`
    const withTune = await addStructure(tuneSet)
    const withHeld = heldSet ? await addStructure(heldSet) : null
    if (!args.has('--json')) console.log(`page structure: tune ${said(withTune, tuneSet.length)}${withHeld && heldSet ? `; held-out ${said(withHeld, heldSet.length)}` : ''} (--text-only: none)\n`)
  }
  const tune = score(tuneSet)
  const held = heldSet ? score(heldSet) : null
  if (args.has('--json')) {
    console.log(JSON.stringify({ tune: { ...tune, errors: undefined }, heldout: held && { ...held, errors: undefined } }, null, 1))
  } else {
    console.log(report(ids ? `${ids.length} chosen articles` : 'tune', tune))
    if (held) console.log('\n' + report(args.has('--blind') ? 'blind held-out (round 7)' : args.has('--fresh') ? 'fresh set (round 5, retired)' : 'held-out (round 4, retired)', held))
    if (args.has('--errors')) console.log('\n' + tune.errors.join('\n'))
  }
}
