import { useEffect, useEffectEvent, useRef } from 'react'
import { Node as PMNode } from 'prosemirror-model'
import { EditorState, type Plugin } from 'prosemirror-state'
import { EditorView, type NodeView } from 'prosemirror-view'
import { ASSET_PREFIX, readerSchema } from '../../../shared/reader/schema'
import { clipfile } from '../bridge'

interface Props {
  doc: unknown
  /** The article's writing direction and language: Arabic, Hebrew, Persian read right to left. */
  dir?: 'ltr' | 'rtl'
  lang?: string | null
  plugins?: Plugin[]
  /** Receives the view once it exists (and null when it goes). */
  onView?: (view: EditorView | null) => void
}

/** Images come from the local asset store, never from the network. */
class ImageView implements NodeView {
  dom: HTMLImageElement
  constructor(node: PMNode) {
    this.dom = document.createElement('img')
    const src = String(node.attrs.src)
    const id = Number(src.slice(ASSET_PREFIX.length))
    if (src.startsWith(ASSET_PREFIX) && Number.isInteger(id)) this.dom.src = clipfile.assetUrl(id)
    this.dom.alt = String(node.attrs.alt ?? '')
    this.dom.loading = 'lazy'
    this.dom.decoding = 'async'
  }
}

/**
 * An image the import could not save: what it showed (its alt text), why it is missing, and
 * where it was — as a link, never loaded (the reader loads nothing remote).
 */
class MissingImageView implements NodeView {
  dom: HTMLElement
  constructor(node: PMNode) {
    const { source, alt, reason } = node.attrs as { source: string; alt: string; reason: string }
    this.dom = el('div', 'image-missing', [
      el('span', 'image-missing-icon', []),
      el('div', 'image-missing-body', [
        el('b', 'image-missing-label', ['Image not saved']),
        ...(alt ? [el('span', 'image-missing-alt', [alt])] : []),
        el('span', 'image-missing-reason', [[reason, source ? hostOf(source) : ''].filter(Boolean).join(' · ')])
      ])
    ])
    this.dom.setAttribute('role', 'img')
    this.dom.setAttribute('aria-label', alt ? `Image not saved: ${alt}` : 'Image not saved')
    this.dom.contentEditable = 'false'
    if (source) this.dom.title = `Was at ${source}`
  }
}

function el(tag: string, className: string, children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag)
  e.className = className
  e.append(...children)
  return e
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}

/** Links open outside the app: the system browser in Electron, a new tab in serve mode. */
function openLink(event: MouseEvent): boolean {
  const a = (event.target as HTMLElement | null)?.closest('a')
  if (!a) return false
  event.preventDefault()
  const href = a.getAttribute('href') ?? ''
  if (/^https?:\/\//i.test(href)) window.open(href, '_blank', 'noopener,noreferrer')
  return true
}

/** A read-only ProseMirror view of an article document. */
export function Reader({ doc, dir = 'ltr', lang, plugins = [], onView }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const report = useEffectEvent((view: EditorView | null) => onView?.(view))
  useEffect(() => {
    if (!host.current) return
    const node = PMNode.fromJSON(readerSchema, doc)
    const view = new EditorView(host.current, {
      state: EditorState.create({ doc: node, plugins }),
      editable: () => false,
      nodeViews: { image: (n) => new ImageView(n), image_missing: (n) => new MissingImageView(n) },
      handleDOMEvents: { click: (_v, e) => openLink(e as MouseEvent) },
      attributes: { class: 'reader-body', role: 'article', 'aria-label': 'Article text', dir, ...(lang ? { lang } : {}) }
    })
    report(view)
    return () => {
      report(null)
      view.destroy()
    }
    // The document and plugin set identify the view; callers memoise them.
  }, [doc, plugins, dir, lang])
  return <div ref={host} />
}
