/**
 * The words of attribution: speech verbs, abbreviations that do not end a sentence, the
 * shapes of names, pronouns and descriptors, role nouns, and first names that tell a
 * person's gender (for "he"/"she" to find the right earlier speaker). Lists only: no logic
 * beyond finding the verbs in a phrase.
 */

export type Gender = 'm' | 'f' | null

/** Finite speech verbs that attribute a quote when adjacent to it. */
const SPEECH = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'warned', 'warns', 'insisted', 'insists', 'argued',
  'argues', 'wrote', 'writes', 'tweeted', 'posted', 'explained', 'explains', 'asked', 'asks', 'noted', 'notes',
  'claimed', 'claims', 'declared', 'declares', 'stressed', 'stresses', 'acknowledged', 'acknowledges',
  'admitted', 'admits', 'continued', 'continues', 'replied', 'replies', 'responded', 'countered', 'recalled',
  'recalls', 'testified', 'cautioned', 'cautions', 'urged', 'conceded', 'complained', 'announced', 'stated',
  'remarked', 'observed', 'suggested', 'agreed', 'concluded', 'laughed', 'joked', 'predicted', 'promised',
  'vowed', 'pleaded', 'shouted', 'demanded', 'asserted', 'maintained', 'confirmed', 'denied', 'contended',
  'reiterated', 'emphasised', 'emphasized', 'lamented', 'boasted', 'quipped', 'snapped', 'sighed', 'whispered',
  'texted', 'posts', 'announces', 'states', 'written', 'recounted', 'recounts', 'reported', 'instructed', 'mused',
  'wondered', 'remembered', 'answered', 'answers', 'echoed', 'pressed', 'interjected', 'summarised', 'summarized',
  'elaborated', 'testifies', 'advised', 'yelled', 'screamed', 'cried', 'begged', 'begs', 'implored', 'implores',
  'alleged', 'alleges',
  'commented', 'comments', 'retorted', 'retorts', 'exclaimed', 'exclaims', 'emailed', 'messaged', 'affirmed',
  'reaffirmed', 'clarified', 'underscored', 'reasoned', 'speculated', 'opined', 'enthused', 'gushed', 'fumed',
  'scoffed', 'groused', 'grumbled',
  // the present tense of the verbs above, as features and trade press write ("adds", "reports")
  'promises', 'complains', 'concedes', 'suggests', 'predicts', 'concludes', 'observes', 'remarks',
  'laments', 'boasts', 'quips', 'jokes', 'vows', 'urges', 'contends', 'maintains', 'confirms', 'denies', 'asserts',
  'reiterates', 'emphasises', 'emphasizes', 'tweets', 'recounts', 'elaborates', 'advises', 'responds', 'counters',
  'cautions', 'agrees', 'announces', 'wonders', 'muses', 'admitted',
  // a charge or a report as news writes it ("prosecutors alleged that", "Wired Italy reports that"):
  // verbs only before "that" or a clause's end, see VERB_ONLY_BEFORE
  'alleged', 'alleges', 'reports',
  // what a document says ("the statement read", "the letter reads"): only after its noun, see DOCUMENT_BEFORE
  'read', 'reads'
]
/** After "continued": what goes on is a deed ("continued to sign up", "continues with the plan"), not speech. */
const CONTINUED_DOING = /^\s+(?:to|with)\b/
/** Words before "reports" that make it a noun: "Media reports", "Local news reports". */
const REPORTS_NOUN = /(?:^|[^\p{L}])(?:media|news|press|local|recent|early|earlier|initial|other|several|many|some|conflicting|unconfirmed|official)\s+$/iu
/** Words that are as often adjectives or nouns ("the alleged victim", "news reports"): verbs only before "that" or punctuation. */
const VERB_ONLY_BEFORE = new Set(['alleged', 'alleges', 'reports'])
/** A written thing that "reads": "the statement read", "a sign reads", "the letter read in part". */
const DOCUMENT_BEFORE = /(?:^|[^\p{L}])(?:statement|letter|note|message|post|tweet|sign|memo|email|e-mail|notice|release|announcement|caption|banner|placard|inscription|headline|petition|complaint|filing|order|ruling|document|post|text)s?\s+$/iu
/** Verbs that attribute only with their particle: "pointed out", "weighed in", "chimed in". */
const PARTICLE: Record<string, string> = { pointed: 'out', points: 'out', weighed: 'in', weighs: 'in', chimed: 'in', spoke: 'up' }
/** Verbs that introduce a partial quote as an evaluation ("called the plan “a disaster”"). */
const EVALUATIVE = [
  'called', 'calls', 'calling', 'described', 'describes', 'describing', 'dismissed', 'dismisses', 'rejected',
  'rejects', 'branded', 'brands', 'labelled', 'labeled', 'denounced', 'praised', 'criticised', 'criticized',
  'blamed', 'defended', 'disputed', 'hailed', 'condemned', 'slammed', 'accused', 'accuses', 'accusing',
  'welcomed', 'thanked', 'compares', 'compared', 'dubbed', 'termed', 'blasted', 'derided', 'saying', 'adding', 'warning', 'insisting', 'arguing', 'noting',
  'telling', 'claiming', 'writing',
  // the same in the other languages the lexicon reads ("llamó a la Argentina “…”", "qualifié de « … »")
  'llamó', 'calificó', 'definió', 'describió', 'tildó', 'qualifié', 'qualifie', 'chamou', 'classificou',
  'qualificou', 'bezeichnete', 'nazval', 'nazvala', 'označil', 'označila'
]
/** The same in French, Spanish, Portuguese, German and Czech (past and present, as reporters use them). */
const FOREIGN_SPEECH = (
  'déclaré annoncé affirmé expliqué estimé ajouté souligné indiqué précisé assuré confié répondu rappelé insisté ' +
  'reconnu martelé raconté écrit jugé dénoncé prévenu explique ajoute estime souligne affirme déclare précise assure ' +
  'raconte confie dit dijo afirmó declaró señaló explicó aseguró agregó añadió sostuvo indicó manifestó expresó ' +
  'advirtió comentó relató escribió denunció disse afirmou falou acrescentou declarou explicou ressaltou destacou ' +
  'contou escreveu sagte erklärte betonte meinte sagt erklärt betont schrieb řekl řekla uvedl uvedla dodal dodala ' +
  'prohlásil prohlásila napsal napsala upozornil upozornila vysvětlil vysvětlila sdělil sdělila konstatoval ' +
  'konstatovala potvrdil potvrdila říká tvrdí uvádí dodává míní'
).split(' ')
/** "according to" in French, Spanish, Portuguese, German and Czech. */
const ACCORDING = new Set(['selon', 'según', 'segundo', 'laut', 'podle'])
export const SPEECH_SET = new Set([...SPEECH, ...FOREIGN_SPEECH])
/** Every word findVerbs may start a hit at (a capitalised word is looked at only when it is one). */
const CANDIDATES = new Set([...SPEECH_SET, ...EVALUATIVE, ...ACCORDING, 'according', 'in', 'to', 'was', 'were', 'is', 'pointed', 'points', 'weighed', 'weighs', 'chimed', 'spoke'])
/** Day and month names, as regular-expression alternatives (dates are never speakers; time phrases open sentences). */
export const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'

