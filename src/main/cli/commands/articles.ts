/** edit, reextract, images: one article's details, new copies from kept pages, missing images. */
import type { CorrectableField } from '../../../shared/vocabulary'
import { missingImageCounts } from '../../db/articles'
import { idArg } from '../args'
import type { Command } from '../command'
import { EXIT, UsageError, formatDate, unwrap } from '../io'

/** --reset names as a person types them → the fields they correct. */
const RESET_NAMES: Record<string, CorrectableField> = { title: 'title', author: 'authors', authors: 'authors', outlet: 'site', site: 'site', published: 'publishedAt', date: 'publishedAt' }

const editCommand: Command = async ({ app, args, values, io }) => {
  const id = idArg(args[0])
  if (args.length > 1) throw new UsageError(`one article at a time (got ${args.length} ids)`)
  const reset = (values.reset ?? []).map((r) => {
    const field = RESET_NAMES[r.toLowerCase()]
    if (!field) throw new UsageError(`--reset takes title, author, outlet or published (got "${r}")`)
    return field
  })
  const published = values.published === undefined ? undefined : /^(none|no|-)$/i.test(values.published.trim()) ? null : values.published
  const change = { title: values.title, authors: values.author, site: values.outlet, publishedAt: published }
  if (Object.values(change).every((v) => v === undefined) && reset.length === 0) {
    throw new UsageError('say what to correct: --title, --author (repeat for several), --outlet, --published YYYY-MM-DD|none, or --reset FIELD')
  }
  const a = unwrap(await app.api.editArticle({ id, ...change, reset }))
  if (values.json) {
    io.out(JSON.stringify({ id: a.id, title: a.title, authors: a.authors, site: a.site, publishedAt: a.publishedAt, corrected: a.corrected }))
    return EXIT.ok
  }
  io.out(a.title)
  io.out([a.authors.join(', ') || null, a.site, a.publishedAt ? formatDate(a.publishedAt) : 'no published date'].filter(Boolean).join(' · '))
  io.say(a.corrected.length ? `corrected: ${a.corrected.join(', ')} (kept when the article is imported or re-extracted again)` : 'no corrections: the page’s own details are shown')
  return EXIT.ok
}

const reextractCommand: Command = async ({ app, args, values, io }) => {
  if (!values.all && args.length === 0) throw new UsageError('give the ids of the articles to re-extract, or --all')
  if (values.all && args.length > 0) throw new UsageError('give ids or --all, not both')
  const ids = args.map(idArg)
  const off = app.ctx.events.on('reextractProgress', (p) => {
    const r = p.lastResult
    if (r) {
      if (values.json) io.out(JSON.stringify(r))
      else if (r.outcome === 'failed' || r.outcome === 'skipped') io.say(`${r.outcome.padEnd(9)} #${r.id}: ${r.error}`)
    }
    if (!p.finished) io.progress(`[${p.done}/${p.total}] ${p.failed ? `${p.failed} failed · ` : ''}#${p.current ?? ''}`)
  })
  try {
    const s = unwrap(await app.api.reextractArticles({ ids: ids.length ? ids : undefined, all: values.all, again: values.again, fetchImages: values['fetch-images'] }))
    if (s.total === 0) io.say(values.all && !values.again ? 'Every article is already extracted by the current rules (use --again to redo them all).' : 'Nothing to re-extract.')
    else io.say(`${s.total} re-extracted: ${s.changed} with a new text, ${s.unchanged} with the same text, ${s.failed} failed (kept as they were), ${s.skipped} without an original page`)
    const missing = s.results.reduce((n, r) => n + (r.images?.missing ?? 0), 0)
    if (missing) io.say(`${missing} images are placeholders: fetch them with 'clipfile images --retry'`)
    return s.failed > 0 ? EXIT.someFailed : EXIT.ok
  } finally {
    off()
  }
}

const imagesCommand: Command = async ({ app, args, values, io }) => {
  const id = args[0] === undefined ? undefined : idArg(args[0])
  if (!values.retry) {
    // Without --retry: which articles wait for images.
    const rows = missingImageCounts(app.ctx.db, id)
    if (values.json) io.out(JSON.stringify(rows))
    else if (rows.length === 0) io.say('No images are missing.')
    else {
      for (const r of rows) io.out(`${String(r.id).padStart(6)}  ${String(r.missing).padStart(3)} missing  ${r.title}`)
      io.say(`Fetch them with: clipfile images --retry${id ? ` ${id}` : ''}`)
    }
    return EXIT.ok
  }
  const s = unwrap(await app.api.retryImages({ id }))
  if (values.json) io.out(JSON.stringify(s))
  else if (s.articles === 0) io.say('No images are missing.')
  else io.say(`${s.saved} images saved, ${s.missing} still missing, in ${s.articles} articles${s.offline ? ' — the network could not be reached; try again when online' : ''}`)
  return s.offline || s.missing > 0 ? EXIT.someFailed : EXIT.ok
}

export const articleCommands: Record<string, Command> = { edit: editCommand, reextract: reextractCommand, images: imagesCommand }
