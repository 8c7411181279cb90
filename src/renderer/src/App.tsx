import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChangeList, ImportItem, SavedSearch, TagCount } from '../../shared/api'
import { clipfile } from './bridge'
import { useApi, useEvent } from './hooks'
import { useRoute } from './route'
import { Sidebar } from './components/Sidebar'
import { AddDialog } from './components/AddDialog'
import { ImportPanel, type ImportJob } from './components/ImportPanel'
import { Library } from './views/Library'
import { ArticleView } from './views/ArticleView'
import { QuotesView } from './views/QuotesView'
import { TagsView } from './views/TagsView'
import { SearchView } from './views/SearchView'
import { PeopleView } from './views/PeopleView'
import { DiffView } from './views/DiffView'
import { ChangesView } from './views/ChangesView'
import { VersionView } from './views/VersionView'
import { SearchBox } from './components/SearchBox'
import { PairingPrompt } from './components/PairingPrompt'
import { fileToItem, startImport, urlsIn } from './importing'
import { isTyping } from './keys'


export function App() {
  const route = useRoute()
  const [adding, setAdding] = useState(false)
  const [job, setJob] = useState<ImportJob | null>(null)
  const [dragging, setDragging] = useState(false)
  const [toast, setToast] = useState<string | null>(null)
  const info = useApi(() => clipfile.info({}), [])
  const tags = useApi<TagCount[]>(() => clipfile.listTags({}), [])
  const saved = useApi<SavedSearch[]>(() => clipfile.listSavedSearches({}), [])
  const changes = useApi<ChangeList>(() => clipfile.listChanges({ limit: 1 }), [])
  useEvent('libraryChanged', () => {
    info.reload()
    tags.reload()
    saved.reload()
    changes.reload()
  })
  useEvent('importProgress', (p) => {
    setJob((j) => {
      if (j && j.progress.jobId !== p.jobId) return j
      const r = p.lastResult
      const base = j ?? { progress: p, failures: [], created: 0, updated: 0, imagesMissing: 0 }
      return {
        progress: p,
        failures: r && !r.ok ? [...base.failures, { source: r.source, message: r.error ?? 'failed' }] : base.failures,
        created: base.created + (r?.status === 'created' ? 1 : 0),
        updated: base.updated + (r?.status === 'updated' ? 1 : 0),
        imagesMissing: base.imagesMissing + (r?.images?.missing ?? 0)
      }
    })
  })

  const runImport = useCallback((items: ImportItem[], tagList: string[] = []) => {
    const { jobId, done } = startImport(items, tagList)
    setJob({ progress: { jobId, done: 0, total: items.length, failed: 0, current: null, finished: false }, failures: [], created: 0, updated: 0, imagesMissing: 0 })
    void done.then((r) => {
      if (!r.ok) setToast(r.error.message)
    })
  }, [])

  useGlobalKeys(() => setAdding(true))
  // The page scrolls with the keyboard (arrows, Page Down, space) as soon as it opens.
  const content = useRef<HTMLDivElement>(null)
  const articleId = route.view === 'article' || route.view === 'version' || route.view === 'diff' ? route.id : null
  const subPage = route.view === 'version' ? route.number : route.view === 'diff' ? `${route.from}..${route.to}` : null
  useEffect(() => {
    if (!isTyping(document.activeElement)) content.current?.focus({ preventScroll: true })
    content.current?.scrollTo({ top: 0 })
  }, [route.view, articleId, subPage])
  useDropAndPaste(runImport, setDragging)
  useEffect(() => {
    if (!toast) return
    const t = setTimeout(() => setToast(null), 5000)
    return () => clearTimeout(t)
  }, [toast])

  return (
    <div className="app">
      <Sidebar route={route} total={info.data?.articles ?? null} quotes={info.data?.highlights ?? null} changes={changes.data?.total ?? null} saved={saved.data ?? []} tags={tags.data ?? []} onAdd={() => setAdding(true)} />
      <main className="main">
        <header className="topbar">
          <SearchBox route={route} />
        </header>
        <div className="content" ref={content} tabIndex={-1}>
          {route.view === 'article' && <ArticleView id={route.id} tags={tags.data ?? []} />}
          {route.view === 'library' && <Library tag={route.tag} onAdd={() => setAdding(true)} />}
          {route.view === 'quotes' && <QuotesView tag={route.tag} tags={tags.data ?? []} />}
          {route.view === 'tags' && <TagsView tags={tags.data ?? []} onChanged={tags.reload} />}
          {route.view === 'search' && <SearchView q={route.q} sort={route.sort} team={route.team === true} />}
          {route.view === 'people' && <PeopleView name={route.name} />}
          {route.view === 'version' && <VersionView id={route.id} number={route.number} />}
          {route.view === 'diff' && <DiffView id={route.id} from={route.from} to={route.to} />}
          {route.view === 'changes' && <ChangesView />}
        </div>
      </main>
      {adding && <AddDialog onClose={() => setAdding(false)} onImport={runImport} />}
      {job && <ImportPanel job={job} onClose={() => setJob(null)} />}
      {dragging && <div className="drop-overlay">Drop to add to your archive</div>}
      {toast && <div className="toast" role="alert">{toast}</div>}
      <PairingPrompt />
    </div>
  )
}

function useGlobalKeys(onAdd: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return
      if (e.key === 'a') {
        e.preventDefault()
        onAdd()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onAdd])
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
