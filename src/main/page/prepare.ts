/**
 * One page → everything the archive stores for it: decode → extract → localise images →
 * reader document → plain text. Pure apart from `loadImage`, so the CLI, the app and the
 * tests run the very same pipeline.
 */
import { createHash } from 'node:crypto'
import { UserError } from '../../shared/result'
import { docText, furnitureRanges, type FurnitureRange } from '../../shared/reader/text'
import { decodeHtml } from './decode'
import { extractArticle, type Extracted } from './extract'
import { localiseImagesIn, type Asset, type LoadImage } from './images'
import { domToDoc } from './to-doc'
import type { Node as PMNode } from 'prosemirror-model'
import { collapseSpaces } from '../../shared/spaces'

/**
 * The version of the extraction rules. Raise it when a change to the page pipeline would
 * give stored articles a better copy: `clipfile reextract --all` redoes the articles made
 * by an older version (and so resumes where an interrupted run stopped).
 */
export const EXTRACTOR_VERSION = 2

export interface PrepareInput {
  html: string | Buffer
  url?: string
  contentType?: string | null
  force?: boolean
  /**
   * Images the archive already holds, by source URL (re-extraction): used instead of
   * downloading them again. With `offline`, no other image is downloaded either: it becomes
   * a placeholder to fetch later.
   */
  knownImages?: { sourceUrl: string; mime: string; bytes: Buffer }[]
  offline?: boolean
}

export interface PreparedArticle extends Omit<Extracted, 'content' | 'readable'> {
  /** ProseMirror JSON of the reader document (the sanitized article; HTML is made from it on export). */
  doc: Record<string, unknown>
  text: string
  /** Headings and figure captions in `text` (quote detection skips them). */
  furniture: FurnitureRange[]
  wordCount: number
  /** sha256 (hex) of the normalised text: the same article saved twice hashes the same. */
  contentHash: string
  charset: string
  assets: Asset[]
  /** Images kept in the document, and images it holds as placeholders because they could not be saved. */
  images: ImageCounts
  extractorVersion: number
}

export interface ImageCounts {
  saved: number
  missing: number
}

export async function prepareArticle(input: PrepareInput, deps: { loadImage: LoadImage }): Promise<PreparedArticle> {
  const { html, charset } =
    typeof input.html === 'string' ? { html: input.html, charset: 'utf-8' } : decodeHtml(input.html, input.contentType)
  // One parse of the page: images and the reader document work on Readability's own element.
  const { content, readable: _readable, ...meta } = extractArticle(html, input.url, { force: input.force })
  const localisedAssets = await localiseImagesIn(content, deps.loadImage)
  const doc = dropBylineBlock(domToDoc(content), meta.byline)
  const { text } = docText(doc)
  const furniture = furnitureRanges(doc)
  if (!text.trim()) throw new UserError('import_failed', 'the page has no text to save')
  const json = doc.toJSON() as Record<string, unknown>
  return {
    ...meta,
    excerpt: betterExcerpt(meta.excerpt, meta.byline, text),
    doc: json,
    text,
    furniture,
    wordCount: countWords(text),
    contentHash: hashText(text),
    charset,
    assets: usedAssets(localisedAssets, json),
    images: countImages(json),
    extractorVersion: EXTRACTOR_VERSION
  }
}

/** Image and placeholder nodes in a stored document (ProseMirror JSON). */
export function countImages(doc: unknown): ImageCounts {
  const counts = { saved: 0, missing: 0 }
  const walk = (node: unknown): void => {
    const n = node as { type?: string; content?: unknown[] }
    if (n?.type === 'image') counts.saved++
    else if (n?.type === 'image_missing') counts.missing++
    for (const c of n?.content ?? []) walk(c)
  }
  walk(doc)
  return counts
}

/**
 * The reader shows the byline above the text, so a first paragraph that only repeats it
 * ("By Julian Borger") is dropped from the body.
 */
export function dropBylineBlock(doc: PMNode, byline: string | null): PMNode {
  const first = doc.firstChild
  if (!byline || !first || !first.isTextblock || doc.childCount < 2) return doc
  return isBylineLine(first.textContent, byline) ? doc.copy(doc.content.cut(first.nodeSize)) : doc
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
const isBylineLine = (line: string, byline: string): boolean => norm(line).replace(/^(by|from)\s+/, '') === norm(byline)

/**
 * Readability takes the first paragraph as the excerpt, which on many pages is the byline
 * ("By Ana Lima"); the list then shows the byline twice and no summary. Use the text's
 * opening instead (cut at a word, about 280 characters).
 */
export function betterExcerpt(excerpt: string | null, byline: string | null, text: string): string | null {
  if (excerpt && !(byline && isBylineLine(excerpt, byline))) return excerpt
  const opening = text.split('\n\n').find((p) => p.trim().length > 40) ?? text
  const flat = collapseSpaces(opening).trim()
  if (!flat) return null
  return flat.length <= 280 ? flat : `${flat.slice(0, flat.lastIndexOf(' ', 280))}…`
}

/** Assets the schema dropped (an image it could not place) are not worth storing. */
function usedAssets(assets: Asset[], doc: Record<string, unknown>): Asset[] {
  const serialized = JSON.stringify(doc)
  return assets.filter((a) => serialized.includes(`"asset:${a.key}"`))
}

/** Words in space-separated scripts, plus one per CJK character (those scripts have no spaces). */
export function countWords(text: string): number {
  // Most articles have no CJK at all: then one pass counts the words.
  const hasCjk = CJK.test(text)
  const cjk = hasCjk ? (text.match(CJK_ALL)?.length ?? 0) : 0
  const rest = hasCjk ? text.replace(CJK_ALL, ' ') : text
  let words = 0
  WORD.lastIndex = 0
  while (WORD.exec(rest) !== null) words++
  return cjk + words
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const CJK_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

/** Hash of the text with Unicode and whitespace differences normalised away. */
export function hashText(text: string): string {
  // NFKC leaves ASCII unchanged, so ASCII text skips it.
  const normalised = collapseSpaces(ASCII.test(text) ? text : text.normalize('NFKC')).trim()
  return createHash('sha256').update(normalised, 'utf8').digest('hex')
}

// eslint-disable-next-line no-control-regex -- ASCII is exactly the range U+0000 to U+007F
const ASCII = /^[\u0000-\u007f]*$/u
