import { describe, expect, it } from 'vitest'
import { detectQuotes } from './detect'
import { notASpeaker } from './speaker-context'
import { canonicalSpeaker } from './aliases'

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
    const text = 'The survey (44 percent of voters say they want removal) shows that most want Congress to act if he “committed impeachable offenses during the call.”'
    expect(speakers(text)).toEqual([null])
    // With a named poll, the poll (round 4b), never the share in the parenthesis.
    expect(speakers(text.replace('The survey', 'A Reuters poll'))).toEqual(['Reuters poll'])
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

describe('verbs of charges and reports', () => {
  it('reads "alleged that" and an outlet that "reports that"', () => {
    expect(speakers('Federal prosecutors alleged that the guards “browsed the Internet,” and slept.')).toEqual(['Federal prosecutors'])
    expect(speakers('Wired Italy reports that the founders resisted plans to “internationalize” production.')).toEqual(['Wired Italy'])
  })
  it('leaves the adjective, the noun and a thing that reports alone', () => {
    expect(speakers('“I was deeply shaken by it all,” the alleged victim told the court.')).toEqual(['alleged victim'])
    expect(speakers('Media reports that the deal was “done and dusted” spread fast.')).toEqual([null])
    expect(speakers('The new IDE now reports that such boards are “uncertified.”')).toEqual([null])
  })
})

describe('roles: people, representatives and sources as the text names them', () => {
  it('keeps "the man", "the physicians", "Swift’s rep" as the role when nobody is named', () => {
    expect(speakers('Dempsey met the patient twice.\n\n“It does not affect me now,” the man wrote.')).toEqual(['man'])
    expect(speakers('“We implore you to let us help,” the physicians stated in the letter.')).toEqual(['physicians'])
    expect(speakers("Swift's rep told Fox News that this was untrue. “Big Machine owes Taylor money.”")).toEqual(["Swift's rep"])
  })
  it('never takes "the man" for whoever spoke last', () => {
    expect(speakers('“We are investigating,” said Jane Cook, a detective.\n\n“I saw nothing,” the man said.')).toEqual(['Jane Cook', 'man'])
  })
  it('takes "according to" a bare plural or any described document as the source', () => {
    expect(speakers('They signed “false certifications” for their rounds, according to court records.')).toEqual(['court records'])
    expect(speakers('It includes — according to the explanatory notes of the British Bill — “provision to protect sources”.')).toEqual(['explanatory notes of the British Bill'])
    // Near miss: a bare word that is not a source.
    expect(speakers('They signed “false certifications” for the day, according to plan.')).toEqual([null])
  })
  it('gives "the spokesperson" the organisation in focus, not the last role quoted', () => {
    const text = P(
      '“We write with urgency,” the doctors said.',
      'Customs and Border Protection did not accept the offer.',
      '“Operating a vaccine program is not feasible,” the spokesperson said.'
    )
    expect(speakers(text)).toEqual(['doctors', 'Customs and Border Protection'])
    // Near miss: after a sentence about a person, the spokesperson stays the role.
    expect(speakers(P('Donald Trump did not accept the offer.', '“It is not feasible,” the spokesperson said.'))).toEqual(['spokesperson'])
  })
})

describe('names behind titles', () => {
  it('takes the person after "ambassador to <place>", and keeps a described document whole', () => {
    expect(speakers('China’s ambassador to Britain Liu Xiaoming said that China had “the resolution and power to end the unrest”.')).toEqual(['Liu Xiaoming'])
  })
  it('takes the name opening an appositive whose closing comma is missing', () => {
    expect(speakers('“The air is better,” Kurinji Selvaraj, a research analyst at the Council on Energy, Environment and Water think tank told CBS News.')).toEqual(['Kurinji Selvaraj'])
    // Near miss: an opening adverb or place phrase is no name.
    expect(speakers('“The air is better,” Meanwhile, a research analyst at the think tank told CBS News.')).toEqual([null])
    expect(speakers('“The air is better,” In Delhi, a research analyst at the think tank told CBS News.')).toEqual([null])
  })
  it('gives a participle after "with X" to X, not to the sentence’s subject', () => {
    expect(speakers('Egypt and Jordan criticised the shift, with Jordanian Foreign Minister Ayman Safadi warning of “dangerous consequences”.')).toEqual(['Ayman Safadi'])
    // Near miss: without "with", the participle is the subject's.
    expect(speakers('Ayman Safadi criticised the shift, warning of “dangerous consequences”.')).toEqual(['Ayman Safadi'])
    expect(speakers('The Arab League met, with the minister warning of “dangerous consequences for all”.')).toEqual(['minister'])
  })
})

