/** App-wide preferences as they are before anyone changes them (zod-free: main and the renderer share it). */
import type { Settings } from './types'
import { TEXT_SIZE } from './vocabulary'

export const DEFAULT_SETTINGS: Settings = {
  theme: 'auto',
  textSize: TEXT_SIZE.default,
  lineWidth: 'medium',
  autoArchive: false,
  sidebarCollapsed: false,
  panelCollapsed: false
}
