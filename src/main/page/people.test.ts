import { describe, expect, it } from 'vitest'
import { parseCredit, personName, titleCase, wireIn, wireInCreditLine, wireInDateline } from './people'

describe('parseCredit', () => {
  it.each([
    [['ERIC TUCKERAssociated Press'], { authors: ['Eric Tucker'], agency: 'Associated Press' }],
    [['By NATALIYA VASILYEVA'], { authors: ['Nataliya Vasilyeva'], agency: null }],
    [['Par Martin Untersinger (avec Damien Leloup et Morgane Tual)'], { authors: ['Martin Untersinger', 'Damien Leloup', 'Morgane Tual'], agency: null }],
    [['Ana Lima', 'Tom Reyes', 'Ana Lima'], { authors: ['Ana Lima', 'Tom Reyes'], agency: null }],
    [['By Jane Doe and John Roe | Updated 3 May 2024'], { authors: ['Jane Doe', 'John Roe'], agency: null }],
    [['Brenda Goodman, MA WebMD Health News'], { authors: ['Brenda Goodman'], agency: null }],
    [['Kelli Miller WebMD Health News'], { authors: ['Kelli Miller'], agency: null }],
    [['Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project'], { authors: ['Daniel Kahn Gillmor'], agency: null }],
    [['By Jane Doe, Reuters'], { authors: ['Jane Doe'], agency: 'Reuters' }],
    [['AFP'], { authors: [], agency: 'AFP' }],
    [['TMZ STAFF'], { authors: [], agency: null }],
    [['Our Foreign Staff'], { authors: [], agency: null }],
    [['Bradley M. Kuhn (http://ebb.org/bkuhn/)'], { authors: ['Bradley M. Kuhn'], agency: null }],
    [['Richard (R.J.) Eskow'], { authors: ['Richard (R.J.) Eskow'], agency: null }],
    [['By Devindra Hardawar'], { authors: ['Devindra Hardawar'], agency: null }],
    [['史蒂文的家_藍天 (stevenhgm)'], { authors: ['史蒂文的家_藍天'], agency: null }]
  ])('%j → %j', (bylines, want) => {
    expect(parseCredit(bylines)).toEqual(want)
  })

  it('leaves out the outlet crediting itself', () => {
    expect(parseCredit(['CNN'], 'CNN')).toEqual({ authors: [], agency: null })
  })
})

describe('wire copy', () => {
  it('is recognised in a dateline, a credit line and a byline, and not in running text', () => {
    expect(wireInDateline('MOSCOW (AP) — An unmanned Russian cargo spaceship broke up')).toBe('Associated Press')
    expect(wireInDateline('WASHINGTON, March 3 (Reuters) - The Senate voted')).toBe('Reuters')
    expect(wireInDateline('The AP reported on Tuesday that (AP) — things')).toBeNull()
    expect(wireInCreditLine('— AFP')).toBe('AFP')
    expect(wireInCreditLine('(Reuters)')).toBe('Reuters')
    expect(wireInCreditLine('Reuters reported that the talks had failed, citing three officials.')).toBeNull()
    expect(wireIn('Rappler')).toBeNull()
  })
})

describe('personName / titleCase', () => {
  it('writes ALL-CAPS names as names and refuses what is no person', () => {
    expect(titleCase("O'NEIL-SMITH")).toBe("O'Neil-Smith")
    expect(personName('GILLIAN MOHNEY')).toBe('Gillian Mohney')
    for (const no of ['admin', 'Last', 'Editorial Board', 'The Daily Planet', 'news@example.org', 'BBC']) expect(personName(no), no).toBeNull()
  })
})
