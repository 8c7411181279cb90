/**
 * A single self-contained HTML file for one article: the reader document rendered through
 * the reader schema's own toDOM rules, images inlined as data: URIs, highlights drawn as
 * <mark>s in their colours, and the quotes, notes and tags listed at the end.
 *
 * The file is safe to open anywhere: no scripts, every text and attribute escaped, links
 * limited to http(s)/mailto, and a CSP that forbids loading anything from outside.
 */
import { Node as PMNode, type DOMOutputSpec, type Mark } from 'prosemirror-model'
import type { Highlight } from '../../shared/types'
import { ASSET_PREFIX, readerSchema } from '../../shared/reader/schema'
import { docText } from '../../shared/reader/text'
import { anchor } from '../annotate/anchor'
import { citationParts, humanDate, citeUrl } from '../../shared/cite'
import { readingOrder, type ExportArticle } from './types'

export type HtmlArticle = ExportArticle & { doc: unknown; text: string; language?: string | null; dir?: 'ltr' | 'rtl' }
export type AssetMap = Map<number, { mime: string; bytes: Buffer }>

export const EXPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

// ---------------------------------------------------------------------------------------
// Highlight colours

const PALETTE: Record<string, string> = {
  yellow: '#fff3a3',
  green: '#c8f7c5',
  blue: '#cfe3ff',
  pink: '#ffd1e8',
  purple: '#e4d4ff',
  orange: '#ffe0b2',
  red: '#ffcdd2'
}

/** A CSS colour that cannot escape its declaration: palette name, hex, or a default. */
export function markColor(color: string): string {
  const c = color.trim().toLowerCase()
  if (PALETTE[c]) return PALETTE[c]
  return /^(#[0-9a-f]{3,8}|[a-z]{1,30})$/.test(c) ? c : PALETTE.yellow
}

// ---------------------------------------------------------------------------------------
// Highlight ranges over the rendered text

interface Placed {
  h: Highlight
  start: number
  end: number
}

/**
 * Highlights placed on the text the document renders to. Their selectors refer to the
 * stored text; anchoring (position first) also copes with a document whose text changed.
 */
function place(highlights: Highlight[], text: string): Placed[] {
  const placed: Placed[] = []
  for (const h of highlights) {
    const r = anchor(text, h)
    if (r) placed.push({ h, start: r.start, end: r.end })
  }
  // Outer marks first: earlier start, then longer — keeps the nesting order stable.
  return placed.sort((a, b) => a.start - b.start || b.end - a.end || a.h.id - b.h.id)
}

interface Ctx {
  placed: Placed[]
  assets: AssetMap
  /** Highlights whose first piece (carrying the id to link to) has been written. */
  opened: Set<number>
}

function openMark(p: Placed, ctx: Ctx): string {
  const first = !ctx.opened.has(p.h.id)
  ctx.opened.add(p.h.id)
  const attrs = [
    first ? `id="hl-${p.h.id}"` : '',
    `class="hl"`,
    `data-highlight="${p.h.id}"`,
    `style="background-color: ${markColor(p.h.color)}"`,
    p.h.note.trim() ? `title="${escapeHtml(p.h.note.trim())}"` : ''
  ]
  return `<mark ${attrs.filter(Boolean).join(' ')}>`
}

/**
 * Text at plain-text offset `offset`, cut wherever a highlight starts or ends; each piece
 * wrapped in one <mark> per highlight covering it, so overlaps nest correctly (split).
 */
function renderRun(str: string, offset: number, ctx: Ctx): string {
  const end = offset + str.length
  const touching = ctx.placed.filter((p) => p.start < end && p.end > offset)
  const cuts = new Set([offset, end])
  for (const p of touching) for (const x of [p.start, p.end]) if (x > offset && x < end) cuts.add(x)
  const points = [...cuts].sort((a, b) => a - b)
  let html = ''
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]]
    const cover = touching.filter((p) => p.start <= a && p.end >= b)
    const piece = escapeHtml(str.slice(a - offset, b - offset))
    html += cover.map((p) => openMark(p, ctx)).join('') + piece + '</mark>'.repeat(cover.length)
  }
  return html
}

// ---------------------------------------------------------------------------------------
// Serialising the reader document

