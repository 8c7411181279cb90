/** Result types of the contract. Dates are ISO 8601 strings. */
import type { ArticleState, CheckOutcome, CorrectableField, DiffOp, FollowNewFor, LineWidth, Theme, VersionHow } from './vocabulary'

export type { CorrectableField } from './vocabulary'

export interface AppInfo {
  version: string
  dbPath: string
  schemaVersion: number
  articles: number
  highlights: number
  /** Articles per reading state, and starred ones. */
  inbox: number
  archive: number
  starred: number
}

/** Where a reader is in an article and what they decided about it. */
export interface ReadingState {
  state: ArticleState
  starred: boolean
  /** How far into the article the reader has got, 0..1 (the furthest point reached). */
  progress: number
  /** When it was first opened; null: unread. */
  readAt: string | null
}

/** What is known about an article besides its text: extracted at import, stored with it. */
export interface ArticleMetadata {
  canonicalUrl: string | null
  title: string
  /** The authors as one line ("Ana Lima, Tom Reyes"), for lists, search and citations. */
  byline: string | null
  /** The people credited, each once, in the page's order. */
  authors: string[]
  /** The news agency credited (wire copy: "Associated Press", "Reuters", "AFP"…), or null. */
  agency: string | null
  /** The outlet ("The New York Times"); never blank for an imported page. */
  site: string | null
  /** ISO 8601. */
  publishedAt: string | null
  modifiedAt: string | null
  language: string | null
  /** Writing direction of the article ('rtl' for Arabic, Hebrew, Persian…). */
  dir: TextDirection
  excerpt: string | null
}

export type TextDirection = 'ltr' | 'rtl'

/** An article's id with its place in the reading workflow. */
export interface ArticleStateRow {
  id: number
  state: ArticleState
  starred: boolean
}

export interface ArticleSummary extends ReadingState {
  id: number
  url: string
  title: string
  byline: string | null
  site: string | null
  publishedAt: string | null
  savedAt: string
  language: string | null
  dir: TextDirection
  excerpt: string | null
  wordCount: number
  tags: string[]
  highlightCount: number
  /** How many versions the archive keeps of it (1 until it changes). */
  versions: number
  /** When its latest change was recorded (a new version other than a re-extraction), or null. */
  changedAt: string | null
}

export interface ArticleList {
  total: number
  items: ArticleSummary[]
}

export interface TextSelectors {
  /** TextPositionSelector over the article's plain text. */
  start: number
  end: number
  /** TextQuoteSelector. */
  exact: string
  prefix: string
  suffix: string
}

export interface Highlight extends TextSelectors {
  id: number
  articleId: number
  color: string
  note: string
  tags: string[]
  /** True when the quote could not be placed in the current text. */
  orphan: boolean
  createdAt: string
  updatedAt: string
  /** Who made it, for a highlight that came from a team (absent or null: you). */
  author?: string | null
  /** The version of the article it was made on. */
  version: number
  /** The words as highlighted on that version (`exact` is where they are now). */
  originalExact: string
  /**
   * The version in which the highlighted words changed (`exact` differs from `originalExact`)
   * or vanished (`orphan`); null while they read as highlighted.
   */
  changedIn: number | null
}

export interface AssetRef {
  id: number
  mime: string
  bytes: number
}

export interface Article extends ArticleSummary {
  /** The number of the version shown (the current one). */
  version: number
  canonicalUrl: string | null
  modifiedAt: string | null
  authors: string[]
  agency: string | null
  /** Images kept as placeholders because they could not be saved (see `retryImages`). */
  imagesMissing: number
  /** Details the user corrected (shown as such; the page's own values are in `extracted`). */
  corrected: CorrectableField[]
  /** What the page said, before corrections (null for articles saved before this was kept). */
  extracted: { title: string; authors: string[]; site: string | null; publishedAt: string | null } | null
  /** ProseMirror JSON under the reader schema. */
  doc: unknown
  /** Plain text the highlights' selectors refer to. */
  text: string
  highlights: Highlight[]
  assets: AssetRef[]
  /** Where the reader left off: an offset in `text` (the start of the first paragraph in view). */
  position: number
}

