import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { slimRawPage } from './raw'

describe('slimRawPage', () => {
  it('drops scripts, styles, comments, SVG and handler/style attributes; keeps JSON-LD, text and markup', () => {
    const page = `<html><head><script src="a.js"></script><script>var x = "</p>";</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kept"}</script>
<style>body{color:red}</style><!-- tracking --></head>
<body onload="go()"><p style="color:red" class="lead">Text stays <b>bold</b></p><svg viewBox="0 0 1 1"><path d="M0"/></svg></body></html>`
    const out = slimRawPage(page).toString('utf8')
    expect(out).toContain('"headline":"Kept"')
    expect(out).toContain('<p class="lead">Text stays <b>bold</b></p>')
    for (const gone of ['a.js', 'var x', 'color:red', 'tracking', 'onload', '<path']) expect(out).not.toContain(gone)
  })

  it('keeps the bytes of a non-UTF-8 page exactly', () => {
    const page = iconv.encode('<html><head><meta charset="windows-1252"></head><body><p>“Café” – naïve</p><script>x()</script></body></html>', 'windows-1252')
    const out = slimRawPage(page)
    expect(iconv.decode(out, 'windows-1252')).toContain('<p>“Café” – naïve</p>')
    expect(out.includes(Buffer.from('x()'))).toBe(false)
  })
})

describe('slimRawPage reads the page in order', () => {
  it('a script tag written inside a comment ends with the comment, not at the next </script>', () => {
    const page = '<body><!-- <script> old embed --><p>Kept paragraph</p><script>track()</script><p>After</p></body>'
    const out = slimRawPage(page).toString('utf8')
    expect(out).toBe('<body><p>Kept paragraph</p><p>After</p></body>')
  })

  it('a style or svg inside a script goes with the script; a script inside an svg with the svg', () => {
    const page = '<p>a</p><script>document.write("<style>x{}</style>")</script><svg><script>s()</script><path d="M0"/></svg><p>b</p>'
    expect(slimRawPage(page).toString('utf8')).toBe('<p>a</p><svg></svg><p>b</p>')
  })

  it('keeps conditional comments and upper-case tags are removed as lower-case ones', () => {
    const page = '<!--[if IE]><p>ie</p><![endif]--><SCRIPT>x()</SCRIPT><SVG width="1"><g/></SVG><STYLE>a{}</STYLE><p>t</p>'
    expect(slimRawPage(page).toString('utf8')).toBe('<!--[if IE]><p>ie</p><![endif]--><svg></svg><p>t</p>')
  })
})
