import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { App } from '../app'
import type { CliValues } from '../cli'
import { unwrap } from '../cli'
import type { ImportItem } from '../../shared/api'
import { EXIT, UsageError, formatDate, json, out, pad, progressLine, say } from './io'
import { startServer } from '../server'
import { backupTo, repairIndexes, runChecks } from '../maintenance'

export interface CommandContext {
  app: App
  args: string[]
  values: CliValues
  rendererDir: string
}

type Command = (c: CommandContext) => Promise<number>

function intOption(value: string | undefined, name: string, fallback: number, min = 0, max = 1_000_000): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max}`)
  return n
}

function idArg(text: string | undefined): number {
  const id = Number(text)
  if (!text || !Number.isInteger(id) || id <= 0) throw new UsageError(`expected an article id (a positive number), got "${text ?? ''}"`)
  return id
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const importCommand: Command = async ({ app, args, values }) => {
  if (args.length === 0) throw new UsageError('give at least one URL, file, folder, or - for URLs on stdin')
  const items: ImportItem[] = []
  for (const a of args) {
    if (a === '-') {
      for (const line of (await readStdin()).split(/\r?\n/)) {
        const t = line.trim()
        if (t && !t.startsWith('#')) items.push({ kind: 'url', url: t })
      }
    } else if (/^https?:\/\//i.test(a)) items.push({ kind: 'url', url: a })
    else items.push({ kind: 'path', path: resolve(a) })
  }
  if (items.length === 0) throw new UsageError('stdin had no URLs')
  const bar = progressLine()
  const off = app.ctx.events.on('importProgress', (p) => {
    const r = p.lastResult
    if (r) {
      bar.done()
      if (values.json) json(r)
      else if (r.ok) say(`${r.status === 'updated' ? 'updated' : 'saved  '} #${r.id} ${r.title}`)
      else say(`failed  ${r.source}: ${r.error}`)
    }
    if (!p.finished) bar.update(`[${p.done}/${p.total}] ${p.failed ? `${p.failed} failed · ` : ''}${p.current ?? ''}`)
  })
  try {
    const summary = unwrap(await app.api.importItems({ items, tags: values.tag ?? [], force: values.force }))
    bar.done()
    say(`${summary.created} saved, ${summary.updated} updated, ${summary.failed} failed`)
    return summary.failed > 0 ? EXIT.someFailed : EXIT.ok
  } finally {
    off()
  }
}

const listCommand: Command = async ({ app, values }) => {
  const sort = values.sort ?? 'saved'
  if (!['saved', 'published', 'title'].includes(sort)) throw new UsageError('--sort is saved, published or title')
  const page = unwrap(
    await app.api.listArticles({
      limit: intOption(values.limit, 'limit', 100, 1, 500),
      offset: intOption(values.offset, 'offset', 0),
      sort: sort as 'saved',
      tag: values.tag?.[0]
    })
  )
  if (values.json) {
    json(page.items)
    return EXIT.ok
  }
  if (page.items.length === 0) say('No articles yet. Add some with: clipfile import <url|file|folder>')
  for (const a of page.items) {
    const tags = a.tags.length ? `  [${a.tags.join(', ')}]` : ''
    out(`${String(a.id).padStart(6)}  ${formatDate(a.publishedAt)}  ${pad(a.site ?? '', 22)}  ${a.title}${tags}`)
  }
  if (page.total > page.items.length) say(`${page.items.length} of ${page.total} shown (use --limit/--offset)`)
  return EXIT.ok
}

const showCommand: Command = async ({ app, args, values }) => {
  const a = unwrap(await app.api.getArticle({ id: idArg(args[0]) }))
  if (values.json) {
    const { doc: _doc, assets: _assets, ...rest } = a
    json(rest)
    return EXIT.ok
  }
  out(a.title)
  out([a.byline, a.site, formatDate(a.publishedAt)].filter(Boolean).join(' · '))
  out(a.url)
  if (a.tags.length) out(`Tags: ${a.tags.join(', ')}`)
  out('')
  out(a.text)
  return EXIT.ok
}

const tagsCommand: Command = async ({ app, values }) => {
  const tags = unwrap(await app.api.listTags({}))
  if (values.json) json(tags)
  else for (const t of tags) out(`${pad(t.name, 30)} ${t.articles} articles, ${t.highlights} highlights`)
  return EXIT.ok
}

const deleteCommand: Command = async ({ app, args }) => {
  if (args.length === 0) throw new UsageError('give the ids of the articles to delete')
  const { deleted } = unwrap(await app.api.deleteArticles({ ids: args.map(idArg) }))
  say(`${deleted} deleted`)
  return deleted === args.length ? EXIT.ok : EXIT.someFailed
}

