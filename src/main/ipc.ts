/**
 * Binds every ClipfileApi method to ipcMain in one loop over the contract, validating each
 * payload in main (dispatch), and forwards main's events to every window.
 */
import { ipcMain, webContents, type IpcMain } from 'electron'
import { methodNames } from '../shared/api'
import { dispatch, type Handlers } from './api'
import type { EventBus } from './events'
import { channelFor, EVENT_CHANNEL } from '../shared/channels'

/** Registers the handlers; throws if a channel is bound twice. Returns the unbinder. */
export function bindIpc(handlers: Handlers, ipc: IpcMain = ipcMain): () => void {
  for (const name of methodNames) {
    ipc.handle(channelFor(name), (event, payload: unknown) => {
      // Only our own window's top frame may call the api.
      if (event.senderFrame && event.senderFrame !== event.sender.mainFrame) {
        return { ok: false, error: { code: 'unsupported', message: 'Calls from frames are refused.' } }
      }
      return dispatch(handlers, name, payload)
    })
  }
  return () => methodNames.forEach((name) => ipc.removeHandler(channelFor(name)))
}

/** Sends every event to every renderer. */
export function forwardEvents(events: EventBus): () => void {
  return events.onAny((event, payload) => {
    for (const wc of webContents.getAllWebContents()) {
      if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, event, payload)
    }
  })
}