export interface TagCount {
  name: string
  articles: number
  highlights: number
}

export interface ImportItemResult {
  source: string
  ok: boolean
  /** 'created' a new article, 'updated' an existing one (same canonical URL or content). */
  status?: 'created' | 'updated'
  /** For 'updated': whether the text, headline or byline changed (a new version) or not. */
  changed?: boolean
  /** The article's version after this import. */
  version?: number
  id?: number
  title?: string
  error?: string
  /** Images saved with the article, and images kept as placeholders (offline, 404, refused, too big…). */
  images?: { saved: number; missing: number }
  /**
   * The page was read but no article was found in it: importing it again with `force` saves
   * its whole text (the UI offers "Save anyway", the CLI `--force`).
   */
  forceable?: boolean
}

export interface ImportSummary {
  jobId: string
  created: number
  updated: number
  failed: number
  /** Images that could not be saved, over all articles of the import (placeholders; `clipfile images --retry`). */
  imagesMissing: number
  results: ImportItemResult[]
}

/** The article a quote comes from, as the Quotes view and citations need it. */
export interface ArticleRef {
  id: number
  title: string
  url: string
  canonicalUrl: string | null
  site: string | null
  byline: string | null
  /** ISO 8601 date or date-time, as stored. */
  publishedAt: string | null
  savedAt: string
  tags: string[]
}

/** What every export writer (and the UI's citation) takes: an article's metadata with its highlights. */
export interface ExportArticle extends ArticleRef {
  highlights: Highlight[]
}

export interface QuoteItem extends Highlight {
  article: ArticleRef
}

export interface QuoteList {
  total: number
  items: QuoteItem[]
}

export interface ExportFile {
  filename: string
  mime: string
  content: string
  /** How many highlights (or articles, for HTML) it holds. */
  count: number
}

/** Search results (see src/main/search). Snippets mark matches with \u0002 … \u0003. */
export interface SearchHighlight {
  id: number
  exact: string
  note: string
  color: string
  tags: string[]
  /** Who made it (team search, and highlights pulled from a team). */
  author?: string | null
}

export interface SearchHit extends ReadingState {
  id: number
  title: string
  site: string | null
  byline: string | null
  publishedAt: string | null
  savedAt: string
  url: string
  /** The article's writing direction: the snippet and title are shown in it. */
  dir: TextDirection
  tags: string[]
  /** Plain text; matches wrapped in \u0002 … \u0003 (never HTML). */
  snippet: string
  /** Higher is more relevant (negated bm25); 0 when not ranked by text. */
  score: number
  /** This article's highlights that match the query (none when nothing in it concerns highlights). */
  highlights: SearchHighlight[]
  /** The article's UUID (team search: how a hit is matched to your archive's copy). */
  uuid?: string
}

export interface FacetCount {
  value: string
  count: number
}

export interface SearchResult {
  /** How many articles match: exact, or past 100,000 matches of text alone an estimate (see totalApproximate). */
  total: number
  /** `total` is an estimate to two significant digits ("about 1,000,000"); ask with `exactTotal` for the exact count. */
  totalApproximate: boolean
  results: SearchHit[]
  facets: { tags: FacetCount[]; sites: FacetCount[]; authors: FacetCount[] }
  timeline: { month: string; count: number }[]
  /** True when facets and timeline are estimates scaled up from an even sample of 4,000 matches. */
  facetsSampled: boolean
  /** A problem in the query; the results are for the part that could be understood. */
  error?: { message: string; position: number }
}

/** "Did you mean …": the query with its misspelt words replaced by close words of the archive's own vocabulary. */
export interface SearchSuggestion {
  query: string
  /** How many articles it finds. */
  total: number
}

/** Where a query's words occur in one article's plain text (to mark and step through them). */
export interface TextMatches {
  ranges: { start: number; end: number }[]
}

