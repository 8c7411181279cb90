import { useId, useState } from 'react'
import type { Speaker } from '../../../shared/api'

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * A searchable list of people (a combobox): type part of any of their names, pick with the
 * arrows and Enter or a click. For hundreds of names, where a dropdown is a wall.
 */
export function PersonPicker({ people, label, onPick }: { people: Speaker[]; label: string; onPick: (p: Speaker) => void }) {
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const id = useId()
  const wanted = fold(text.trim())
  const matches = people.filter((p) => !wanted || p.aliases.some((a) => fold(a).includes(wanted))).slice(0, 8)
  const pick = (p: Speaker | undefined) => {
    if (!p) return
    onPick(p)
    setText(p.name)
    setOpen(false)
  }
  return (
    <div className="picker">
      <input className="input" role="combobox" aria-label={label} aria-expanded={open && matches.length > 0} aria-controls={`${id}-list`}
        aria-autocomplete="list" aria-activedescendant={open && matches[active] ? `${id}-${active}` : undefined}
        placeholder="Type a name…" value={text}
        onChange={(e) => { setText(e.target.value); setOpen(true); setActive(0) }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(matches.length - 1, a + 1)) }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)) }
          else if (e.key === 'Enter') { e.preventDefault(); pick(matches[active]) }
          else if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false) }
        }} />
      {open && matches.length > 0 && (
        <ul className="picker-list" role="listbox" id={`${id}-list`} aria-label={label}>
          {matches.map((p, i) => (
            <li key={p.key} id={`${id}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => { e.preventDefault(); pick(p) }} onMouseEnter={() => setActive(i)}>
              <span className="picker-name">{p.name}</span>
              <span className="nav-count">{p.quotes} {p.quotes === 1 ? 'quote' : 'quotes'}</span>
              {p.aliases.length > 1 && <span className="picker-aliases">also {p.aliases.filter((a) => a !== p.name).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && wanted && matches.length === 0 && <div className="picker-list picker-none">Nobody by that name</div>}
    </div>
  )
}
