import { describe, expect, it } from 'vitest'
import { citation, humanDate, isoDateTime, outlet, quoteWithCitation } from '../../shared/cite'
import { guardianArticle } from '../../../test/support/export-fixtures'

describe('humanDate', () => {
  it('writes day, month name and year', () => {
    expect(humanDate('2017-04-09')).toBe('9 April 2017')
    expect(humanDate('2017-12-31T23:30:00Z')).toBe('31 December 2017')
  })
  it('keeps the calendar date as published, whatever the zone', () => {
    expect(humanDate('2017-04-09T23:30:00-04:00')).toBe('9 April 2017')
  })
  it('gives null for nothing and the input for what it cannot read', () => {
    expect(humanDate(null)).toBeNull()
    expect(humanDate('  ')).toBeNull()
    expect(humanDate('Spring 2017')).toBe('Spring 2017')
  })
})

describe('isoDateTime', () => {
  it('reads SQLite date-times as UTC', () => {
    expect(isoDateTime('2017-04-10 08:00:00')).toBe('2017-04-10T08:00:00.000Z')
    expect(isoDateTime('2017-04-10T10:00:00+02:00')).toBe('2017-04-10T08:00:00.000Z')
  })
})

describe('citation', () => {
  it('joins outlet, author, date and URL', () => {
    expect(citation(guardianArticle())).toBe(
      'The Guardian, Julian Borger, 9 April 2017, https://www.theguardian.com/us-news/2017/apr/09/rex-tillerson-russia-syria'
    )
  })
  it('prefers the canonical URL and leaves out what is unknown', () => {
    const a = { ...guardianArticle(), site: null, byline: null, publishedAt: null, canonicalUrl: 'https://www.example.org/a' }
    expect(outlet(a)).toBe('example.org')
    expect(citation(a)).toBe('example.org, https://www.example.org/a')
  })
  it('quotes a highlight on one line with the citation', () => {
    const q = quoteWithCitation({ exact: 'Iran needs to\nwithdraw “now”' }, guardianArticle())
    expect(q).toBe(
      '“Iran needs to withdraw ‘now’” — The Guardian, Julian Borger, 9 April 2017, https://www.theguardian.com/us-news/2017/apr/09/rex-tillerson-russia-syria'
    )
  })
})
