/**
 * A diff between two versions of an article as a file: a self-contained HTML page (no
 * scripts, nothing loaded from outside, every text escaped) or Markdown with CriticMarkup
 * (`{++added++}`, `{--removed--}`), which Markdown tools that know it show as changes and
 * the others show as readable text.
 */
import type { ArticleRef, DiffChange, VersionDiff, VersionInfo } from '../../shared/types'
import type { DiffExportFormat } from '../../shared/vocabulary'
import { describeSummary, inlineParagraphs } from '../../shared/changes'
import { citeUrl, humanDate, outlet } from '../../shared/cite'
import { EXPORT_CSP, escapeHtml } from './html'

const HOW: Record<VersionInfo['how'], string> = {
  import: 'saved',
  capture: 'captured in the browser',
  recheck: 'found by a re-check',
  reextract: 're-extracted'
}

/** "Version 2 (12 May 2024, found by a re-check)". */
export function versionLabel(v: VersionInfo): string {
  return `Version ${v.number} (${humanDate(v.createdAt) ?? v.createdAt}, ${HOW[v.how]})`
}

const slug = (s: string): string =>
  s.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'article'

export function diffFileName(title: string, d: VersionDiff, format: DiffExportFormat): string {
  return `${slug(title)}-v${d.from.number}-v${d.to.number}.${format}`
}

// ---------------------------------------------------------------------------------------
// Markdown

const critic = (c: DiffChange): string => (c.op === 'equal' ? c.text : c.op === 'insert' ? `{++${c.text}++}` : `{--${c.text}--}`)

/** Changes inline, one Markdown paragraph per paragraph; a change never spans a paragraph break. */
const markdownText = (changes: DiffChange[]): string =>
  inlineParagraphs(changes)
    .map((p) => p.map(critic).join(''))
    .join('\n\n')

export function diffToMarkdown(d: VersionDiff, a: ArticleRef): string {
  const lines = [`# Changes: ${d.title.after}`, '']
  lines.push([outlet(a), citeUrl(a)].filter(Boolean).join(' · '), '')
  lines.push(`${versionLabel(d.from)} → ${versionLabel(d.to)}`, '')
  lines.push(`**${describeSummary(d.summary)}**${d.coarse ? ' (some long passages are compared whole)' : ''}`, '')
  if (d.summary.titleChanged) lines.push('## Headline', '', markdownText(d.title.changes), '')
  if (d.summary.bylineChanged) lines.push('## Byline', '', markdownText(d.byline.changes) || '(none)', '')
  if (d.summary.quotes.length) {
    lines.push('## Quotes', '')
    for (const q of d.summary.quotes) {
      const who = q.speaker ? ` — ${q.speaker}` : ''
      if (q.kind === 'changed') lines.push(`- changed: “${q.before}” → “${q.after}”${who}`)
      else lines.push(`- ${q.kind}: “${q.kind === 'added' ? q.after : q.before}”${who}`)
    }
    lines.push('')
  }
  if (d.highlights.length) {
    lines.push('## Your highlights that changed', '')
    for (const h of d.highlights) lines.push(`- “${h.before}” → ${h.after === null ? 'no longer in the text' : `“${h.after}”`} (in version ${h.changedIn})`)
    lines.push('')
  }
  lines.push('## Text', '', markdownText(d.changes), '', '---', '', '`{++…++}` added, `{--…--}` removed (CriticMarkup). Exported from Clipfile.', '')
  return lines.join('\n')
}

// ---------------------------------------------------------------------------------------
// HTML

const pieceHtml = (c: DiffChange): string => {
  const text = escapeHtml(c.text).replace(/\n/g, '<br>')
  return c.op === 'equal' ? text : c.op === 'insert' ? `<ins>${text}</ins>` : `<del>${text}</del>`
}

const htmlText = (changes: DiffChange[]): string =>
  inlineParagraphs(changes)
    .map((p) => `<p${p.some((c) => c.op !== 'equal') ? ' class="changed"' : ''}>${p.map(pieceHtml).join('')}</p>`)
    .join('\n')

const STYLE = `
body { font: 17px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fbfaf7; margin: 0; }
main { max-width: 720px; margin: 0 auto; padding: 40px 24px 80px; }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 8px; }
h2 { font: 600 13px/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em; color: #6b6b70; margin: 32px 0 8px; }
.meta, .versions, .summary, .legend { font: 14px/1.5 system-ui, sans-serif; color: #55555a; }
.summary { font-weight: 600; color: #1d1d1f; margin: 12px 0 0; }
ins { background: #d7f5dd; color: #0b4f1c; text-decoration: none; border-radius: 2px; }
del { background: #fde0df; color: #8a1c17; border-radius: 2px; }
p.changed { border-left: 3px solid #e2b93b; padding-left: 12px; margin-left: -15px; }
ul { padding-left: 20px; } li { margin: 6px 0; }
.legend { margin-top: 40px; border-top: 1px solid #e3e1dc; padding-top: 12px; }
a { color: #2d5bd1; }
`

export function diffToHtml(d: VersionDiff, a: ArticleRef): string {
  const e = escapeHtml
  const url = citeUrl(a)
  const sections: string[] = []
  if (d.summary.titleChanged) sections.push(`<h2>Headline</h2><p>${d.title.changes.map(pieceHtml).join('')}</p>`)
  if (d.summary.bylineChanged) sections.push(`<h2>Byline</h2><p>${d.byline.changes.map(pieceHtml).join('') || '(none)'}</p>`)
  if (d.summary.quotes.length) {
    const items = d.summary.quotes.map((q) => {
      const who = q.speaker ? ` — ${e(q.speaker)}` : ''
      if (q.kind === 'changed') return `<li>changed: <del>“${e(q.before ?? '')}”</del> → <ins>“${e(q.after ?? '')}”</ins>${who}</li>`
      return q.kind === 'added' ? `<li>added: <ins>“${e(q.after ?? '')}”</ins>${who}</li>` : `<li>removed: <del>“${e(q.before ?? '')}”</del>${who}</li>`
    })
    sections.push(`<h2>Quotes</h2><ul>${items.join('')}</ul>`)
  }
  if (d.highlights.length) {
    const items = d.highlights.map(
      (h) => `<li><del>“${e(h.before)}”</del> → ${h.after === null ? 'no longer in the text' : `<ins>“${e(h.after)}”</ins>`} (in version ${h.changedIn})</li>`
    )
    sections.push(`<h2>Your highlights that changed</h2><ul>${items.join('')}</ul>`)
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Changes: ${e(d.title.after)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${e(d.title.after)}</h1>
<div class="meta">${[outlet(a), a.byline].filter(Boolean).map((x) => e(x!)).join(' · ')}${/^https?:/i.test(url) ? ` · <a href="${e(url)}">${e(url)}</a>` : ''}</div>
<div class="versions">${e(versionLabel(d.from))} → ${e(versionLabel(d.to))}</div>
<p class="summary">${e(describeSummary(d.summary))}${d.coarse ? ' (some long passages are compared whole)' : ''}</p>
${sections.join('\n')}
<h2>Text</h2>
${htmlText(d.changes)}
<p class="legend"><ins>added</ins> · <del>removed</del> — exported from Clipfile</p>
</main>
</body>
</html>
`
}
