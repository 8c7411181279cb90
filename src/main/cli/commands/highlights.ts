/** highlight add|list, export. */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { ExportFile } from '../../../shared/types'
import type { ExportFormat, HighlightColor } from '../../../shared/vocabulary'
import { idArg, intOption } from '../args'
import type { Command } from '../command'
import { EXIT, UsageError, formatDate, unwrap, type CliIo } from '../io'

const highlightCommand: Command = async (c) => {
  const [sub, ...rest] = c.args
  if (sub === 'add') return highlightAdd({ ...c, args: rest })
  if (sub === 'list') return highlightList({ ...c, args: rest })
  throw new UsageError('use "highlight add <article-id> --quote TEXT" or "highlight list"')
}

const highlightAdd: Command = async ({ app, args, values, io }) => {
  if (!values.quote) throw new UsageError('--quote TEXT is required: the exact words to highlight')
  const h = unwrap(
    await app.api.addHighlight({
      articleId: idArg(args[0]),
      quote: values.quote,
      color: values.color as HighlightColor | undefined,
      note: values.note ?? '',
      tags: values.tag ?? []
    })
  )
  if (values.json) io.out(JSON.stringify(h))
  else io.say(`highlight #${h.id} at ${h.start}–${h.end}: “${h.exact}”`)
  return EXIT.ok
}

const highlightList: Command = async ({ app, args, values, io }) => {
  const list = unwrap(
    await app.api.listQuotes({
      articleId: args[0] ? idArg(args[0]) : undefined,
      tag: values.tag?.[0],
      limit: intOption(values.limit, 'limit', 200, 1, 2000),
      offset: intOption(values.offset, 'offset', 0)
    })
  )
  if (values.json) {
    io.out(JSON.stringify(list.items))
    return EXIT.ok
  }
  if (list.items.length === 0) io.say('No highlights yet.')
  for (const h of list.items) {
    const tags = h.tags.length ? ` [${h.tags.join(', ')}]` : ''
    io.out(`#${h.id}  “${h.exact.replace(/\s+/g, ' ')}”${tags}`)
    io.out(`      — ${[h.article.site, h.article.byline, formatDate(h.article.publishedAt)].filter(Boolean).join(', ')} (article ${h.article.id})${h.orphan ? ' · orphaned' : ''}`)
    if (h.note) io.out(`      Note: ${h.note}`)
  }
  if (list.total > list.items.length) io.say(`${list.items.length} of ${list.total} shown`)
  return EXIT.ok
}

const exportCommand: Command = async ({ app, values, io }) => {
  const file = unwrap(
    await app.api.exportHighlights({
      format: (values.format ?? 'md') as ExportFormat,
      articleId: values.article ? idArg(values.article) : undefined,
      tag: values.tag?.[0],
      query: values.query
    })
  )
  return writeExport(io, file, values.out, values.force)
}

/** Writes an export to `outPath` (an existing file only with `force`) or to stdout. */
export async function writeExport(io: CliIo, file: ExportFile, outPath: string | undefined, force = false): Promise<number> {
  if (!outPath) {
    io.write(file.content.endsWith('\n') ? file.content : file.content + '\n')
    return EXIT.ok
  }
  const path = resolve(outPath)
  try {
    await writeFile(path, file.content, { flag: force ? 'w' : 'wx' })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path} exists already; add --force to replace it`)
    throw e
  }
  io.say(`Wrote ${file.count} ${file.count === 1 ? 'item' : 'items'} to ${path}`)
  return EXIT.ok
}

export const highlightCommands: Record<string, Command> = {
  highlight: highlightCommand,
  export: exportCommand
}