const VOID = new Set(['img', 'br', 'hr'])

/** Attribute values the export allows: http(s)/mailto links, images only as data: URIs. */
function safeAttr(tag: string, name: string, value: string, ctx: Ctx): string | null {
  if (name === 'href') return /^(https?:|mailto:)/i.test(value.trim()) ? value.trim() : null
  if (name === 'src') return tag === 'img' ? assetDataUri(value, ctx.assets) : null
  if (/^on/i.test(name) || name === 'style') return null
  return value
}

function assetDataUri(src: string, assets: AssetMap): string | null {
  if (!src.startsWith(ASSET_PREFIX)) return null
  const asset = assets.get(Number(src.slice(ASSET_PREFIX.length)))
  // Only image types may become data: URIs (an "image" that is really HTML or SVG with
  // script is still harmless under the CSP, but there is no reason to embed it).
  if (!asset || !/^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(asset.mime)) return null
  return `data:${asset.mime.toLowerCase()};base64,${asset.bytes.toString('base64')}`
}

function renderSpec(spec: DOMOutputSpec, content: string, ctx: Ctx): string {
  if (typeof spec === 'string') return escapeHtml(spec)
  if (!Array.isArray(spec)) return content // a live DOM node: the reader schema has none
  const [tagSpec, ...rest] = spec as unknown as [string, ...unknown[]]
  const tag = tagSpec.replace(/[^a-z0-9]/gi, '')
  const hasAttrs = rest.length > 0 && rest[0] !== null && typeof rest[0] === 'object' && !Array.isArray(rest[0])
  const attrs = hasAttrs ? (rest.shift() as Record<string, unknown>) : {}
  let attrHtml = ''
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || !/^[a-z-]+$/i.test(name)) continue
    const safe = safeAttr(tag, name, String(value), ctx)
    if (safe !== null) attrHtml += ` ${name}="${escapeHtml(safe)}"`
  }
  if (VOID.has(tag)) return `<${tag}${attrHtml}>`
  const inner = rest.map((child) => (child === 0 ? content : renderSpec(child as DOMOutputSpec, content, ctx))).join('')
  return `<${tag}${attrHtml}>${inner}</${tag}>`
}

function renderMarks(marks: readonly Mark[], html: string, ctx: Ctx): string {
  return marks.reduceRight((inner, mark) => {
    const toDOM = mark.type.spec.toDOM
    return toDOM ? renderSpec(toDOM(mark, true), inner, ctx) : inner
  }, html)
}

/** Children of a node whose content starts at document position `contentStart`. */
function renderChildren(node: PMNode, contentStart: number, offsets: Map<number, number>, ctx: Ctx): string {
  let html = ''
  node.forEach((child, offset) => {
    html += renderNode(child, contentStart + offset, offsets, ctx)
  })
  return html
}

function renderNode(node: PMNode, pos: number, offsets: Map<number, number>, ctx: Ctx): string {
  if (node.isText) {
    const at = offsets.get(pos)
    const text = node.text ?? ''
    const run = at === undefined ? escapeHtml(text) : renderRun(text, at, ctx)
    return renderMarks(node.marks, run, ctx)
  }
  const inner = renderChildren(node, pos + 1, offsets, ctx)
  const toDOM = node.type.spec.toDOM
  return toDOM ? renderSpec(toDOM(node), inner, ctx) : inner
}

/** The document's HTML and its plain text (what the highlights are placed on). */
function renderDoc(docJson: unknown, highlights: Highlight[], ctx: Omit<Ctx, 'placed'>): { html: string; text: string } | null {
  let doc: PMNode
  try {
    doc = PMNode.fromJSON(readerSchema, docJson)
  } catch {
    return null
  }
  const { text, segments } = docText(doc)
  const offsets = new Map(segments.map((s) => [s.pos, s.text]))
  const full: Ctx = { ...ctx, placed: place(highlights, text) }
  return { html: renderChildren(doc, 0, offsets, full), text }
}

