/**
 * What is kept of the original page. Re-extraction needs the markup, the text and the
 * metadata (JSON-LD included) — not scripts, styles, comments, inline SVG or event-handler
 * and style attributes, which are most of a modern page's bytes. Working on the bytes as
 * latin1 keeps every other byte exactly as it was, whatever the page's charset.
 */
/**
 * One pass, leftmost first, as a parser reads the page: a `<script>` written inside a comment
 * is part of the comment, not the start of a script that would run on to the next
 * `</script>` and take the markup between with it.
 */
const BLOCKS =
  /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--(?!\[if)[\s\S]*?-->|<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi
const NOISY_ATTRS = /\s(?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*')/gi

/** An inline SVG leaves an empty `<svg></svg>` where it stood; the rest leave nothing. */
const dropBlock = (m: string): string => (m.charCodeAt(2) === 118 || m.charCodeAt(2) === 86 ? '<svg></svg>' : '')

export function slimRawPage(page: Buffer | string): Buffer {
  const text = Buffer.isBuffer(page) ? page.toString('latin1') : Buffer.from(page, 'utf8').toString('latin1')
  return Buffer.from(text.replace(BLOCKS, dropBlock).replace(NOISY_ATTRS, ''), 'latin1')
}