export const PARTICIPLES = new Set(['calling', 'describing', 'accusing', 'saying', 'adding', 'warning', 'insisting', 'arguing', 'noting', 'telling', 'claiming', 'writing'])

const EVALUATIVE_SET = new Set(EVALUATIVE)

export interface VerbHit {
  index: number
  verb: string
}

/** Letters (ASCII fast, others by Unicode class). */
function isWordChar(code: number, c: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  return /\p{L}/u.test(c)
}

/** Speech verbs in the infinitive, after "was keen to", "was quick to", "went on to". */
const INFINITIVE = /^\s+(?:stress|emphasi[sz]e|point out|insist|note|add|explain|say|warn|make clear|make the point|reassure|clarify|underline|highlight)\b/
/** What makes the subject speak through an infinitive: "X was keen to stress that …". */
const TO_SPEAK = /(?:\b(?:was|were|is|are|been)\s+(?:\p{Ll}+\s+)?(?:keen|quick|careful|eager|anxious|at pains|happy|willing)|\b(?:hastened|went on|took care|wanted|sought|wished|took pains|rushed|was able|were able))\s+$/u

/** Evaluations in the infinitive ("to describe X as", "to call X"). */
const TO_EVALUATE = /^\s+(describe|call|brand|label|dub)\b/
export const EVALUATIVE_INFINITIVES = new Set(['to describe', 'to call', 'to brand', 'to label', 'to dub'])

