import { applyDelta, createDelta } from 'fossil-delta'
import { brotliCompressSync, brotliDecompressSync, constants, deflateRawSync, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib'

/** The reader document (JSON) is stored gzip-compressed: fast to read back on every open. */
export const packJson = (value: unknown): Buffer => packJsonText(JSON.stringify(value))
export const packJsonText = (json: string): Buffer => gzipSync(Buffer.from(json), { level: 6 })
export const unpackJson = (blob: Buffer): unknown => JSON.parse(unpackJsonText(blob))
export const unpackJsonText = (blob: Buffer): string => gunzipSync(blob).toString('utf8')

// ---------------------------------------------------------------------------------------
// The reader document of a stored article repeats the article's plain text (its text nodes)
// inside JSON, and the text is stored beside it anyway. Deflated with that text as its
// dictionary, the repeated words become back-references: the document takes about half the
// bytes gzip gave it (0.26× the text instead of 0.49× on the real pages) and costs less CPU
// to pack. It can only be read with the same text, which is the row's own `text` column: the
// two are written together (db/articles.ts, the one INSERT), and a migration that changed the
// text would have to repack the document with it.

const DOC_WITH_TEXT = 0x44 // 'D'; gzip starts with 0x1f
/** Deflate sees at most 32 KiB behind it; the document's text follows the text's order, so the start matters. */
const DICTIONARY_BYTES = 32 * 1024
const dictionaryOf = (text: string): Buffer => {
  const bytes = Buffer.from(text, 'utf8')
  return bytes.length > DICTIONARY_BYTES ? bytes.subarray(0, DICTIONARY_BYTES) : bytes
}

/** An article's reader document (JSON), packed against the article's text. */
export function packDocText(json: string, text: string): Buffer {
  const body = deflateRawSync(Buffer.from(json, 'utf8'), { level: 6, ...(text ? { dictionary: dictionaryOf(text) } : {}) })
  return Buffer.concat([Buffer.of(DOC_WITH_TEXT), body])
}

/** The document packed by packDocText with the same text, or an older gzip'd one (packJsonText). */
export function unpackDocText(blob: Buffer, text: string): string {
  if (blob[0] !== DOC_WITH_TEXT) return unpackJsonText(blob)
  return inflateRawSync(blob.subarray(1), text ? { dictionary: dictionaryOf(text) } : {}).toString('utf8')
}
export const unpackDoc = (blob: Buffer, text: string): unknown => JSON.parse(unpackDocText(blob, text))
/** The raw page: brotli (about 15% smaller than gzip on HTML, for a little more time). */
export const packBytes = (bytes: Buffer): Buffer =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
/** Reads either format: gzip (starts 1f 8b) or brotli. */
export const unpackBytes = (blob: Buffer): Buffer =>
  blob[0] === 0x1f && blob[1] === 0x8b ? gunzipSync(blob) : brotliDecompressSync(blob)

// ---------------------------------------------------------------------------------------
// Older versions' content: a delta against the next version (Fossil's delta format, which
// carries a checksum of what it rebuilds), or the whole content when that is smaller.

const WHOLE = 0x01
const DELTA = 0x02
const DELTA_BROTLI = 0x03
const brotli = (b: Uint8Array): Buffer =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
const tagged = (tag: number, body: Uint8Array): Buffer => Buffer.concat([Buffer.of(tag), body])
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

/**
 * Packs `content` for storage beside `base` (the next version's content, or null): the
 * smallest of the delta, the delta compressed, and the content compressed whole.
 */
export function packVersionBlob(content: Buffer, base: Buffer | null): Buffer {
  const candidates: Buffer[] = []
  if (base) {
    const delta = createDelta(new Uint8Array(base), new Uint8Array(content))
    candidates.push(tagged(DELTA, delta))
    // A delta of a small edit is mostly copy instructions: compressing it gains nothing.
    if (delta.length > 256) candidates.push(tagged(DELTA_BROTLI, brotli(delta)))
  }
  const best = candidates.reduce<Buffer | null>((a, b) => (a === null || b.length < a.length ? b : a), null)
  // The whole content is only worth compressing when the delta is not already far smaller.
  if (best === null || best.length > content.length / 8) {
    const whole = tagged(WHOLE, brotli(content))
    if (best === null || whole.length < best.length) return whole
  }
  return best!
}

/** The content packed by packVersionBlob, given the same base. */
export function unpackVersionBlob(blob: Buffer, base: Buffer | null): Buffer {
  const body = blob.subarray(1)
  if (blob[0] === WHOLE) return brotliDecompressSync(body)
  const delta = blob[0] === DELTA_BROTLI ? brotliDecompressSync(body) : body
  if (blob[0] !== DELTA && blob[0] !== DELTA_BROTLI) throw new Error(`unknown version content format ${blob[0]}`)
  if (!base) throw new Error('a version stored as a delta needs the next version to rebuild it')
  return asBuffer(applyDelta(new Uint8Array(base), new Uint8Array(delta)))
}
