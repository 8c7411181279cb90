import { SHORTCUTS } from '../shortcuts'
import { Dialog } from './Dialog'

/** "Ctrl+K" → ["Ctrl", "K"]; "+" stays one key. */
const chord = (key: string): string[] => {
  const m = key.match(/^(Ctrl|Shift|Alt|Cmd)\+(.+)$/)
  return m ? [m[1], m[2]] : [key]
}

/** Every keyboard shortcut, by where it works (`?`). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcut-groups">
        {SHORTCUTS.map((g) => (
          <section key={g.title} className="shortcut-group" aria-label={g.title}>
            <h3>{g.title}</h3>
            <dl>
              {g.items.map((s) => (
                <div key={`${g.title}-${s.keys.join()}`} className="shortcut">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="shortcut-or"> or </span>}
                        {chord(k).map((part, j) => (
                          <span key={part}>{j > 0 && '+'}<kbd className="kbd">{part}</kbd></span>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
