import { describe, expect, it } from 'vitest'
import { attributionTail, detectQuotes } from './detect'

// Round 4 (docs/quotes.md): pronouns, paragraphs that carry a speaker on, fragments in reported
// speech, mixed marks and verbs. Each rule fires on its shape and stays silent on a near miss.
const P = (...paras: string[]) => paras.join('\n\n')
const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker)

describe('a he/she inside a sentence means the sentence’s subject', () => {
  const before = '“I now do recall it,” said Gordon Sondland, the ambassador.'
  it('binds the pronoun to the person the sentence is about, not the last person quoted', () => {
    const text = P(before, 'Last week State Department official David Holmes revealed one of those calls, saying he recalled it “vividly.”')
    expect(speakers(text)).toEqual(['Gordon Sondland', 'David Holmes'])
  })
  it('leaves it to the focus when the subject’s gender does not fit', () => {
    const text = P(before, 'Mrs. Fiona Hill said at the hearing that he recalled it “vividly.”')
    expect(speakers(text)).toEqual(['Gordon Sondland', 'Gordon Sondland'])
  })
})

describe('reported speech with he/she carries its speaker to the paragraph’s next quotation', () => {
  const intro = '“We had hoped for more,” Montell Figgins said.'
  it('gives the quotation after "…, he said." the person the pronoun means', () => {
    expect(speakers(P(intro, 'Sometimes employees don’t follow the rules, he said. “But does that mean they should go to jail?”'))).toEqual(['Montell Figgins', 'Montell Figgins'])
  })
  it('does not carry "it" (a thing or a body) that way', () => {
    const text = P('Arduino LLC was founded in 2008, and its designs were sold by Smart Projects.', 'The company is registered in Delaware, and it has continued to design the boards. “SRL” is the Italian “LLC.”')
    expect(speakers(text).every((s) => s === null)).toBe(true)
  })
})

describe('a quotation paragraph after a paragraph that ended reporting someone’s speech', () => {
  const quoted = '“We are going to the General Assembly,” said Saeb Erekat, the negotiator.'
  it('is the reported speaker’s', () => {
    const text = P(quoted, 'Erekat said it was only the latest move by the US to force a surrender.', '“They wanted us on our knees. We stand tall.”')
    expect(speakers(text)).toEqual(['Saeb Erekat', 'Saeb Erekat'])
  })
  it('is nobody’s after narrative, or when the quotation has an attribution of its own', () => {
    expect(speakers(P(quoted, 'Erekat said it was the latest move. The vote was taken after midnight.', '“It is the end of a process.”'))).toEqual(['Saeb Erekat', null])
    expect(speakers(P(quoted, 'Erekat said it was only the latest move.', '“It is the end of a process,” the physicians stated.'))).toEqual(['Saeb Erekat', 'physicians'])
  })
})

describe('a straight mark typed with a space after it, where a sentence begins', () => {
  it('opens a quotation', () => {
    const found = detectQuotes('"I run my business on my phone," Marc Benioff told Cook. " You guys have done such a good job."')
    expect(found.map((q) => [q.text, q.speaker])).toEqual([
      ['I run my business on my phone,', 'Marc Benioff'],
      ['You guys have done such a good job.', 'Marc Benioff']
    ])
  })
  it('does not open one inside a sentence or before a lower-case word', () => {
    expect(detectQuotes('He measured 12 " of rain and " more to come. Then it stopped.')).toEqual([])
  })
})

describe('the sentence after a quote’s sentence names whose words they were', () => {
  const lead = 'The merger will create a “stronger” and “more viable” news enterprise “with deep local roots.”'
  it('across a paragraph break, for every quotation of the sentence', () => {
    const found = detectQuotes(P(lead, 'That’s the optimistic view mouthed by Michael Reed, the chief executive, after the vote.'))
    expect(found.map((q) => [q.speaker, q.kind])).toEqual([
      ['Michael Reed', 'partial'],
      ['Michael Reed', 'partial'],
      ['Michael Reed', 'partial']
    ])
  })
  it('not from a sentence of another shape', () => {
    expect(speakers(P(lead, 'That was mouthed at the meeting of Michael Reed and his board.'))).toEqual([null, null, null])    // Two sentences on, it is about the sentence between.
    expect(speakers('“It will be a stronger company.” The vote was close. That’s the view of Michael Reed.')).toEqual([null])
  })
})

