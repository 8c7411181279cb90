import { useMemo, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { Article, DetectedQuoteRow, Highlight, ReadingState, TagCount } from '../../../shared/api'
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
import { useHighlights } from '../reader/use-highlights'
import { useTextSelection } from '../reader/use-text-selection'
import { useReaderKeys } from '../reader/use-reader-keys'
import { searchMatchesPlugin } from '../reader/search-matches-plugin'
import { useSearchMatches } from '../reader/use-search-matches'
import { reveal } from '../reader/reveal'
import { useReadingProgress } from '../reader/use-reading-progress'
import { ReaderActions } from '../reader/ReaderActions'
import { MatchBar } from '../reader/MatchBar'
import { TagInput } from '../components/TagInput'
import { VersionsControl } from '../versions/VersionsControl'
import { ChangedNotice } from '../versions/ChangedNotice'
import { ArticleHeader } from '../reader/ArticleHeader'
import { ArrowLeftIcon, CloseIcon } from '../components/icons'
import { useKeys } from '../lists/use-keys'
import { useArticleActions } from '../actions'
import { goBack, goBackFrom, LIST_TITLES, type ListName } from '../route'
import { updateSettings, useSettings } from '../settings'
import { useWide } from '../layout'
import { useToast } from '../toasts'

interface Props {
  id: number
  /** The search the article was opened from: its matches are marked, the first one in view. */
  q?: string
  tags: TagCount[]
  /** The list to go back to, for the Back button's label. */
  from: ListName | 'search' | null
}

export function ArticleView({ id, q, tags, from }: Props) {
  const article = useApi<Article>(() => clipfile.getArticle({ id }), [id])
  useEvent('libraryChanged', (e) => {
    // Our own highlight edits are already on screen; other changes may alter the article.
    if (e.reason === 'highlights' || e.reason === 'searches' || e.reason === 'progress') return
    if (e.reason === 'state' && e.articleId !== undefined && e.articleId !== id) return
    article.reload()
  })
  const a = article.data?.id === id ? article.data : null
  // A reload that brings the same text keeps the document (and so the reader's view and place).
  const doc = useMemo(() => a?.doc, [a?.id, a?.text]) // eslint-disable-line react-hooks/exhaustive-deps
  if (article.error && !a) {
    return (
      <div className="page">
        <div className="banner" role="alert">{article.error}</div>
        <a className="btn" href="#/"><ArrowLeftIcon /> Back to the inbox</a>
      </div>
    )
  }
  if (!a) return <div className="page" aria-busy="true" />
  // A new version is a new text: the reader and its highlights start again from it.
  return <LoadedArticle key={`${a.id}:${a.version}`} article={a} doc={doc} q={q} from={from} tagNames={tags.map((t) => t.name)} />
}

function backLabel(from: Props['from']): string {
  if (from === 'search') return 'Search results'
  return LIST_TITLES[from ?? 'inbox']
}

function LoadedArticle({ article: a, doc, q, from, tagNames }: { article: Article; doc: unknown; q?: string; from: Props['from']; tagNames: string[] }) {
  const toast = useToast()
  const setMessage = (message: string) => toast({ message })
  const [view, setView] = useState<EditorView | null>(null)
  const [focus, setFocus] = useState<ToolbarFocus>(null)
  const [tab, setTab] = useState<'highlights' | 'quotes'>('highlights')
  const settings = useSettings()
  const plugins = useMemo(() => [highlightsPlugin(), quotePreviewPlugin(), searchMatchesPlugin()], [])
  const hl = useHighlights(a, setMessage)
  const [selection, clearSelection] = useTextSelection(view, () => {
    hl.select(null)
    setFocus(null)
  })
  const quotes = useApi<DetectedQuoteRow[]>(() => clipfile.articleQuotes({ articleId: a.id }), [a.id])
  const [articleTags, setArticleTags] = useArticleTags(a)
  const reading = useReading(a)
  const matches = useSearchMatches(view, a.id, q)
  const wide = useWide()
  const [panelShown, setPanelShown] = useState(false)
  const panelOpen = wide ? !settings.panelCollapsed : panelShown
  const togglePanel = () => (wide ? void updateSettings({ panelCollapsed: !settings.panelCollapsed }) : setPanelShown(!panelShown))
  const progress = useReadingProgress({
    view,
    articleId: a.id,
    position: a.position,
    restore: !q,
    onEnd: () => {
      if (settings.autoArchive && reading.state.state === 'inbox') void reading.archive(false)
    }
  })

  /** The selected words: the hook's, or the DOM's when a key comes before the hook has read them. */
  const words = () => selection ?? (view && readSelection(view))

  const pick = (h: Highlight | null, scroll = false) => {
    hl.select(h?.id ?? null)
    setFocus(null)
    if (h && scroll) reveal(view?.dom.querySelector(`[data-hl="${h.id}"]`), true)
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
    reveal(el, true)
  }

  useReaderKeys({
    open: selection !== null || hl.selected !== null,
    // Read when the key is pressed: words selected a moment before (the hook reads them after
    // the mouse-up, and renders after that) are in the DOM already.
    get canHighlight() {
      return words() !== null
    },
    hasHighlight: hl.selected !== null,
    close,
    highlight: () => void create('yellow'),
    edit: (field) => (words() ? void create('yellow', field) : setFocus(field)),
    copy: () => void copy(),
    remove: () => void hl.remove(),
    textSize: (step) => void updateSettings({ textSize: settings.textSize + step })
  })
  useKeys({
    u: () => goBack(),
    Escape: () => {
      if (selection || hl.selected) return false
      // Over the text in a narrow window, the side panel goes first.
      if (panelOpen && !wide) return setPanelShown(false)
      goBack()
    },
    e: () => void reading.archive(true),
    s: () => void reading.star(),
    // With words or a highlight selected, N is the note (the reader's keys take it first).
    n: () => (matches.count ? matches.next() : false),
    'Shift+N': () => (matches.count ? matches.previous() : false)
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
    <div className={`article-layout${panelOpen ? ' has-panel' : ''}${panelOpen && !wide ? ' panel-overlay' : ''}`}>
      <div className="reading-progress" role="progressbar" aria-label="Reading progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
        <span style={{ transform: `scaleX(${progress})` }} />
      </div>
      <div className="reader-wrap">
        <ReaderActions reading={reading.state} backLabel={backLabel(from)} panelOpen={panelOpen} onBack={goBack}
          onArchive={() => void reading.archive(true)} onStar={() => void reading.star()} onDelete={reading.remove} onPanel={togglePanel} />
        {q && <MatchBar query={q} matches={matches} />}
        <article className="reader" aria-labelledby="article-title">
          <ArticleHeader
            article={a}
            versions={<VersionsControl articleId={a.id} versions={a.versions} shown={a.version} />}
            onMessage={setMessage}
          />
          <ChangedNotice article={a} highlights={hl.highlights} />
          <div className="article-tags">
            <TagInput label="Article tags" tags={articleTags} suggestions={tagNames} onChange={(t) => void saveArticleTags(t)} />
          </div>
          <div onClick={onReaderClick} data-highlights-ready={hl.highlights.length}>
            <Reader doc={doc} dir={a.dir} lang={a.language} plugins={plugins} onView={setView} />
          </div>
          <ArticleEnd state={reading.state.state} onArchive={() => void reading.archive(true)} />
        </article>
      </div>
      <HighlightDecorations view={view} highlights={hl.highlights} selectedId={hl.selectedId} />
      {panelOpen && !wide && <div className="panel-backdrop" onClick={togglePanel} aria-hidden="true" />}
      <div className="side" id="side-panel" hidden={!panelOpen}>
        <div className="side-tabs" role="tablist" aria-label="Side panel">
          <button role="tab" aria-selected={tab === 'highlights'} className="tab" onClick={() => setTab('highlights')}>
            Highlights{hl.highlights.length ? ` (${hl.highlights.length})` : ''}
          </button>
          <button role="tab" aria-selected={tab === 'quotes'} className="tab" onClick={() => setTab('quotes')} title="Quotes: who said what in this article, found by Clipfile">
            Quotes{quotes.data ? ` (${quotes.data.filter((x) => x.kind !== 'scare').length})` : ''}
          </button>
          {!wide && (
            <button className="btn btn-ghost btn-small btn-icon side-close" onClick={togglePanel} aria-label="Hide the side panel" title="Hide (Esc)"><CloseIcon /></button>
          )}
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
    </div>
  )
}

/** The foot of the article: the end reached, and the one step usually taken there. */
function ArticleEnd({ state, onArchive }: { state: ReadingState['state']; onArchive: () => void }) {
  return (
    <footer className="article-end">
      <span aria-hidden="true">◆</span>
      {state === 'inbox' ? (
        <span className="article-end-done">
          Finished? <button className="btn btn-small" onClick={onArchive} title="Archive it and go back (E)">Done <span className="kbd">E</span></button>
        </span>
      ) : (
        <span className="hint">In your archive</span>
      )}
    </footer>
  )
}

/**
 * The article's place in the workflow as shown (changed here at once, saved behind), and the
 * reader's actions on it: archive or move (e; from the inbox it also goes back to the list),
 * star (s), delete (back to the list, with Undo).
 */
function useReading(a: Article) {
  // The stored state, or the change just made to it (until the article is loaded again).
  const [edited, setEdited] = useState<{ of: Article; value: Pick<ReadingState, 'state' | 'starred'> } | null>(null)
  const state = edited && edited.of === a ? edited.value : { state: a.state, starred: a.starred }
  const setState = (f: (s: typeof state) => typeof state) => setEdited((e) => ({ of: a, value: f(e && e.of === a ? e.value : state) }))
  const actions = useArticleActions()
  const subject = { id: a.id, ...state }
  const archive = async (andBack: boolean) => {
    const to = state.state === 'inbox' ? 'archive' : 'inbox'
    setState((s) => ({ ...s, state: to }))
    const failed = await actions.setState([subject], to)
    if (failed) setState((s) => ({ ...s, state: subject.state }))
    else if (andBack && to === 'archive') goBackFrom(a.id)
  }
  const star = async () => {
    setState((s) => ({ ...s, starred: !s.starred }))
    if (await actions.setStarred([subject], !subject.starred)) setState((s) => ({ ...s, starred: subject.starred }))
  }
  const remove = () => {
    actions.remove([a.id])
    goBack()
  }
  return { state, archive, star, remove }
}

/** The article's tags as shown: the stored ones, or the user's edit of them (until the article is loaded again). */
function useArticleTags(a: Article): [string[], (tags: string[]) => void] {
  const [edited, setEdited] = useState<{ of: string[]; tags: string[] } | null>(null)
  return [edited && edited.of === a.tags ? edited.tags : a.tags, (tags) => setEdited({ of: a.tags, tags })]
}
