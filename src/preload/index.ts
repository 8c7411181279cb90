/**
 * The only bridge between the sandboxed renderer and main: the contract's methods over
 * ipcRenderer.invoke, main's events, and the asset URL scheme. Nothing else of Electron
 * or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { ClipfileBridge, EventMap, EventName } from '../shared/api'
import { createClient } from '../shared/client'
import { ASSET_SCHEME, EVENT_CHANNEL, channelFor } from '../shared/channels'

const api = createClient((method, payload) => ipcRenderer.invoke(channelFor(method), payload))

contextBridge.exposeInMainWorld('clipfile', {
  ...api,
  host: 'electron',
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
    const fn = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload as EventMap[E])
    }
    ipcRenderer.on(EVENT_CHANNEL, fn)
    return () => void ipcRenderer.off(EVENT_CHANNEL, fn)
  },
  assetUrl: (assetId: number) => `${ASSET_SCHEME}://asset/${Math.trunc(assetId)}`
} satisfies ClipfileBridge)
