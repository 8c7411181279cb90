/** App-wide preferences (appearance, reading, layout), kept in the archive. */
import { z } from 'zod'
import { LINE_WIDTHS, TEXT_SIZE, THEMES } from '../vocabulary'
import type { Settings } from '../types'

export const settingsSchemas = {
  /** Every preference, defaults filled in. */
  getSettings: z.object({}).strict(),
  /** Change some preferences; answers with all of them. */
  updateSettings: z
    .object({
      theme: z.enum(THEMES).optional(),
      textSize: z.number().int().min(TEXT_SIZE.min).max(TEXT_SIZE.max).optional(),
      lineWidth: z.enum(LINE_WIDTHS).optional(),
      autoArchive: z.boolean().optional(),
      sidebarCollapsed: z.boolean().optional(),
      panelCollapsed: z.boolean().optional()
    })
    .strict()
}

export interface SettingsOutputs {
  getSettings: Settings
  updateSettings: Settings
}
