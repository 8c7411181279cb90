import { createHash } from 'node:crypto'

/**
 * The UUID of an article's version: derived from the article and its content, so the same
 * text pushed twice (or by two machines) is one version, and a retried push adds nothing.
 */
export function versionUuid(articleUuid: string, contentHash: string): string {
  const h = createHash('sha256').update(`${articleUuid}:${contentHash}`).digest('hex')
  // Version 5 layout (name-based), variant 10xx.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}
