/**
 * Who wrote the article, and whether it is wire copy: bylines as pages write them ("By ERIC
 * TUCKERAssociated Press", "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
 * "Brenda Goodman, MA", "TMZ STAFF") become people's names and, apart, the news agency.
 * Wire copy is what copies of one story across outlets share, so the agency is kept
 * whenever a byline, a dateline ("MOSCOW (AP) —") or a credit line names one.
 */
import { clean } from './strings'

export interface Credit {
  /** People, each name once, as a reader would write them ("Eric Tucker", not "ERIC TUCKER"). */
  authors: string[]
  /** The news agency credited ("Associated Press", "Reuters", "AFP"…), or null. */
  agency: string | null
}

export interface CreditSources {
  /** JSON-LD authors with their declared types. */
  ld: { name: string; type: string | null }[]
  /** Author meta tags, every value. */
  meta: string[]
  /** Bylines printed on the page, best first (beside the headline, in the body, Readability's guess). */
  visible: (string | null)[]
  /** The article's first paragraphs and its last: a dateline ("MOSCOW (AP) —") or a closing credit ("— AFP"). */
  firstParagraphs: string[]
  lastParagraph: string | null
}

/**
 * The article's credit from every source: the declared authors (JSON-LD, then meta tags),
 * unless the printed byline names all of them and more ("Par X (avec Y et Z)" where the
 * metadata names X only); the agency from any of them, or the dateline, or a closing credit.
 */
export function resolveCredit(src: CreditSources, site: string | null, notAuthors: string[] = []): Credit {
  const people = src.ld.filter((a) => !/organi[sz]ation|corporation|newsmedia/i.test(a.type ?? ''))
  const organisations = src.ld.filter((a) => !people.includes(a))
  // Editors the article credits as such are not its authors, whatever the metadata says.
  const authorsOf = (c: Credit): Credit => ({ ...c, authors: c.authors.filter((a) => !notAuthors.some((n) => sameName(a, n))) })
  const fromLd = authorsOf(parseCredit(people.map((a) => a.name), site))
  const fromMeta = authorsOf(parseCredit(src.meta, site))
  const fromPage = src.visible.map((v) => authorsOf(parseCredit([v], site))).find((c) => c.authors.length || c.agency) ?? { authors: [], agency: null }
  let authors = fromLd.authors.length ? fromLd.authors : fromMeta.authors.length ? fromMeta.authors : fromPage.authors
  const richer = fromPage.authors.length > authors.length && authors.every((a) => fromPage.authors.some((b) => sameName(a, b)))
  if (richer) authors = fromPage.authors
  const agency =
    fromLd.agency ?? organisations.map((o) => wireIn(o.name)).find(Boolean) ?? fromMeta.agency ?? fromPage.agency ??
    src.firstParagraphs.map(wireInDateline).find(Boolean) ?? wireInCreditLine(src.lastParagraph) ?? null
  return { authors, agency }
}

/** Wire services: how pages write them → the name stored. Case matters for the short ones (AP, AFP). */
const WIRES: [RegExp, string][] = [
  [/\bAssociated Press\b|(?<![\p{L}\p{N}])A\.?P\.?(?![\p{L}\p{N}])/u, 'Associated Press'],
  [/\bReuters\b/i, 'Reuters'],
  [/\bAgence France[- ]Presse\b|(?<![\p{L}\p{N}])AFP(?![\p{L}\p{N}])/u, 'AFP'],
  [/(?<![\p{L}\p{N}])(?:dpa|DPA)(?![\p{L}\p{N}])|Deutsche Presse-Agentur/u, 'dpa'],
  [/(?<![\p{L}\p{N}])EFE(?![\p{L}\p{N}])|Agencia EFE/u, 'EFE'],
  [/(?<![\p{L}\p{N}])ANSA(?![\p{L}\p{N}])/u, 'ANSA'],
  [/\bKyodo(?: News)?\b/, 'Kyodo News'],
  [/\bJiji Press\b/, 'Jiji Press'],
  [/\bXinhua\b|新华社/u, 'Xinhua'],
  [/中新社|China News Service/u, 'China News Service'],
  [/中央社|Central News Agency/u, 'Central News Agency'],
  [/\bYonhap\b/, 'Yonhap'],
  [/(?<![\p{L}\p{N}])(?:UPI|United Press International)(?![\p{L}\p{N}])/u, 'UPI'],
  [/\bPress Association\b|\bPA Media\b/, 'PA Media'],
  [/(?<![\p{L}\p{N}])AAP(?![\p{L}\p{N}])|Australian Associated Press/u, 'AAP'],
  [/\bThe Canadian Press\b/, 'The Canadian Press'],
  [/\bAnadolu(?: Agency| Ajansı)?\b/, 'Anadolu Agency'],
  [/(?<![\p{L}\p{N}])(?:TASS|ТАСС)(?![\p{L}\p{N}])/u, 'TASS'],
  [/\bInterfax\b/, 'Interfax'],
  [/\bEuropa Press\b/, 'Europa Press'],
  [/(?<![\p{L}\p{N}])Lusa(?![\p{L}\p{N}])/u, 'Lusa'],
  [/(?<![\p{L}\p{N}])(?:ČTK|CTK)(?![\p{L}\p{N}])/u, 'ČTK'],
  [/(?<![\p{L}\p{N}])PAP(?![\p{L}\p{N}])/u, 'PAP'],
  [/(?<![\p{L}\p{N}])ANP(?![\p{L}\p{N}])/u, 'ANP'],
  [/(?<![\p{L}\p{N}])Belga(?![\p{L}\p{N}])/u, 'Belga'],
  [/\bKeystone-SDA\b/, 'Keystone-SDA'],
  [/(?<![\p{L}\p{N}])NTB(?![\p{L}\p{N}])/u, 'NTB'],
  [/\bRitzau\b/, 'Ritzau'],
  [/\bBloomberg(?: News)?\b/, 'Bloomberg'],
  [/\bAgência Brasil\b/, 'Agência Brasil']
]

