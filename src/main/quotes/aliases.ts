/**
 * Speaker names: canonical form, comparison keys and alias merging ("Mr. Tillerson" =
 * "Tillerson" = "Secretary of State Rex Tillerson" = "Rex Tillerson").
 *
 * Conventions (see docs/quotes.md):
 *  - people: the name without honorifics, titles or roles ("Rex Tillerson");
 *  - organisations and places: the name as written without a leading article ("State Department");
 *  - unnamed sources: the descriptor without its determiner ("spokesman for the ministry").
 */

/** Honorifics and titles that never belong to a person's name. Lower-case, without the final dot. */
const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother ' +
    'president vice secretary minister ministers premier chancellor senator sen rep representative congressman congresswoman ' +
    'gov governor mayor judge justice chief deputy assistant acting former interim shadow general gen ' +
    'lt col colonel capt captain maj major sgt sergeant cpl officer detective inspector superintendent constable commissioner ' +
    'commander admiral ambassador envoy attorney prosecutor director director-general executive ceo cfo coo chairman chairwoman chair ' +
    'leader speaker spokesman spokeswoman spokesperson coach manager boss king queen prince princess pope bishop archbishop cardinal rabbi imam sheikh ' +
    'emir crown dean provost principal councillor councilor alderman member head president-elect senior special state foreign home interior ' +
    'defence defense health finance treasury justice education economy trade culture transport environment energy labor labour ' +
    'county district city council house senate majority minority opposition party parliamentary republican democrat democratic ' +
    'conservative liberal labour independent u.s us uk un nato who eu fbi cia sec imf'
  ).split(/\s+/)
)

/** Title words that name a department or body, not a person's office ("Energy" in "Energy Secretary"). */
const DEPARTMENT_WORDS = new Set(
  'state foreign home interior defence defense health finance treasury justice education economy trade culture transport environment energy labor labour county district city council house senate majority minority opposition party parliamentary'.split(' ')
)

/** What a minister or secretary is for, after a title: "Foreign Affairs", "Trade and Industry", "Veterans Affairs". */
const PORTFOLIO = new Set(
  ('affairs relations development security industry industries commerce agriculture immigration communications ' +
    'infrastructure tourism sport sports fisheries welfare works planning housing veterans science technology innovation ' +
    'mines petroleum women youth children families employment pensions enterprise investment integration equality equalities ' +
    'digital climate heritage arts reform resources services').split(' ')
)
/** Words that mark an organisation, institution or place rather than a person. */
export const ORG_WORDS = new Set(
  (
    'department ministry office service services agency commission committee council association union institute institution ' +
    'university college school foundation bank fund party police court courts house street group company corporation corp inc ltd llc plc ' +
    'energy media foods broadcasting times post news journal reuters kremlin organization organisation authority board federation ' +
    'confederation chancellery parliament congress senate administration government navy army forces force guard centre center laboratory ' +
    'lab network alliance frontières frontieres hospital clinic club team league society trust coalition campaign movement ' +
    'industry industries airlines airways motors systems technologies partners capital holdings securities exchange bureau ' +
    'embassy consulate cabinet palace hall pentagon commonwealth republic kingdom states nations assembly tribunal chamber ' +
    // publishers, labels, studios and agencies named by what they make or do
    'daily press records productions studios pictures publishing customs ' +
    // what a pollster publishes, which speaks for it ("ABC News poll", "Gallup survey")
    'poll survey'
  ).split(/\s+/)
)

/** Common Korean and Chinese family names, which come first ("Lee Jae-myung", "Xi Jinping"). */
const FAMILY_FIRST = new Set(
  (
    'kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song yoo hong moon ' +
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin xi'
  ).split(' ')
)

/** Lower-case particles inside a name: "Luis de Miranda", "Ursula von der Leyen". */
const PARTICLES = new Set('de da das do dos del della di van von der den du la le al el bin ibn y ter ten'.split(' '))

const DETERMINERS = /^(?:the|a|an|one|another|some|its|his|her|their)\s+/i

/** Unicode-normalised, whitespace-collapsed, typographic apostrophes made straight. */
function tidy(name: string): string {
  return name
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,;:—–-]+|[,;:—–-]+$/g, '')
    .trim()
}

function bare(token: string): string {
  return token.toLowerCase().replace(/\.$/, '')
}

/** True when the (title-free) name has a word that marks an organisation. */
export function looksLikeOrganisation(name: string): boolean {
  const hit = orgCache.get(name)
  return hit !== undefined ? hit : remember(orgCache, name, computeOrg(name))
}

