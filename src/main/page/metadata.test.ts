import { describe, expect, it } from 'vitest'
import { cleanByline, normaliseDate, stripSiteFromTitle } from './metadata'

describe('cleanByline', () => {
  it.each([
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['by:  Jane Doe', 'Jane Doe'],
    ['By Nathan Willis\n   March 25, 2015', 'Nathan Willis'],
    ['Jane Doe | Updated 3 May 2024', 'Jane Doe'],
    ['Jane Doe, Updated 10:00 GMT', 'Jane Doe'],
    ['Par Sébastien Farcis', 'Sébastien Farcis'],
    ['Nelson D. Schwartz', 'Nelson D. Schwartz'],
    ['Pierre Lefèvre, Staff Writer', 'Pierre Lefèvre'],
    ['Ana Lima, Political Editor, in Lisbon', 'Ana Lima'],
    ['Steven Davidoff Solomon', 'Steven Davidoff Solomon'],
    ['https://facebook.com/someone', null],
    ['   ', null]
  ])('%j → %j', (raw, want) => {
    expect(cleanByline(raw)).toBe(want)
  })
})

describe('normaliseDate', () => {
  it.each([
    ['2024-03-11T09:15:00+01:00', '2024-03-11T08:15:00.000Z'],
    ['2024-03-11T09:15:00.5-0230', '2024-03-11T11:45:00.500Z'],
    ['2024-03-11', '2024-03-11T00:00:00.000Z'],
    ['2024-03-11 18:00:00', '2024-03-11T18:00:00.000Z'],
    ['Tue, 10 Mar 2020 10:00:00 GMT', '2020-03-10T10:00:00.000Z'],
    ['March 9, 2017', '2017-03-09T00:00:00.000Z'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
    ['2021-13-01', null],
    ['soon', null],
    ['0001-01-01T00:00:00Z', null]
  ])('%j → %j', (raw, want) => {
    expect(normaliseDate(raw)).toBe(want)
  })
})

describe('stripSiteFromTitle', () => {
  it('removes a suffix or prefix naming the site, and nothing else', () => {
    expect(stripSiteFromTitle('Floods close roads | The Daily Planet', 'The Daily Planet', null)).toBe('Floods close roads')
    expect(stripSiteFromTitle('Floods close roads – Daily Planet', 'The Daily Planet', null)).toBe('Floods close roads')
    expect(stripSiteFromTitle('BBC News - Floods close roads', 'BBC News', null)).toBe('Floods close roads')
    expect(stripSiteFromTitle('Floods close roads - Guardian', null, 'www.guardian.example')).toBe('Floods close roads')
    expect(stripSiteFromTitle('Left - right - centre', 'Daily Planet', 'planet.example')).toBe('Left - right - centre')
    expect(stripSiteFromTitle('Brexit: what next', 'Brexit', null)).toBe('Brexit: what next')
  })

  it('removes a separated tail after the page heading, even with no site name', () => {
    expect(stripSiteFromTitle('Mayor’s pledge faces test – Valley Gazette', null, null, ['Mayor’s pledge faces test'])).toBe('Mayor’s pledge faces test')
    expect(stripSiteFromTitle('Mayor’s pledge faces test and more', null, null, ['Mayor’s pledge faces test'])).toBe('Mayor’s pledge faces test and more')
  })
})