describe('round 4b: statements and short names of organisations', () => {
  it('takes a short form written after an organisation’s full name for that organisation', () => {
    const text = P(
      'On Monday, Big Machine Records issued a statement about the awards.',
      'Dick Clark Productions denied it had settled with anyone.',
      'On Thursday, the singer accused Big Machine of blocking her film.',
      '“We never blocked anything,” the company said.'
    )
    expect(speakers(text)).toEqual(['Big Machine Records'])
    // Near miss: a person named first keeps her name, even beside a company that carries it.
    const person = P('Estée Lauder built a business from one cream.', 'Estée Lauder Companies grew after her death.', 'Estée Lauder said: “I never worked a day without selling.”')
    expect(speakers(person)).toEqual(['Estée Lauder'])
  })
  it('reads “the statement read” as the statement’s words, and the statement as its author’s', () => {
    const text = P(
      'Acme Records issued a statement on Tuesday.',
      'Rival Corp. declined to comment on the dispute.',
      '“We have honoured every request,” the statement read. “We will go on doing so.”'
    )
    expect(speakers(text)).toEqual(['Acme Records', 'Acme Records'])
    const denied = P('Rival Corp. sued Acme Records in June.', 'The company denied the claims in a statement on its website.', '“The claims are false,” the statement read.')
    expect(speakers(denied)).toEqual(['Acme Records'])
    // Near misses: "read" is no speech verb after a person or before an object.
    expect(speakers('“It is over,” Jane Cook read aloud from the card.')).toEqual([null])
    expect(speakers('Jane Cook read the statement, “We will go on,” to the room.')).not.toContain('statement')
  })
})

describe('round 4b: polls', () => {
  it('gives the words a share of respondents agreed with, or a poll shows, to the named poll', () => {
    const text = 'A new ABC News poll shows majority support for the bill. Fifty-one percent say that “the bill should pass before the end of the year.”'
    expect(speakers(text)).toEqual(['ABC News poll'])
    const shows = 'A Gallup survey has lower numbers, but also shows that most voters want the council to act if it “fails to fix the roads by the spring.”'
    expect(speakers(shows)).toEqual(['Gallup survey'])
    // Near misses: no poll named, or no share of respondents and no poll verb.
    expect(speakers('Fifty-one percent say that “the bill should pass before the end of the year.”')).toEqual([null])
    expect(speakers('A new ABC News poll came out on Monday. The mayor’s office called it “a fair picture of how residents feel about it.”')).not.toContain('ABC News poll')
  })
})

describe('round 4b: a minister’s portfolio is part of the title', () => {
  it('strips "Minister for Foreign Affairs" whole, not up to its last title word', () => {
    expect(canonicalSpeaker('Minister for Foreign Affairs Jane Doe')).toBe('Jane Doe')
    expect(canonicalSpeaker('minister for Foreign Affairs Jane Doe')).toBe('Jane Doe')
    expect(canonicalSpeaker('Secretary of Veterans Affairs Denis McDonough')).toBe('Denis McDonough')
    expect(speakers('“We will not accept this,” said the Minister for Foreign Affairs Jane Doe.')).toEqual(['Jane Doe'])
    // Near misses: bodies named by a portfolio stay whole.
    expect(canonicalSpeaker('Department of Foreign Affairs')).toBe('Department of Foreign Affairs')
    expect(canonicalSpeaker('Foreign Affairs Committee')).toBe('Foreign Affairs Committee')
    expect(canonicalSpeaker('Ministry of Trade and Industry')).toBe('Ministry of Trade and Industry')
  })
})

