import type { SettingsOutputs } from '../../shared/contract/settings'
import type { AppContext } from '../context'
import { getSettings, updateSettings } from '../settings'
import type { AreaHandlers } from './types'

export function settingsHandlers({ db }: AppContext): AreaHandlers<SettingsOutputs> {
  return {
    getSettings: () => getSettings(db),
    updateSettings: (change) => updateSettings(db, change)
  }
}
