import type { VersionOutputs } from '../../shared/contract/versions'
import type { AppContext } from '../context'
import * as versions from '../versions/service'
import * as follow from '../versions/follow'
import type { AreaHandlers } from './types'

export function versionHandlers(ctx: AppContext): AreaHandlers<VersionOutputs> {
  const { db, events } = ctx
  return {
    listVersions: ({ articleId }) => versions.listVersionsOf(db, articleId),
    getVersion: ({ articleId, number }) => versions.getVersion(db, articleId, number),
    diffVersions: (input) => versions.diffVersions(db, input),
    exportDiff: (input) => versions.exportDiff(db, input),
    listChanges: ({ limit, offset }) => versions.listChanges(db, limit, offset),
    getFollow: ({ articleId }) => follow.followState(db, articleId, Date.now()),
    setFollow: ({ articleId, follow: on }) => {
      const state = db.transaction(() => follow.setFollow(db, articleId, on, Date.now())).immediate()
      events.emit('libraryChanged', { reason: 'versions', articleId })
      return state
    },
    recheck: async ({ ids, due }) => {
      if (ids) ids.forEach((id) => versions.requireArticle(db, id))
      return due ? ctx.rechecks.checkDue() : ctx.rechecks.check(ids!)
    },
    getFollowSettings: () => follow.getFollowSettings(db),
    setFollowSettings: (s) => db.transaction(() => follow.setFollowSettings(db, s)).immediate()
  }
}
