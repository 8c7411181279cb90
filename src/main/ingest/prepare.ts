/**
 * One page → everything the archive stores for it: decode → extract → localise images →
 * reader document → plain text. Pure apart from `loadImage`, so the CLI, the app and the
 * tests run the very same pipeline.
 */
import { createHash } from 'node:crypto'
import { UserError } from '../../shared/result'
import { docText } from '../../shared/reader/text'
import { decodeHtml } from './decode'
import { extractArticle, type Extracted } from './extract'
import { localiseImages, type Asset, type LoadImage } from './images'
import { htmlToDoc } from './to-doc'
import type { Node as PMNode } from 'prosemirror-model'

export interface PrepareInput {
  html: string | Buffer
  url?: string
  contentType?: string | null
  force?: boolean
}

export interface PreparedArticle extends Omit<Extracted, 'contentHtml' | 'readable'> {
  /** ProseMirror JSON of the reader document (the sanitized article; HTML is made from it on export). */
  doc: Record<string, unknown>
  text: string
  wordCount: number
  /** sha256 (hex) of the normalised text: the same article saved twice hashes the same. */
  contentHash: string
  charset: string
  assets: Asset[]
}

export async function prepareArticle(input: PrepareInput, deps: { loadImage: LoadImage }): Promise<PreparedArticle> {
  const { html, charset } =
    typeof input.html === 'string' ? { html: input.html, charset: 'utf-8' } : decodeHtml(input.html, input.contentType)
  const { contentHtml, readable: _readable, ...meta } = extractArticle(html, input.url, { force: input.force })
  const localised = await localiseImages(contentHtml, deps.loadImage)
  const doc = dropBylineBlock(htmlToDoc(localised.html), meta.byline)
  const { text } = docText(doc)
  if (!text.trim()) throw new UserError('import_failed', 'the page has no text to save')
  const json = doc.toJSON() as Record<string, unknown>
  return {
    ...meta,
    doc: json,
    text,
    wordCount: countWords(text),
    contentHash: hashText(text),
    charset,
    assets: usedAssets(localised.assets, json)
  }
}

/**
 * The reader shows the byline above the text, so a first paragraph that only repeats it
 * ("By Julian Borger") is dropped from the body.
 */
export function dropBylineBlock(doc: PMNode, byline: string | null): PMNode {
  const first = doc.firstChild
  if (!byline || !first || !first.isTextblock || doc.childCount < 2) return doc
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  const own = norm(first.textContent).replace(/^(by|from)\s+/, '')
  return own === norm(byline) ? doc.copy(doc.content.cut(first.nodeSize)) : doc
}

/** Assets the schema dropped (an image it could not place) are not worth storing. */
function usedAssets(assets: Asset[], doc: Record<string, unknown>): Asset[] {
  const serialized = JSON.stringify(doc)
  return assets.filter((a) => serialized.includes(`"asset:${a.key}"`))
}

/** Words in space-separated scripts, plus one per CJK character (those scripts have no spaces). */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ')
  const words = rest.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0
  return cjk + words
}

/** Hash of the text with Unicode and whitespace differences normalised away. */
export function hashText(text: string): string {
  const normalised = text.normalize('NFKC').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(normalised, 'utf8').digest('hex')
}