function computeOrg(name: string): boolean {
  const tokens = tidy(name).split(' ')
  if (tokens.some((t) => ORG_WORDS.has(bare(t)))) return true
  // Acronyms (CBI, WHO, U.N., NASA) are organisations.
  if (tokens.length === 1 && /^(?:[A-Z]\.?){2,}$|^[A-Z]{2,}$/.test(tokens[0].replace(/'s$/, ''))) return true
  return false
}

/**
 * Removes honorifics and titles/roles in front of a person's name:
 * "Secretary of State Rex Tillerson" → "Rex Tillerson", "Mr. Tillerson" → "Tillerson",
 * "Sen. James Lankford" → "James Lankford". Organisations are left alone ("State Department").
 */
export function stripTitles(name: string): string {
  const clean = tidy(name).replace(DETERMINERS, '')
  const tokens = clean.split(' ')
  const org = looksLikeOrganisation(clean)
  // A descriptor ("Treasury spokesman", "foreign minister") is not a name: keep it whole.
  if (/^\p{Ll}/u.test(tokens[tokens.length - 1])) return clean
  // Take the tokens after the last title word (or "of" inside a title: "Secretary of State").
  let cut = 0
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = bare(tokens[i])
    if (TITLE_WORDS.has(t) || t === 'of' || t === 'for' || /'s$/.test(t)) cut = i + 1
    else if (cut === i && PORTFOLIO.has(t)) cut = i + 1 // "Minister for Foreign Affairs Jane Doe": the portfolio is the title's
    else if (/^[a-z]/.test(tokens[i]) && !PARTICLES.has(tokens[i])) cut = i + 1 // lower-case role words: "union president Angela Bonilla"
  }
  const rest = tokens.slice(cut)
  if (rest.length === 0) return clean
  // "ambassador to Britain", "spokesman for Trump": a role for someone, not that someone.
  if (rest.length === 1 && /^(?:to|for|at|in|of|from)$/.test(tokens[cut - 1] ?? '')) return clean
  // "explanatory notes of the British Bill": a description of a thing, whole.
  if (/^(?:the|a|an)$/.test(tokens[cut - 1] ?? '') && /^\p{Ll}/u.test(tokens[0]) && !org) return clean
  // "ambassador to Britain Liu Xiaming": the place the role is for, then the person.
  if (rest.length >= 3 && /^(?:to|for|at|in|of|from)$/.test(tokens[cut - 1] ?? '') && !org) return rest.slice(1).join(' ')
  if (org) {
    // "Senate Majority Leader Chuck Schumer": strip only after a title word, and only to a person name.
    // "Energy Control" is a body: a department word ends no title on its own ("Energy Secretary" does).
    const last = bare(tokens[cut - 1] ?? '')
    if ((!TITLE_WORDS.has(last) && !PORTFOLIO.has(last)) || DEPARTMENT_WORDS.has(last) || looksLikeOrganisation(rest.join(' '))) return clean
  }
  return rest.join(' ')
}

/** "Tomas Lindqvist of the Karolinska Institute" → "Tomas Lindqvist". */
function dropAffiliation(name: string): string {
  const m = /^(.+?) (?:of|at|from) (?:the )?(.+)$/.exec(name)
  if (!m) return name
  // "Senator Mitch McConnell of Kentucky": the titles in front do not count against the name.
  const head = m[1].split(' ')
  while (head.length > 2 && TITLE_WORDS.has(bare(head[0]))) head.shift()
  if (head.length >= 2 && head.length <= 4 && head.every((t) => /^\p{Lu}\p{Ll}/u.test(t) && !TITLE_WORDS.has(bare(t)) && !ORG_WORDS.has(bare(t)))) {
    return head.join(' ')
  }
  return name
}

// Names repeat a lot within and across articles; both functions are pure, so memoise them.
const canonicalCache = new Map<string, string>()
const keyCache = new Map<string, string>()
const orgCache = new Map<string, boolean>()
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size > 10_000) cache.clear()
  cache.set(key, value)
  return value
}

/** The canonical display form of a speaker name. */
export function canonicalSpeaker(name: string): string {
  const hit = canonicalCache.get(name)
  return hit !== undefined ? hit : remember(canonicalCache, name, computeCanonical(name))
}

function computeCanonical(name: string): string {
  let n = tidy(name)
  n = n.replace(DETERMINERS, '')
  n = n.replace(/'s$/, '') // "the ministry's" → "ministry"
  // "Parliament's Joint Committee on …", "Stanford University's Center on …": the organisation itself.
  const owned = /^[^']{2,60}'s (\p{Lu}\S*(?: \S+)+)$/u.exec(n)
  if (owned && looksLikeOrganisation(owned[1])) return owned[1]
  return stripTitles(dropAffiliation(n))
}

/** A comparison key: lower case, no diacritics, no dots, apostrophes straight, one space between words. */
export function speakerKey(name: string): string {
  const hit = keyCache.get(name)
  if (hit !== undefined) return hit
  return remember(keyCache, name, canonicalSpeaker(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^a-z0-9']+/g, ' ')
    .trim())
}

function initials(name: string): string {
  return speakerKey(name)
    .split(' ')
    .filter((w) => !['of', 'the', 'and', 'for', '&'].includes(w))
    .map((w) => w[0])
    .join('')
}

/**
 * Whether two names denote the same speaker: equal keys; a surname (or "Mr. Surname") against a
 * full name with that surname; first + last name equal ignoring middle names/initials; an acronym
 * against the organisation's initials ("CBI" = "Confederation of British Industry").
 */
export function sameSpeaker(a: string, b: string): boolean {
  const pair = a + '\u0000' + b
  const hit = sameCache.get(pair)
  return hit !== undefined ? hit : remember(sameCache, pair, computeSame(a, b))
}
const sameCache = new Map<string, boolean>()

function computeSame(a: string, b: string): boolean {
  const ka = speakerKey(a)
  const kb = speakerKey(b)
  if (!ka || !kb) return false
  if (ka === kb) return true
  const ta = ka.split(' ')
  const tb = kb.split(' ')
  const orgA = looksLikeOrganisation(canonicalSpeaker(a))
  const orgB = looksLikeOrganisation(canonicalSpeaker(b))
  // "de Miranda" = "Luis de Miranda": a surname with its particle.
  if (ta.length < tb.length && PARTICLES.has(ta[0]) && !orgB && tb.slice(tb.length - ta.length).join(' ') === ka) return true
  if (tb.length < ta.length && PARTICLES.has(tb[0]) && !orgA && ta.slice(ta.length - tb.length).join(' ') === kb) return true
  // "Yoon" = "Yoon Suk Yeol", "Lee" = "Lee Jae-myung": East Asian names put the family name first.
  if (ta.length === 1 && tb.length > 1 && !orgB && FAMILY_FIRST.has(tb[0]) && tb[0] === ta[0]) return true
  if (tb.length === 1 && ta.length > 1 && !orgA && FAMILY_FIRST.has(ta[0]) && ta[0] === tb[0]) return true
  if (ta.length === 1 && tb.length > 1 && !orgB && tb[tb.length - 1] === ta[0]) return true
  if (tb.length === 1 && ta.length > 1 && !orgA && ta[ta.length - 1] === tb[0]) return true
  if (ta.length > 1 && tb.length > 1 && !orgA && !orgB && ta[0] === tb[0] && ta[ta.length - 1] === tb[tb.length - 1]) return true
  // "Northwind" = "Northwind Foods": a one-word name against an organisation that starts with it.
  if (ta.length === 1 && tb.length > 1 && orgB && tb[0] === ta[0]) return true
  if (tb.length === 1 && ta.length > 1 && orgA && ta[0] === tb[0]) return true
  if (ta.length === 1 && tb.length > 2 && ta[0].length >= 2 && initials(b) === ta[0]) return true
  if (tb.length === 1 && ta.length > 2 && tb[0].length >= 2 && initials(a) === tb[0]) return true
  return false
}

/**
 * Per-article alias table: the full names seen so far, so that later short mentions
 * ("Tillerson", "Mr. Tillerson", "CBI") resolve to the earlier full form.
 */
export class AliasTable {
  /** Full names by key, in the order last seen (Map keeps insertion order; re-adding moves to the end). */
  private readonly names = new Map<string, string>()
  /** Full names by the key of their first and of their last word. */
  private readonly byWord = new Map<string, Set<string>>()

  /** Records a full name (two words or more, or an organisation). */
  add(name: string): void {
    const c = canonicalSpeaker(name)
    if (!c) return
    const k = speakerKey(c)
    this.names.delete(k)
    this.names.set(k, c)
    const words = k.split(' ')
    if (words.length < 2) return
    for (const w of [words[0], words[words.length - 1]]) {
      const set = this.byWord.get(w)
      if (set) set.add(k)
      else this.byWord.set(w, new Set([k]))
    }
  }

  /** The most recent full name that `name` is an alias of, or the canonical form of `name`. */
  resolve(name: string): string {
    const c = canonicalSpeaker(name)
    const k = speakerKey(c)
    const exact = this.names.get(k)
    if (exact) return exact
    const words = k.split(' ')
    const candidates = this.byWord.get(words[words.length - 1])
    if (!candidates) return c
    let found: string | null = null
    let foundAt = -1
    let i = 0
    for (const [key, full] of this.names) {
      if (candidates.has(key) && key.split(' ').length > words.length && sameSpeaker(c, full) && i > foundAt) {
        found = full
        foundAt = i
      }
      i++
    }
    return found ?? c
  }
}