/** The agency a short credit names ("AP", "Reuters staff", "Eric Tucker, Associated Press"), or null. */
export function wireIn(text: string | null | undefined): string | null {
  if (!text) return null
  for (const [re, name] of WIRES) if (re.test(text)) return name
  return null
}

/**
 * "MOSCOW (AP) — …", "WASHINGTON, March 3 (Reuters) - …", "PARIS (AFP) -": the agency a
 * first paragraph's dateline credits.
 */
export function wireInDateline(firstParagraph: string | null | undefined): string | null {
  const m = /^[\p{Lu}][\p{Lu}\p{M} .,'’-]{1,60}(?:,[^()]{1,30})?\s*\(([^)]{2,40})\)\s*[—–-]/u.exec(firstParagraph?.trim() ?? '')
  return m ? wireIn(m[1]) : null
}

/** A closing credit line of wire copy: "— AFP", "(Reuters)", "AP". */
export function wireInCreditLine(line: string | null | undefined): string | null {
  const t = clean(line)
  if (!t || t.length > 60) return null
  const m = /^(?:[—–-]\s*|\()?([\p{L}. -]{2,40}?)\)?\.?$/u.exec(t)
  return m ? wireIn(m[1]) : null
}

/** Words that make a credit a desk, not a person ("TMZ Staff", "Our Foreign Staff", "Editorial Board"). */
const NOT_A_PERSON =
  /\b(?:staff|desk|team|editors?|editorial|newsroom|board|bureau|agenc(?:y|ies)|wires?|news|reporters?|correspondents?|redacci[oó]n|rédaction|redaktion|redazione|redakce|admin(?:istrator)?|contributors?)\b/i
/** Credentials after a name: "Brenda Goodman, MA", "Jane Roe PhD". */
const CREDENTIALS = /,?\s+(?:M\.?A|M\.?D|Ph\.?D|MPH|RN|M\.?S|B\.?A|DDS|DO|Jr\.?|Sr\.?)\.?$/

/**
 * The people and the agency in bylines as pages write them. Each argument is one source
 * (a JSON-LD author, a meta tag, the visible byline); `site` is the outlet, which is not an author.
 */
export function parseCredit(bylines: (string | null | undefined)[], site: string | null = null): Credit {
  const authors: string[] = []
  let agency: string | null = null
  for (const raw of bylines) {
    const credit = parseByline(raw, site)
    agency ??= credit.agency
    for (const a of credit.authors) if (!authors.some((b) => sameName(a, b))) authors.push(a)
  }
  return { authors, agency }
}

function parseByline(raw: string | null | undefined, site: string | null): Credit {
  let s = clean(raw?.replace(/\(?\s*(?:https?:\/\/|www\.)\S*\)?/gi, ' '))
  if (!s) return { authors: [], agency: null }
  // "ERIC TUCKERAssociated Press": an upper-case name glued to the agency.
  const glued = /^(.*\p{Lu})(Associated Press|Reuters|Agence France-Presse|AFP)$/u.exec(s)
  if (glued) s = `${glued[1]}, ${glued[2]}`
  // The agency may sit anywhere in a byline ("Jane Doe | Reuters", "By AP staff").
  let agency = wireIn(s)
  // "Par X (avec Y et Z)": the people in parentheses are authors too.
  s = cleanByline(s.replace(/\((?:avec|with|con|mit|com|and)\s+([^)]*)\)/giu, ', $1')) ?? ''
  const parts = s
    .split(/\s*(?:[,;|•·、，]|\s[-–—]\s|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|&|\bwith\b|\bavec\b)\s*/u)
    .map((p) => p.trim())
    .filter(Boolean)
  const authors: string[] = []
  for (const part of parts) {
    const wire = wireIn(part)
    if (wire) {
      agency ??= wire
      continue
    }
    const name = personName(part, site) ?? nameBeforeDesk(part, site)
    if (name) authors.push(name)
    else if (isDateOrPlace(part)) break
  }
  return { authors, agency }
}

