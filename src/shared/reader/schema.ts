/**
 * The reader schema: everything a saved article may contain. Archived HTML is parsed
 * through it, so whatever it has no rule for (scripts, forms, iframes, styles, event
 * handlers, unknown attributes) cannot survive into the stored document.
 */
import { Schema, type NodeSpec, type MarkSpec, type DOMOutputSpec } from 'prosemirror-model'

/** Image sources in a stored document: `asset:<id>` (a local asset), never a remote URL. */
export const ASSET_PREFIX = 'asset:'

/**
 * An image import could not save is marked with these attributes (page/images.ts) and
 * parsed into an `image_missing` placeholder: where it was, and why it is not here.
 */
export const MISSING_IMAGE_ATTR = 'data-clipfile-missing'
export const MISSING_REASON_ATTR = 'data-clipfile-reason'

/** The little of a DOM element the parse rules read (keeps this file free of DOM types). */
interface El {
  getAttribute(name: string): string | null
}
const el = (dom: unknown): El => dom as El

const safeHref = (href: string | null): string | null => {
  if (!href) return null
  const h = href.trim()
  return /^(https?:|mailto:)/i.test(h) ? h : null
}

const block = (tag: string): Pick<NodeSpec, 'parseDOM' | 'toDOM'> => ({
  parseDOM: [{ tag }],
  toDOM: (): DOMOutputSpec => [tag, 0]
})

/**
 * A block of text that finds its own direction (dir="auto": from its first strong letter),
 * so an English quote in an Arabic article, or the reverse, reads and punctuates right; the
 * article's own direction is set on the document around it.
 */
const textBlock = (tag: string): Pick<NodeSpec, 'parseDOM' | 'toDOM'> => ({
  parseDOM: [{ tag }],
  toDOM: (): DOMOutputSpec => [tag, { dir: 'auto' }, 0]
})

const httpUrl = (src: string | null): string => (src && /^https?:\/\/[^\s]+$/i.test(src.trim()) ? src.trim() : '')
const hostLabel = (src: string): string => {
  try {
    return new URL(src).host
  } catch {
    return ''
  }
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: { content: 'inline*', group: 'block', ...textBlock('p') },
  heading: {
    attrs: { level: { default: 2 } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level: Math.max(2, level) } })),
    toDOM: (node) => [`h${node.attrs.level as number}`, { dir: 'auto' }, 0]
  },
  blockquote: { content: 'block+', group: 'block', defining: true, ...textBlock('blockquote') },
  code_block: {
    content: 'text*',
    marks: '',
    group: 'block',
    code: true,
    parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
    toDOM: () => ['pre', ['code', 0]]
  },
  horizontal_rule: { group: 'block', parseDOM: [{ tag: 'hr' }], toDOM: () => ['hr'] },
  bullet_list: { content: 'list_item+', group: 'block', ...block('ul') },
  ordered_list: {
    attrs: { start: { default: 1 } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => {
          const start = Number(el(dom).getAttribute('start') ?? 1)
          return { start: Number.isFinite(start) ? Math.trunc(start) : 1 }
        }
      }
    ],
    toDOM: (node) => ['ol', node.attrs.start === 1 ? {} : { start: String(node.attrs.start) }, 0]
  },
  list_item: { content: 'block+', defining: true, ...textBlock('li') },
  figure: {
    content: '(image | image_missing)? figcaption?',
    group: 'block',
    parseDOM: [{ tag: 'figure' }],
    toDOM: () => ['figure', 0]
  },
  figcaption: { content: 'inline*', ...textBlock('figcaption') },
  /**
   * An image the import could not save: its alt text, where it was (http(s) only, shown as a
   * link, never loaded) and why. `clipfile images --retry` replaces it by the image.
   */
  image_missing: {
    group: 'block',
    atom: true,
    attrs: { source: { default: '' }, alt: { default: '' }, reason: { default: '' } },
    parseDOM: [
      {
        tag: `img[${MISSING_IMAGE_ATTR}]`,
        getAttrs: (dom) => {
          const img = el(dom)
          return {
            source: httpUrl(img.getAttribute(MISSING_IMAGE_ATTR)),
            alt: img.getAttribute('alt') ?? '',
            reason: (img.getAttribute(MISSING_REASON_ATTR) ?? '').slice(0, 300)
          }
        }
      }
    ],
    toDOM: (node) => {
      const { source, alt, reason } = node.attrs as { source: string; alt: string; reason: string }
      const label: DOMOutputSpec = ['span', { class: 'image-missing-label' }, reason ? `Image not saved: ${reason}` : 'Image not saved']
      const parts: DOMOutputSpec[] = [label]
      if (alt) parts.push(['span', { class: 'image-missing-alt' }, alt])
      if (source) parts.push(['a', { class: 'image-missing-source', href: source, rel: 'noopener noreferrer nofollow' }, hostLabel(source) || source])
      return ['div', { class: 'image-missing', role: 'img', 'aria-label': alt ? `Image not saved: ${alt}` : 'Image not saved', [MISSING_IMAGE_ATTR]: source }, ...parts]
    }
  },
  image: {
    inline: false,
    group: 'block',
    attrs: { src: {}, alt: { default: '' }, title: { default: '' } },
    parseDOM: [
      {
        tag: 'img[src]',
        getAttrs: (dom) => {
          const img = el(dom)
          const src = img.getAttribute('src') ?? ''
          // Only localised assets are kept; ingest rewrites every kept image to asset:<id>.
          if (!src.startsWith(ASSET_PREFIX)) return false
          return { src, alt: img.getAttribute('alt') ?? '', title: img.getAttribute('title') ?? '' }
        }
      }
    ],
    toDOM: (node) => ['img', { src: node.attrs.src as string, alt: node.attrs.alt as string }]
  },
  table: { content: 'table_row+', group: 'block', parseDOM: [{ tag: 'table' }], toDOM: () => ['table', ['tbody', 0]] },
  table_row: { content: 'table_cell+', ...block('tr') },
  table_cell: {
    content: 'inline*',
    attrs: { header: { default: false } },
    parseDOM: [
      { tag: 'td', attrs: { header: false } },
      { tag: 'th', attrs: { header: true } }
    ],
    toDOM: (node) => [node.attrs.header ? 'th' : 'td', { dir: 'auto' }, 0]
  },
  text: { group: 'inline' },
  hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] }
}

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: {} },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = safeHref(el(dom).getAttribute('href'))
          return href ? { href } : false
        }
      }
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href as string, rel: 'noopener noreferrer nofollow' }, 0]
  },
  em: { parseDOM: [{ tag: 'i' }, { tag: 'em' }, { tag: 'cite' }], toDOM: () => ['em', 0] },
  strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
  code: { parseDOM: [{ tag: 'code' }], toDOM: () => ['code', 0] },
  sub: { excludes: 'sup', parseDOM: [{ tag: 'sub' }], toDOM: () => ['sub', 0] },
  sup: { excludes: 'sub', parseDOM: [{ tag: 'sup' }], toDOM: () => ['sup', 0] }
}

export const readerSchema = new Schema({ nodes, marks })
