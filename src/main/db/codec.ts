import { applyDelta, createDelta } from 'fossil-delta'
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib'

/** The reader document (JSON) is stored gzip-compressed: fast to read back on every open. */
export const packJson = (value: unknown): Buffer => packJsonText(JSON.stringify(value))
export const packJsonText = (json: string): Buffer => gzipSync(Buffer.from(json), { level: 6 })
export const unpackJson = (blob: Buffer): unknown => JSON.parse(unpackJsonText(blob))
export const unpackJsonText = (blob: Buffer): string => gunzipSync(blob).toString('utf8')
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