const serveCommand: Command = async ({ app, values, rendererDir }) => {
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    say(`The UI is not built yet (${rendererDir}/index.html is missing): run 'npm run build' first.`)
    return EXIT.someFailed
  }
  const host = values.host ?? '127.0.0.1'
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    say(`Warning: serving on ${host}, which other machines may reach. Anyone with the URL's token can read and change your archive.`)
  }
  const { autoBackup, backupDir } = await import('../backups')
  void autoBackup(app.ctx.db, backupDir(app.ctx.dbPath)).catch((e) => say(`Automatic backup failed: ${(e as Error).message}`))
  const server = await startServer({
    handlers: app.handlers,
    events: app.ctx.events,
    db: app.ctx.db,
    rendererDir,
    host,
    port: intOption(values.port, 'port', 0, 0, 65535)
  })
  out(server.openUrl)
  say(`Clipfile is serving ${app.ctx.dbPath}. Open the URL above; Ctrl+C stops.`)
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return EXIT.ok
}

const backupCommand: Command = async ({ app, args, values }) => {
  if (!args[0]) throw new UsageError('give the file to write the backup to')
  const info = await backupTo(app.ctx.db, resolve(args[0]), { overwrite: values.force })
  if (values.json) json(info)
  else say(`Backed up ${info.articles} articles (${(info.bytes / 1e6).toFixed(1)} MB) to ${info.path}`)
  return EXIT.ok
}

const checkCommand: Command = async ({ app, values }) => {
  if (values.repair) {
    const fixed = repairIndexes(app.ctx.db)
    say(`Rebuilt the search indexes (${fixed.articles} articles, ${fixed.highlights} highlights).`)
  }
  const report = runChecks(app.ctx.db)
  if (values.json) json(report)
  else {
    for (const p of report.problems) say(`problem: ${p}`)
    say(report.ok ? `OK: ${report.summary}` : `${report.problems.length} problem(s) found. ${report.summary}`)
  }
  return report.ok ? EXIT.ok : EXIT.someFailed
}

const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple']

const highlightCommand: Command = async (c) => {
  const [sub, ...rest] = c.args
  if (sub === 'add') return highlightAdd({ ...c, args: rest })
  if (sub === 'list') return highlightList({ ...c, args: rest })
  throw new UsageError('use "highlight add <article-id> --quote TEXT" or "highlight list"')
}

const highlightAdd: Command = async ({ app, args, values }) => {
  if (!values.quote) throw new UsageError('--quote TEXT is required: the exact words to highlight')
  const color = values.color ?? 'yellow'
  if (!COLORS.includes(color)) throw new UsageError(`--color is one of ${COLORS.join(', ')}`)
  const h = unwrap(
    await app.api.addHighlight({ articleId: idArg(args[0]), quote: values.quote, color: color as 'yellow', note: values.note ?? '', tags: values.tag ?? [] })
  )
  if (values.json) json(h)
  else say(`highlight #${h.id} at ${h.start}–${h.end}: “${h.exact}”`)
  return EXIT.ok
}

const highlightList: Command = async ({ app, args, values }) => {
  const list = unwrap(
    await app.api.listQuotes({
      articleId: args[0] ? idArg(args[0]) : undefined,
      tag: values.tag?.[0],
      limit: intOption(values.limit, 'limit', 200, 1, 2000),
      offset: intOption(values.offset, 'offset', 0)
    })
  )
  if (values.json) {
    json(list.items)
    return EXIT.ok
  }
  if (list.items.length === 0) say('No highlights yet.')
  for (const h of list.items) {
    const tags = h.tags.length ? ` [${h.tags.join(', ')}]` : ''
    out(`#${h.id}  “${h.exact.replace(/\s+/g, ' ')}”${tags}`)
    out(`      — ${[h.article.site, h.article.byline, formatDate(h.article.publishedAt)].filter(Boolean).join(', ')} (article ${h.article.id})${h.orphan ? ' · orphaned' : ''}`)
    if (h.note) out(`      Note: ${h.note}`)
  }
  if (list.total > list.items.length) say(`${list.items.length} of ${list.total} shown`)
  return EXIT.ok
}

const exportCommand: Command = async ({ app, values }) => {
  const format = values.format ?? 'md'
  if (!['md', 'json', 'csv', 'html'].includes(format)) throw new UsageError('--format is md, json, csv or html')
  const file = unwrap(
    await app.api.exportHighlights({
      format: format as 'md',
      articleId: values.article ? idArg(values.article) : undefined,
      tag: values.tag?.[0],
      query: values.query
    })
  )
  return writeExport(file, values.out)
}

/** Writes an export to --out (refusing to overwrite without --force) or to stdout. */
export async function writeExport(file: { filename: string; content: string; count: number }, outPath: string | undefined): Promise<number> {
  if (!outPath) {
    process.stdout.write(file.content.endsWith('\n') ? file.content : file.content + '\n')
  } else {
    const { writeFile } = await import('node:fs/promises')
    await writeFile(resolve(outPath), file.content, { flag: 'w' })
    say(`Wrote ${file.count} ${file.count === 1 ? 'item' : 'items'} to ${resolve(outPath)}`)
  }
  return EXIT.ok
}

