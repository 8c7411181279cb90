import type { TeamOutputs } from '../../shared/contract/team'
import type { SearchResult } from '../../shared/types'
import type { AppContext } from '../context'
import * as sync from '../sync/service'
import * as client from '../sync/client'
import { idsByUuid } from '../db/team'
import type { AreaHandlers } from './types'

export function teamHandlers({ db, events }: AppContext): AreaHandlers<TeamOutputs> {
  return {
    teamStatus: () => sync.status(db),
    teamSync: async () => {
      const r = await sync.syncNow(db)
      if (r.pulled.articles || r.pulled.highlights || r.pulled.deleted) events.emit('libraryChanged', { reason: 'import' })
      return {
        pushed: r.pushed ? r.pushed.applied : 0,
        refused: r.pushed ? r.pushed.rejected : 0,
        pulledArticles: r.pulled.articles,
        pulledHighlights: r.pulled.highlights,
        status: sync.status(db)
      }
    },
    teamShare: ({ ids, tags, all }) => ({
      shared: all ? sync.setPolicy(db, 'all') : tags?.length ? sync.setPolicy(db, 'tags', tags) : sync.shareArticles(db, ids ?? [])
    }),
    teamSearch: async (input) => {
      const r = await client.method<SearchResult>(sync.endpoint(db), 'search', input)
      // The team's ids are the server's: a hit opens this archive's copy, when it has one.
      const local = idsByUuid(db, r.results.flatMap((h) => (h.uuid ? [h.uuid] : [])))
      return { ...r, results: r.results.map((h) => ({ ...h, id: (h.uuid && local.get(h.uuid)) || 0, highlights: h.highlights.map((x) => ({ ...x, id: 0 })) })) }
    },
    teamHistory: ({ id }) => sync.history(db, id)
  }
}
