/** The archive as a member of a team: status for the sync indicator, sync now, share, team search, history. */
import { z } from 'zod'
import type { SearchResult, TeamHistoryEntry, TeamStatus, TeamSyncResult } from '../types'
import { id, tagName } from './common'
import { searchSchemas } from './search'

export const teamSchemas = {
  /** Whether this archive is in a team, what waits to be sent, the last sync and what was refused. */
  teamStatus: z.object({}).strict(),
  /** Push the outbox, then pull the team's changes. */
  teamSync: z.object({}).strict(),
  /** Share articles with the team: by id, every article with one of some tags (now and later), or all. */
  teamShare: z
    .object({ ids: z.array(id).max(10_000).optional(), tags: z.array(tagName).max(50).optional(), all: z.boolean().optional() })
    .strict()
    .refine((v) => [v.ids?.length, v.tags?.length, v.all].filter(Boolean).length === 1, { message: 'give one of ids, tags or all' }),
  /** Search the team's archive (the same language and answer as search; hits not in this archive have id 0). */
  teamSearch: searchSchemas.search,
  /** A highlight's revisions as the team recorded them, the overwritten ones included. */
  teamHistory: z.object({ id }).strict()
}

export interface TeamOutputs {
  teamStatus: TeamStatus
  teamSync: TeamSyncResult
  teamShare: { shared: number }
  teamSearch: SearchResult
  teamHistory: TeamHistoryEntry[]
}