describe('more verbs and shapes of attribution', () => {
  it('reads "as X dubbed the combination", "dubbed … as", "begged", "blasted … as"', () => {
    expect(speakers('The “new Gannett,” as Michael Reed dubbed the combination, will be the largest chain.')).toEqual(['Michael Reed'])
    expect(speakers('Tim Morrison said his predecessor, Fiona Hill, had dubbed the role “the Gordon problem.”')).toEqual(['Fiona Hill'])
    expect(speakers('Tim Morrison begged lawmakers “not to lose sight of” the war.')).toEqual(['Tim Morrison'])
    expect(speakers('It is a payout that investor Leon Cooperman blasted on a call as “morally wrong.”')).toEqual(['Leon Cooperman'])
  })
  it('does not read "as X" with another verb, or a noun use, as attribution', () => {
    expect(speakers('The “new Gannett,” as Michael Reed left the combination, will be the largest chain.')).toEqual([null])
    expect(speakers('In terms of Michael Reed, the “new Gannett” is big.')).toEqual([null])
  })
})

describe('a phrase repeating words someone was quoted saying elsewhere', () => {
  const said = '“We will return capital to shareholders, in addition to investing for growth,” Michael Reed said.'
  it('is theirs', () => {
    const found = detectQuotes(P(said, 'It is not easy to reconcile dividends with “investing for growth.”'))
    expect(found.map((q) => [q.speaker, q.kind])).toEqual([
      ['Michael Reed', 'direct'],
      ['Michael Reed', 'partial']
    ])
  })
  it('not a term of two words, nor three words that are not a run of the quotation', () => {
    expect(speakers(P(said, 'Others call it “investing for” the future, or “growth for investing.”'))).toEqual(['Michael Reed', null, null])
  })
})

describe('agents with an age or a "since" between name and verb', () => {
  it('reads "wrote 43-year-old Martin Taylor" and "X has since said"', () => {
    expect(speakers('"I was unable to stand," wrote 43-year-old Martin Taylor of Aberdeenshire.')).toEqual(['Martin Taylor'])
    expect(speakers('Donald Trump has since said that the signing would take place in “farm country,” not in Chile.')).toEqual(['Donald Trump'])
  })
  it('does not take a number that is not an age, or "since" as a preposition, for part of the agent', () => {
    expect(speakers('"I was unable to stand," wrote 43 Martin Taylor fans.')).toEqual([null])
    expect(speakers('The lobby has been calm since Donald Trump visited “farm country,” in May.')).toEqual([null])
  })
})

describe('an evaluation in the infinitive', () => {
  it('is the sentence subject’s ("turned to Twitter to describe his city as a “gas chamber”")', () => {
    expect(speakers('Chief Minister Arvind Kejriwal turned to Twitter last month to describe his city as a “gas chamber.”')).toEqual(['Arvind Kejriwal'])
  })
  it('not another infinitive ("to visit")', () => {
    expect(speakers('Arvind Kejriwal turned to Twitter last month to visit what he knows as a “gas chamber.”')).toEqual([null])
  })
})

describe('"alleged" reports speech', () => {
  it('as a verb ("Prosecutors alleged that Epstein “…”")', () => {
    expect(speakers('Federal prosecutors alleged that the guards "browsed the Internet," when they should have been working.')).toEqual(['Federal prosecutors'])
  })
  it('not as an adjective ("the alleged “scheme”")', () => {
    expect(speakers('Tova Noel ran an alleged "scheme to defraud" for years, and the alleged "cover-up" after it.')).toEqual([null, null])
  })
})

describe('"according to a survey by X"', () => {
  it('is the author’s, before or after the quote', () => {
    expect(speakers('According to a 2018 survey by Penelope Muse Abernathy of the University of North Carolina, the practice is to “consolidate copy editing and page design” centrally.')).toEqual(['Penelope Muse Abernathy'])
    expect(speakers('The practice is to “consolidate copy editing and page design” centrally, according to a survey by Penelope Muse Abernathy.')).toEqual(['Penelope Muse Abernathy'])
  })
  it('not a survey by an unnamed body, or a survey of people: then the survey itself is the source (a document, as written)', () => {
    expect(speakers('According to a survey of editors, the practice is to “consolidate copy editing” centrally.')).toEqual(['survey of editors'])
  })
})