/** App-wide preferences, kept in the archive so every window and host shares them. */
export interface Settings {
  theme: Theme
  /** Reader text size in CSS pixels. */
  textSize: number
  lineWidth: LineWidth
  /** Archive an article once it has been read to the end. */
  autoArchive: boolean
  /** The sidebar folded to a rail of icons (wide windows; narrow ones always start folded). */
  sidebarCollapsed: boolean
  /** The reader's side panel (highlights, quotes) hidden (wide windows; narrow ones always start hidden). */
  panelCollapsed: boolean
}


export interface SavedSearch {
  id: number
  name: string
  query: string
  /** How many articles match now. */
  count: number
  createdAt: string
}

/** A quotation found in an article's text, with who said it. */
export interface DetectedQuoteRow {
  id: number
  articleId: number
  /** Offsets in the article's plain text (the quoted words, without the marks). */
  start: number
  end: number
  text: string
  speaker: string | null
  /** 0..1; 1 when the user set the speaker. */
  confidence: number
  /** 'scare': quotation marks that are probably not speech. */
  kind: 'direct' | 'partial' | 'scare'
  /** The user corrected the speaker; re-detection keeps it. */
  corrected: boolean
  /** The highlight made from this quote, if any. */
  highlightId: number | null
}

export interface Speaker {
  /** Comparison key of the name everything is merged into. */
  key: string
  name: string
  quotes: number
  articles: number
  /** The names it appears under ("Tillerson", "Rex Tillerson"). */
  aliases: string[]
  keys: string[]
}

export interface SpeakerQuote extends DetectedQuoteRow {
  article: ArticleRef
}

/** This archive's membership of a team (see docs/team.md). */
export interface TeamStatus {
  joined: boolean
  url: string | null
  user: string | null
  role: 'reader' | 'editor' | 'admin' | null
  /** What is shared: chosen articles, articles with some tags, or everything. */
  policy: 'selection' | 'tags' | 'all'
  shareTags: string[]
  /** Changes waiting in the outbox. */
  pending: number
  /** The last server sequence number pulled. */
  cursor: number
  lastSync: string | null
  /** Why the last attempt failed (null when it succeeded). */
  lastError: string | null
  /** What the team refused lately, with why. */
  rejections: { kind: string; uuid: string; reason: string; at: string }[]
}

/** One revision of a highlight as the team recorded it. */
export interface TeamHistoryEntry {
  rev: string
  seq: number
  author: string
  madeAt: string
  fields: { color?: string; note?: string; tags?: string[] }
  /** Fields this revision overwrote although someone had changed them since its base. */
  conflicts: string[]
}

/** What one sync did. */
export interface TeamSyncResult {
  pushed: number
  refused: number
  pulledArticles: number
  pulledHighlights: number
  status: TeamStatus
}

/** A browser allowed to save to the archive (approved), or asking to (pending). */
export interface Pairing {
  id: number
  /** How the browser described itself ("Chromium 156 on Linux"). */
  browser: string
  /** The extension's origin (chrome-extension://…, moz-extension://…). */
  origin: string
  status: 'pending' | 'approved'
  /** Shown while pending, so the person can match it with the one the extension shows. */
  code: string | null
  createdAt: string
  approvedAt: string | null
  lastUsedAt: string | null
}

/** An article found by its address. */
export interface SavedUrl {
  id: number
  title: string
}

/** One article of a re-extraction: its text changed, stayed the same, failed (kept as it was), or had no original page. */
export interface ReextractItemResult {
  id: number
  outcome: 'changed' | 'unchanged' | 'failed' | 'skipped'
  title?: string
  error?: string
  images?: { saved: number; missing: number }
}

export interface ReextractSummary {
  jobId: string
  total: number
  changed: number
  unchanged: number
  failed: number
  skipped: number
  results: ReextractItemResult[]
}

/** Progress of a re-extraction, as `reextractProgress` events. */
export interface ReextractProgress {
  jobId: string
  done: number
  total: number
  failed: number
  /** The article being re-extracted. */
  current: number | null
  finished: boolean
  lastResult?: ReextractItemResult
}

/** What fetching missing images did. */
export interface ImageRetrySummary {
  /** Articles that had placeholders. */
  articles: number
  /** Images fetched and saved now. */
  saved: number
  /** Images still missing, with the reason each could not be fetched. */
  missing: number
  /** True when the network could not be reached: the retry stopped early. */
  offline: boolean
}

