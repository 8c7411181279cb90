/** versions, diff, recheck, follow, unfollow. */
import type { DiffChange, FollowState, RecheckResult, VersionDiff } from '../../../shared/types'
import type { DiffExportFormat } from '../../../shared/vocabulary'
import { describeSummary, inlineParagraphs } from '../../../shared/changes'
import { idArg, intOption } from '../args'
import type { Command } from '../command'
import { EXIT, UsageError, pad, unwrap, type CliIo } from '../io'
import { writeExport } from './highlights'

const when = (iso: string): string => iso.replace('T', ' ').slice(0, 16)

const versionsCommand: Command = async ({ app, args, values, io }) => {
  const list = unwrap(await app.api.listVersions({ articleId: idArg(args[0]) }))
  if (values.json) {
    io.out(JSON.stringify(list.map((v) => ({ version: v.number, when: v.createdAt, how: v.how, words: v.words, hash: v.hash }))))
    return EXIT.ok
  }
  for (const v of list) {
    const summary = v.summary ? `  ${describeSummary(v.summary)}` : ''
    io.out(`${String(v.number).padStart(4)}  ${when(v.createdAt)}  ${pad(v.how, 9)}  ${v.words.toLocaleString('en').padStart(7)} words  ${v.hash.slice(0, 12)}${summary}`)
  }
  return EXIT.ok
}

const versionOption = (value: string | undefined, name: string): number | undefined =>
  value === undefined ? undefined : intOption(value, name, 1, 1, 1_000_000)

const diffCommand: Command = async ({ app, args, values, io }) => {
  const input = { articleId: idArg(args[0]), from: versionOption(values.from, 'from'), to: versionOption(values.to, 'to') }
  if (values.format !== undefined) {
    if (values.format !== 'md' && values.format !== 'html') throw new UsageError('--format takes md or html')
    const file = unwrap(await app.api.exportDiff({ ...input, format: values.format as DiffExportFormat }))
    return writeExport(io, file, values.out, values.force)
  }
  const d = unwrap(await app.api.diffVersions(input))
  if (values.json) {
    io.out(JSON.stringify({
      from: d.from.number,
      to: d.to.number,
      title: { before: d.title.before, after: d.title.after },
      changes: d.changes.map((c) => ({ op: c.op, text: c.text })),
      summary: { inserted: d.summary.inserted, deleted: d.summary.deleted }
    }))
    return EXIT.ok
  }
  printDiff(io, d)
  return EXIT.ok
}

/** wdiff's notation, or colours on a terminal; only the paragraphs that changed, "⋯" between. */
function printDiff(io: CliIo, d: VersionDiff): void {
  const mark = (c: DiffChange): string => {
    if (c.op === 'equal') return c.text
    if (io.stdoutIsTTY) return c.op === 'insert' ? `\x1b[32m${c.text}\x1b[39m` : `\x1b[31;9m${c.text}\x1b[39;29m`
    return c.op === 'insert' ? `{+${c.text}+}` : `[-${c.text}-]`
  }
  io.out(`Version ${d.from.number} (${when(d.from.createdAt)}, ${d.from.how}) → version ${d.to.number} (${when(d.to.createdAt)}, ${d.to.how}) of ${d.of}`)
  io.out(describeSummary(d.summary) + (d.coarse ? ' (some long passages compared whole)' : ''))
  if (d.summary.titleChanged) io.out(`Headline: ${d.title.changes.map(mark).join('')}`)
  if (d.summary.bylineChanged) io.out(`Byline: ${d.byline.changes.map(mark).join('')}`)
  for (const q of d.summary.quotes) {
    const text = q.kind === 'changed' ? `“${q.before}” → “${q.after}”` : `“${q.after ?? q.before}”`
    io.out(`Quote ${q.kind}: ${text}${q.speaker ? ` — ${q.speaker}` : ''}`)
  }
  for (const h of d.highlights) io.out(`Your highlight “${h.before}” ${h.after === null ? 'is no longer in the text' : `now reads “${h.after}”`}`)
  const paragraphs = inlineParagraphs(d.changes)
  let last = -2
  paragraphs.forEach((p, k) => {
    if (!p.some((c) => c.op !== 'equal')) return
    io.out(last === k - 1 ? '' : '\n⋯\n')
    io.out(p.map(mark).join(''))
    last = k
  })
}

const OUTCOME_WORDS: Record<RecheckResult['outcome'], string> = { changed: 'changed', unchanged: 'unchanged', gone: 'gone', failed: 'failed' }

const recheckCommand: Command = async ({ app, args, values, io }) => {
  if (args.length === 0 && !values.due) throw new UsageError('give the ids of the articles to check, or --due for every followed article that is due')
  if (args.length > 0 && values.due) throw new UsageError('give ids or --due, not both')
  const summary = unwrap(await app.api.recheck(values.due ? { due: true } : { ids: args.map(idArg) }))
  if (values.json) io.out(JSON.stringify(summary.results))
  else {
    if (summary.checked === 0) io.say('Nothing is due for a check.')
    for (const r of summary.results) {
      io.out(`${pad(OUTCOME_WORDS[r.outcome], 9)} #${r.id} ${r.title}${r.message ? ` — ${r.message}` : ''}`)
    }
    io.say(`${summary.checked} checked: ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.gone} gone, ${summary.failed} failed`)
  }
  return summary.failed > 0 ? EXIT.someFailed : EXIT.ok
}

function followLine(s: FollowState): string {
  if (!s.following) return `#${s.articleId} not followed`
  const until = s.until ? ` until ${when(s.until)}` : ''
  return `#${s.articleId} followed${until}; next check ${s.nextCheckAt ? when(s.nextCheckAt) : '—'}`
}

const followCommand = (follow: boolean): Command => async ({ app, args, values, io }) => {
  if (args.length === 0) throw new UsageError(`give the ids of the articles to ${follow ? 'follow' : 'stop following'}`)
  const states: FollowState[] = []
  for (const id of args.map(idArg)) states.push(unwrap(await app.api.setFollow({ articleId: id, follow })))
  if (values.json) io.out(JSON.stringify(states))
  else for (const s of states) io.say(followLine(s))
  return EXIT.ok
}

export const versionCommands: Record<string, Command> = {
  versions: versionsCommand,
  diff: diffCommand,
  recheck: recheckCommand,
  follow: followCommand(true),
  unfollow: followCommand(false)
}
