import { useId, useState, type KeyboardEvent } from 'react'

interface Props {
  tags: string[]
  suggestions: string[]
  onChange: (tags: string[]) => void
  label?: string
  inputRef?: React.Ref<HTMLInputElement>
  onEscape?: () => void
  autoFocus?: boolean
}

/** Tags as chips; Enter or comma adds, Backspace on empty removes the last; suggestions from existing tags. */
export function TagInput({ tags, suggestions, onChange, label = 'Tags', inputRef, onEscape, autoFocus }: Props) {
  const [draft, setDraft] = useState('')
  const listId = useId()
  const add = (raw: string) => {
    const name = raw.trim().replace(/,$/, '').trim()
    if (!name) return
    const existing = suggestions.find((s) => s.toLowerCase() === name.toLowerCase()) ?? name
    if (!tags.some((t) => t.toLowerCase() === existing.toLowerCase())) onChange([...tags, existing])
    setDraft('')
  }
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault()
      add(draft)
    } else if (e.key === 'Backspace' && !draft && tags.length) {
      onChange(tags.slice(0, -1))
    } else if (e.key === 'Escape') {
      e.stopPropagation()
      onEscape?.()
    }
  }
  return (
    <div className="tag-input">
      {tags.map((t) => (
        <span className="tag tag-removable" key={t}>
          {t}
          <button type="button" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>×</button>
        </span>
      ))}
      <input
        ref={inputRef}
        aria-label={label}
        autoFocus={autoFocus}
        list={listId}
        value={draft}
        placeholder={tags.length ? '' : 'Add tags…'}
        onChange={(e) => {
          const v = e.target.value
          // A value picked from the datalist arrives whole: take it as a tag.
          if (suggestions.includes(v)) add(v)
          else setDraft(v)
        }}
        onKeyDown={onKey}
        onBlur={() => add(draft)}
      />
      <datalist id={listId}>
        {suggestions.filter((s) => !tags.includes(s)).map((s) => <option key={s} value={s} />)}
      </datalist>
    </div>
  )
}
