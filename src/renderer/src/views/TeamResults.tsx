/**
 * Search in the team's archive (a team server, docs/team.md): the scope switch, and its
 * results as a plain list. Team results are not paged like the local ones — the server
 * answers at most 200 — and they carry what the local rows do not: who made each highlight,
 * and articles that are in the team's archive but not yet in this one.
 */
import { useState } from 'react'
import type { SearchResult, TeamStatus } from '../../../shared/api'
import type { SearchSort } from '../../../shared/vocabulary'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { Snippet } from '../components/Snippet'
import { QuoteIcon } from '../components/icons'

const STEP = 20
const MAX = 200

/** "This archive | Team", shown only to an archive that has joined a team. */
export function SearchScope({ q, sort, team }: { q: string; sort: SearchSort; team: boolean }) {
  const status = useApi<TeamStatus>(() => clipfile.teamStatus({}), [])
  if (!status.data?.joined) return null
  return (
    <div className="scope" role="group" aria-label="Search in">
      <button aria-pressed={!team} onClick={() => go({ view: 'search', q, sort })}>This archive</button>
      <button aria-pressed={team} onClick={() => go({ view: 'search', q, sort, team: true })}>Team</button>
    </div>
  )
}

export function useTeamSearch(q: string, sort: SearchSort, enabled: boolean) {
  const [limit, setLimit] = useState(STEP)
  const result = useApi<SearchResult | null>(
    async () => (enabled ? clipfile.teamSearch({ query: q, sort, limit }) : { ok: true, value: null }),
    [q, sort, limit, enabled]
  )
  useEvent('libraryChanged', () => enabled && result.reload())
  return { result, limit, more: () => setLimit((l) => Math.min(MAX, l + STEP)) }
}

export function TeamResults({ search }: { search: ReturnType<typeof useTeamSearch> }) {
  const r = search.result.data
  return (
    <>
      {r?.error && (
        <div className="banner query-error" role="alert">
          <b>Query problem:</b> {r.error.message}. Showing results for the rest of the query.
        </div>
      )}
      {search.result.error && <div className="banner" role="alert">{search.result.error}</div>}
      {r && r.total === 0 && (
        <div className="empty">
          <h2>Nothing matches in the team’s archive</h2>
          <p>Try fewer words, a shorter prefix (<code>negotiat*</code>), or remove a filter.</p>
        </div>
      )}
      <ol className="results" aria-label="Search results">
        {r?.results.map((hit) => (
          <li key={hit.uuid ?? hit.id} className="result">
            <div className="row-kicker">
              {hit.site && <span className="row-site">{hit.site}</span>}
              {hit.byline && <span>· {hit.byline}</span>}
              {hit.publishedAt && <span>· {formatDate(hit.publishedAt, 'long')}</span>}
            </div>
            {hit.id > 0 ? (
              <a className="result-title" href={routeHref({ view: 'article', id: hit.id })}>{hit.title}</a>
            ) : (
              <span className="result-title-remote">{hit.title}<span className="result-remote">· in the team’s archive, not yet in yours: sync to read it</span></span>
            )}
            {hit.snippet && <p className="result-snippet"><Snippet text={hit.snippet} /></p>}
            {hit.highlights.length > 0 && (
              <ul className="result-quotes" aria-label="Matching quotes">
                {hit.highlights.map((h) => (
                  <li key={`${h.id}-${h.exact}`}>
                    <QuoteIcon /> <span className={`quote-chip hl-${h.color}`}>{h.exact}</span>
                    {h.note && <span className="result-note"> — {h.note}</span>}
                    {h.author && <span className="result-author"> · by {h.author}</span>}
                  </li>
                ))}
              </ul>
            )}
            {hit.tags.length > 0 && <div className="row-tags">{hit.tags.map((t) => <span className="tag" key={t}>{t}</span>)}</div>}
          </li>
        ))}
      </ol>
      {r && r.total > r.results.length && (
        <div className="more-row">
          <button className="btn" onClick={search.more} disabled={search.limit >= MAX}>
            Show more ({r.results.length} of {r.total.toLocaleString()})
          </button>
        </div>
      )}
    </>
  )
}
