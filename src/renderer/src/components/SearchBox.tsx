import { useEffect, useRef, useState } from 'react'
import { go, parseRoute, replace, type Route } from '../route'
import { SearchIcon } from './icons'
import { isTyping } from '../keys'

const DEBOUNCE_MS = 150

/** The search box: searches as you type (debounced); `/` or Ctrl+K focuses it from anywhere. */
export function SearchBox({ route }: { route: Route }) {
  const routeQuery = route.view === 'search' ? route.q : ''
  const [draft, setDraft] = useState(routeQuery)
  const input = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => {
    // The query changed elsewhere (a facet, the timeline, a saved search): it wins over
    // anything still waiting to be sent from the box.
    if (document.activeElement !== input.current) {
      clearTimeout(timer.current)
      setDraft(routeQuery)
    }
  }, [routeQuery])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !isTyping(e.target))) {
        e.preventDefault()
        input.current?.focus()
        input.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const run = (q: string, now: boolean) => {
    clearTimeout(timer.current)
    const typedAt = location.hash
    const apply = () => {
      // If the query was changed elsewhere meanwhile (a facet, the timeline), that change wins.
      if (!now && location.hash !== typedAt) return
      const current = parseRoute(location.hash)
      if (current.view === 'search') replace({ view: 'search', q, sort: current.sort, team: current.team })
      else go({ view: 'search', q })
    }
    if (now) apply()
    else timer.current = setTimeout(apply, DEBOUNCE_MS)
  }
  return (
    <form className="search" role="search" onSubmit={(e) => { e.preventDefault(); run(draft, true) }}>
      <SearchIcon />
      <input ref={input} type="search" aria-label="Search" placeholder='Search your archive — try  iran syria after:2017  or  tag:Tillerson "withdraw"'
        value={draft}
        onChange={(e) => { setDraft(e.target.value); if (e.target.value.trim()) run(e.target.value, false) }}
        onBlur={() => {
          // Leaving the box sends what was typed at once (e.g. before clicking "Save search").
          if (draft.trim() && draft !== routeQuery) run(draft, true)
        }}
        onKeyDown={(e) => { if (e.key === 'Escape') { setDraft(''); input.current?.blur(); if (route.view === 'search') go({ view: 'library', list: 'inbox' }) } }} />
      <span className="kbd" title="Press / or Ctrl+K to search">/</span>
    </form>
  )
}
