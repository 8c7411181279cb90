/**
 * W3C Web Annotation Data Model (JSON-LD) export, readable by Hypothesis-style tools.
 *
 * Shape chosen: one AnnotationCollection whose single embedded AnnotationPage (`first`)
 * holds every highlight as an Annotation — the model's container for a set of annotations,
 * with `total`. Each Annotation repeats `@context` so it still stands alone when copied
 * out of the collection (JSON-LD allows the same context to be declared again).
 *
 * Ids are `urn:clipfile:highlight:<id>`: stable across exports of the same library. The
 * collection's id is derived from the exported highlights, so the same export gives the
 * same document.
 */
import { createHash } from 'node:crypto'
import type { Highlight } from '../../shared/types'
import { isoDateTime } from '../../shared/cite'
import { readingOrder, type ExportArticle } from './types'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

export interface TextualBody {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging'
  format?: 'text/plain'
}

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT
  id: string
  type: 'Annotation'
  created: string
  modified: string
  motivation: 'highlighting' | 'commenting'
  body?: TextualBody[]
  /** Carries the highlight colour as CSS, referenced by the target's styleClass. */
  stylesheet?: { type: 'CssStylesheet'; value: string }
  target: {
    type: 'SpecificResource'
    source: string
    styleClass?: string
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number }
    ]
  }
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] }
}

/** Colours pass into CSS only when they are a hex colour or a plain colour name. */
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{1,30})$/i

function bodies(h: Highlight): TextualBody[] {
  const note: TextualBody[] = h.note.trim() ? [{ type: 'TextualBody', value: h.note, purpose: 'commenting', format: 'text/plain' }] : []
  return [...note, ...h.tags.map((tag): TextualBody => ({ type: 'TextualBody', value: tag, purpose: 'tagging' }))]
}

export function toAnnotation(h: Highlight, article: ExportArticle): WebAnnotation {
  const body = bodies(h)
  const color = SAFE_COLOR.test(h.color) ? h.color : null
  const styleClass = color ? `clipfile-${color.replace('#', 'hex-').toLowerCase()}` : undefined
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:clipfile:highlight:${h.id}`,
    type: 'Annotation',
    created: isoDateTime(h.createdAt),
    modified: isoDateTime(h.updatedAt),
    motivation: h.note.trim() ? 'commenting' : 'highlighting',
    ...(body.length > 0 ? { body } : {}),
    ...(color ? { stylesheet: { type: 'CssStylesheet' as const, value: `.${styleClass} { background-color: ${color}; }` } } : {}),
    target: {
      type: 'SpecificResource',
      source: article.url,
      ...(styleClass ? { styleClass } : {}),
      selector: [
        { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
        { type: 'TextPositionSelector', start: h.start, end: h.end }
      ]
    }
  }
}

export function toWebAnnotations(articles: ExportArticle[], opts: { label?: string } = {}): AnnotationCollection {
  const items = articles.flatMap((a) => readingOrder(a.highlights).map((h) => toAnnotation(h, a)))
  const digest = createHash('sha256')
    .update(items.map((i) => `${i.id}@${i.modified}`).join('\n'))
    .digest('hex')
    .slice(0, 16)
  const id = `urn:clipfile:export:${digest}`
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: opts.label ?? 'Clipfile highlights',
    total: items.length,
    first: { id: `${id}:page:0`, type: 'AnnotationPage', startIndex: 0, items }
  }
}