describe('round 4b: a document says what it quotes, whatever the verb', () => {
  it('gives a quote to the document opening its sentence, or standing with one verb right before it', () => {
    expect(speakers('La Constitución manda "reconocer la preexistencia étnica y cultural de los pueblos indígenas".')).toEqual(['Constitución'])
    expect(speakers('The bill requires internet providers to “detect a terrorist threat on the basis of automated processing”.')).toEqual(['bill'])
    expect(speakers('Entre ellos aparecía Ocalan, a quien el informe ubicó "con domicilios en Palermo y en el centro porteño".')).toEqual(['informe'])
    // Near misses: a passive is about the document; a clause of its own has its own subject.
    expect(speakers('This decision has been seen as “seriously weakening the power of the chief executive”.')).toEqual([null])
    expect(speakers('La loi introduit des mesures : concrètement, les procédures seront allégées lorsqu’un des « bouts de la communication en cause » sera à l’étranger.')).toEqual([null])
  })
})

describe('round 4b: an obituary', () => {
  it('gives what an obituary calls someone to the obituary, not to the person it is about', () => {
    expect(speakers('When Arthur Waite died in 1942, his obituary, published in the Brooklyn Daily Eagle, called him the author of “many books on occult phenomenon.”')).toEqual(['obituary'])
    // Near miss: "his letter" is his, not a document's (left to the pronoun).
    expect(speakers('His letter called the plan “a betrayal of every promise made to the voters.”')).not.toContain('letter')
  })
})

// Round 6 (docs/quotes.md): on the retired round-4 held-out half.
describe('a body, its role words and a name after the speech verb', () => {
  it('is the person who holds the role', () => {
    expect(speakers('“It depends on what Boeing is willing to invest,” responded NASA administrator Jim Bridenstine, noting the cost.')).toEqual(['Jim Bridenstine'])
    expect(speakers('“We will not comment,” said White House press secretary Stephanie Grisham.')).toEqual(['Stephanie Grisham'])
  })
  it('not when the words after the body are no role ("in a letter to"): the body speaks', () => {
    expect(speakers('“We will not comment,” said NASA in a letter to Jim Bridenstine.')).toEqual(['NASA'])
    expect(speakers('“We will not comment,” said NASA on Tuesday.')).toEqual(['NASA'])
  })
})

describe('“the source” after a body was quoted', () => {
  const lead = '“We have no information about the convoy,” the Jordanian government said in a statement.'
  it('is the source, a person the text does not name — not the body quoted last', () => {
    expect(speakers(P(lead, '“Nobody is preventing civilians from leaving the camp,” the source said.'))).toEqual(['Jordanian government', 'source'])
  })
  it('while “the government” is still that body', () => {
    expect(speakers(P(lead, '“Nobody is preventing civilians from leaving the camp,” the government said.'))).toEqual(['Jordanian government', 'Jordanian government'])
  })
})

describe('a body named after an opening phrase, lower-case “the” before it', () => {
  const opening = 'In a reflection of the confusion, '
  it('is the sentence’s subject, which a later “it” means', () => {
    const text = `${opening}the Electoral Commission, which regulates campaign finances, issued a statement on Monday. Critically, however, it pointed out that it doesn’t have “a role in regulating election campaign content.”`
    expect(speakers(text)).toEqual(['Electoral Commission'])
  })
  it('never the relative clause after a common noun (“the commission, which regulates campaign finances,”)', () => {
    const text = `${opening}the commission, which regulates campaign finances, issued a statement warning that “voters are entitled to transparency.”`
    expect(speakers(text)).not.toContain('which regulates campaign finances')
  })
})
