import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ChangeList, ImportItem, SavedSearch, TagCount } from '../../shared/api'
import { clipfile } from './bridge'
import { useApi, useEvent } from './hooks'
import { lastNonArticleRoute, routeHref, useRoute, type Route } from './route'
import { Sidebar, type Counts } from './components/Sidebar'
import { AddDialog } from './components/AddDialog'
import { ImportPanel, type ImportJob } from './components/ImportPanel'
import { SettingsDialog } from './components/SettingsDialog'
import { ShortcutsDialog } from './components/ShortcutsDialog'
import { Library } from './views/Library'
import { ArticleView } from './views/ArticleView'
import { HighlightsView } from './views/HighlightsView'
import { TagsView } from './views/TagsView'
import { SearchView } from './views/SearchView'
import { PeopleView } from './views/PeopleView'
import { DiffView } from './views/DiffView'
import { ChangesView } from './views/ChangesView'
import { VersionView } from './views/VersionView'
import { SearchBox } from './components/SearchBox'
import { PairingPrompt } from './components/PairingPrompt'
import { SidebarIcon } from './components/icons'
import { fileToItem, startImport, urlsIn } from './importing'
import { isTyping } from './keys'
import { dialogOpen } from './lists/use-keys'
import { ToastProvider, useToast } from './toasts'
import { usePendingDeletes } from './actions'
import { loadSettings, updateSettings, useSettings } from './settings'
import { useWide } from './layout'

export function App() {
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  )
}

type Dialog = 'add' | 'settings' | 'shortcuts' | null

function Shell() {
  const route = useRoute()
  const toast = useToast()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [dragging, setDragging] = useState(false)
  const info = useApi(() => clipfile.info({}), [])
  const tags = useApi<TagCount[]>(() => clipfile.listTags({}), [])
  const saved = useApi<SavedSearch[]>(() => clipfile.listSavedSearches({}), [])
  const changes = useApi<ChangeList>(() => clipfile.listChanges({ limit: 1 }), [])
  useEvent('libraryChanged', (e) => {
    if (e.reason === 'progress') return
    info.reload()
    if (e.reason !== 'state') tags.reload()
    if (e.reason === 'searches' || e.reason === 'import' || e.reason === 'delete' || e.reason === 'external' || e.reason === 'tags' || e.reason === 'state') saved.reload()
    if (e.reason === 'versions' || e.reason === 'import' || e.reason === 'delete' || e.reason === 'external') changes.reload()
  })
  useEffect(() => void loadSettings(), [])
  const onImportError = useCallback((message: string) => toast({ message, tone: 'error' }), [toast])
  const { job, runImport, retry, close } = useImportJob(onImportError)
  const counts = useCounts(info.data)

  const layout = useSidebar(route)
  const closeDialog = useCallback(() => setDialog(null), [])
  useGlobalKeys(setDialog)
  useDropAndPaste(runImport, setDragging)

  // Each place opens at its top (lists and the reader then restore their own place), with the keyboard on the page.
  const content = useRef<HTMLDivElement>(null)
  const place = routeHref(route)
  useLayoutEffect(() => {
    if (!isTyping(document.activeElement)) content.current?.focus({ preventScroll: true })
    content.current?.scrollTo({ top: 0 })
  }, [place])

  const last = lastNonArticleRoute()
  const from = last?.view === 'library' ? last.list : last?.view === 'search' ? 'search' : null
  const tagList = tags.data ?? []
  return (
    <div className={`app${layout.rail || layout.overlay ? ' has-rail' : ''}`}>
      <Sidebar route={route} counts={counts} changes={changes.data?.total ?? null} saved={saved.data ?? []} tags={tagList} rail={layout.rail} overlay={layout.overlay}
        onToggle={layout.toggle} onAdd={() => setDialog('add')} onSettings={() => setDialog('settings')} onShortcuts={() => setDialog('shortcuts')} />
      {layout.overlay && <div className="sidebar-backdrop" onClick={layout.toggle} aria-hidden="true" />}
      <main className="main">
        <header className="topbar">
          {layout.rail && !layout.wide && (
            <button className="btn btn-ghost btn-icon topbar-menu" onClick={layout.toggle} aria-label="Expand the sidebar" aria-controls="sidebar" aria-expanded={false}>
              <SidebarIcon />
            </button>
          )}
          <SearchBox route={route} />
        </header>
        <div className="content" ref={content} tabIndex={-1}>
          <View route={route} tags={tagList} archiveSize={info.data?.articles ?? null} from={from} onAdd={() => setDialog('add')} onTagsChanged={tags.reload} />
        </div>
      </main>
      {dialog === 'add' && <AddDialog onClose={closeDialog} onImport={runImport} />}
      {dialog === 'settings' && <SettingsDialog onClose={closeDialog} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={closeDialog} />}
      {job && <ImportPanel job={job} onClose={close} onRetry={retry} />}
      {dragging && <div className="drop-overlay">Drop to add to your archive</div>}
      <PairingPrompt />
    </div>
  )
}

