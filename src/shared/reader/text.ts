/**
 * The plain text of a reader document, and the map between its offsets and ProseMirror
 * positions. Highlights' W3C selectors count characters in this text, so main (which
 * stores them) and the renderer (which draws them) must derive it the same way: here.
 */
import type { Node as PMNode } from 'prosemirror-model'

/** Between two textblocks. */
export const BLOCK_SEPARATOR = '\n\n'

export interface TextSegment {
  /** Offset of the segment in the plain text. */
  text: number
  /** ProseMirror position of its first character. */
  pos: number
  length: number
}

export interface DocText {
  text: string
  /** Text-node runs in document order; gaps between them are separators. */
  segments: TextSegment[]
}

/** Plain text of `doc`: textblocks joined by a blank line, hard breaks as newlines. */
export function docText(doc: PMNode): DocText {
  let text = ''
  const segments: TextSegment[] = []
  let first = true
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    if (!first) text += BLOCK_SEPARATOR
    first = false
    node.forEach((child, offset) => {
      const childPos = pos + 1 + offset
      if (child.isText) {
        const t = child.text ?? ''
        segments.push({ text: text.length, pos: childPos, length: t.length })
        text += t
      } else if (child.type.name === 'hard_break') {
        text += '\n'
      }
    })
    return false
  })
  return { text, segments }
}

/** A stretch of the plain text, [start, end). */
export interface TextRange {
  start: number
  end: number
}

export interface FurnitureRange extends TextRange {
  kind: 'heading' | 'caption'
}

/**
 * The text ranges of the blocks that are page furniture by their kind — headings and figure
 * captions — counted as docText counts (one range per textblock). Quote detection reads no
 * quotation in them: a caption or sub-heading in quotation marks is not someone speaking.
 */
export function furnitureRanges(doc: PMNode): FurnitureRange[] {
  const out: FurnitureRange[] = []
  let length = 0
  let first = true
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    if (!first) length += BLOCK_SEPARATOR.length
    first = false
    const start = length
    node.forEach((child) => {
      if (child.isText) length += (child.text ?? '').length
      else if (child.type.name === 'hard_break') length += 1
    })
    if (node.type.name === 'heading') out.push({ start, end: length, kind: 'heading' })
    else if (node.type.name === 'figcaption') out.push({ start, end: length, kind: 'caption' })
    return false
  })
  return out
}

/**
 * ProseMirror position for a text offset. `bias` decides, at a boundary between two
 * segments, whether the position sits at the end of the earlier (-1, for range ends) or the
 * start of the later (1, for range starts).
 */
export function textOffsetToPos(segments: TextSegment[], offset: number, bias: -1 | 1): number | null {
  if (segments.length === 0) return null
  let lo = 0
  let hi = segments.length - 1
  // Find the last segment starting at or before offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (segments[mid].text <= offset) lo = mid
    else hi = mid - 1
  }
  const seg = segments[lo]
  if (offset < seg.text) return bias === 1 ? seg.pos : null
  const inside = offset - seg.text
  if (inside < seg.length) return seg.pos + inside
  if (inside === seg.length && bias === -1) return seg.pos + inside
  const next = segments[lo + 1]
  if (next) return bias === 1 ? next.pos : seg.pos + seg.length
  return seg.pos + seg.length
}

/** Text offset for a ProseMirror position (positions between blocks snap forward). */
export function posToTextOffset(segments: TextSegment[], pos: number): number {
  for (const seg of segments) {
    if (pos < seg.pos) return seg.text
    if (pos <= seg.pos + seg.length) return seg.text + (pos - seg.pos)
  }
  const last = segments[segments.length - 1]
  return last ? last.text + last.length : 0
}