/** A document that cannot be read: its plain text as paragraphs, still highlighted. */
function renderPlain(text: string, highlights: Highlight[], ctx: Omit<Ctx, 'placed'>): string {
  const full: Ctx = { ...ctx, placed: place(highlights, text) }
  let html = ''
  let offset = 0
  for (const para of text.split('\n\n')) {
    let lineOffset = offset
    const lines = para.split('\n').map((line) => {
      const h = renderRun(line, lineOffset, full)
      lineOffset += line.length + 1
      return h
    })
    html += `<p>${lines.join('<br>')}</p>`
    offset += para.length + 2
  }
  return html
}

// ---------------------------------------------------------------------------------------
// The page

const STYLE = `
body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; font: 1.05rem/1.6 Georgia, serif; color: #222; }
header .meta, .annotations .meta { color: #555; font-size: 0.9rem; }
img { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; } figcaption { color: #555; font-size: 0.9rem; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; color: #444; }
pre { overflow-x: auto; background: #f5f5f5; padding: 0.5rem; }
mark { color: inherit; padding: 0; }
mark mark { box-shadow: inset 0 -2px 0 rgba(0, 0, 0, 0.35); }
.annotations blockquote, .annotations .note { white-space: pre-wrap; }
.annotations li { margin-bottom: 1rem; }
.orphan { color: #a33; font-style: italic; }
.image-missing { border: 1px dashed #bbb; padding: 0.6rem 0.8rem; color: #555; font-size: 0.9rem; display: flex; flex-direction: column; gap: 0.2rem; }
.image-missing-alt { font-style: italic; color: #333; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid #999; vertical-align: middle; }
`

function header(a: HtmlArticle): string {
  const p = citationParts(a)
  const url = citeUrl(a)
  const link = /^https?:/i.test(url) ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>` : escapeHtml(url)
  const meta = [p.outlet, p.author, p.date].filter((x): x is string => !!x).map(escapeHtml)
  const tags = a.tags.length ? `<p class="meta tags">Tags: ${a.tags.map((t) => escapeHtml(t)).join(', ')}</p>` : ''
  return `<header><h1>${escapeHtml(a.title)}</h1><p class="meta">${[...meta, link].join(' · ')}</p>${tags}</header>`
}

function annotationList(highlights: Highlight[], placedIds: Set<number>): string {
  if (highlights.length === 0) return ''
  const items = readingOrder(highlights).map((h) => {
    const placed = placedIds.has(h.id)
    const parts = [
      `<blockquote>${escapeHtml(h.exact)}</blockquote>`,
      `<p class="meta"><span class="swatch" style="background-color: ${markColor(h.color)}"></span> ${escapeHtml(humanDate(h.createdAt) ?? '')}` +
        (placed ? ` · <a href="#hl-${h.id}">show in text</a>` : '') +
        '</p>',
      placed ? '' : '<p class="orphan">Orphaned: this passage is no longer found in the saved text.</p>',
      h.tags.length ? `<p class="meta">Tags: ${h.tags.map(escapeHtml).join(', ')}</p>` : '',
      h.note.trim() ? `<p class="note">${escapeHtml(h.note.trim())}</p>` : ''
    ]
    return `<li id="note-${h.id}">${parts.join('')}</li>`
  })
  return `<section class="annotations"><h2>Highlights and notes</h2><ol>${items.join('')}</ol></section>`
}

function langAttrs(a: HtmlArticle): string {
  const lang = a.language && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(a.language) ? ` lang="${escapeHtml(a.language)}"` : ''
  return `${lang}${a.dir === 'rtl' ? ' dir="rtl"' : ''}`
}

export function articleToHtml(article: HtmlArticle, assets: AssetMap): string {
  const ctx = { assets, opened: new Set<number>() }
  const rendered = renderDoc(article.doc, article.highlights, ctx)
  const body = rendered ? rendered.html : renderPlain(article.text, article.highlights, ctx)
  return [
    '<!DOCTYPE html>',
    // The article's language and direction: Arabic, Hebrew and Persian read right to left, punctuation and all.
    `<html${langAttrs(article)}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(article.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<article>${header(article)}<div class="content">${body}</div></article>`,
    annotationList(article.highlights, ctx.opened),
    `<footer class="meta"><p>Saved ${escapeHtml(humanDate(article.savedAt) ?? '')} with Clipfile.</p></footer>`,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}
