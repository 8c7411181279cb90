/** quotes, people. */
import { idArg, intOption } from '../args'
import type { Command } from '../command'
import { EXIT, formatDate, pad, unwrap } from '../io'

const quotesCommand: Command = async ({ app, args, values, io }) => {
  const quotes = unwrap(await app.api.articleQuotes({ articleId: idArg(args[0]) }))
  if (values.json) {
    io.out(JSON.stringify(quotes.map(({ id, text, speaker, confidence, kind, start, end, corrected }) => ({ id, text, speaker, confidence, kind, start, end, corrected }))))
    return EXIT.ok
  }
  if (quotes.length === 0) io.say('No quotations found in this article.')
  for (const q of quotes) {
    const who = q.speaker ?? (q.kind === 'scare' ? '(scare quotes)' : '(speaker unknown)')
    io.out(`#${q.id}  ${who} · ${Math.round(q.confidence * 100)}%${q.corrected ? ' · corrected' : ''}  [${q.start}–${q.end}]`)
    io.out(`      “${q.text.replace(/\s+/g, ' ')}”`)
  }
  return EXIT.ok
}

const peopleCommand: Command = async ({ app, args, values, io }) => {
  if (args[0]) {
    const said = unwrap(await app.api.speakerQuotes({ name: args.join(' '), limit: intOption(values.limit, 'limit', 200, 1, 2000) }))
    if (values.json) io.out(JSON.stringify(said))
    else {
      for (const q of said.items) io.out(`“${q.text.replace(/\s+/g, ' ')}” — ${q.speaker}; ${[q.article.site, formatDate(q.article.publishedAt), q.article.title].filter(Boolean).join(', ')}`)
      io.say(`${said.total} quotes`)
    }
    return EXIT.ok
  }
  const limit = intOption(values.limit, 'limit', 100, 1, 5000)
  // One more than asked, to say when the list was cut (rather than end silently at the limit).
  const found = unwrap(await app.api.listSpeakers({ limit: Math.min(limit + 1, 5000) }))
  const people = found.slice(0, limit)
  if (values.json) io.out(JSON.stringify(people))
  else {
    for (const p of people) {
      const also = p.aliases.length > 1 ? `  (also: ${p.aliases.filter((a) => a !== p.name).join(', ')})` : ''
      io.out(`${String(p.quotes).padStart(5)}  ${pad(p.name, 36)} ${p.articles} articles${also}`)
    }
  }
  if (found.length > limit) io.say(`The ${limit} most quoted are shown; --limit N shows more.`)
  return EXIT.ok
}

export const quoteCommands: Record<string, Command> = { quotes: quotesCommand, people: peopleCommand }
