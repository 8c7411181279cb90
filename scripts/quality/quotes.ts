/**
 * Evaluates detectQuotes against the hand-labelled articles in test/fixtures/quotes/.
 *
 *   npx tsx scripts/quality/quotes.ts             # numbers for the tuning and held-out sets
 *   npx tsx scripts/quality/quotes.ts --errors   # also list the tuning set's mistakes
 *
 * Span match: a detected span matches a labelled one when their overlap covers ≥ 80% of the
 * labelled span's length (each labelled span matched at most once).
 * Span precision = matched detections / detections; span recall = matched labels / labels.
 * Speaker precision = detections with a speaker that match a label with the same speaker (by
 *   speakerKey) / detections with a speaker.
 * Speaker recall = labels with a speaker matched by a detection with that speaker / labels with a speaker.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { speakerKey } from '../../src/main/quotes/aliases'
import { type DetectedQuote, detectQuotes } from '../../src/main/quotes/detect'
import type { LabelledArticle, LabelledQuote } from '../../test/fixtures/quotes/types'

export interface Metrics {
  articles: number
  labelled: number
  detected: number
  spanPrecision: number
  spanRecall: number
  speakerPrecision: number
  speakerRecall: number
  kindAccuracy: number
  errors: string[]
}

const here = dirname(fileURLToPath(import.meta.url))

export function loadSet(name: 'tune' | 'heldout'): LabelledArticle[] {
  return (JSON.parse(readFileSync(join(here, '../../test/fixtures/quotes', `${name}.json`), 'utf8')) as { articles: LabelledArticle[] }).articles
}

function overlap(d: { start: number; end: number }, l: { start: number; end: number }): number {
  return Math.max(0, Math.min(d.end, l.end) - Math.max(d.start, l.start))
}

export function evaluate(articles: LabelledArticle[]): Metrics {
  let labelled = 0
  let detected = 0
  let matchedSpans = 0
  let withSpeakerDetected = 0
  let withSpeakerLabelled = 0
  let speakerRight = 0
  let kindRight = 0
  const errors: string[] = []
  for (const a of articles) {
    const found = detectQuotes(a.text)
    labelled += a.quotes.length
    detected += found.length
    withSpeakerLabelled += a.quotes.filter((q) => q.speaker).length
    withSpeakerDetected += found.filter((q) => q.speaker).length
    const used = new Set<number>()
    const matchOf = new Map<DetectedQuote, LabelledQuote>()
    for (const l of a.quotes) {
      const len = l.end - l.start
      let best = -1
      for (let i = 0; i < found.length; i++) {
        if (used.has(i)) continue
        if (overlap(found[i], l) >= 0.8 * len) {
          best = i
          break
        }
      }
      if (best < 0) {
        errors.push(`${a.id}: MISSED “${l.text.slice(0, 60)}” (${l.speaker})`)
        continue
      }
      used.add(best)
      matchedSpans++
      const d = found[best]
      matchOf.set(d, l)
      if (d.kind === l.kind) kindRight++
      if (l.speaker && d.speaker && speakerKey(d.speaker) === speakerKey(l.speaker)) speakerRight++
      else if (l.speaker || d.speaker) errors.push(`${a.id}: SPEAKER “${l.text.slice(0, 50)}” want ${l.speaker} got ${d.speaker} [${d.kind}/${l.kind}]`)
    }
    for (const d of found) if (!matchOf.has(d)) errors.push(`${a.id}: EXTRA “${d.text.slice(0, 60)}” (${d.speaker}, ${d.kind})`)
  }
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d)
  return {
    articles: articles.length,
    labelled,
    detected,
    spanPrecision: ratio(matchedSpans, detected),
    spanRecall: ratio(matchedSpans, labelled),
    speakerPrecision: ratio(speakerRight, withSpeakerDetected),
    speakerRecall: ratio(speakerRight, withSpeakerLabelled),
    kindAccuracy: ratio(kindRight, matchedSpans),
    errors
  }
}

function line(name: string, m: Metrics): string {
  const f = (x: number) => x.toFixed(3)
  return (
    `${name.padEnd(8)} articles ${m.articles}  quotes ${m.labelled}  detected ${m.detected}  ` +
    `span P ${f(m.spanPrecision)} R ${f(m.spanRecall)}  speaker P ${f(m.speakerPrecision)} R ${f(m.speakerRecall)}  kind acc ${f(m.kindAccuracy)}`
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const showErrors = process.argv.includes('--errors')
  const showHeldout = process.argv.includes('--heldout-errors')
  const tune = evaluate(loadSet('tune'))
  const held = evaluate(loadSet('heldout'))
  console.log(line('tune', tune))
  console.log(line('heldout', held))
  if (showErrors) console.log('\n' + tune.errors.join('\n'))
  if (showHeldout) console.log('\n' + held.errors.join('\n'))
}
