import { describe, expect, it } from 'vitest'
import { parseDocument } from './dom'
import { normaliseCaptions } from './captions'
import { findStandfirst } from './standfirst'

const body = (html: string): string => {
  const doc = parseDocument(`<html><body>${html}</body></html>`)
  normaliseCaptions(doc)
  return doc.body?.innerHTML ?? ''
}

describe('normaliseCaptions', () => {
  it('makes an image and the caption beside it one figure', () => {
    expect(body('<div class="photo"><img src="a.jpg" alt="A"><div class="image-caption">The quay at dawn. <span class="credit">J. Price</span></div></div><p>Text.</p>'))
      .toBe('<figure><img src="a.jpg" alt="A"><figcaption><span>The quay at dawn. <span class="credit">J. Price</span></span></figcaption></figure><p>Text.</p>')
  })

  it('flattens a figcaption holding paragraphs, so it stays one caption', () => {
    expect(body('<figure><img src="a.jpg"><figcaption><p>Line one.</p><p>Credit</p></figcaption></figure>'))
      .toBe('<figure><img src="a.jpg"><figcaption><span><span>Line one.</span> <span>Credit</span> </span></figcaption></figure>')
  })

  it('joins a credit inside a figure to its caption', () => {
    expect(body('<figure><img src="a.jpg"><figcaption>The quay.</figcaption><small class="photo-credit">Reuters</small></figure>'))
      .toBe('<figure><img src="a.jpg"><figcaption>The quay. <span>Reuters</span></figcaption></figure>')
  })

  it('keeps the caption of a video as a caption with no image', () => {
    expect(body('<div class="video"><iframe src="https://v.example/1"></iframe><p class="video-caption">Gunmen stormed the museum. (Reuters)</p></div>'))
      .toBe('<div class="video"><iframe src="https://v.example/1"></iframe><figure><figcaption><span>Gunmen stormed the museum. (Reuters)</span></figcaption></figure></div>')
  })

  it('leaves a long block that is only named like a credit alone', () => {
    const long = `<div class="credits">${'<p>A long paragraph of the article itself, not a caption. </p>'.repeat(5)}</div>`
    expect(body(long)).toBe(long)
  })
})

describe('findStandfirst', () => {
  const find = (html: string, descriptions: string[] = []) =>
    findStandfirst(parseDocument(`<html><body>${html}</body></html>`), 'Port approves night dredging', descriptions)

  it('finds the line printed under the headline by its name, or by its likeness to the description', () => {
    expect(find('<h1>Port approves night dredging</h1><p class="dek">Barges will work overnight for six weeks, the authority said.</p><p>Body…</p>'))
      .toBe('Barges will work overnight for six weeks, the authority said.')
    expect(find('<h1>Port approves night dredging</h1><h2>Barges will work overnight for six weeks, officials said on Monday.</h2>',
      ['Barges will work overnight for six weeks, the authority said on Monday.'])).toBe('Barges will work overnight for six weeks, officials said on Monday.')
  })

  it('finds nothing when the description is only in the metadata', () => {
    expect(find('<h1>Port approves night dredging</h1><p>The Tidewater Port Authority voted on Monday to let contractors dredge the channel overnight.</p>',
      ['Barges will work overnight for six weeks, the authority said.'])).toBeNull()
  })
})
