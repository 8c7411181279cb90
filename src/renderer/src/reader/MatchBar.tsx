import type { SearchMatches } from './use-search-matches'
import { ChevronDownIcon, ChevronUpIcon, CloseIcon } from '../components/icons'

/** "Match 2 of 7" for the search the article was opened from, with previous / next (Shift+N / N). */
export function MatchBar({ query, matches }: { query: string; matches: SearchMatches }) {
  if (matches.count === null) return null
  return (
    <div className="match-bar" role="region" aria-label="Search matches">
      <span className="match-query" title={query}>“{query}”</span>
      {matches.count === 0 ? (
        <span className="match-count">No match in the text (the search found it in the title, tags or highlights)</span>
      ) : (
        <>
          <span className="match-count" aria-live="polite">Match {matches.current + 1} of {matches.count}</span>
          <button className="btn btn-ghost btn-small btn-icon" onClick={matches.previous} aria-label="Previous match" title="Previous match (Shift+N)" aria-keyshortcuts="Shift+N"><ChevronUpIcon /></button>
          <button className="btn btn-ghost btn-small btn-icon" onClick={matches.next} aria-label="Next match" title="Next match (N)" aria-keyshortcuts="n"><ChevronDownIcon /></button>
        </>
      )}
      <button className="btn btn-ghost btn-small btn-icon" onClick={matches.clear} aria-label="Stop marking matches"><CloseIcon /></button>
    </div>
  )
}
