import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { readFileSync } from 'node:fs'
import { charsetParam, decodeHtml } from './decode'

const page = (meta: string, body: string): string =>
  `<!doctype html><html><head>${meta}<title>t</title></head><body>${body}</body></html>`

describe('decodeHtml', () => {
  it('decodes windows-1252 smart quotes the way browsers do, even when labelled latin1', () => {
    // “It’s café” in windows-1252 bytes.
    const bytes = Buffer.concat([
      Buffer.from('<p>'),
      Buffer.from([0x93, 0x49, 0x74, 0x92, 0x73, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x94]),
      Buffer.from('</p>')
    ])
    for (const ct of ['text/html; charset=windows-1252', 'text/html; charset=ISO-8859-1', 'text/html;charset="us-ascii"']) {
      const out = decodeHtml(bytes, ct)
      expect(out.html).toBe('<p>“It’s café”</p>')
      expect(out.charset).toBe('windows-1252')
    }
  })

  it('falls back to windows-1252 when unlabelled bytes are not valid UTF-8', () => {
    const out = decodeHtml(readFileSync(new URL('./fixtures/windows-1252.html', import.meta.url)), null)
    expect(out.charset).toBe('windows-1252')
    expect(out.html).toContain('Mayor’s “clean streets” pledge')
    expect(out.html).toContain('Café Müller')
  })

  it('defaults to UTF-8 for valid UTF-8 without a label', () => {
    const out = decodeHtml(Buffer.from(page('', '<p>naïve — 東京</p>')), undefined)
    expect(out).toEqual({ html: expect.stringContaining('naïve — 東京'), charset: 'utf-8' })
  })

  it('reads <meta http-equiv> ISO-8859-2', () => {
    const html = page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">', '<p>Łódź, żółć</p>')
    const out = decodeHtml(iconv.encode(html, 'iso-8859-2'), 'text/html')
    expect(out.charset).toBe('iso-8859-2')
    expect(out.html).toContain('Łódź, żółć')
  })

  it('reads <meta charset> Shift_JIS and GB2312 (as GBK)', () => {
    const sjis = decodeHtml(iconv.encode(page('<meta charset="Shift_JIS">', '<p>日本語のニュース</p>'), 'shift_jis'))
    expect(sjis.charset).toBe('shift_jis')
    expect(sjis.html).toContain('日本語のニュース')
    const gbk = decodeHtml(iconv.encode(page("<meta charset='gb2312'>", '<p>中文新闻报道</p>'), 'gbk'))
    expect(gbk.charset).toBe('gbk')
    expect(gbk.html).toContain('中文新闻报道')
  })

  it('honours a byte-order mark over every label, and strips it', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="windows-1252">', '<p>é</p>'))])
    const a = decodeHtml(utf8, 'text/html; charset=iso-8859-1')
    expect(a.charset).toBe('utf-8')
    expect(a.html.startsWith('<!doctype')).toBe(true)
    expect(a.html).toContain('<p>é</p>')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('', '<p>Grüße</p>'), 'utf16le')])
    const b = decodeHtml(utf16, 'text/html; charset=utf-8')
    expect(b.charset).toBe('utf-16le')
    expect(b.html).toContain('<p>Grüße</p>')
  })

  it('prefers the HTTP header over <meta>', () => {
    const bytes = iconv.encode(page('<meta charset="windows-1252">', '<p>Zürich ☂</p>'), 'utf-8')
    expect(decodeHtml(bytes, 'text/html; charset=UTF-8')).toEqual({ html: expect.stringContaining('Zürich ☂'), charset: 'utf-8' })
    expect(decodeHtml(bytes, 'text/html').charset).toBe('windows-1252')
  })

  it('ignores unknown labels and a <meta> claiming UTF-16', () => {
    const bytes = Buffer.from(page('<meta charset="utf-16">', '<p>ok ü</p>'))
    expect(decodeHtml(bytes, 'text/html; charset=x-klingon').charset).toBe('utf-8')
  })
})

describe('charsetParam', () => {
  it('reads quoted and unquoted values', () => {
    expect(charsetParam('text/html; charset="Shift_JIS"')).toBe('Shift_JIS')
    expect(charsetParam('text/html;charset=utf-8; foo=bar')).toBe('utf-8')
    expect(charsetParam('text/html')).toBeNull()
  })
})
