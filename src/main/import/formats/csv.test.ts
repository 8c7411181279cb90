import { describe, expect, it } from 'vitest'
import { CsvError, csvHeader, csvObjects, parseCsv } from './csv'

describe('parseCsv', () => {
  it('reads plain fields and records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3']
    ])
  })

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n,,,')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', '']
    ])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'URL,Selection\r\nhttps://x.test/a,"He said ""go home"", then\r\nleft, quickly"\r\nhttps://x.test/b,""\r\n'
    expect(parseCsv(text)).toEqual([
      ['URL', 'Selection'],
      ['https://x.test/a', 'He said "go home", then\r\nleft, quickly'],
      ['https://x.test/b', '']
    ])
  })

  it('accepts CRLF, LF and lone CR line ends, and no final line end', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6']
    ])
  })

  it('skips blank lines and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
  })

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(parseCsv('a,5" screen,c')).toEqual([['a', '5" screen', 'c']])
  })

  it('refuses an unterminated quoted field, naming its line', () => {
    expect(() => parseCsv('a,b\n1,"never closed\n2,3\n')).toThrow(CsvError)
    expect(() => parseCsv('a,b\n1,"never closed\n2,3\n')).toThrow(/line 2/)
  })

  it('reads multi-byte text untouched', () => {
    expect(parseCsv('"l’enquête, «covfefe»",日本')).toEqual([['l’enquête, «covfefe»', '日本']])
  })
})

describe('csvHeader and csvObjects', () => {
  it('reads only the first line as the header', () => {
    expect(csvHeader('"title","url",time_added\r\nx,"y\nz",1')).toEqual(['title', 'url', 'time_added'])
  })

  it('keys records by lower-cased header names, numbering rows from 1', () => {
    expect(csvObjects('URL,Title\nhttps://a.test/,A\nhttps://b.test/')).toEqual([
      { row: 1, values: { url: 'https://a.test/', title: 'A' } },
      { row: 2, values: { url: 'https://b.test/', title: '' } }
    ])
  })
})
