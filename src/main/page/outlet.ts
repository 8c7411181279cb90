/**
 * The outlet's name, as readers know it, never blank. Pages name themselves in several
 * places that each fail somewhere: `og:site_name` may be a section ("U.S.", "Hosted") or a
 * tagline, JSON-LD `publisher` may be a parent company, the <title> carries the brand after
 * a separator, and the host is always there. The candidates are cleaned and checked against
 * each other; the host is the last resort.
 */
import { clean } from './strings'

export interface OutletSources {
  /** JSON-LD publisher.name. */
  publisher: string | null
  /** og:site_name. */
  siteName: string | null
  /** application-name / apple-mobile-web-app-title. */
  appName: string | null
  /** The page's <title>, whose separated head or tail is often the brand. */
  pageTitle: string | null
  /** The article's headline (an app name equal to it names nothing). */
  headline: string | null
  /** "© 2015 WebMD, LLC": the footer's copyright holder. */
  copyright: string | null
  /** The canonical or page URL. */
  url: string | null
}

/** og:site_name values that are sections or placeholders, not publications. */
const GENERIC =
  /^(?:news|home|homepage|world|u\.?s\.?|uk|us news|politics|business|opinion|sports?|tech(?:nology)?|science|culture|arts|video|videos|blog|blogs|hosted|latest|local|article|articles|magazine|web|website|online|live)$/i
/** Company forms after a brand: "Spiceworks Inc", "WebMD, LLC". */
const CORPORATE = /,?\s+(?:inc\.?|llc|l\.l\.c\.|ltd\.?|limited|plc|gmbh|s\.?a\.?|s\.?l\.?|co\.?|corp\.?|corporation|company|group|holdings|media group|publishing)$/i
const COMPANY_LIKE = /\b(?:inc\.?|llc|ltd\.?|plc|gmbh|corp\.?|corporation|company|holdings|publishing|media group)\b/i
/** Title separators, including the underscore Chinese portals use ("…_探索者_光明网"). */
const SEPARATOR = /\s+[|\-–—·•»:]\s+|\s*[|_]\s*|\s+::\s+/

export function resolveOutlet(s: OutletSources): string | null {
  const fromTitle = titleBrands(s.pageTitle, s.headline)
  const candidates = [
    // A publisher that is a company loses to the brand the page shows.
    s.publisher && !COMPANY_LIKE.test(s.publisher) ? s.publisher : null,
    s.siteName,
    s.publisher,
    s.appName && !sameText(s.appName, s.headline) && !sameText(s.appName, s.pageTitle) ? s.appName : null,
    ...fromTitle,
    s.copyright
  ]
    .map(tidy)
    .filter((c): c is string => !!c && !GENERIC.test(c) && c.length <= 60 && !isHeadline(c, s.headline))
  const chosen = candidates[0] ?? hostName(s.url)
  if (!chosen) return null
  // The same brand spelled better elsewhere ("HeraldSun" → "Herald Sun", "Washington Post" → "The Washington Post", "tmz" → "TMZ").
  const better = (c: string): number => c.length * 10 + (c.match(/\p{Lu}/gu)?.length ?? 0)
  return [...fromTitle, ...candidates].map(tidy).filter((c): c is string => !!c && sameBrand(c, chosen)).reduce((best, c) => (better(c) > better(best) ? c : best), chosen)
}

/** The separated parts at either end of the page title that are not the headline. */
function titleBrands(pageTitle: string | null, headline: string | null): string[] {
  const parts = (clean(pageTitle) ?? '').split(SEPARATOR).map((p) => p.trim()).filter(Boolean)
  if (parts.length < 2) return []
  const ends = [parts[parts.length - 1], parts[0]]
  return ends.filter((p) => p.length <= 40 && !isHeadline(p, headline))
}

/** The headline, or a long piece of it, is no outlet name. */
const isHeadline = (c: string, headline: string | null): boolean => sameText(c, headline) || (!!headline && c.length > 20 && headline.includes(c))

/** A name without its tagline ("Aktuálně.cz - Víte, co se právě děje"), company form or domain ending after a spaced name ("Le Monde.fr"). */
function tidy(name: string | null): string | null {
  let s = clean(name)
  if (!s) return null
  // A URL given as a name ("http://www.tmz.com"): its host is the name.
  if (/^(?:https?:)?\/\//i.test(s)) s = hostName(s.startsWith('//') ? `https:${s}` : s) ?? s
  const head = s.split(/\s+[-–—|:]\s+/)[0]
  if (head && head.length >= 2) s = head
  s = s.replace(CORPORATE, '')
  // "Salon.com" names a website; "Le Monde.fr" a brand plus its domain; "Aktuálně.cz" is the brand itself.
  s = s.replace(/^(.{3,})\.(?:com|net|org)$/i, '$1')
  if (/\s/.test(s)) s = s.replace(/\.(?:fr|de|es|it|co\.uk|com\.br|com\.ar|cz|pl|nl)$/i, '')
  return s.trim() || null
}

/** "nytimes.com" for https://www.nytimes.com/…; null for no URL or a host with no name. */
export function hostName(url: string | null): string | null {
  try {
    const host = url ? new URL(url).hostname.replace(/^www\d?\./, '') : ''
    return host && host.includes('.') ? host : null
  } catch {
    return null
  }
}

const simplify = (s: string | null): string => (s ?? '').toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '')
const sameText = (a: string | null, b: string | null): boolean => !!a && !!b && simplify(a) === simplify(b)
const sameBrand = (a: string, b: string): boolean => simplify(a) === simplify(b)

/** The holder in a copyright line ("© 2005 - 2015 WebMD, LLC. All rights reserved." → "WebMD, LLC"). */
export function copyrightHolder(text: string | null | undefined): string | null {
  const m = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([\p{L}][\p{L}\p{N}&.,' -]{1,40}?)(?:\.\s|\.$|\s+all rights|\s*[|•]|$)/iu.exec(text ?? '')
  return m ? clean(m[1].replace(/[,.\s]+$/, '')) : null
}
