import { describe, expect, it } from 'vitest'
import { speakerCertainty } from './speaker-certainty'

describe('speakerCertainty', () => {
  it('states a speaker named next to the quote, or one the user set', () => {
    expect(speakerCertainty('Rex Tillerson', 0.95, false)).toEqual({ level: 'stated', label: 'Rex Tillerson', reason: '' })
    expect(speakerCertainty('Rex Tillerson', 0.8, false).level).toBe('stated')
    expect(speakerCertainty('Rex Tillerson', 0.3, true).level).toBe('stated')
  })
  it('marks weaker evidence as uncertain, with the reason', () => {
    const p = speakerCertainty('Rex Tillerson', 0.7, false)
    expect(p.label).toBe('probably Rex Tillerson?')
    expect(p.reason).toMatch(/indirectly/)
    const g = speakerCertainty('Rex Tillerson', 0.5, false)
    expect(g.label).toBe('possibly Rex Tillerson?')
    expect(g.reason).toMatch(/no attribution/)
  })
})