describe('more speech verbs', () => {
  it('reads "commented", "retorted", "emailed", "opined" before and after a quotation', () => {
    expect(speakers('“It was wrong.” Jane Cook commented.')).toEqual(['Jane Cook'])
    expect(speakers('Jane Cook retorted that the plan was “a fantasy.”')).toEqual(['Jane Cook'])
    expect(speakers('Jane Cook emailed: “We are done.”')).toEqual(['Jane Cook'])
  })
  it('not their noun uses ("his comments")', () => {
    expect(speakers('Jane Cook read his comments “with care” and left.')).toEqual([null])
  })
})

describe('"with X saying": an absolute clause has its own subject', () => {
  it('is X’s, not the sentence subject’s', () => {
    expect(speakers('Egypt and Jordan also criticised the shift, with Jordanian Foreign Minister Ayman Safadi warning of "dangerous consequences".')).toEqual(['Ayman Safadi'])
  })
  it('falls back to the sentence subject when "with" has no speaker', () => {
    expect(speakers('Ayman Safadi left the room with a smile, warning of "dangerous consequences".')).toEqual(['Ayman Safadi'])
    expect(speakers('Ayman Safadi left the room with a smile warning of "dangerous consequences".')).toEqual(['Ayman Safadi'])
  })
})

describe('a message from a name, just before the quotation', () => {
  it('is that name’s ("directives from Xi to “show absolutely no mercy”")', () => {
    expect(speakers('The detentions originated in directives from Xi Jinping to “show absolutely no mercy” in the “struggle against terrorism, infiltration and separatism”.')).toEqual(['Xi Jinping', 'Xi Jinping'])
  })
  it('not a message from a role, nor one far from the quotation', () => {
    expect(speakers('The detentions originated in directives from the party to “show absolutely no mercy”.')).toEqual([null])
    expect(speakers('Directives from Xi Jinping arrived in May, and many months later the camps grew, and officials began to speak of a “struggle against terrorism”.')).toEqual([null])
  })
})

describe('evaluative verbs in the other languages', () => {
  it('reads "llamó", "a qualifié de", "chamou"', () => {
    expect(speakers('El jurista Carlos Nino llamó a la Argentina "un país al margen de la ley".')).toEqual(['Carlos Nino'])
    expect(speakers('Le ministre Jean Dupont a qualifié le texte de « loi liberticide et dangereuse ».')).toEqual(['Jean Dupont'])
  })
  it('not a noun beside them ("la llamada “…”")', () => {
    expect(speakers('Carlos Nino vive en la llamada "zona norte" desde 2009.')).toEqual([null])
  })
})

// Round 6 (docs/quotes.md): kinds that failed on the retired round-4 held-out half.
describe('a quotation whose own words end with a full stop ends its sentence', () => {
  const lead = '“It grabbed me by the heart,” said Tom Harper, the director.'
  it('so the next sentence’s subject introduces the quotation after its colon', () => {
    const text = `${lead} “It just connected.” Jessie Buckley, who phoned in from the set, had a similar experience: “It was that feeling of this is the song.”`
    expect(speakers(text)).toEqual(['Tom Harper', 'Tom Harper', 'Jessie Buckley'])
  })
  it('not when the words end without one (a title, a phrase): the sentence runs on', () => {
    const text = `${lead} “It just connected” Jessie Buckley, who phoned in from the set, had a similar experience: “It was that feeling of this is the song.”`
    expect(speakers(text)).toEqual(['Tom Harper', 'Tom Harper', 'Tom Harper'])
  })
})

describe('a surname of several words after the full name', () => {
  it('is the one person whose full name ends with it', () => {
    const text = P('James Van Der Beek has been eliminated from the show.', '“We lost the baby,” Van Der Beek said.')
    expect(speakers(text)).toEqual(['James Van Der Beek'])
  })
  it('stays as written when two people share it', () => {
    const text = P('James Van Der Beek and his wife, Kimberly Van Der Beek, were in the audience.', '“We lost the baby,” Van Der Beek said.')
    expect(speakers(text)).toEqual(['Van Der Beek'])
  })
})

