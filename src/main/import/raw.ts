/**
 * What is kept of the original page. Re-extraction needs the markup, the text and the
 * metadata (JSON-LD included) — not scripts, styles, comments, inline SVG or event-handler
 * and style attributes, which are most of a modern page's bytes. Working on the bytes as
 * latin1 keeps every other byte exactly as it was, whatever the page's charset.
 */
const SCRIPT = /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi
const STYLE = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi
const COMMENT = /<!--(?!\[if)[\s\S]*?-->/g
const SVG = /<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi
const NOISY_ATTRS = /\s(?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*')/gi

export function slimRawPage(page: Buffer | string): Buffer {
  const text = Buffer.isBuffer(page) ? page.toString('latin1') : Buffer.from(page, 'utf8').toString('latin1')
  const slim = text.replace(SCRIPT, '').replace(STYLE, '').replace(COMMENT, '').replace(SVG, '<svg></svg>').replace(NOISY_ATTRS, '')
  return Buffer.from(slim, 'latin1')
}
