/**
 * What the lists and the reader do to articles — archive, move to the inbox, star, delete —
 * each said in a toast with Undo.
 *
 * A delete cannot be taken back once it is done (the article's text, images, highlights and
 * quotes go with it), so it is held back instead: the articles leave the lists at once
 * (`usePendingDeletes`, which the lists pass to the server as `exclude`), and are deleted when
 * the Undo time runs out, another toast takes its place, or the page closes.
 */
import { useCallback, useSyncExternalStore } from 'react'
import type { ReadingState } from '../../shared/types'
import type { ArticleState } from '../../shared/vocabulary'
import { clipfile } from './bridge'
import { useToast } from './toasts'

export type Subject = Pick<ReadingState, 'state' | 'starred'> & { id: number }

let pending: number[] = []
const listeners = new Set<() => void>()
const setPending = (next: number[]) => {
  pending = next
  listeners.forEach((fn) => fn())
}
const subscribe = (fn: () => void) => {
  listeners.add(fn)
  return () => void listeners.delete(fn)
}

/** Ids of articles deleted in the UI whose Undo is still offered: lists leave them out. */
export const usePendingDeletes = (): number[] => useSyncExternalStore(subscribe, () => pending)

const plural = (n: number, one: string) => `${n.toLocaleString()} ${n === 1 ? one : `${one}s`}`

/** The actions, with their toasts. Each resolves to an error message, or null. */
export function useArticleActions() {
  const toast = useToast()

  const setState = useCallback(
    async (items: Subject[], state: ArticleState): Promise<string | null> => {
      const moving = items.filter((i) => i.state !== state)
      if (moving.length === 0) return null
      const r = await clipfile.setArticleState({ ids: moving.map((i) => i.id), state })
      if (!r.ok) {
        toast({ message: r.error.message, tone: 'error' })
        return r.error.message
      }
      const what = moving.length === 1 ? 'Article' : plural(moving.length, 'article')
      toast({
        message: state === 'archive' ? `${what} archived` : `${what} moved to the inbox`,
        undo: () => void restoreStates(moving)
      })
      return null
    },
    [toast]
  )

  const setStarred = useCallback(
    async (items: Subject[], starred: boolean): Promise<string | null> => {
      const r = await clipfile.setArticleState({ ids: items.map((i) => i.id), starred })
      if (!r.ok) {
        toast({ message: r.error.message, tone: 'error' })
        return r.error.message
      }
      if (items.length > 1) toast({ message: `${plural(items.length, 'article')} ${starred ? 'starred' : 'unstarred'}`, undo: () => void restoreStates(items) })
      return null
    },
    [toast]
  )

  const remove = useCallback(
    (ids: number[]) => {
      const fresh = ids.filter((id) => !pending.includes(id))
      if (fresh.length === 0) return
      setPending([...pending, ...fresh])
      const release = () => setPending(pending.filter((id) => !fresh.includes(id)))
      toast({
        message: `${fresh.length === 1 ? 'Article' : plural(fresh.length, 'article')} deleted`,
        undo: release,
        onExpire: () =>
          void clipfile.deleteArticles({ ids: fresh }).then((r) => {
            release()
            if (!r.ok) toast({ message: `Not deleted: ${r.error.message}`, tone: 'error' })
          })
      })
    },
    [toast]
  )

  return { setState, setStarred, remove }
}

/** Puts articles back as they were (the Undo of a move or a star), grouped by what they were. */
async function restoreStates(items: Subject[]): Promise<void> {
  const groups = new Map<string, number[]>()
  for (const i of items) {
    const key = `${i.state}|${i.starred}`
    groups.set(key, [...(groups.get(key) ?? []), i.id])
  }
  for (const [key, ids] of groups) {
    const [state, starred] = key.split('|')
    await clipfile.setArticleState({ ids, state: state as ArticleState, starred: starred === 'true' })
  }
}
