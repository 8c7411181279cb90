import type { ReadingState } from '../shared/types'

/**
 * Reading state is each person's own and stays in their archive; the team keeps none, so its
 * articles read as kept (archive), unstarred and unread.
 */
export const TEAM_READING: ReadingState = { state: 'archive', starred: false, progress: 0, readAt: null }