describe('a verb, then the name, after a quotation in a language that puts the verb first', () => {
  const cs = P(
    'West Ham je opět v kurzu, nadšené ohlasy po nedělní jasné výhře na hřišti Aston Villy zaplnily anglický mediální prostor. Tým manažera Davida Moyese prohání giganty i v aktuálním ročníku ligy.',
    'Bývalý útočník Emile Heskey sleduje klub už řadu let a jeho výkony si pochvaluje.',
    '"Klíčová věc je ta, že když udělá změny, pořád jim zůstává stejná struktura," přirovnává Heskey.',
    '"Hraje prostě velkolepě a připomínám, že je mu stále jen dvaadvacet let," kroutí hlavou Heskey.'
  )
  it('names the speaker in Czech (a verb the lexicon does not know, words, the name)', () => {
    expect(speakers(cs)).toEqual(['Emile Heskey', 'Emile Heskey'])
  })
  it('not in English, where the same shape is a verb and its place ("runs the headline in the Guardian")', () => {
    const en = P(
      'The company has been under pressure from regulators and investors for most of the year, and its shares have fallen by a third since the summer.',
      'Its chief executive, Emile Heskey, has said little in public about the review of the business.',
      '"We are confident the review will show that we followed the rules," runs the headline in the Guardian.'
    )
    expect(speakers(en)).not.toContain('Guardian')
  })
})

describe('introductory phrases one after another before the subject', () => {
  const first = '“Prices are low,” said Tom Forte, an analyst.'
  const quote = '“When you look at nice halibut, it is pure white,” he said.'
  it('the name after the last of them is whom the next “he” means', () => {
    const text = P(first, 'From the deck of his schooner, undergoing an overhaul in Seattle, skipper Wade Bassi has better insight than most.', quote)
    expect(speakers(text)).toEqual(['Tom Forte', 'Wade Bassi'])
  })
  it('a thing after them moves nothing', () => {
    const text = P(first, 'From the deck of his schooner, undergoing an overhaul in Seattle, the boat looks almost new.', quote)
    expect(speakers(text)).toEqual(['Tom Forte', 'Tom Forte'])
  })
})

describe('a sentence with a title or scare quote in it is still narrative', () => {
  const lead = ['Jessie Buckley plays the lead.', '“It was terrifying,” Mary Steenburgen said.']
  it('its subject is whom the next “she said” means', () => {
    const text = P(...lead, 'Buckley, who hadn’t sung in a long time, worried about doing justice to a song like “Glasgow,” especially given that she had no background in country music. “But the story moved me,” she said.')
    expect(speakers(text)).toEqual(['Mary Steenburgen', null, 'Jessie Buckley'])
  })
  it('a thing as its subject moves nothing', () => {
    const text = P(...lead, 'The song, which nobody had heard yet, was called “Glasgow,” and it had no chorus at all. “But the story moved me,” she said.')
    expect(speakers(text)).toEqual(['Mary Steenburgen', null, 'Mary Steenburgen'])
  })
})

describe('an opening clause whose subject is a person, then he/she', () => {
  it('the pronoun means that person (“By the time Buckley learned …, she was …: “…,” she said”)', () => {
    const text = P('Jessie Buckley plays the lead.', '“It was terrifying,” Mary Steenburgen said.', 'By the time Buckley learned who had written the song, she was only half-surprised: “It made sense,” she said.')
    expect(speakers(text)).toEqual(['Mary Steenburgen', 'Jessie Buckley'])
  })
  it('not when that person’s gender does not fit the pronoun', () => {
    const text = P('John Harper directed the film.', '“It was terrifying,” Mary Steenburgen said.', 'By the time Harper learned who had written the song, she was only half-surprised: “It made sense,” she said.')
    expect(speakers(text)).toEqual(['Mary Steenburgen', 'Mary Steenburgen'])
  })
})

describe('a closing double mark typed as two single ones (’’)', () => {
  it('closes the quotation, so it and the next one have their speaker', () => {
    const found = detectQuotes('“It was an attempt to mislead voters,’’ Will Moy told the BBC. “And I think it is inappropriate.”')
    expect(found.map((q) => [q.text, q.speaker])).toEqual([
      ['It was an attempt to mislead voters,', 'Will Moy'],
      ['And I think it is inappropriate.', 'Will Moy']
    ])
  })
  it('a single one after a word (a plural possessive) closes nothing', () => {
    expect(detectQuotes('“It was the drivers’ money,’’ Will Moy said.').map((q) => q.text)).toEqual(['It was the drivers’ money,'])
  })
})

describe('a paragraph that ends with a quotation and its attribution sentence', () => {
  it('is one whose last sentence opens with a pronoun or name and a speech verb, however the speaker was found', () => {
    expect(attributionTail(' they said in a statement on their website last Friday.')).toBe(true)
    expect(attributionTail(', Big Machine said in a statement.')).toBe(true)
  })
  it('not when the sentence after the quotation is narrative', () => {
    expect(attributionTail(' a claim the label repeated in a statement on its website last Friday.')).toBe(false)
    expect(attributionTail(' and the label went quiet for a week.')).toBe(false)
  })
})
