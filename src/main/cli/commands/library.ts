/** import, list, show, tags, delete. */
import { resolve } from 'node:path'
import type { ImportItem, ImportItemResult } from '../../../shared/api'
import type { ArticleState, ArticleSort } from '../../../shared/vocabulary'
import { idArg, intOption } from '../args'
import type { Command } from '../command'
import { EXIT, UsageError, formatDate, pad, unwrap } from '../io'

const importCommand: Command = async ({ app, args, values, io }) => {
  if (args.length === 0) throw new UsageError('give at least one URL, file, folder, or - for URLs on stdin')
  const items: ImportItem[] = []
  for (const a of args) {
    if (a === '-') {
      for (const line of (await io.stdin()).split(/\r?\n/)) {
        const t = line.trim()
        if (t && !t.startsWith('#')) items.push({ kind: 'url', url: t })
      }
    } else if (/^https?:\/\//i.test(a)) items.push({ kind: 'url', url: a })
    else items.push({ kind: 'path', path: resolve(a) })
  }
  if (items.length === 0) throw new UsageError('stdin had no URLs')
  const off = app.ctx.events.on('importProgress', (p) => {
    const r = p.lastResult
    if (r) {
      if (values.json) io.out(JSON.stringify(r))
      else if (r.ok) io.say(importLine(r))
      else io.say(`failed  ${r.source}: ${r.error}${r.forceable ? ' (use --force to save it anyway)' : ''}`)
    }
    if (!p.finished) io.progress(`[${p.done}/${p.total}] ${p.failed ? `${p.failed} failed · ` : ''}${p.current ?? ''}`)
  })
  try {
    const summary = unwrap(await app.api.importItems({ items, tags: values.tag ?? [], force: values.force }))
    io.say(`${summary.created} saved, ${summary.updated} updated, ${summary.failed} failed`)
    return summary.failed > 0 ? EXIT.someFailed : EXIT.ok
  } finally {
    off()
  }
}

/** "saved #3 Title", "updated #3 (version 2) Title", "unchanged #3 Title". */
function importLine(r: ImportItemResult): string {
  if (r.status !== 'updated') return `saved     #${r.id} ${r.title}`
  return r.changed ? `updated   #${r.id} (version ${r.version}) ${r.title}` : `unchanged #${r.id} ${r.title}`
}

const listCommand: Command = async ({ app, values, io }) => {
  const page = unwrap(
    await app.api.listArticles({
      limit: intOption(values.limit, 'limit', 100, 1, 500),
      offset: intOption(values.offset, 'offset', 0),
      // Checked by the contract, like every other value.
      sort: values.sort as ArticleSort | undefined,
      tag: values.tag?.[0],
      state: values.state as ArticleState | undefined,
      starred: values.starred
    })
  )
  if (values.json) {
    io.out(JSON.stringify(page.items))
    return EXIT.ok
  }
  if (page.items.length === 0) io.say('No articles yet. Add some with: clipfile import <url|file|folder>')
  for (const a of page.items) {
    const tags = a.tags.length ? `  [${a.tags.join(', ')}]` : ''
    const mark = `${a.starred ? '★' : ' '}${a.state === 'inbox' ? '•' : ' '}`
    io.out(`${String(a.id).padStart(6)} ${mark} ${formatDate(a.publishedAt)}  ${pad(a.site ?? '', 22)}  ${a.title}${tags}`)
  }
  if (page.total > page.items.length) io.say(`${page.items.length} of ${page.total} shown (use --limit/--offset)`)
  return EXIT.ok
}

const showCommand: Command = async ({ app, args, values, io }) => {
  const a = unwrap(await app.api.getArticle({ id: idArg(args[0]) }))
  if (values.json) {
    const { doc: _doc, assets: _assets, ...rest } = a
    io.out(JSON.stringify(rest))
    return EXIT.ok
  }
  io.out(a.title)
  const when = a.publishedAt ? formatDate(a.publishedAt) : `no published date (saved ${formatDate(a.savedAt)})`
  io.out([a.byline, a.agency, a.site, when].filter(Boolean).join(' · '))
  io.out(a.url)
  if (a.imagesMissing) io.out(`${a.imagesMissing} images not saved (clipfile images --retry ${a.id})`)
  if (a.tags.length) io.out(`Tags: ${a.tags.join(', ')}`)
  io.out('')
  io.out(a.text)
  return EXIT.ok
}

const tagsCommand: Command = async ({ app, values, io }) => {
  const tags = unwrap(await app.api.listTags({}))
  if (values.json) io.out(JSON.stringify(tags))
  else for (const t of tags) io.out(`${pad(t.name, 30)} ${t.articles} articles, ${t.highlights} highlights`)
  return EXIT.ok
}

const deleteCommand: Command = async ({ app, args, io }) => {
  if (args.length === 0) throw new UsageError('give the ids of the articles to delete')
  const { deleted } = unwrap(await app.api.deleteArticles({ ids: args.map(idArg) }))
  io.say(`${deleted} deleted`)
  return deleted === args.length ? EXIT.ok : EXIT.someFailed
}

export const libraryCommands: Record<string, Command> = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  tags: tagsCommand,
  delete: deleteCommand
}
