import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { domToDoc } from './to-doc'
import { parseFragment, type DomElement } from './dom'
import { docText } from '../../shared/reader/text'
import { extractArticle } from './extract'

const htmlToDoc = (html: string) => domToDoc(parseFragment(html).body as DomElement)

const HOSTILE = `
<p onclick="alert(1)" style="color:red">Intro <a href="javascript:alert(2)">js link</a> <a href="data:text/html,<script>alert(3)</script>">data link</a>
<a href=" JaVaScRiPt:alert(4)">spaced</a> <a href="https://example.org/ok" onmouseover="alert(5)">ok link</a> <a href="mailto:desk@example.org">mail</a></p>
<script>alert('script-body')</script>
<img src="x" onerror="alert('onerror')">
<img src="https://tracker.example/remote.png">
<iframe srcdoc="<script>alert('srcdoc')</script>">iframe-text</iframe>
<form action="https://evil.example"><label>form-label</label><input value="input-value"><button>button-text</button></form>
<style>p { background: url(https://evil.example/css.png) }</style>
<svg onload="alert('svg')"><script>alert('svg-script')</script><text>svg-text</text></svg>
<object data="https://evil.example/x.swf">object-fallback</object>
<embed src="https://evil.example/x.swf">
<template><p>template-text</p></template>
<noscript><p>noscript-text</p></noscript>
<p>Outro</p>`

describe('htmlToDoc', () => {
  it('leaves nothing executable or remote from a hostile fragment', () => {
    const json = JSON.stringify(htmlToDoc(HOSTILE).toJSON())
    for (const bad of ['alert', 'javascript', 'data:', 'script', 'onerror', 'onclick', 'srcdoc', 'iframe', 'evil.example', 'tracker.example',
      'style', 'form-label', 'input-value', 'button-text', 'svg', 'object-fallback', 'template-text', 'noscript-text', 'color:red']) {
      expect(json.toLowerCase()).not.toContain(bad)
    }
    expect(json).toContain('https://example.org/ok')
    expect(json).toContain('mailto:desk@example.org')
    expect(docText(htmlToDoc(HOSTILE)).text).toMatch(/^Intro js link data link spaced ok link mail\n\nOutro$/)
  })

  it('keeps ordinary article structure', () => {
    const doc = htmlToDoc(`
      <h1>Title</h1><h3>Sub</h3>
      <p>Some <em>emphasis</em>, <strong>strength</strong> and a <a href="https://example.org/x">link</a>.<br>Next line.</p>
      <ul><li>one</li><li>two</li></ul><ol start="3"><li>three</li></ol>
      <blockquote><p>A quote.</p></blockquote>
      <figure><img src="asset:k0" alt="Alt"><figcaption>Caption <i>here</i></figcaption></figure>
      <p>   </p>
      <pre>  code  </pre><hr>`)
    const types = (doc.toJSON().content as { type: string; attrs?: Record<string, unknown> }[]).map((n) => n.type)
    expect(types).toEqual(['heading', 'heading', 'paragraph', 'bullet_list', 'ordered_list', 'blockquote', 'figure', 'code_block', 'horizontal_rule'])
    expect(doc.child(1).attrs.level).toBe(3)
    expect(doc.child(4).attrs.start).toBe(3)
    const json = JSON.stringify(doc.toJSON())
    expect(json).toContain('"type":"em"')
    expect(json).toContain('"type":"strong"')
    expect(json).toContain('{"type":"link","attrs":{"href":"https://example.org/x"}}')
    expect(json).toContain('{"type":"image","attrs":{"src":"asset:k0","alt":"Alt","title":""}}')
    expect(docText(doc).text).toContain('Caption here')
    expect(docText(doc).text).toContain('link.\nNext line.')
  })

  it('sanitizes the hostile fixture page end to end', () => {
    const a = extractArticle(readFileSync(new URL('./fixtures/hostile.html', import.meta.url), 'utf8'), 'https://x.example/a')
    const doc = domToDoc(a.content)
    const json = JSON.stringify(doc.toJSON())
    expect(json).not.toMatch(/alert|javascript|vbscript|data:|svg|template-content|noscript-content|evil\.example|onerror/i)
    expect(docText(doc).text).toContain('Third paragraph with an inline style')
  })
})
