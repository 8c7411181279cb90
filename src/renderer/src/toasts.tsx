/**
 * One toast at a time at the bottom of the window: a message, and for what can be taken back,
 * an Undo button (or Ctrl+Z). A toast that is replaced or times out is "expired": whatever it
 * was holding back (a delete) then goes ahead.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { isTyping } from './keys'

export interface ToastOptions {
  message: string
  /** Offered as "Undo"; the toast goes away when it is used. */
  undo?: () => void
  /** Runs when the toast goes without Undo (timed out, replaced, page closing). */
  onExpire?: () => void
  /** Milliseconds on screen; longer when Undo is offered. */
  duration?: number
  tone?: 'info' | 'error'
}

interface Shown extends ToastOptions {
  id: number
}

const ToastContext = createContext<(t: ToastOptions) => void>(() => undefined)

/** Shows a toast (replacing the one on screen). */
export const useToast = () => useContext(ToastContext)

export const UNDO_MS = 6000
let ids = 0

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Shown | null>(null)
  const current = useRef<Shown | null>(null)
  const finish = useCallback((undo: boolean) => {
    const t = current.current
    current.current = null
    setToast(null)
    if (!t) return
    if (undo) t.undo?.()
    else t.onExpire?.()
  }, [])
  const show = useCallback(
    (t: ToastOptions) => {
      finish(false)
      const shown = { ...t, id: ++ids }
      current.current = shown
      setToast(shown)
    },
    [finish]
  )

  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => finish(false), toast.duration ?? (toast.undo ? UNDO_MS : 4000))
    return () => clearTimeout(timer)
  }, [toast, finish])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !isTyping(e.target) && current.current?.undo) {
        e.preventDefault()
        finish(true)
      }
    }
    // Closing the tab lets what the toast was holding back go ahead (nothing waits for an Undo that cannot come).
    const onHide = () => finish(false)
    window.addEventListener('keydown', onKey)
    window.addEventListener('pagehide', onHide)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('pagehide', onHide)
    }
  }, [finish])

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" aria-live="polite">
        {toast && (
          <div key={toast.id} className={`toast${toast.tone === 'error' ? ' toast-error' : ''}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
            <span>{toast.message}</span>
            {toast.undo && (
              <button className="toast-action" onClick={() => finish(true)} aria-keyshortcuts="Control+Z">
                Undo
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  )
}
