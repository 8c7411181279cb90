import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from './csv'
import { guardianArticle, highlight } from '../../../test/support/export-fixtures'

/** A minimal RFC 4180 reader, to check that what we write parses back. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

describe('toCsv', () => {
  const article = {
    ...guardianArticle([
      highlight({ id: 1, exact: 'He said, "withdraw"\nnow', note: 'line1\r\nline2', tags: ['Syria', 'Iran'], color: 'green' }),
      highlight({ id: 2, start: 100, exact: '=HYPERLINK("http://evil")', note: '@SUM(A1)', tags: [] })
    ]),
    byline: '-Julian Borger'
  }

  it('writes a header and one CRLF-terminated row per highlight that parse back', () => {
    const csv = toCsv([article])
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual(['quote', 'note', 'tags', 'color', 'article title', 'site', 'byline', 'published', 'url', 'created'])
    expect(rows[1]).toEqual([
      'He said, "withdraw"\nnow',
      'line1\r\nline2',
      'Syria; Iran',
      'green',
      article.title,
      'The Guardian',
      "'-Julian Borger",
      '2017-04-09T18:30:00+01:00',
      article.url,
      '2017-04-10T08:00:00.000Z'
    ])
    expect(rows).toHaveLength(3)
  })

  it('quotes and doubles quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
  })

  it('defuses formula injection', () => {
    const rows = parseCsv(toCsv([article]))
    expect(rows[2][0]).toBe('\'=HYPERLINK("http://evil")')
    expect(rows[2][1]).toBe("'@SUM(A1)")
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvField(`${start}1`).startsWith(`'${start}`)).toBe(true)
  })

  it('can start with a BOM for Excel', () => {
    expect(toCsv([], { bom: true })).toBe('\uFEFFquote,note,tags,color,article title,site,byline,published,url,created\r\n')
  })
})