/** "By Jane Doe and John Roe | Updated 3 May 2024" → "Jane Doe and John Roe". */
export function cleanByline(raw: string | null | undefined): string | null {
  let s = clean(raw)
  if (!s) return null
  s = s.replace(/^(?:written\s+)?(?:by|von|par|por|door|di|av)\s*[:\-–—]?\s+/i, '')
  s = s.replace(/^by:\s*/i, '')
  // Cut at the first sign of a date, an update note or a separator: what follows is not a name.
  s = s.split(/\s*(?:\||•|·|\s[-–—]\s)\s*/)[0]
  s = s.replace(/[,;]?\s*\b(?:(?:last\s+)?updated|published|posted|last\s+modified|on)\b.*$/i, '')
  s = s.replace(/[,;]?\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b).*$/i, '')
  // ", Staff Writer" / ", Political Editor": a job title, not part of the name.
  s = s.replace(
    /,\s*(?:[\p{L}-]+\s+){0,3}(?:writer|reporter|correspondent|editor|columnist|contributor|technologist|analyst|producer|fellow|director|professor|counsel|attorney|officer|manager|researcher|scientist|specialist|strategist|advocate|coordinator|president|chief|head)s?\b.*$/iu,
    ''
  )
  s = s.replace(/[,;:\s]+$/, '').trim()
  if (!s || s.length > 150 || isUrl(s)) return null
  return s
}

const isUrl = (s: string): boolean => /^(https?:)?\/\//i.test(s.trim())

/** "By", "Par", "作者：": the lead-in, followed by a space or a colon (so "Devindra" keeps its "De"). */
const BY_LEAD = /^(?:(?:written\s+)?by|von|par|por|door|di|av|de|от|بقلم|كتب|كتبه|كتبت|بواسطة|نوشته|מאת)(?:\s*[:：\-–—]\s*|\s+)|^(?:作者|文|記者|记者)\s*[:：/／︱|]?\s*/iu

function stripLead(s: string): string {
  return s.replace(BY_LEAD, '').replace(/^by:\s*/i, '')
}

/** "Updated 3 May 2024", "10:00 GMT", "in London": where the names stop. */
const isDateOrPlace = (part: string): boolean =>
  /\d/.test(part) || /^(?:updated|published|posted|in|on|at|le|el|am)\b/i.test(part)

/** A person's name as a reader writes it, or null for what is no person. */
export function personName(raw: string, site: string | null = null): string | null {
  let s = stripLead(raw.trim()).replace(CREDENTIALS, '').replace(/^[\s"'“”‘’]+|[\s"'“”‘’.:]+$/g, '')
  // A user handle after a display name: "史蒂文的家_藍天 (stevenhgm)".
  s = s.replace(/\s*\([a-z0-9_.-]{2,30}\)$/, '')
  // Job titles after a name ("Ana Lima, Political Editor") were split off already; a trailing one without comma is rare.
  if (!s || s.length > 60 || /\d|@|https?:|www\./i.test(s) || NOT_A_PERSON.test(s) || wireIn(s)) return null
  const words = s.split(/\s+/)
  if (words.length > 6) return null
  // A single Latin, Cyrillic or Greek word is a handle or a desk ("admin", "Mac"), not a person's name.
  if (words.length === 1 && /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{M}'’.-]+$/u.test(s)) return null
  // An outlet's acronym ("CNN", "BBC") is no person; a blog named after its author may be.
  if (/^\p{Lu}{2,5}$/u.test(s) || (site && simplify(s) === simplify(site) && /^\p{Lu}[\p{Lu}\s&.]*$/u.test(s))) return null
  if (/^(?:the|a|an)\s/i.test(s)) return null
  if (!/\p{Lu}/u.test(s) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}]/u.test(s)) return null
  if (s === s.toUpperCase() && /\p{Lu}{2}/u.test(s)) s = titleCase(s)
  return s
}

/** "Kelli Miller WebMD Health News": a name glued to the desk it writes for, which starts at a brand ("WebMD", "CNN"). */
function nameBeforeDesk(part: string, site: string | null): string | null {
  const words = part.split(/\s+/)
  if (!NOT_A_PERSON.test(part) || words.length < 3) return null
  const brand = words.findIndex((w, k) => k >= 2 && (/\p{Ll}\p{Lu}/u.test(w) || /^\p{Lu}{2,}$/u.test(w) || (!!site && simplify(w) === simplify(site))))
  return brand > 0 ? personName(words.slice(0, brand).join(' '), site) : null
}

/** "NATALIYA VASILYEVA" → "Nataliya Vasilyeva", "O'NEIL-SMITH" → "O'Neil-Smith". */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
}

const simplify = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
const sameName = (a: string, b: string): boolean => simplify(a) === simplify(b)
