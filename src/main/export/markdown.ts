/**
 * Markdown export (CommonMark): per article a heading (the title, linked) and its citation
 * once, then each highlight as a blockquote with its tags and note. The source is said once
 * per article, not under every quote: a page of ten quotes from one article reads as ten
 * quotes, not as ten copies of the same reference.
 */
import type { Highlight } from '../../shared/types'
import { citationParts } from '../../shared/cite'
import { readingOrder, type ExportArticle } from './types'

/**
 * Backslash-escape what CommonMark (and GFM) would read as markup inside a line: emphasis,
 * code, links, raw HTML, tables, strikethrough, and `&` only where it would start an entity
 * ("&amp;" must stay literal, "AT&T" need not change).
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&')
}

/** Also neutralise what would start a list, heading, rule or code block at a line start. */
export function escapeLine(line: string): string {
  const trimmed = line.trim() // leading spaces could make an indented code block
  return escapeInline(trimmed).replace(/^([-+=#])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
}

/** An autolink / link destination that cannot break out of its angle brackets. */
const safeUrl = (url: string): string => url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))

/** `*Outlet*, Author, 9 April 2017, <url>` */
export function markdownCitation(article: ExportArticle): string {
  const p = citationParts(article)
  const parts = [p.outlet && `*${escapeInline(p.outlet)}*`, p.author && escapeInline(p.author), p.date, `<${safeUrl(p.url)}>`]
  return parts.filter((x): x is string => !!x).join(', ')
}

/**
 * Blockquote of a (multi-line) quote: paragraphs separated by a bare `>`, single line
 * breaks kept as hard breaks (trailing backslash) so the lines do not run together.
 */
export function blockquote(text: string): string {
  const paragraphs = text.trim().split(/\n\s*\n/)
  return paragraphs
    .map((para) =>
      para
        .split('\n')
        .map((line, i, lines) => `> ${escapeLine(line)}${i < lines.length - 1 ? '\\' : ''}`)
        .join('\n')
    )
    .join('\n>\n')
}

/** `#Tillerson #Middle-East`: a tag cannot contain spaces, so they become hyphens. */
export const hashtags = (tags: string[]): string =>
  tags.map((t) => `#${escapeInline(t.trim().replace(/\s+/g, '-'))}`).join(' ')

function highlightBlock(h: Highlight): string {
  const lines = [blockquote(h.exact)]
  if (h.orphan) lines.push('', '*Orphaned: this passage is no longer found in the saved text.*')
  if (h.tags.length > 0) lines.push('', `Tags: ${hashtags(h.tags)}`)
  // Notes are the user's own writing and may be Markdown: kept as written.
  if (h.note.trim()) lines.push('', `**Note:** ${h.note.trim()}`)
  return lines.join('\n')
}

function articleBlock(article: ExportArticle): string {
  const title = escapeInline(article.title.replace(/\s+/g, ' ').trim() || 'Untitled')
  const lines = [`## [${title}](<${safeUrl(article.url)}>)`, '', markdownCitation(article)]
  if (article.tags.length > 0) lines.push('', `Tags: ${hashtags(article.tags)}`)
  const highlights = readingOrder(article.highlights)
  if (highlights.length === 0) lines.push('', '*No highlights.*')
  for (const h of highlights) lines.push('', highlightBlock(h))
  return lines.join('\n')
}

export function toMarkdown(articles: ExportArticle[], opts: { title?: string } = {}): string {
  const heading = `# ${escapeInline(opts.title?.trim() || 'Clipfile export')}`
  return [heading, ...articles.map(articleBlock)].join('\n\n') + '\n'
}
