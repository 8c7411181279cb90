/**
 * What Readability keeps that is not the article: newsletter boxes, share bars, "Read more"
 * links, related-story lists, date stamps, author bios, pull quotes that repeat the text,
 * "Advertisement" labels. Removed from the article element by general signals — the names
 * publishers give such blocks (class, id, role), link density, a lexicon of their stock
 * phrases in several languages, their position (bios come last), repetition inside the
 * article, and the article's own text in its JSON-LD `articleBody` — never by site.
 *
 * Credit lines ("Photo by …", "© …") are not dropped but turned into captions.
 * Nothing is removed when the signals would take more than half of the text: then they
 * are probably wrong about this page.
 */
import { childElements, isDateStamp, linkDensity, measure, namesOf, nameMatcher, textOf as plainTextOf, Texts } from './signals'
import type { Dom, DomElement } from './dom'
import { lastAtOrBefore } from '../../shared/sorted'

export interface CleanContext {
  /** People credited with the article (their bios are not the article). */
  authors: string[]
  /** The outlet's name, when known (its promotions of itself are not the article). */
  site: string | null
  /** The headline as the metadata and the page's <h1>s give it (the reader shows it above the text). */
  headlines: string[]
  /** The article's text as the page's JSON-LD gives it, when it does. */
  articleBody: string | null
  create(tag: string): DomElement
}

/** Names of page furniture. Matched as whole words of class/id/role ("c-newsletter__title"). */
const FURNITURE = nameMatcher(
  [
    'newsletters?', 'newsletter-\\w+', 'sign-?up', 'subscri(?:be|ption)', 'paywall', 'share', 'sharing', 'share-?tools', 'sharetools',
    'social-(?:share|links|buttons|icons|follow|bar)', 'related', 'related-\\w+', 'recommend(?:ed|ations)?', 'recirc(?:ulation)?',
    'promo', 'sponsor(?:ed)?', 'advert(?:isement)?', 'ad-?(?:slot|unit|container|wrapper)', 'outbrain', 'taboola',
    'comments?', 'comment-\\w+', '(?:author|post|article)-?bio', 'bio', 'biography', 'about-(?:the-)?authors?', 'authors?-(?:article|info|box|card)',
    'byline', 'bylines', 'timestamp', 'dateline-?stamp', 'breadcrumbs?', 'pull-?quote', 'error-?report', 'report-?error',
    'interstitial(?:-link)?', 'tags', 'tag-?list', 'print-?(?:info|edition|story-?(?:info|note))'
  ].join('|')
)
/** Text the page hides from sight (kept for screen readers): not part of what a reader copies. */
const HIDDEN = nameMatcher('visually-hidden|sr-only|screen-?reader(?:-text|-only)?|offscreen|a11y-hidden|hidden-text')

const RELATED_LEAD = [
  'read more', 'read also', 'also read', 'read', 'see also', 'related', 'related (?:stories|articles|coverage|content|links?)', 'more on this(?: story)?',
  'more from [\\p{L} ]{1,30}', 'recommended', 'must read', 'learn more', 'watch', 'listen', 'more', 'further reading', 'trending', 'most (?:read|popular)',
  'lire aussi', 'lire', 'à lire aussi', 'voir aussi', 'sur le même sujet', 'à voir', 'lea también', 'lee también', 'leer más', 'ver también', 'te puede interesar',
  'leia também', 'leia mais', 'veja também', 'saiba mais', 'lesen sie auch', 'mehr zum thema', 'auch interessant', 'siehe auch', 'leggi anche',
  'čtěte také', 'přečtěte si také', 'související', '相关阅读', '延伸阅读', '推荐阅读', 'читайте также', 'δείτε επίσης', 'اقرأ أيضا', 'اقرأ أيضاً'
].join('|')
/** "Read more: …", "[Lire aussi : …]": a lead-in to a link elsewhere. */
const RELATED_LINE = new RegExp(`^[\\[(【]?\\s*(?:${RELATED_LEAD})\\s*[:：›»|]`, 'iu')
/** A related box's label on its own ("Related", "Read more:"). */
const RELATED_LABEL = new RegExp(`^(?:${RELATED_LEAD}|more (?:about|on) [^.!?:]{1,60})(?:\\s*[:：›»…]|\\s+(?:stories|articles))?$`, 'iu')

