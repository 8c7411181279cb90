import { describe, expect, it } from 'vitest'
import { ANNO_CONTEXT, toWebAnnotations } from './annotation-json'
import { guardianArticle, highlight } from '../../../test/support/export-fixtures'

describe('toWebAnnotations', () => {
  const article = guardianArticle([
    highlight({ id: 7, start: 120, end: 136, exact: 'Iran needs to go', prefix: 'said: "', suffix: ' from Syria', note: 'Key line', tags: ['Tillerson', 'Syria'] }),
    highlight({ id: 8, start: 10, end: 14, exact: 'Assad', color: 'x;}body{' })
  ])
  const out = toWebAnnotations([article])

  it('is an AnnotationCollection with an embedded AnnotationPage', () => {
    expect(out['@context']).toBe(ANNO_CONTEXT)
    expect(out.type).toBe('AnnotationCollection')
    expect(out.id).toMatch(/^urn:clipfile:export:[0-9a-f]{16}$/)
    expect(out.total).toBe(2)
    expect(out.first.type).toBe('AnnotationPage')
    expect(out.first.id).toBeTruthy()
    expect(out.first.items.map((a) => a.id)).toEqual(['urn:clipfile:highlight:8', 'urn:clipfile:highlight:7'])
    // Stable: the same export gives the same document.
    expect(JSON.stringify(toWebAnnotations([article]))).toBe(JSON.stringify(out))
  })

  it('writes each annotation as the Web Annotation model requires', () => {
    const a = out.first.items[1]
    expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(a.type).toBe('Annotation')
    expect(a.created).toBe('2017-04-10T08:00:00.000Z')
    expect(a.modified).toBe('2017-04-10T08:00:00.000Z')
    expect(a.motivation).toBe('commenting')
    expect(a.body).toEqual([
      { type: 'TextualBody', value: 'Key line', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'Tillerson', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Syria', purpose: 'tagging' }
    ])
    expect(a.target.source).toBe(article.url)
    expect(a.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Iran needs to go', prefix: 'said: "', suffix: ' from Syria' },
      { type: 'TextPositionSelector', start: 120, end: 136 }
    ])
    expect(a.target.styleClass).toBe('clipfile-yellow')
    expect(a.stylesheet).toEqual({ type: 'CssStylesheet', value: '.clipfile-yellow { background-color: yellow; }' })
  })

  it('uses highlighting without a body when there is no note or tag, and never puts unsafe CSS out', () => {
    const a = out.first.items[0]
    expect(a.motivation).toBe('highlighting')
    expect(a).not.toHaveProperty('body')
    expect(a).not.toHaveProperty('stylesheet')
    expect(JSON.stringify(a)).not.toContain('body{')
  })

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(out))).toEqual(out)
  })
})