function View({ route, tags, archiveSize, from, onAdd, onTagsChanged }: { route: Route; tags: TagCount[]; archiveSize: number | null; from: 'inbox' | 'archive' | 'starred' | 'all' | 'search' | null; onAdd: () => void; onTagsChanged: () => void }) {
  const names = tags.map((t) => t.name)
  switch (route.view) {
    case 'article':
      return <ArticleView id={route.id} q={route.q} tags={tags} from={from} />
    case 'library':
      return <Library list={route.list} tag={route.tag} archiveSize={archiveSize} tagSuggestions={names} onAdd={onAdd} />
    case 'highlights':
      return <HighlightsView tag={route.tag} tags={tags} />
    case 'tags':
      return <TagsView tags={tags} onChanged={onTagsChanged} />
    case 'search':
      return <SearchView q={route.q} sort={route.sort} team={route.team === true} tagSuggestions={names} />
    case 'people':
      return <PeopleView name={route.name} />
    case 'version':
      return <VersionView id={route.id} number={route.number} />
    case 'diff':
      return <DiffView id={route.id} from={route.from} to={route.to} />
    case 'changes':
      return <ChangesView />
  }
}

/** The running import and its summary: started from the dialog, a drop or a paste; failed items retried from it. */
function useImportJob(onError: (message: string) => void) {
  const [job, setJob] = useState<ImportJob | null>(null)
  useEvent('importProgress', (p) => {
    setJob((j) => {
      if (!j || j.progress.jobId !== p.jobId) return j
      const r = p.lastResult
      return {
        ...j,
        progress: p,
        failures: r && !r.ok ? [...j.failures, { source: r.source, message: r.error ?? 'failed', forceable: !!r.forceable }] : j.failures,
        created: j.created + (r?.status === 'created' ? 1 : 0),
        updated: j.updated + (r?.status === 'updated' ? 1 : 0),
        imagesMissing: j.imagesMissing + (r?.images?.missing ?? 0)
      }
    })
  })
  const start = useCallback((items: ImportItem[], tags: string[], force: boolean) => {
    const { jobId, done } = startImport(items, tags, force)
    setJob({ progress: { jobId, done: 0, total: items.length, failed: 0, current: null, finished: false }, failures: [], created: 0, updated: 0, imagesMissing: 0, items, tags })
    // A refusal of the whole request (not of one item) is said in a toast.
    void done.then((r) => {
      if (!r.ok) onError(r.error.message)
    })
  }, [onError])
  const runImport = useCallback((items: ImportItem[], tags: string[] = []) => start(items, tags, false), [start])
  const retry = useCallback((items: ImportItem[], force: boolean) => start(items, job?.tags ?? [], force), [start, job])
  return { job, runImport, retry, close: () => setJob(null) }
}

/** The sidebar's counts: the archive's, less the articles whose delete is waiting for its Undo to run out. */
function useCounts(info: { articles: number; inbox: number; archive: number; starred: number; highlights: number } | null): Counts | null {
  const pending = usePendingDeletes()
  if (!info) return null
  const less = (n: number) => Math.max(0, n - pending.length)
  // Which state each pending article is in is not known here; "All" is exact, the others settle when the delete runs.
  return { all: less(info.articles), inbox: info.inbox, archive: info.archive, starred: info.starred, highlights: info.highlights }
}

/**
 * The sidebar: in a wide window docked, expanded or folded to a rail (remembered); in a
 * narrow one a rail that opens over the page and closes again when something is chosen.
 */
function useSidebar(route: Route) {
  const wide = useWide()
  const settings = useSettings()
  const [open, setOpen] = useState(false)
  const place = routeHref(route)
  const [shownPlace, setShownPlace] = useState(place)
  if (shownPlace !== place) {
    setShownPlace(place)
    setOpen(false)
  }
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  const rail = wide ? settings.sidebarCollapsed : !open
  return {
    wide,
    rail,
    overlay: !wide && open,
    toggle: () => (wide ? void updateSettings({ sidebarCollapsed: !settings.sidebarCollapsed }) : setOpen(!open))
  }
}

function useGlobalKeys(setDialog: (d: Dialog) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey || dialogOpen()) return
      if (e.key === 'a') {
        e.preventDefault()
        setDialog('add')
      } else if (e.key === '?') {
        e.preventDefault()
        setDialog('shortcuts')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [setDialog])
}

/** Files and links dropped anywhere, and links or HTML pasted outside a text field, are imported. */
function useDropAndPaste(run: (items: ImportItem[]) => void, setDragging: (b: boolean) => void) {
  useEffect(() => {
    let depth = 0
    const onEnter = (e: DragEvent) => {
      if (!e.dataTransfer?.types.some((t) => t === 'Files' || t === 'text/uri-list')) return
      depth++
      setDragging(true)
    }
    const onLeave = () => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onOver = (e: DragEvent) => e.preventDefault()
    const onDrop = async (e: DragEvent) => {
      e.preventDefault()
      depth = 0
      setDragging(false)
      const dt = e.dataTransfer
      if (!dt) return
      const files = Array.from(dt.files)
      if (files.length) return run(await Promise.all(files.map(fileToItem)))
      const urls = urlsIn(dt.getData('text/uri-list') || dt.getData('text/plain'))
      if (urls.length) run(urls.map((url) => ({ kind: 'url', url })))
    }
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData) return
      const text = e.clipboardData.getData('text/plain')
      const html = e.clipboardData.getData('text/html')
      const urls = urlsIn(text)
      if (urls.length) run(urls.map((url) => ({ kind: 'url', url })))
      else if (html.trim()) run([{ kind: 'html', html }])
      else return
      e.preventDefault()
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    window.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
      window.removeEventListener('paste', onPaste)
    }
  }, [run, setDragging])
}
