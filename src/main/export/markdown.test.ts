import { describe, expect, it } from 'vitest'
import { blockquote, escapeInline, toMarkdown } from './markdown'
import { guardianArticle, highlight } from '../../../test/support/export-fixtures'

describe('toMarkdown', () => {
  const article = guardianArticle([
    highlight({ id: 2, start: 50, exact: 'Second quote', tags: ['Middle East'], note: 'Check *this*.' }),
    highlight({ id: 1, start: 10, exact: 'Iran needs to withdraw its military from Syria', tags: ['Tillerson', 'Syria'] }),
    highlight({ id: 3, start: 5, exact: 'A vanished passage', orphan: true })
  ])

  it('writes a heading and the citation once per article, then each quote with its tags and note', () => {
    const md = toMarkdown([article], { title: 'Syria coverage' })
    expect(md.startsWith('# Syria coverage\n\n## [Rex Tillerson: Russia must choose between US and Assad](<https://www.theguardian.com/')).toBe(true)
    const cite = '*The Guardian*, Julian Borger, 9 April 2017, <https://www.theguardian.com/us-news/2017/apr/09/rex-tillerson-russia-syria>'
    expect(md).toContain(`)\n\n${cite}\n\nTags: #Syria\n\n> Iran needs to withdraw its military from Syria\n\nTags: #Tillerson #Syria`)
    expect(md).toContain('> Second quote\n\nTags: #Middle-East\n\n**Note:** Check *this*.')
    // Neither the citation nor the title is repeated under the quotes.
    expect(md.split('*The Guardian*').length - 1).toBe(1)
    expect(md.split('Rex Tillerson: Russia must choose').length - 1).toBe(1)
  })

  it('orders quotes by position and marks orphans, listed last', () => {
    const md = toMarkdown([article])
    expect(md.indexOf('Iran needs')).toBeLessThan(md.indexOf('Second quote'))
    expect(md.indexOf('Second quote')).toBeLessThan(md.indexOf('A vanished passage'))
    expect(md).toMatch(/> A vanished passage\n\n\*Orphaned: this passage is no longer found in the saved text\.\*/)
  })

  it('escapes Markdown in titles', () => {
    const md = toMarkdown([{ ...guardianArticle(), title: 'Trump [sic] says *no* to <script> & `code`_x_' }])
    expect(md).toContain('## [Trump \\[sic\\] says \\*no\\* to \\<script\\> & \\`code\\`\\_x\\_](<')
  })

  it('says when an article has no highlights', () => {
    expect(toMarkdown([guardianArticle()])).toContain('*No highlights.*')
  })
})

describe('blockquote', () => {
  it('prefixes every line and writes blank lines as a bare >', () => {
    expect(blockquote('First para\nsecond line\n\nSecond para')).toBe('> First para\\\n> second line\n>\n> Second para')
  })
  it('stops a quoted line from becoming a heading, list or rule', () => {
    expect(blockquote('# not a heading\n- not a list\n1. not a list\n---')).toBe(
      '> \\# not a heading\\\n> \\- not a list\\\n> 1\\. not a list\\\n> \\---'
    )
  })
})

describe('escapeInline', () => {
  it('leaves plain punctuation alone but escapes entities', () => {
    expect(escapeInline('AT&T, wow! #1')).toBe('AT&T, wow! #1')
    expect(escapeInline('&amp; &#169;')).toBe('\\&amp; \\&#169;')
  })
})
