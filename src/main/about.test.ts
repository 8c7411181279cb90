import { describe, expect, it } from 'vitest'
import { aboutText } from './about'

describe('About Clipfile', () => {
  it('shows the version, the runtime and where the archive is, and says there is no update check', () => {
    const { message, detail } = aboutText({ version: '1.2.3', electron: '39.8.9', chrome: '142.0', node: '22.20.0', dbPath: '/home/a/.config/Clipfile/clipfile.db' })
    expect(message).toBe('Clipfile 1.2.3')
    expect(detail).toContain('Electron 39.8.9 · Chromium 142.0 · Node 22.20.0')
    expect(detail).toContain('Your archive: /home/a/.config/Clipfile/clipfile.db')
    expect(detail).toContain('does not check for updates')
  })
})
