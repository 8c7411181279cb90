import { useEffect, useEffectEvent, useRef } from 'react'
import { Node as PMNode } from 'prosemirror-model'
import { EditorState, type Plugin } from 'prosemirror-state'
import { EditorView, type NodeView } from 'prosemirror-view'
import { ASSET_PREFIX, readerSchema } from '../../../shared/reader/schema'
import { clipfile } from '../bridge'

interface Props {
  doc: unknown
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
export function Reader({ doc, plugins = [], onView }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const report = useEffectEvent((view: EditorView | null) => onView?.(view))
  useEffect(() => {
    if (!host.current) return
    const node = PMNode.fromJSON(readerSchema, doc)
    const view = new EditorView(host.current, {
      state: EditorState.create({ doc: node, plugins }),
      editable: () => false,
      nodeViews: { image: (n) => new ImageView(n) },
      handleDOMEvents: { click: (_v, e) => openLink(e as MouseEvent) },
      attributes: { class: 'reader-body', role: 'article', 'aria-label': 'Article text' }
    })
    report(view)
    return () => {
      report(null)
      view.destroy()
    }
    // The document and plugin set identify the view; callers memoise them.
  }, [doc, plugins])
  return <div ref={host} />
}
