import { describe, expect, it } from 'vitest'
import { detectQuotes } from './detect'
import { notASpeaker } from './speaker-context'

// Round 4's rules for organisations, roles and names (docs/quotes.md "Round 4"): each fires on
// its shape and stays silent on the near miss, where no speaker is better than a wrong one.
const P = (...paras: string[]) => paras.join('\n\n')
const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker)

describe('junk that is never a speaker', () => {
  it('reads past an opening time phrase to the subject', () => {
    const text = 'On Monday, the People’s Daily, the mouthpiece of the party, warned that there is “absolutely no room for compromise”.'
    expect(speakers(text)).toEqual(["People's Daily"])
    expect(speakers('Last week, Acme Corp., a maker of widgets, said that it was “fully compliant”.')).toEqual(['Acme Corp.'])
    // Near miss: a name before the comma is still the name.
    expect(speakers('Jane Cook, a teacher, said that it was “far too late”.')).toEqual(['Jane Cook'])
  })
  it('never names a date, a relative clause or a share of a group', () => {
    for (const junk of ['Monday', 'March 3', 'which regulates campaign finances', 'overwhelming 70 percent of Americans', 'majority of voters']) {
      expect(notASpeaker(junk)).toBe(true)
    }
    for (const name of ['Mike Pompeo', 'Federal Election Commission', 'People’s Daily', 'Reuters poll', 'April Ryan']) {
      expect(notASpeaker(name)).toBe(false)
    }
    expect(speakers('And 70 percent of Americans say that the offense was “simply wrong and impeachable”.')).toEqual([null])
  })
  it('takes no verb inside a parenthesis for the quote outside it', () => {
    const text = 'A Reuters poll (44 percent of voters say they want removal) shows that most want Congress to act if he “committed impeachable offenses during the call.”'
    expect(speakers(text)).toEqual([null])
    // Near miss: the verb outside the parenthesis still attributes.
    expect(speakers('Jane Cook (a teacher) said that it was “far too late for that”.')).toEqual(['Jane Cook'])
  })
})

describe('organisations named by what they make or do', () => {
  it('knows publishers, labels and studios for organisations, and “the company” among them', () => {
    const text = P(
      'On Monday, Big Machine Records issued a statement about the awards.',
      'However, Dick Clark Productions denied that it had settled with the label.',
      '“At no time did Dick Clark Productions agree to a statement with Big Machine Label Group,” the production company said.'
    )
    expect(speakers(text)).toEqual(['Dick Clark Productions'])
  })
  it('takes no body named only inside the quotation as “the company”', () => {
    expect(speakers('“We never spoke to Acme Corp. about it,” the company said.')).toEqual([null])
  })
})