// ---------------------------------------------------------------------------------------
// Versions of an article, following updates, diffs

/** One version of an article, without its content. */
export interface VersionInfo {
  number: number
  /** When it was obtained. */
  createdAt: string
  how: VersionHow
  /** The address it was read from (after redirects), when known. */
  url: string | null
  title: string
  byline: string | null
  words: number
  /** sha256 of the normalised text. */
  hash: string
  /** What changed from the previous version; null for the first. */
  summary: ChangeSummary | null
}

/** A whole version, for reading it as it was. */
export interface ArticleVersion extends VersionInfo {
  articleId: number
  /** How many versions the article has. */
  of: number
  doc: unknown
  text: string
  site: string | null
  publishedAt: string | null
}

/** A detected quotation that differs between two versions. */
export interface QuoteChange {
  kind: 'changed' | 'added' | 'removed'
  before: string | null
  after: string | null
  speaker: string | null
}

export interface ChangeSummary {
  /** Words inserted and deleted in the text. */
  inserted: number
  deleted: number
  titleChanged: boolean
  bylineChanged: boolean
  /** Detected quotations that were corrected, added or removed. */
  quotes: QuoteChange[]
}

export interface DiffChange {
  op: DiffOp
  text: string
}

/** A highlight whose words changed or vanished between the two versions compared. */
export interface AffectedHighlight {
  id: number
  color: string
  note: string
  /** The words as highlighted, and as they read in the later version (null: gone). */
  before: string
  after: string | null
  changedIn: number
}

export interface VersionDiff {
  articleId: number
  from: VersionInfo
  to: VersionInfo
  /** How many versions the article has (for stepping). */
  of: number
  title: { before: string; after: string; changes: DiffChange[] }
  byline: { before: string | null; after: string | null; changes: DiffChange[] }
  /** The text, word by word: concatenating equal+delete gives the earlier text, equal+insert the later. */
  changes: DiffChange[]
  summary: ChangeSummary
  highlights: AffectedHighlight[]
  /** True when the time limit cut the word-level diff short: some changed passages are shown whole. */
  coarse: boolean
}

/** One check of an article at its address (or a re-import that found it unchanged). */
export interface CheckRecord {
  checkedAt: string
  how: VersionHow
  outcome: CheckOutcome
  /** The HTTP status, when there was an answer. */
  status: number | null
  /** Where the page was found, after redirects. */
  url: string | null
  /** The version it found. */
  version: number | null
  message: string | null
}

/** Whether an article is followed, when it is checked next, and what the checks found. */
export interface FollowState {
  articleId: number
  /** Only web articles (http/https) can be followed. */
  followable: boolean
  following: boolean
  /** When following ends on its own (new saves are followed for a while); null: until the schedule stops. */
  until: string | null
  nextCheckAt: string | null
  lastCheckedAt: string | null
  /** The page answered 404/410 at the last check: since when. */
  gone: { status: number; since: string } | null
  /** The latest checks, newest first. */
  checks: CheckRecord[]
}

/** The result of re-checking one article. */
export interface RecheckResult {
  id: number
  title: string
  outcome: CheckOutcome
  version: number | null
  status: number | null
  url: string | null
  message: string | null
}

export interface RecheckSummary {
  checked: number
  changed: number
  unchanged: number
  gone: number
  failed: number
  results: RecheckResult[]
}

/** A change in the Changes view: one new version of an article, with what changed. */
export interface ChangeItem {
  article: ArticleRef
  version: number
  of: number
  changedAt: string
  how: VersionHow
  summary: ChangeSummary | null
}

export interface ChangeList {
  total: number
  items: ChangeItem[]
}

export interface FollowSettings {
  /** How long newly saved web articles are followed. */
  followNewFor: FollowNewFor
}

/** Where and when a speaker is quoted: outlets with quote counts, and the span of publication dates. */
export interface SpeakerSummary {
  outlets: FacetCount[]
  /** Dates of the earliest and latest article quoting them (published, else saved). */
  first: string | null
  last: string | null
}
