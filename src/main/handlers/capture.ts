import type { CaptureOutputs } from '../../shared/contract/capture'
import type { AppContext } from '../context'
import { findArticleByUrl } from '../db/articles'
import * as pairing from '../capture/pairing'
import type { AreaHandlers } from './types'

export function captureHandlers({ db, events }: AppContext): AreaHandlers<CaptureOutputs> {
  const changed = () => events.emit('pairingsChanged', { pending: pairing.countPending(db) })
  return {
    listPairings: () => pairing.listPairings(db),
    approvePairing: ({ code }) => {
      const p = pairing.approvePairing(db, code)
      changed()
      return p
    },
    revokePairing: ({ id }) => {
      const r = pairing.revokePairing(db, id)
      changed()
      return r
    },
    findSavedUrl: ({ url }) => findArticleByUrl(db, withoutFragment(url))
  }
}

/** The address a page was saved under never has a #fragment (the same page, another place in it). */
export function withoutFragment(url: string): string {
  const i = url.indexOf('#')
  return i < 0 ? url : url.slice(0, i)
}
