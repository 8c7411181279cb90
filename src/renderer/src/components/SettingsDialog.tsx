import { useState } from 'react'
import { LINE_WIDTHS, TEXT_SIZE, THEMES, type LineWidth, type Theme } from '../../../shared/vocabulary'
import { updateSettings, useSettings } from '../settings'
import { Dialog } from './Dialog'
import { PairedBrowsers } from './PairedBrowsers'

const THEME_NAMES: Record<Theme, string> = { auto: 'Same as the system', light: 'Light', dark: 'Dark' }
const WIDTH_NAMES: Record<LineWidth, string> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' }

/** App-wide preferences, applied as they change and kept in the archive. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const s = useSettings()
  const [error, setError] = useState<string | null>(null)
  const change = (patch: Parameters<typeof updateSettings>[0]) => void updateSettings(patch).then(setError)
  return (
    <Dialog title="Settings" onClose={onClose}>
      <fieldset className="setting">
        <legend>Theme</legend>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => (
            <label key={t} className={s.theme === t ? 'is-on' : ''}>
              <input type="radio" name="theme" value={t} checked={s.theme === t} onChange={() => change({ theme: t })} />
              {THEME_NAMES[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="setting">
        <legend>Reading</legend>
        <div className="setting-row">
          <label htmlFor="text-size">Text size</label>
          <div className="stepper">
            <button className="btn btn-small" aria-label="Smaller text" onClick={() => change({ textSize: s.textSize - 1 })} disabled={s.textSize <= TEXT_SIZE.min}>A−</button>
            <input id="text-size" type="range" min={TEXT_SIZE.min} max={TEXT_SIZE.max} value={s.textSize} onChange={(e) => change({ textSize: Number(e.target.value) })} />
            <button className="btn btn-small" aria-label="Larger text" onClick={() => change({ textSize: s.textSize + 1 })} disabled={s.textSize >= TEXT_SIZE.max} style={{ fontSize: 15 }}>A+</button>
            <output htmlFor="text-size" className="nav-count">{s.textSize} px</output>
          </div>
        </div>
        <div className="setting-row">
          <label htmlFor="line-width">Line width</label>
          <select id="line-width" className="select" value={s.lineWidth} onChange={(e) => change({ lineWidth: e.target.value as LineWidth })}>
            {LINE_WIDTHS.map((w) => <option key={w} value={w}>{WIDTH_NAMES[w]}</option>)}
          </select>
        </div>
        <div className="setting-preview" aria-hidden="true">
          <p>“Iran needs to withdraw its military and the militias it supports from Syria,” Tillerson told reporters.</p>
        </div>
        <label className="check-row">
          <input type="checkbox" checked={s.autoArchive} onChange={(e) => change({ autoArchive: e.target.checked })} />
          <span>
            <b>Archive articles I read to the end</b>
            <span className="hint">When you reach the last line of an article in the inbox, it moves to the archive (with Undo).</span>
          </span>
        </label>
      </fieldset>
      <PairedBrowsers />
      {error && <div className="error-text" role="alert">{error}</div>}
      <p className="hint">Settings are kept in the archive, so every window that opens it — the app, <code>clipfile serve</code> — uses them.</p>
    </Dialog>
  )
}
