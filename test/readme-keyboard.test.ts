/** The README's keyboard tables say exactly what the `?` dialog says: one list, kept in one place. */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SHORTCUTS } from '../src/renderer/src/shortcuts'

const README = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8')

/** A shortcut as a README table row: `| <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>K</kbd> | does |`. */
function row(keys: string[], does: string): string {
  const key = (k: string) => {
    const chord = k.match(/^(Ctrl|Shift|Alt|Cmd)\+(.+)$/)
    return chord ? `<kbd>${chord[1]}</kbd>+<kbd>${chord[2]}</kbd>` : `<kbd>${k === '|' ? '\\|' : k}</kbd>`
  }
  return `| ${keys.map(key).join(' or ')} | ${does} |`
}

describe('the README keyboard section', () => {
  const section = README.slice(README.indexOf('### Keyboard'), README.indexOf('\n### ', README.indexOf('### Keyboard') + 1))

  it('has a table for every group of shortcuts, with every shortcut of it', () => {
    expect(section.length).toBeGreaterThan(100)
    for (const group of SHORTCUTS) {
      expect(section, group.title).toContain(`**${group.title}**`)
      for (const s of group.items) expect(section).toContain(row(s.keys, s.does))
    }
  })

  it('lists nothing the app does not have', () => {
    const rows = section.split('\n').filter((l) => l.startsWith('| <kbd>'))
    expect(rows).toHaveLength(SHORTCUTS.reduce((n, g) => n + g.items.length, 0))
  })
})
