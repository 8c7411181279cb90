import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib'

/** The reader document (JSON) is stored gzip-compressed: fast to read back on every open. */
export const packJson = (value: unknown): Buffer => gzipSync(Buffer.from(JSON.stringify(value)), { level: 6 })
export const unpackJson = (blob: Buffer): unknown => JSON.parse(gunzipSync(blob).toString('utf8'))
/** The raw page: brotli (about 15% smaller than gzip on HTML, for a little more time). */
export const packBytes = (bytes: Buffer): Buffer =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
/** Reads either format: gzip (starts 1f 8b) or brotli. */
export const unpackBytes = (blob: Buffer): Buffer =>
  blob[0] === 0x1f && blob[1] === 0x8b ? gunzipSync(blob) : brotliDecompressSync(blob)