/** Whole lines that are page furniture in any article. */
const STOCK_LINES = [
  /^(?:advertisement|advertising|anzeige|publicité|publicidad|pubblicità|reklama|реклама|广告|إعلان)$/iu,
  /^(?:continue reading(?: the main story| below)?|story continues below(?: advertisement)?|article continues (?:below|after advertisement))\.*$/i,
  /^(?:supported by|image|photo|video|gallery|listen to this article|skip advertisement|scroll to continue with content)$/i,
  /^(?:share|tweet|email|print|comment|save)(?: (?:this|on \w+|article|story))*$/i,
  /^a version of this article appear(?:s|ed) in print\b/i,
  /^this (?:article|story|post) (?:was |has been )?(?:originally |first )?(?:appeared|published|reprinted|republished) (?:on|in|at|by)\b/i,
  /^(?:this article )?originally appeared (?:on|in|at)\b/i,
  /^follow (?:us|[\p{L} .'-]{2,40}) on (?:twitter|facebook|instagram|x|threads|bluesky)\b.{0,60}$/iu,
  /^[\p{L} .'-]{2,40} is on (?:twitter|facebook|instagram|x|threads|bluesky)\b.{0,60}$/iu,
  /^[[【(（]?\s*(?:责任编辑|責任編輯)\s*[:：]/u,
  /^(?:作者|出品|编辑|編輯|来源|來源|原标题|原標題)\s*[︱|:：丨]/u
]

/** A slideshow's counter ("1 / 5", "3 of 12"). */
const COUNTER = /^\d{1,3}\s*(?:\/|of|de|sur|von|из)\s*\d{1,3}$/i
const CREDIT_LINE = /^(?:\(?(?:photos?|photograph|images?|pictures?|fotos?|illustration|graphic|video|credits?|crédits?|bild|source)\s*(?:by\b|:|\/|©)|©|\(c\)\s|(?:图注|圖說|图说|图片来源|圖片來源|图片|圖片)\s*[:：︱|丨])/iu
const BIO_VERB = /^\s+(?:is|was|has|covers|writes|reports|joined|edits|es|est|ist|é)\b/i
const NEWSLETTER = /\b(?:newsletter|inbox|subscribe|sign up|abonnez-vous|suscríbete|assine)\b/i

const BLOCK_TAGS = /^(P|H[1-6]|LI|DT|DD|PRE|BLOCKQUOTE|DIV|SECTION|TD|TH|TABLE|UL|OL|DL|FIGURE|ARTICLE|HEADER|FOOTER|ASIDE)$/
const LEAF_TAGS = /^(P|H[1-6]|LI|DT|DD|PRE|BLOCKQUOTE|DIV|SECTION|TD|TH|HEADER|FOOTER|ASIDE)$/

/**
 * The text of an element while one cleaning pass marks what to remove: nothing changes until
 * the pass ends, and the rules read the same blocks many times (a page of 1,000 blocks must not
 * cost a million walks of its tree). Set only inside cleanArticle, which is synchronous.
 */
let passTexts: Texts | null = null
const textOf = (n: Parameters<typeof plainTextOf>[0]): string => (passTexts ? passTexts.of(n) : plainTextOf(n))

/**
 * Set before Readability runs on furniture and everything inside it (Readability may take
 * wrappers apart). An attribute, not a set of nodes: Readability re-parses the page from its
 * HTML when a first attempt finds too little, and renames tags by making new elements.
 */
const MARK = 'data-clipfile-furniture'
/** Furniture is small: a named block holding more text than this is probably mislabelled. */
const MAX_FURNITURE_CHARS = 3000

/**
 * Marks named furniture while the page is whole: Readability may drop a newsletter box's
 * wrapper yet keep its children, which carry no telling name of their own.
 */
export function markFurniture(doc: Dom): void {
  for (const el of doc.body?.querySelectorAll('*') ?? []) {
    if (el.hasAttribute(MARK) || !isFurnitureByName(el) || inCode(el)) continue
    if (textOf(el).length > MAX_FURNITURE_CHARS || hasLongParagraph(el) || holdsProse(el)) continue
    el.setAttribute(MARK, '')
    for (const inner of el.querySelectorAll('*')) inner.setAttribute(MARK, '')
  }
}

/** Syntax highlighting names its spans "comment", "tag"…: code is never furniture. */
const inCode = (el: DomElement): boolean => !!el.closest('pre, code')

/**
 * Cheap first look: no name in FURNITURE or HIDDEN can match without one of these pieces
 * (keep it a superset of both when either changes; boilerplate.test.ts checks their words).
 */
const FURNITURE_HINT = /news|sign|subscri|wall|shar|social|relat|recommend|recirc|promo|sponsor|advert|ad-?(?:slot|unit|container|wrapper)|outbrain|taboola|comment|bio|author|byline|timestamp|dateline|breadcrumb|quote|report|interstitial|tag|print|hidden|sr-only|screen|offscreen/

function isFurnitureByName(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true
  const names = namesOf(el)
  return !!names && FURNITURE_HINT.test(names) && (HIDDEN.test(names) || FURNITURE.test(names))
}

/** Credits the removed lines carried: they say who wrote the article, and who only edited it. */
export interface FoundCredits {
  /** "作者︱春春", "By Jane Doe" lines at the top of the body. */
  bylines: string[]
  /** "[责任编辑:肖春芳]", "Edited by …": people who are not the authors. */
  editors: string[]
}

const EDITOR_LINE = /^[[【(（]?\s*(?:责任编辑|責任編輯|编辑|編輯|edited by|editing by|editor)\s*[:：︱|丨]?\s*([^\]】)）]{1,40})/iu
const AUTHOR_LINE = /^(?:作者|文)\s*[︱|:：丨/／]\s*(.{1,40})$/u

export function cleanArticle(content: DomElement, ctx: CleanContext): FoundCredits {
  passTexts = new Texts()
  try {
    return clean(content, ctx)
  } finally {
    passTexts = null
  }
}

function clean(content: DomElement, ctx: CleanContext): FoundCredits {
  const found: FoundCredits = { bylines: [], editors: [] }
  const m = measure(content, (tag) => BLOCK_TAGS.test(tag))
  const leaves = leafBlocks(content, m)
  for (const b of leaves) {
    const text = textOf(b)
    const editor = EDITOR_LINE.exec(text)?.[1]
    const author = AUTHOR_LINE.exec(text)?.[1]
    if (editor) found.editors.push(editor.trim())
    else if (author) found.bylines.push(author.trim())
  }
  const total = textOf(content).length
  if (total === 0) return found
  const drop = new Set<DomElement>()
  const captions = new Set<DomElement>()
  markByName(content, total, drop)
  markStockContainers(content, m, drop)
  const blocks = leaves.filter((b) => !isInside(b, drop))
  markLines(blocks, ctx, drop, captions)
  markRelatedLists(blocks, drop)
  markTailBios(blocks, ctx.authors, drop)
  markTailPromos(blocks, ctx.site, drop)
  markRepeats(blocks, drop)
  markOutsideArticleBody(blocks, ctx.articleBody, total, drop)
  const removed = [...drop].filter((el) => !isInside(el, drop, true)).reduce((n, el) => n + textOf(el).length, 0)
  if (removed > total / 2) return found
  passTexts = null // the tree changes from here on
  for (const el of drop) el.remove()
  for (const el of captions) if (el.parentNode && !isInside(el, drop)) toCaptionFigure(el, ctx.create)
  dropRepeatedCaptions(content)
  pruneEmpty(content)
  return found
}

function markByName(content: DomElement, total: number, drop: Set<DomElement>): void {
  for (const el of content.querySelectorAll('*')) {
    if (!el.hasAttribute(MARK) && !isFurnitureByName(el)) continue
    if (el.tagName === 'FIGURE' || el.closest('figure') || inCode(el)) continue
    const text = textOf(el)
    // A wrapper that holds much of the article is not furniture, whatever it is called.
    if (text.length > total * 0.25 || hasLongParagraph(el) || holdsProse(el)) continue
    drop.add(el)
  }
}

/**
 * A block whose whole text is a stock line, however the page split it into pieces ("A
 * version of this article appears in print on" / ", on Page" / "A" / "22" …): the outermost
 * such element goes.
 */
function markStockContainers(content: DomElement, m: ReturnType<typeof measure>, drop: Set<DomElement>): void {
  for (const el of content.querySelectorAll('*')) {
    // A stock line is short: an element with more visible characters than that is not read at all.
    if ((m.visible.get(el) ?? 0) > 400 || isInside(el, drop) || el.closest('figure')) continue
    const text = textOf(el)
    if (text && text.length <= 400 && STOCK_LINES.some((re) => re.test(text))) drop.add(el)
  }
}

const hasLongParagraph = (el: DomElement): boolean => [...el.querySelectorAll('p')].some((p) => textOf(p).length > 600)

/** Three paragraphs of running text, not links: a section of the article, whatever its name. */
const holdsProse = (el: DomElement): boolean =>
  [...el.querySelectorAll('p')].filter((p) => textOf(p).split(' ').length >= 30 && linkDensity(p) < 0.3).length >= 3

/** Text blocks that hold no other text block: the paragraphs, headings and items of the article. */
function leafBlocks(content: DomElement, m: ReturnType<typeof measure>): DomElement[] {
  const out: DomElement[] = []
  for (const el of content.querySelectorAll('*')) {
    if (!LEAF_TAGS.test(el.tagName) || m.holdsBlock.has(el) || !m.visible.get(el) || el.closest('figure')) continue
    out.push(el)
  }
  return out
}

/** Inside a table or a list a short line is data (a date, "23/16", a title), not furniture. */
const inData = (b: DomElement): boolean => !!b.closest('table, ul, ol, dl')

/** A list of one or two items in a header (a date, an author) is the article's metadata, not data. */
const isMetaList = (b: DomElement): boolean => {
  const list = b.closest('ul, ol')
  return !!list && !b.closest('table') && childElements(list).length <= 2
}

/** Lines that are furniture whatever their names: stock phrases, date stamps, "Read more" links, credits. */
function markLines(blocks: DomElement[], ctx: CleanContext, drop: Set<DomElement>, captions: Set<DomElement>): void {
  blocks.forEach((b, i) => {
    const text = textOf(b)
    // Every rule below is about a short line: a paragraph of running text is the article.
    if (text.length > 400) return
    const words = text.split(' ').length
    if (STOCK_LINES.some((re) => re.test(text))) drop.add(b)
    else if (inData(b) && !(isDateStamp(text) && isMetaList(b))) return
    else if (isDateStamp(text) || COUNTER.test(text)) drop.add(b)
    else if (RELATED_LINE.test(text) && b.querySelector('a') && words <= 40) drop.add(b)
    else if (isLinkOnly(b, text, words) && blocks.length >= 4) drop.add(b)
    else if (NEWSLETTER.test(text) && words <= 40 && (linkDensity(b) > 0.3 || /^\[.*\]$/.test(text))) drop.add(b)
    else if (i < 3 && (isBylineLine(text, ctx.authors) || isHeadline(b, text, ctx.headlines))) drop.add(b)
    else if (CREDIT_LINE.test(text) && words <= 25) captions.add(b)
  })
}

/** A paragraph that is only a link (a headline pointing elsewhere), not a sentence of the article. */
function isLinkOnly(b: DomElement, text: string, words: number): boolean {
  // A linked name ("Abigail Williams") is no headline: those run to four words and more.
  if (b.tagName !== 'P' || words > 30 || words < 4) return false
  const density = linkDensity(b)
  const bracketed = /^\[.*\]$/.test(text)
  // A sentence that happens to be one link ends like a sentence; a headline does not.
  return bracketed ? density >= 0.6 : density >= 0.9 && !/[.!?]["”’]?$/.test(text)
}

/** The headline repeated at the top of the body (the reader shows it above). */
function isHeadline(b: DomElement, text: string, headlines: string[]): boolean {
  if (/(?:^|\s)headline(?:\s|$)/.test(b.getAttribute('itemprop') ?? '')) return true
  const flat = simplify(text)
  return flat.length > 0 && headlines.some((h) => simplify(h) === flat)
}

/** "By Jane Doe", "BY TMZ STAFF", "Par Martin Untersinger": a capital letter starts the name (no `i` flag: it would let \p{Lu} match any letter). */
const BYLINE_LEAD = /^(?:(?:[Bb]y|BY|[Pp]ar|PAR|[Pp]or|POR|[Vv]on|VON|[Dd]oor|[Dd]i|[Aa]v|[Оо]т|作者)\s*[:\-–—]?\s+\p{Lu}|(?:بقلم|كتب|كتبه|كتبت|מאת)\s+\p{L})/u

function isBylineLine(text: string, authors: string[]): boolean {
  if (text.split(' ').length > 12) return false
  if (BYLINE_LEAD.test(text) && !/[.!?]$/.test(text)) return true
  const flat = simplify(text)
  return authors.some((a) => simplify(a) === flat)
}

/** A label ("Read more:", "Related") and the list of links after it. */
function markRelatedLists(blocks: DomElement[], drop: Set<DomElement>): void {
  for (const b of blocks) {
    if (!RELATED_LABEL.test(textOf(b))) continue
    drop.add(b)
    const list = nextElement(b)
    if (list && /^(UL|OL)$/.test(list.tagName) && childElements(list).every((li) => linkDensity(li) >= 0.8)) drop.add(list)
  }
}

function nextElement(el: DomElement): DomElement | null {
  for (let n = el.nextSibling; n; n = n.nextSibling) if (n.nodeType === 1) return n as DomElement
  return null
}

/** Author bios and the author's name on its own, among the last blocks. */
function markTailBios(blocks: DomElement[], authors: string[], drop: Set<DomElement>): void {
  const tail = blocks.filter((b) => !drop.has(b)).slice(-5)
  const names = authors.map((a) => a.toLowerCase()).filter((a) => a.length > 3)
  for (const b of tail) {
    const text = textOf(b)
    const lower = text.toLowerCase()
    if (/^about (?:the )?(?:authors?|writers?)$/i.test(text)) drop.add(b)
    else if (names.some((n) => lower === n || (lower.startsWith(n) && BIO_VERB.test(text.slice(n.length))))) drop.add(b)
  }
}

/** Pull quotes are a sentence or two; a longer block inside another is the page's own doing. */
const MAX_PULL_QUOTE_WORDS = 40

/**
 * The outlet advertising itself after the article ("Tech Enabled: CNET chronicles … Check it
 * out here."): among the last blocks, set entirely in italics or bold, naming the outlet,
 * with a link.
 */
function markTailPromos(blocks: DomElement[], site: string | null, drop: Set<DomElement>): void {
  const name = site ? simplify(site) : ''
  if (name.length < 2) return
  for (const b of blocks.filter((x) => !drop.has(x)).slice(-3)) {
    const text = textOf(b)
    if (text.split(' ').length > 40 || !b.querySelector('a') || !` ${simplify(text)} `.includes(` ${name} `)) continue
    const emphasised = [...b.querySelectorAll('em, i, strong, b')].filter((e) => !e.parentNode || !(e.parentNode as DomElement).closest?.('em, i, strong, b'))
    if (emphasised.reduce((n, e) => n + textOf(e).length, 0) >= text.length * 0.9) drop.add(b)
  }
}

/**
 * A short block whose words all appear in another, longer block (a pull quote), or an exact
 * repeat of an earlier one (a slideshow caption given twice): the copy goes.
 */
function markRepeats(blocks: DomElement[], drop: Set<DomElement>): void {
  const flats = blocks.map((b) => ` ${simplify(textOf(b))} `)
  // All blocks in one string, so "is it inside another block?" is one native search per candidate.
  const starts: number[] = []
  let all = ''
  for (const f of flats) {
    starts.push(all.length)
    all += `${f}\u0001`
  }
  const blockAt = (pos: number): number => lastAtOrBefore(starts, pos)
  blocks.forEach((b, i) => {
    const words = flats[i].split(' ').length - 2
    if (drop.has(b) || !/^(P|BLOCKQUOTE|DIV)$/.test(b.tagName) || inData(b) || words < 6 || words > MAX_PULL_QUOTE_WORDS) return
    for (let pos = all.indexOf(flats[i]); pos >= 0; pos = all.indexOf(flats[i], pos + 1)) {
      const j = blockAt(pos)
      if (j === i || drop.has(blocks[j])) continue
      // Inside a longer block (a pull quote), or an exact repeat of an earlier one.
      if (flats[j].length > flats[i].length || j < i) {
        drop.add(b)
        return
      }
    }
  })
}

/**
 * When the page's JSON-LD carries the article's text, a paragraph most of whose words are not
 * in it is not the article (a bio, a promo). Used only when that text is about as long as
 * what was extracted, so a truncated teaser `articleBody` decides nothing.
 */
function markOutsideArticleBody(blocks: DomElement[], articleBody: string | null, total: number, drop: Set<DomElement>): void {
  if (!articleBody || articleBody.length < total * 0.7) return
  const known = new Set(simplify(articleBody).split(' '))
  for (const b of blocks) {
    if (b.tagName !== 'P' || drop.has(b) || inData(b)) continue
    const words = simplify(textOf(b)).split(' ').filter(Boolean)
    if (words.length < 4) continue
    const inside = words.filter((w) => known.has(w)).length
    if (inside / words.length < 0.5) drop.add(b)
  }
}

const simplify = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

function isInside(el: DomElement, set: Set<DomElement>, strict = false): boolean {
  let n: DomElement | null = strict ? (el.parentNode as DomElement | null) : el
  while (n) {
    if (set.has(n)) return true
    n = n.parentNode as DomElement | null
  }
  return false
}

/** A slideshow gives its caption twice (as a heading and as a description): a caption-only figure repeating one goes. */
function dropRepeatedCaptions(content: DomElement): void {
  const seen = new Set<string>()
  for (const fig of [...content.querySelectorAll('figure')]) {
    const caption = simplify(textOf(fig.querySelector('figcaption')))
    if (!caption) continue
    if (seen.has(caption) && !fig.querySelector('img')) fig.remove()
    seen.add(caption)
  }
}

/** A credit line becomes the caption of a figure without an image (the reader shows it as a caption). */
function toCaptionFigure(el: DomElement, create: (tag: string) => DomElement): void {
  const fig = create('figure')
  const cap = create('figcaption')
  cap.innerHTML = el.innerHTML
  fig.append(cap)
  el.replaceWith(fig)
}

/** Containers left without text or images once their content went. */
function pruneEmpty(root: DomElement): void {
  const m = measure(root, () => false)
  for (const el of [...root.querySelectorAll('div, section, aside, ul, ol, li, p, span, header, footer, blockquote')].reverse()) {
    if (el.parentNode && !m.visible.get(el) && !el.querySelector('img, figure, br, hr, table')) el.remove()
  }
}
