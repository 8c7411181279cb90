import { describe, expect, it } from 'vitest'
import { upgradeMessage, upgradeNoticePage } from './upgrade-notice'

describe('the upgrade notice', () => {
  it('names the archive and the schemas, and says that stopping loses nothing', () => {
    const m = upgradeMessage('/home/ana/Clipfile/archive.db', 13, 14)
    expect(m).toContain('/home/ana/Clipfile/archive.db')
    expect(m).toContain('schema 13 → 14')
    expect(m).toMatch(/nothing is lost/u)
  })

  it("is a page without script, the message escaped (a path is the user's text)", () => {
    const page = upgradeNoticePage(upgradeMessage('/tmp/<b>"odd" & co</b>.db', 12, 14))
    expect(page).toContain('/tmp/&lt;b&gt;&quot;odd&quot; &amp; co&lt;/b&gt;.db')
    expect(page).not.toContain('<b>')
    expect(page).not.toMatch(/<script/iu)
    expect(page).toContain("default-src 'none'")
  })
})
