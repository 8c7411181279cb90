import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { Article, DetectedQuoteRow, Highlight, HighlightColor, TagCount } from '../../../shared/api'
import { quoteWithCitation } from '../../../shared/cite'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { Reader } from '../reader/Reader'
import { highlightsPlugin, highlightIdsAt, previewRange, removeHighlight, selectHighlight, upsertHighlight } from '../reader/highlights-plugin'
import { QuotesPanel } from '../reader/QuotesPanel'
import { textOffsetToPos } from '../../../shared/reader/text'
import { readSelection, textOf, withDomSelection, type TextSelection } from '../reader/selection'
import { Toolbar, type ToolbarFocus } from '../reader/Toolbar'
import { HighlightsPanel } from '../reader/HighlightsPanel'
import { ReaderControls, useReaderPrefs } from '../reader/ReaderControls'
import { TagInput } from '../components/TagInput'
import { ArrowLeftIcon, LinkIcon } from '../components/icons'
import { isTyping } from '../keys'


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
  return <LoadedArticle key={a.id} article={a} tagNames={tags.map((t) => t.name)} />
}

function LoadedArticle({ article: a, tagNames }: { article: Article; tagNames: string[] }) {
  const [highlights, setHighlights] = useState<Highlight[]>(a.highlights)
  const [selection, setSelection] = useState<TextSelection | null>(null)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [focus, setFocus] = useState<ToolbarFocus>(null)
  const [anchorRect, setAnchorRect] = useState<TextSelection['rect'] | null>(null)
  const [articleTags, setArticleTags] = useState(a.tags)
  const [message, setMessage] = useState<string | null>(null)
  const [prefs, setPrefs] = useReaderPrefs()
  const view = useRef<EditorView | null>(null)
  const saving = useRef<Promise<void>>(Promise.resolve())
  const plugins = useMemo(() => [highlightsPlugin(a.highlights)], [a])
  const selected = highlights.find((h) => h.id === selectedId) ?? null
  const [tab, setTab] = useState<'highlights' | 'quotes'>('highlights')
  const quotes = useApi<DetectedQuoteRow[]>(() => clipfile.articleQuotes({ articleId: a.id }), [a.id])

  const keepQuote = async (q: DetectedQuoteRow) => {
    const r = await clipfile.highlightQuote({ id: q.id })
    if (!r.ok) return setMessage(r.error.message)
    setHighlights((hs) => [...hs, r.value])
    run(upsertHighlight(r.value))
    quotes.reload()
    setMessage(q.speaker ? `Highlighted, tagged “${q.speaker}”` : 'Highlighted')
  }
  const correctSpeaker = async (q: DetectedQuoteRow, speaker: string | null) => {
    const r = await clipfile.setQuoteSpeaker({ id: q.id, speaker })
    if (!r.ok) return setMessage(r.error.message)
    quotes.reload()
  }
  const scrollToText = (offset: number) => {
    const v = view.current
    if (!v) return
    const pos = textOffsetToPos(textOf(v).segments, offset, 1)
    if (pos === null) return
    const { node } = v.domAtPos(pos)
    const el = node instanceof Element ? node : node.parentElement
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }
  const run = (cmd: (s: EditorView['state'], d?: EditorView['dispatch']) => boolean) => {
    const v = view.current
    return v && cmd(v.state, (tr) => v.dispatch(withDomSelection(v, tr)))
  }

  useEffect(() => setArticleTags(a.tags), [a.tags])
  useEffect(() => {
    if (!message) return
    const t = setTimeout(() => setMessage(null), 3000)
    return () => clearTimeout(t)
  }, [message])

  const pick = useCallback((h: Highlight | null, scroll = false) => {
    setSelectedId(h?.id ?? null)
    setFocus(null)
    setSelection(null)
    run(selectHighlight(h?.id ?? null))
    const el = h ? view.current?.dom.querySelector(`[data-hl="${h.id}"]`) : null
    if (el && scroll) el.scrollIntoView({ block: 'center', behavior: 'smooth' })
    if (el) setAnchorRect(el.getBoundingClientRect())
  }, [])

  const close = useCallback(() => {
    setSelection(null)
    setFocus(null)
    pick(null)
    window.getSelection()?.removeAllRanges()
  }, [pick])

  const create = async (color: HighlightColor, then: ToolbarFocus = null) => {
    const sel = selection ?? (view.current && readSelection(view.current))
    if (!sel) return
    const r = await clipfile.addHighlight({ articleId: a.id, start: sel.start, end: sel.end, color })
    if (!r.ok) return setMessage(r.error.message)
    setHighlights((hs) => [...hs, r.value])
    run(upsertHighlight(r.value))
    window.getSelection()?.removeAllRanges()
    setSelection(null)
    setSelectedId(r.value.id)
    run(selectHighlight(r.value.id))
    setAnchorRect(sel.rect)
    setFocus(then)
  }

  const update = async (patch: { color?: HighlightColor; note?: string; tags?: string[] }) => {
    if (!selected) return
    // Shown at once, so a second edit made before the first is saved builds on it.
    const optimistic = { ...selected, ...patch }
    setHighlights((hs) => hs.map((h) => (h.id === optimistic.id ? optimistic : h)))
    if (patch.color) run(upsertHighlight(optimistic))
    // Saves go one after another, so the last edit is the one that stays.
    const sent = saving.current.then(() => clipfile.updateHighlight({ id: selected.id, ...patch }))
    saving.current = sent.then(() => undefined)
    const r = await sent
    if (!r.ok) {
      setHighlights((hs) => hs.map((h) => (h.id === selected.id ? selected : h)))
      run(upsertHighlight(selected))
      return setMessage(r.error.message)
    }
    setHighlights((hs) => hs.map((h) => (h.id === r.value.id ? { ...r.value, ...pendingOnly(h, r.value) } : h)))
  }

  const remove = async () => {
    if (!selected) return
    const r = await clipfile.deleteHighlight({ id: selected.id })
    if (!r.ok) return setMessage(r.error.message)
    setHighlights((hs) => hs.filter((h) => h.id !== selected.id))
    run(removeHighlight(selected.id))
    setSelectedId(null)
    setMessage('Highlight deleted')
  }

  const copy = async () => {
    if (!selected) return
    try {
      await navigator.clipboard.writeText(quoteWithCitation(selected, a))
      setMessage('Quote copied with its citation')
    } catch {
      setMessage('The clipboard is not available here')
    }
  }

  // Selection in the reader offers the toolbar.
  useEffect(() => {
    const onUp = () =>
      setTimeout(() => {
        if (!view.current) return
        const sel = readSelection(view.current)
        if (sel) {
          setSelection(sel)
          setAnchorRect(sel.rect)
          setSelectedId(null)
          run(selectHighlight(null))
          setFocus(null)
        } else if (selection) setSelection(null)
      }, 0)
    document.addEventListener('mouseup', onUp)
    document.addEventListener('keyup', onUp)
    return () => {
      document.removeEventListener('mouseup', onUp)
      document.removeEventListener('keyup', onUp)
    }
  }, [selection])

  // The toolbar follows its text when the article scrolls.
  useEffect(() => {
    const onScroll = () => {
      if (selectedId !== null) {
        const el = view.current?.dom.querySelector(`[data-hl="${selectedId}"]`)
        if (el) setAnchorRect(el.getBoundingClientRect())
      } else if (selection) {
        const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null
        if (range) setAnchorRect(range.getBoundingClientRect())
      }
    }
    window.addEventListener('scroll', onScroll, true)
    return () => window.removeEventListener('scroll', onScroll, true)
  }, [selectedId, selection])

  // Keyboard: h highlight, n note, t tags, c copy, Delete remove, Esc close, +/- text size.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && (selection || selectedId !== null)) return close()
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return
      const sel = selection ?? (view.current && readSelection(view.current))
      const k = e.key.toLowerCase()
      if (k === 'h' && sel) void create(selected?.color as HighlightColor ?? 'yellow')
      else if ((k === 'n' || k === 't') && sel) void create('yellow', k === 'n' ? 'note' : 'tags')
      else if ((k === 'n' || k === 't') && selected) setFocus(k === 'n' ? 'note' : 'tags')
      else if (k === 'c' && selected) void copy()
      else if ((e.key === 'Delete' || e.key === 'Backspace') && selected) void remove()
      else if (e.key === '+' || e.key === '=') setPrefs({ size: prefs.size + 1 })
      else if (e.key === '-') setPrefs({ size: prefs.size - 1 })
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const onReaderClick = (e: React.MouseEvent) => {
    if (view.current && readSelection(view.current)) return
    const ids = highlightIdsAt(e.target)
    if (ids.length === 0) return
    // Clicking again cycles through overlapping highlights, innermost first.
    const next = ids[(ids.indexOf(selectedId ?? -1) + 1) % ids.length]
    pick(highlights.find((h) => h.id === next) ?? null)
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
          <div className="reader-top">
            <div className="reader-kicker">{a.site ?? hostOf(a.url)}</div>
            <ReaderControls prefs={prefs} set={setPrefs} />
          </div>
          <h1 className="reader-title" id="article-title">{a.title}</h1>
          <div className="reader-meta">
            {a.byline && <span>By <b>{a.byline}</b></span>}
            {a.publishedAt && <time dateTime={a.publishedAt}>{formatDate(a.publishedAt, 'long')}</time>}
            <span>{a.wordCount.toLocaleString()} words</span>
            <a href={a.url} target="_blank" rel="noopener noreferrer" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
              Original <LinkIcon />
            </a>
          </div>
          <div className="article-tags">
            <TagInput label="Article tags" tags={articleTags} suggestions={tagNames} onChange={(t) => void saveArticleTags(t)} />
          </div>
          <div onClick={onReaderClick} data-highlights-ready={highlights.length}>
            <Reader doc={a.doc} plugins={plugins} onView={(v) => (view.current = v)} />
          </div>
        </article>
      </div>
      <div className="side">
        <div className="side-tabs" role="tablist" aria-label="Side panel">
          <button role="tab" aria-selected={tab === 'highlights'} className="tab" onClick={() => setTab('highlights')}>Highlights</button>
          <button role="tab" aria-selected={tab === 'quotes'} className="tab" onClick={() => setTab('quotes')}>
            Quotes{quotes.data ? ` (${quotes.data.filter((q) => q.kind !== 'scare').length})` : ''}
          </button>
        </div>
        {tab === 'highlights' ? (
          <HighlightsPanel articleId={a.id} highlights={highlights} selectedId={selectedId} onPick={(h) => pick(h, true)} />
        ) : (
          <QuotesPanel quotes={quotes.data ?? []}
            onPreview={(q) => run(previewRange(q ? { start: q.start, end: q.end } : null))}
            onShow={(q) => scrollToText(q.start)}
            onHighlight={(q) => void keepQuote(q)}
            onSpeaker={(q, speaker) => void correctSpeaker(q, speaker)} />
        )}
      </div>
      {anchorRect && (selection || selected) && (
        <Toolbar anchor={anchorRect} highlight={selected} focus={focus} tagSuggestions={tagNames}
          onHighlight={(c) => void create(c)} onUpdate={(p) => void update(p)} onDelete={() => void remove()} onCopy={() => void copy()}
          onClose={close} onWantFocus={(f) => (selected ? setFocus(f) : void create('yellow', f))} />
      )}
      {message && <div className="toast" role="status">{message}</div>}
    </div>
  )
}

/** Fields edited again since this save was sent keep their newer local value. */
function pendingOnly(local: Highlight, saved: Highlight): Partial<Highlight> {
  const out: Partial<Highlight> = {}
  if (local.note !== saved.note) out.note = local.note
  if (local.color !== saved.color) out.color = local.color
  if (local.tags.join('\u0000').toLowerCase() !== saved.tags.join('\u0000').toLowerCase()) out.tags = local.tags
  return out
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}