const SNIPPET_MARKS = /\u0002|\u0003/g

const searchCommand: Command = async ({ app, args, values }) => {
  if (args.length === 0) throw new UsageError('give a query, e.g. clipfile search \'iran syria after:2017\'')
  const sort = values.sort ?? 'relevance'
  if (!['relevance', 'newest', 'oldest'].includes(sort)) throw new UsageError('--sort is relevance, newest or oldest')
  const query = args.join(' ')
  const r = unwrap(
    await app.api.search({ query, sort: sort as 'relevance', limit: intOption(values.limit, 'limit', 20, 1, 200), offset: intOption(values.offset, 'offset', 0), timeline: false })
  )
  if (r.error) say(`clipfile search: ${r.error.message}\n  ${query}\n  ${' '.repeat(r.error.position)}^`)
  if (values.json) {
    json({
      total: r.total,
      results: r.results.map(({ id, title, site, byline, publishedAt, url, tags, snippet, highlights }) => ({ id, title, site, byline, publishedAt, url, tags, snippet: snippet.replace(SNIPPET_MARKS, ''), highlights })),
      facets: r.facets,
      ...(r.error ? { error: r.error } : {})
    })
  } else {
    const bold = process.stdout.isTTY ? ['\x1b[1m', '\x1b[22m'] : ['', '']
    for (const hit of r.results) {
      out(`${String(hit.id).padStart(6)}  ${formatDate(hit.publishedAt)}  ${hit.title}${hit.site ? ` — ${hit.site}` : ''}`)
      if (hit.snippet) out(`        ${hit.snippet.replace(/\u0002/g, bold[0]).replace(/\u0003/g, bold[1]).replace(/\s+/g, ' ')}`)
      for (const h of hit.highlights) out(`        ❝ ${h.exact.replace(/\s+/g, ' ')}${h.note ? ` — ${h.note}` : ''}`)
    }
    say(`${r.total} ${r.total === 1 ? 'article' : 'articles'}${r.total > r.results.length ? ` (${r.results.length} shown; --limit/--offset for more)` : ''}`)
  }
  return r.error ? EXIT.usage : EXIT.ok
}

const quotesCommand: Command = async ({ app, args, values }) => {
  const quotes = unwrap(await app.api.articleQuotes({ articleId: idArg(args[0]) }))
  if (values.json) {
    json(quotes.map(({ id, text, speaker, confidence, kind, start, end, corrected }) => ({ id, text, speaker, confidence, kind, start, end, corrected })))
    return EXIT.ok
  }
  if (quotes.length === 0) say('No quotations found in this article.')
  for (const q of quotes) {
    const who = q.speaker ?? (q.kind === 'scare' ? '(scare quotes)' : '(speaker unknown)')
    out(`#${q.id}  ${who} · ${Math.round(q.confidence * 100)}%${q.corrected ? ' · corrected' : ''}  [${q.start}–${q.end}]`)
    out(`      “${q.text.replace(/\s+/g, ' ')}”`)
  }
  return EXIT.ok
}

const peopleCommand: Command = async ({ app, args, values }) => {
  if (args[0]) {
    const said = unwrap(await app.api.speakerQuotes({ name: args.join(' '), limit: intOption(values.limit, 'limit', 200, 1, 2000) }))
    if (values.json) json(said)
    else {
      for (const q of said.items) out(`“${q.text.replace(/\s+/g, ' ')}” — ${q.speaker}; ${[q.article.site, formatDate(q.article.publishedAt), q.article.title].filter(Boolean).join(', ')}`)
      say(`${said.total} quotes`)
    }
    return EXIT.ok
  }
  const people = unwrap(await app.api.listSpeakers({ limit: intOption(values.limit, 'limit', 100, 1, 5000) }))
  if (values.json) json(people)
  else for (const p of people) out(`${String(p.quotes).padStart(5)}  ${pad(p.name, 36)} ${p.articles} articles${p.aliases.length > 1 ? `  (also: ${p.aliases.filter((a) => a !== p.name).join(', ')})` : ''}`)
  return EXIT.ok
}

const restoreCommand: Command = async ({ app, args, values }) => {
  if (!args[0]) throw new UsageError('give the backup file to restore')
  const { restoreBackup } = await import('../backups')
  const target = app.ctx.dbPath
  app.close()
  const r = restoreBackup(resolve(args[0]), target)
  if (values.json) json(r)
  else say(`Restored ${r.articles} articles into ${r.restored}.${r.previous ? ` The archive it replaced is kept as ${r.previous}` : ''}`)
  return EXIT.ok
}

export const commands: Record<string, Command> = {
  restore: restoreCommand,
  quotes: quotesCommand,
  people: peopleCommand,
  search: searchCommand,
  highlight: highlightCommand,
  export: exportCommand,
  import: importCommand,
  list: listCommand,
  show: showCommand,
  tags: tagsCommand,
  delete: deleteCommand,
  serve: serveCommand,
  backup: backupCommand,
  check: checkCommand
}
