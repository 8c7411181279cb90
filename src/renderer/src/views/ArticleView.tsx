import { useEffect, useMemo, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { Article, DetectedQuoteRow, Highlight, TagCount } from '../../../shared/api'
import type { HighlightColor } from '../../../shared/vocabulary'
import { quoteWithCitation } from '../../../shared/cite'
import { textOffsetToPos } from '../../../shared/reader/text'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'
import { Reader } from '../reader/Reader'
import { highlightsPlugin, highlightIdsAt } from '../reader/highlights-plugin'
import { previewRange, quotePreviewPlugin } from '../reader/quote-preview-plugin'
import { HighlightDecorations } from '../reader/HighlightDecorations'
import { QuotesPanel } from '../reader/QuotesPanel'
import { readSelection, textOf } from '../reader/selection'
import { Toolbar, type ToolbarFocus } from '../reader/Toolbar'
import { HighlightsPanel } from '../reader/HighlightsPanel'
import { ReaderControls, useReaderPrefs } from '../reader/ReaderControls'
import { useHighlights } from '../reader/use-highlights'
import { useTextSelection } from '../reader/use-text-selection'
import { useReaderKeys } from '../reader/use-reader-keys'
import { TagInput } from '../components/TagInput'
import { ArrowLeftIcon } from '../components/icons'
import { VersionsControl } from '../versions/VersionsControl'
import { ChangedNotice } from '../versions/ChangedNotice'
import { ArticleHeader } from '../reader/ArticleHeader'

export function ArticleView({ id, tags }: { id: number; tags: TagCount[] }) {
  const article = useApi<Article>(() => clipfile.getArticle({ id }), [id])
  useEvent('libraryChanged', (e) => {
    // Our own highlight edits are already on screen; other changes may alter the article.
    if (e.reason !== 'highlights') article.reload()
  })
  const a = article.data?.id === id ? article.data : null
  if (article.error && !a) {
    return (
      <div className="page">
        <div className="banner" role="alert">{article.error}</div>
        <a className="btn" href="#/"><ArrowLeftIcon /> Back to the library</a>
      </div>
    )
  }
  if (!a) return <div className="page" aria-busy="true" />
  // A new version is a new text: the reader and its highlights start again from it.
  return <LoadedArticle key={`${a.id}:${a.version}`} article={a} tagNames={tags.map((t) => t.name)} />
}

function LoadedArticle({ article: a, tagNames }: { article: Article; tagNames: string[] }) {
  const [message, setMessage] = useState<string | null>(null)
  const [view, setView] = useState<EditorView | null>(null)
  const [focus, setFocus] = useState<ToolbarFocus>(null)
  const [tab, setTab] = useState<'highlights' | 'quotes'>('highlights')
  const [prefs, setPrefs] = useReaderPrefs()
  const plugins = useMemo(() => [highlightsPlugin(), quotePreviewPlugin()], [])
  const hl = useHighlights(a, setMessage)
  const [selection, clearSelection] = useTextSelection(view, () => {
    hl.select(null)
    setFocus(null)
  })
  const quotes = useApi<DetectedQuoteRow[]>(() => clipfile.articleQuotes({ articleId: a.id }), [a.id])
  const [articleTags, setArticleTags] = useArticleTags(a)

  useEffect(() => {
    if (!message) return
    const t = setTimeout(() => setMessage(null), 3000)
    return () => clearTimeout(t)
  }, [message])

  /** The selected words: the hook's, or the DOM's when a key comes before the hook has read them. */
  const words = () => selection ?? (view && readSelection(view))

  const pick = (h: Highlight | null, scroll = false) => {
    hl.select(h?.id ?? null)
    setFocus(null)
    if (h && scroll) view?.dom.querySelector(`[data-hl="${h.id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }

  const close = () => {
    clearSelection()
    setFocus(null)
    hl.select(null)
  }

  const create = async (color: HighlightColor, then: ToolbarFocus = null) => {
    const range = words()
    if (!range) return
    if (await hl.create(range, color)) {
      clearSelection()
      setFocus(then)
    }
  }

  const copy = async () => {
    if (!hl.selected) return
    try {
      await navigator.clipboard.writeText(quoteWithCitation(hl.selected, a))
      setMessage('Quote copied with its citation')
    } catch {
      setMessage('The clipboard is not available here')
    }
  }

  const keepQuote = async (q: DetectedQuoteRow) => {
    const r = await clipfile.highlightQuote({ id: q.id })
    if (!r.ok) return setMessage(r.error.message)
    hl.added(r.value)
    quotes.reload()
    setMessage(q.speaker ? `Highlighted, tagged “${q.speaker}”` : 'Highlighted')
  }
  const correctSpeaker = async (q: DetectedQuoteRow, speaker: string | null) => {
    const r = await clipfile.setQuoteSpeaker({ id: q.id, speaker })
    if (!r.ok) return setMessage(r.error.message)
    quotes.reload()
  }
  const scrollToText = (offset: number) => {
    if (!view) return
    const pos = textOffsetToPos(textOf(view).segments, offset, 1)
    if (pos === null) return
    const { node } = view.domAtPos(pos)
    const el = node instanceof Element ? node : node.parentElement
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }

  useReaderKeys({
    open: selection !== null || hl.selected !== null,
    canHighlight: words() !== null,
    hasHighlight: hl.selected !== null,
    close,
    highlight: () => void create('yellow'),
    edit: (field) => (words() ? void create('yellow', field) : setFocus(field)),
    copy: () => void copy(),
    remove: () => void hl.remove(),
    textSize: (step) => setPrefs({ size: prefs.size + step })
  })

  const onReaderClick = (e: React.MouseEvent) => {
    if (view && readSelection(view)) return
    const ids = highlightIdsAt(e.target)
    if (ids.length === 0) return
    // Clicking again cycles through overlapping highlights, innermost first.
    const next = ids[(ids.indexOf(hl.selectedId ?? -1) + 1) % ids.length]
    pick(hl.highlights.find((h) => h.id === next) ?? null)
  }

  /** Where the toolbar's text is now: the selected highlight's mark, else the selected words. */
  const locate = () => {
    if (hl.selectedId !== null) return view?.dom.querySelector(`[data-hl="${hl.selectedId}"]`)?.getBoundingClientRect() ?? null
    const sel = window.getSelection()
    return sel?.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : null
  }

  const saveArticleTags = async (tags: string[]) => {
    setArticleTags(tags)
    const r = await clipfile.setArticleTags({ id: a.id, tags })
    if (r.ok) setArticleTags(r.value.tags)
    else setMessage(r.error.message)
  }

  return (
    <div className="article-layout">
      <div className="reader-wrap">
        <article className="reader" aria-labelledby="article-title">
          <ArticleHeader
            article={a}
            controls={<ReaderControls prefs={prefs} set={setPrefs} />}
            versions={<VersionsControl articleId={a.id} versions={a.versions} shown={a.version} />}
            onMessage={setMessage}
          />
          <ChangedNotice article={a} highlights={hl.highlights} />
          <div className="article-tags">
            <TagInput label="Article tags" tags={articleTags} suggestions={tagNames} onChange={(t) => void saveArticleTags(t)} />
          </div>
          <div onClick={onReaderClick} data-highlights-ready={hl.highlights.length}>
            <Reader doc={a.doc} dir={a.dir} lang={a.language} plugins={plugins} onView={setView} />
          </div>
        </article>
      </div>
      <HighlightDecorations view={view} highlights={hl.highlights} selectedId={hl.selectedId} />
      <div className="side">
        <div className="side-tabs" role="tablist" aria-label="Side panel">
          <button role="tab" aria-selected={tab === 'highlights'} className="tab" onClick={() => setTab('highlights')}>Highlights</button>
          <button role="tab" aria-selected={tab === 'quotes'} className="tab" onClick={() => setTab('quotes')}>
            Quotes{quotes.data ? ` (${quotes.data.filter((q) => q.kind !== 'scare').length})` : ''}
          </button>
        </div>
        {tab === 'highlights' ? (
          <HighlightsPanel articleId={a.id} highlights={hl.highlights} selectedId={hl.selectedId} onPick={(h) => pick(h, true)} />
        ) : (
          <QuotesPanel quotes={quotes.data ?? []}
            onPreview={(q) => view && previewRange(q ? { start: q.start, end: q.end } : null)(view.state, view.dispatch)}
            onShow={(q) => scrollToText(q.start)}
            onHighlight={(q) => void keepQuote(q)}
            onSpeaker={(q, speaker) => void correctSpeaker(q, speaker)} />
        )}
      </div>
      {(selection || hl.selected) && (
        <Toolbar locate={locate} highlight={hl.selected} focus={focus} tagSuggestions={tagNames}
          onHighlight={(c) => void create(c)} onUpdate={(p) => void hl.update(p)} onDelete={() => void hl.remove()} onCopy={() => void copy()}
          onClose={close} onWantFocus={(f) => (hl.selected ? setFocus(f) : void create('yellow', f))} />
      )}
      {message && <div className="toast" role="status">{message}</div>}
    </div>
  )
}

/** The article's tags as shown: the stored ones, or the user's edit of them (until the article is loaded again). */
function useArticleTags(a: Article): [string[], (tags: string[]) => void] {
  const [edited, setEdited] = useState<{ of: string[]; tags: string[] } | null>(null)
  return [edited && edited.of === a.tags ? edited.tags : a.tags, (tags) => setEdited({ of: a.tags, tags })]
}