/** A hit at the start of "was keen to stress", so that the agent is the text before it. */
function infinitive(s: string, start: number, j: number): VerbHit | null {
  // "… turned to Twitter to describe his city as a “gas chamber”": an evaluation whose agent is
  // the sentence's subject, as with "describing" (agents.ts).
  const evaluation = TO_EVALUATE.exec(s.slice(j, j + 12))
  if (evaluation) return { index: start, verb: `to ${evaluation[1]}` }
  const verb = INFINITIVE.exec(s.slice(j, j + 24))
  if (!verb) return null
  const lead = TO_SPEAK.exec(s.slice(Math.max(0, start - 40), start))
  if (!lead) return null
  return { index: start - lead[0].length, verb: `${lead[0]}to${verb[0]}`.replace(/\s+/g, ' ').trim() }
}

/**
 * Speech verbs in `s` by a word scan and set look-up (a 150-way regex alternation is several
 * times slower). Also "according to", "in the words of", "was quoted (by X) as saying".
 * `all` adds the evaluative verbs ("called", "described as", "accusing").
 */
export function findVerbs(s: string, all: boolean, first = false): VerbHit[] {
  const out: VerbHit[] = []
  // A hand-rolled word scan: a Unicode regex over every word of every sentence was the
  // detector's hottest spot.
  for (let i = 0, n = s.length; i < n; ) {
    if (!isWordChar(s.charCodeAt(i), s[i])) {
      i++
      continue
    }
    let e = i + 1
    while (e < n && isWordChar(s.charCodeAt(e), s[e])) e++
    const raw = s.slice(i, e)
    const start = i
    i = e
    if (raw.length < 2 || raw.length > 14) continue
    const prev = start > 0 ? s[start - 1] : ''
    if (prev === '’' || prev === "'" || prev === '-') continue // "didn’t", "well-said"
    const c0 = raw.charCodeAt(0)
    const upper = c0 >= 65 && c0 <= 90 ? true : c0 > 127 && raw[0] !== raw[0].toLowerCase()
    const w = upper ? raw.toLowerCase() : raw
    if (!CANDIDATES.has(w)) continue
    // Capitalised only where a sentence or clause opens ("According to …"), not "United States".
    if (upper && !/(?:^|[.!?:;“”"‘’«»—–(#]\s*)$/u.test(s.slice(Math.max(0, start - 3), start))) continue
    const j = start + raw.length
    let hit: VerbHit | null = null
    if (VERB_ONLY_BEFORE.has(w) && !/^\s*(?:that\b|[,.;:”"’»—–]|$)/.test(s.slice(j, j + 8))) continue
    // "as the company continued to sign up subscribers", "continued with the plan": going on, not speaking.
    if ((w === 'continued' || w === 'continues') && CONTINUED_DOING.test(s.slice(j, j + 8))) continue
    if ((w === 'read' || w === 'reads') && (!DOCUMENT_BEFORE.test(s.slice(Math.max(0, start - 16), start)) || !/^\s*(?:in part\b|[,.;:”"’»—–]|$)/.test(s.slice(j, j + 9)))) continue
    // "Wired Italy reports that": an outlet reports, right after its name (not "the app now reports").
    // "Media reports that …" is the noun.
    if (w === 'reports' && (!/\p{Lu}[\p{L}.]*\s+$/u.test(s.slice(Math.max(0, start - 30), start)) || REPORTS_NOUN.test(s.slice(Math.max(0, start - 14), start)))) continue
    if (SPEECH_SET.has(w) || (all && EVALUATIVE_SET.has(w))) hit = { index: start, verb: w }
    else if (all && ACCORDING.has(w)) hit = { index: start, verb: w }
    else if (PARTICLE[w] && s.startsWith(' ' + PARTICLE[w], j)) hit = { index: start, verb: `${w} ${PARTICLE[w]}` }
    else if (all && w === 'according' && /^\s+to\b/.test(s.slice(j, j + 4))) hit = { index: start, verb: 'according to' }
    else if (all && w === 'in' && /^\s+the words of\b/.test(s.slice(j, j + 14))) hit = { index: start, verb: 'in the words of' }
    else if (all && w === 'to') hit = infinitive(s, start, j)
    else if ((w === 'was' || w === 'were' || w === 'is') && /^\s+quoted\b/.test(s.slice(j, j + 8))) {
      const q = /^\s+quoted\b[^.]{0,60}?\bas saying\b/.exec(s.slice(j))
      if (q) {
        hit = { index: start, verb: w + q[0] }
        i = j + q[0].length
      }
    }
    if (hit) {
      out.push(hit)
      if (first) return out
    }
  }
  return out
}

export const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col capt sgt st jr sr prof inc co corp ltd no vs rev hon messrs mt ft u.s u.n u.k e.u d.c p.m a.m'.split(' ')
)

const NAMETOK = "\\p{Lu}[\\p{L}\\p{M}’'.\\-]*"
const CONNECT = "(?:of(?: the)?|de|da|del|della|van|von|der|den|al|bin|ibn|la|le|du|dos|y|&)"
export const CAPRUN = `${NAMETOK}(?:[^\\S\\n]+(?:${CONNECT}[^\\S\\n]+)?${NAMETOK})*`
export const CAPRUN_END = new RegExp(`(${CAPRUN})$`, 'u')
export const CAPRUN_FULL = new RegExp(`^${CAPRUN}$`, 'u')
export const CAPRUN_START = new RegExp(`^(${CAPRUN})`, 'u')

export const PRONOUN_END = /(?:^|[\s,—–])(he|she|they|it)$/i
export const PRONOUN_START = /^(he|she|they|it)\b/i
export const DESCRIPTOR_END = /(?:^|[\s—–])((?:the|a|an|one|another)\s+(?:[^,;:“”"«»„‘’.!?#—–]|[’']s\b){1,70})$/i
export const POSSESSIVE_END = /(?:^|\s)(\p{Lu}[\p{L}.]*[’']s(?:\s+[\p{Ll}-]+){1,3})$/u
export const DESCRIPTOR_START = /^((?:the|a|an|one|another)\s+[^,;:“”"«»„‘.!?#]{1,70}?)(?=$|[,;:.!?]|\s+(?:who|which|that|in|on|at|during|after|before|when|while)\b)/i

/**
 * People named by what they are to the story ("the patient", "the residents", "the witness"):
 * role nouns (below), and the role itself or whoever the text introduced as one when "the <noun>"
 * is resolved — never the body or place named last (speaker-context.ts).
 */
export const PEOPLE_BY_WHAT_THEY_ARE: readonly string[] = (
  'patient patients nurse nurses user users reader readers buyer buyers customer customers fan fans viewer viewers ' +
  'farmer farmers protester protesters voter voters visitor visitors passenger passengers survivor survivors ' +
  'shopper shoppers resident residents witness witnesses victim victims tenant tenants'
).split(' ')

/** Lower-case role nouns that make a descriptor a plausible speaker. */
export const ROLE_NOUNS = new Set([
  ...(
    'spokesman spokeswoman spokesperson spokespeople official officials delegate delegates analyst analysts ' +
    'resident residents minister ministry department agency company firm retailer carrier airline automaker carmaker manufacturer insurer lender chain startup group union association charity council ' +
    'committee commission government administration police court judge lawyer attorney prosecutor prosecutors ' +
    'witness witnesses source sources expert experts statement report study authors researchers scientists doctor ' +
    'doctors officer officers president prime chancellor secretary leader coach manager striker player players team ' +
    'club board bank campaigners activists critics organisers organizers bloc alliance service regulator regulators ' +
    'watchdog investor investors economist economists diplomat diplomats aide aides insider insiders employee ' +
    'employees worker workers teacher teachers parent parents student students victim victims mother father brother ' +
    'sister wife husband son daughter friend neighbour neighbor owner founder chief executive director chair ' +
    'chairman governor mayor senator lawmaker lawmakers spaniard frenchman german american briton general generals ' +
    'ambassador envoy spokesperson office cabinet campaign embassy presidency military army navy coalition ' +
    // people named by what they do or are (a role when the text names nobody), with PEOPLE_BY_WHAT_THEY_ARE
    'member members observer observers commenter commenters participant participants ' +
    'volunteer volunteers vendor vendors seller sellers citizen citizens local locals ' +
    // people named as people, and their representatives
    'man woman men women boy girl physician physicians rep reps representative representatives ' +
    // documents, which speak for whoever wrote them (a role when the text names nobody)
    'obituary announcement letter memo memoir diary'
  ).split(' '),
  ...PEOPLE_BY_WHAT_THEY_ARE
])
export const PERSON_ROLES = new Set(
  'minister president prime chancellor secretary leader coach manager striker player judge lawyer attorney prosecutor witness doctor officer chief executive director chair chairman governor mayor senator lawmaker spaniard frenchman german american briton founder owner mother father wife husband son daughter friend neighbour neighbor victim teacher aide diplomat economist analyst resident delegate official man woman'.split(' ')
)

export const FEMALE = new Set(
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ' +
    'ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon ' +
    'cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra ' +
    'rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina ' +
    'lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara ' +
    'janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia ' +
    'marie diana brittany natalie isabella charlotte rose alexis kayla erin tasha jenna priya amara sofia carmen ' +
    'iga aryna kyrsten guadalupe lina loretta elena suzanne carla dana jane nadia kemi gail debbie ursula kamala ' +
    'hillary giorgia marine jacinda sanna kaja annalena liz nicola kristalina mao ning lindsay paula fatima aisha ' +
    'leila yulia svetlana olga irina natasha ana lucia isabel ines chloe zoe mia ava ella lily leah claire fiona ' +
    'siobhan aoife mairead sinead kate katie beth lucy amelia jade yvonne monique sue meg jen'
  ).split(' ')
)
export const MALE = new Set(
  (
    'james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark ' +
    'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob ' +
    'gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond ' +
    'patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy ' +
    'harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan ' +
    'billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis ' +
    'bobby philip johnny rex mohammad mohammed muhammad ahmed ali omar hassan hussein ibrahim yusuf mustafa marcus ' +
    'tomas mikel ange bukayo olaf friedrich keir elon chuck oleksandr volodymyr vladimir sergei dmitri jens jayson ' +
    'erik ben venkat luis tom eddie stanley wopke xie mohamed emmanuel boris rishi narendra xi recep ehud tedros ' +
    'antonio pedro carlos miguel jorge diego pablo javier hans klaus jurgen wolfgang pierre jacques francois ' +
    'jean-luc giuseppe marco luca matteo liam oliver harry charlie rahul arjun vikram raj kenji hiroshi takeshi wei ' +
    'jun min art lionel cristiano kylian rafael novak andy ' +
    // Short forms English-language coverage uses alone after the full name ("Rob Weir … Rob said").
    'rob bob jim mike dave dan steve sam matt nick tony pete ted jon jeff greg rick ron ken phil josh jake zach nate tim'
  ).split(' ')
)

/**
 * Capitalised at a sentence start but never the first word of a name: "Yet Sondland",
 * "But Vaughan", "Today Cook", "Hosting Cook" (an -ing word, unless a first name), "This" alone.
 */
const LEADING = new Set(
  (
    'the a an but and or nor yet so then still however meanwhile later earlier instead asked when while whereas in on at ' +
    'today yesterday tonight now also even just this that these those there here it its his her their our my your we they ' +
    'he she i you to for with from by as after before during since until if though although because despite under over ' +
    'like unlike once both either neither each every some many most all no not only perhaps maybe indeed thus hence ' +
    'enter moreover furthermore finally first second third last next according speaking writing asked told dear hi hello ' +
    'why what who whom whose which how where whether among amid against about above across along around behind below ' +
    'beside between beyond inside into near outside through throughout toward towards upon within without via per ' +
    // the same at the start of a French, Spanish, Portuguese, German or Czech sentence
    'en por para sin sobre entre desde hasta según pero cuando como dans sur pour avec sans mais quand comme selon ' +
    'com mas quando und aber mit für auf wenn als ale když podle'
  ).split(' ')
)

/**
 * Drops words that cannot start a name ("Yet Sondland" → "Sondland"); an -ing word only at
 * when the caller knows it opens a participle phrase (`initial`: "Hosting Cook at …", but
 * "Rolling Stone called …").
 */
export function trimLead(raw: string, initial = false): { name: string; dropped: number } {
  const key = initial ? '\u0001' + raw : raw
  const hit = trimCache.get(key)
  if (hit) return hit
  if (trimCache.size > 5000) trimCache.clear()
  const out = trimLeadUncached(raw, initial)
  trimCache.set(key, out)
  return out
}
const trimCache = new Map<string, { name: string; dropped: number }>()

function trimLeadUncached(raw: string, initial: boolean): { name: string; dropped: number } {
  let name = raw
  let dropped = 0
  for (;;) {
    const m = /^([\p{L}’'-]+)([^\S\n]+)/u.exec(name)
    if (!m) break
    // Title case only: "WHO Director-General …" keeps its acronym; a particle left in front
    // once a word is dropped goes too ("En la Argentina" → "Argentina").
    const w = m[1].toLowerCase()
    if (dropped > 0 && /^(?:de|da|del|la|le|el|los|las|les|du|des|von|van|der|di)$/.test(m[1])) {
      name = name.slice(m[0].length)
      dropped += m[0].length
      continue
    }
    if (!/^\p{Lu}\p{Ll}/u.test(m[1]) || !(LEADING.has(w) || (initial && dropped === 0 && /^\p{L}{3,}ing$/u.test(w) && !MALE.has(w) && !FEMALE.has(w)))) break
    name = name.slice(m[0].length)
    dropped += m[0].length
  }
  if (/^\p{Lu}\p{Ll}*$/u.test(name) && LEADING.has(name.toLowerCase())) return { name: '', dropped: dropped + name.length }
  return { name, dropped }
}

const NOT_ROLE = new Set('after over never later other rather whether either ever her per under water paper order number matter percent cent'.split(' '))

/** A lower-case word that names what a person is ("developer", "resident", "spokesperson", "whisperer"). */
export function isRoleWord(w: string): boolean {
  const s = w.toLowerCase()
  if (ROLE_NOUNS.has(s) || ROLE_NOUNS.has(s.replace(/s$/, ''))) return true
  if (NOT_ROLE.has(s)) return false
  return /^[\p{Ll}-]{3,}(?:er|or|ist|ian|ent|ant|man|woman|person|ee|ive|ary|ate|at|ist|ic)s?$/u.test(s)
}

/**
 * Speech verbs of the other languages the archive sees most (French, Spanish, Portuguese,
 * German, Czech), as a regex alternation: they follow the quote before their subject
 * (`», a déclaré X`, `", dijo X`, `", disse X`, `“, sagte X`, `“, řekl X`).
 */
export const FOREIGN_VERBS =
  '(?:a\\s+)?(?:déclaré|dit|affirmé|expliqué|ajouté|souligné|estimé|indiqué|précisé|assuré|confié|lancé|répondu|rappelé|insisté|annoncé|reconnu|martelé|raconté|écrit|jugé)|' +
  'explique|ajoute|estime|souligne|affirme|déclare|poursuit|précise|assure|raconte|confie|dit|' +
  'dijo|afirmó|declaró|señaló|explicó|aseguró|agregó|añadió|sostuvo|indicó|manifestó|expresó|advirtió|comentó|' +
  'disse|afirmou|falou|acrescentou|declarou|explicou|ressaltou|completou|destacou|contou|' +
  'sagte|erklärte|betonte|so|meinte|' +
  'řekl|řekla|uvedl|uvedla|dodal|dodala|prohlásil|prohlásila|napsal|napsala|upozornil|upozornila|vysvětlil|vysvětlila'

/** "I", "we", "my", "our" … in the languages the lexicon reads. */
export const FIRST_PERSON =
  /(?:^|[^\p{L}])(?:I|I’m|I'm|I’ve|I'd|me|my|we|we’re|we're|us|our|eu|nós|meu|minha|nosso|yo|nosotros|mi|nuestro|je|j’|j'|nous|mon|ma|notre|ich|wir|mein|unser|já|my)(?=[^\p{L}]|$)/iu
