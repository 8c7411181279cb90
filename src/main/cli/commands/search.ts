/** search. */
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchSort } from '../../../shared/vocabulary'
import { intOption } from '../args'
import type { Command } from '../command'
import { EXIT, UsageError, formatDate, unwrap } from '../io'

const searchCommand: Command = async ({ app, args, values, io }) => {
  if (args.length === 0) throw new UsageError("give a query, e.g. clipfile search 'iran syria after:2017'")
  const query = args.join(' ')
  const r = unwrap(
    await app.api.search({
      query,
      sort: values.sort as SearchSort | undefined,
      limit: intOption(values.limit, 'limit', 20, 1, 200),
      offset: intOption(values.offset, 'offset', 0),
      timeline: false,
      exactTotal: values.exact
    })
  )
  if (r.error) io.say(`clipfile search: ${r.error.message}\n  ${query}\n  ${' '.repeat(r.error.position)}^`)
  if (values.json) {
    const plain = (s: string) => s.split(SNIPPET_OPEN).join('').split(SNIPPET_CLOSE).join('')
    io.out(
      JSON.stringify({
        total: r.total,
        totalApproximate: r.totalApproximate,
        results: r.results.map(({ id, title, site, byline, publishedAt, url, tags, snippet, highlights }) => ({ id, title, site, byline, publishedAt, url, tags, snippet: plain(snippet), highlights })),
        facets: r.facets,
        ...(r.error ? { error: r.error } : {})
      })
    )
  } else {
    const [bold, unbold] = io.stdoutIsTTY ? ['\x1b[1m', '\x1b[22m'] : ['', '']
    for (const hit of r.results) {
      io.out(`${String(hit.id).padStart(6)}  ${formatDate(hit.publishedAt)}  ${hit.title}${hit.site ? ` — ${hit.site}` : ''}`)
      const snippet = hit.snippet.split(SNIPPET_OPEN).join(bold).split(SNIPPET_CLOSE).join(unbold)
      if (snippet) io.out(`        ${snippet.replace(/\s+/g, ' ')}`)
      for (const h of hit.highlights) io.out(`        ❝ ${h.exact.replace(/\s+/g, ' ')}${h.note ? ` — ${h.note}` : ''}`)
    }
    const more = r.total > r.results.length ? ` (${r.results.length} shown; --limit/--offset for more)` : ''
    const total = r.totalApproximate ? `about ${r.total.toLocaleString('en-US')}` : String(r.total)
    io.say(`${total} ${r.total === 1 ? 'article' : 'articles'}${more}${r.totalApproximate ? ' (an estimate: --exact counts them all)' : ''}`)
  }
  return r.error ? EXIT.usage : EXIT.ok
}

export const searchCommands: Record<string, Command> = { search: searchCommand }
