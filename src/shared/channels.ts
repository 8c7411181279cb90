import type { MethodName } from './methods'

/** The IPC channel of an api method. */
export const channelFor = (name: MethodName): string => `clipfile:${name}`
/** The one channel main's events travel on: (event name, payload). */
export const EVENT_CHANNEL = 'clipfile:event'
/** The app protocol that serves stored assets to the reader. */
export const ASSET_SCHEME = 'clipfile-asset'
