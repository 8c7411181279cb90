import { gunzipSync, gzipSync } from 'node:zlib'

/** Bulky columns (reader document JSON, raw page) are stored gzip-compressed. */
export const packJson = (value: unknown): Buffer => gzipSync(Buffer.from(JSON.stringify(value)), { level: 6 })
export const unpackJson = (blob: Buffer): unknown => JSON.parse(gunzipSync(blob).toString('utf8'))
export const packBytes = (bytes: Buffer): Buffer => gzipSync(bytes, { level: 6 })
export const unpackBytes = (blob: Buffer): Buffer => gunzipSync(blob)
