import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { UserError } from '../../../shared/result'
import { parseExport } from './index'
import { decodeQuotedPrintable, parseMhtml } from './mhtml'

const PAGE = 'https://www.example-news.com/2017/10/22/tillerson-iran.html'
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
const B = '----MultipartBoundary--Xq8sFv2kLm9Tn4Rz1Jc0Wd7Hb3Ye5Ua6Pg----'

/** Quoted-printable as Chrome writes it: =XX for non-ASCII and "=", soft breaks at 76 columns. */
function qp(text: string, charset = 'utf-8'): string {
  const bytes = iconv.encode(text, charset)
  let out = ''
  let line = ''
  for (const b of bytes) {
    const piece = b === 0x0a ? '\n' : b === 0x0d ? '' : b === 0x3d || b > 126 || (b < 32 && b !== 9) ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b)
    if (piece === '\n') {
      out += `${line}\r\n`
      line = ''
      continue
    }
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`
      line = ''
    }
    line += piece
  }
  return out + line
}

const base64Lines = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n')

function chromeMhtml(html: string, opts: { charset?: string; htmlType?: string } = {}): Buffer {
  const parts = [
    [
      `Content-Type: ${opts.htmlType ?? 'text/html'}`,
      'Content-ID: <frame-6C1A8E0D5D2B3F1E8C0A4B7D9E2F1A3C@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      `Content-Location: ${PAGE}`,
      '',
      qp(html, opts.charset)
    ].join('\r\n'),
    ['Content-Type: text/css', 'Content-Transfer-Encoding: quoted-printable', 'Content-Location: cid:css-1@mhtml.blink', '', qp('body { color: black; }')].join('\r\n'),
    ['Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Location: https://www.example-news.com/2017/img/tillerson.png', '', base64Lines(PNG)].join('\r\n'),
    ['Content-Type: image/gif', 'Content-Transfer-Encoding: base64', 'Content-ID: <map@mhtml.blink>', '', base64Lines(GIF)].join('\r\n'),
    ['Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Location: https://cdn.example-news.com/unused.png', '', base64Lines(PNG)].join('\r\n')
  ]
  const message = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${PAGE}`,
    'Subject: =?utf-8?Q?Tillerson=E2=80=99s_call?=',
    'Date: Sun, 22 Oct 2017 18:00:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${B}"`,
    '',
    '',
    ...parts.map((p) => `--${B}\r\n${p}\r\n`),
    `--${B}--`,
    ''
  ].join('\r\n')
  return Buffer.from(message, 'latin1')
}

const ARTICLE = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Tillerson’s call to Iran</title></head>
<body><article><h1>Tillerson: “those militias need to go home”</h1>
<p>${'Secretary of State Rex Tillerson said on Sunday that Iranian-backed militias in Iraq should leave, a = b. '.repeat(3)}</p>
<img src="../../img/tillerson.png" alt="Tillerson">
<img srcset="https://www.example-news.com/2017/img/tillerson.png 2x, https://other.test/big.png 3x" alt="srcset">
<img src="cid:map@mhtml.blink" alt="map">
<div style="background-image: url('https://www.example-news.com/2017/img/tillerson.png')">bg</div>
<img src="https://cdn.example-news.com/not-saved.png" alt="missing">
<a href="https://www.example-news.com/2017/img/tillerson.png">a link to the photo stays a link</a>
</article></body></html>`

describe('parseMhtml', () => {
  it('decodes the quoted-printable page and returns its Content-Location as url', () => {
    const page = parseMhtml(chromeMhtml(ARTICLE))
    expect(page.url).toBe(PAGE)
    expect(page.contentType).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<title>Tillerson’s call to Iran</title>')
    expect(page.body).toContain('“those militias need to go home”')
    // Soft line breaks are gone and "=3D" is "=" again.
    expect(page.body).toContain(`${'Secretary of State Rex Tillerson said on Sunday that Iranian-backed militias in Iraq should leave, a = b. '.repeat(3)}</p>`)
    expect(page.body).not.toMatch(/=\r?\n/)
  })

  it('inlines referenced images as data: URIs, by relative or absolute URL, cid:, srcset and CSS url()', () => {
    const { body } = parseMhtml(chromeMhtml(ARTICLE))
    const png = `data:image/png;base64,${PNG.toString('base64')}`
    const gif = `data:image/gif;base64,${GIF.toString('base64')}`
    expect(body).toContain(`<img src="${png}" alt="Tillerson">`)
    expect(body).toContain(`<img srcset="${png} 2x, https://other.test/big.png 3x" alt="srcset">`)
    expect(body).toContain(`<img src="${gif}" alt="map">`)
    expect(body).toContain(`style="background-image: url(&quot;${png}&quot;)"`)
    // What the file does not hold is left for the image step; links stay links.
    expect(body).toContain('<img src="https://cdn.example-news.com/not-saved.png" alt="missing">')
    expect(body).toContain('<a href="https://www.example-news.com/2017/img/tillerson.png">')
    expect(body).not.toContain('cid:')
  })

  it('decodes the charset the part declares', () => {
    const html = '<html><head><title>Caf\u00e9 \u2019quotes\u2019</title></head><body><p>Tillerson\u2019s visit \u2013 caf\u00e9</p></body></html>'
    const page = parseMhtml(chromeMhtml(html, { charset: 'windows-1252', htmlType: 'text/html; charset="windows-1252"' }))
    expect(page.body).toContain('<p>Tillerson\u2019s visit \u2013 caf\u00e9</p>')
  })

  it('reads LF-only files and a 7bit single-part .mht', () => {
    const lf = chromeMhtml(ARTICLE).toString('latin1').replace(/\r\n/g, '\n')
    expect(parseMhtml(Buffer.from(lf, 'latin1')).body).toContain('those militias need to go home')
    const single = 'MIME-Version: 1.0\r\nContent-Type: text/html; charset=us-ascii\r\nContent-Location: https://a.test/p\r\n\r\n<html><body><p>plain</p></body></html>\r\n'
    expect(parseMhtml(Buffer.from(single))).toEqual({ body: '<html><body><p>plain</p></body></html>\r\n', url: 'https://a.test/p', contentType: 'text/html; charset=utf-8' })
  })

  it('refuses what is not MHTML, with the reason', () => {
    const err = (bytes: Buffer) => {
      try {
        parseMhtml(bytes)
      } catch (e) {
        expect(e).toBeInstanceOf(UserError)
        return (e as Error).message
      }
      throw new Error('no error')
    }
    expect(err(Buffer.from('<!doctype html><html><body>hi</body></html>'))).toBe('not an MHTML file: it does not start with MIME headers')
    expect(err(Buffer.from(''))).toBe('not an MHTML file: it does not start with MIME headers')
    expect(err(Buffer.from('From: x\r\nContent-Type: multipart/related\r\n\r\n--x\r\n'))).toMatch(/has no boundary/)
    expect(err(Buffer.from('From: x\r\nContent-Type: image/png\r\n\r\nPNG'))).toBe('not an MHTML file: its content type is image/png')
    expect(err(Buffer.from(`MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n${PNG.toString('base64')}\r\n--b--\r\n`))).toBe(
      'this MHTML file has no HTML page in it'
    )
  })
})

describe('decodeQuotedPrintable', () => {
  it('joins soft line breaks and decodes =XX bytes', () => {
    expect(decodeQuotedPrintable('caf=C3=A9 =3D long=\r\nline   \r\nnext').toString('utf8')).toBe('café = longline\r\nnext')
  })
})

describe('parseExport with MHTML', () => {
  it('recognises an MHTML page saved with another extension', async () => {
    const tasks = await parseExport('/downloads/tillerson.html', chromeMhtml(ARTICLE))
    expect(tasks).toHaveLength(1)
    const page = await tasks![0].load()
    expect(page.url).toBe(PAGE)
    expect(page.keepRaw).toBe(true)
    expect(String(page.body)).toContain('data:image/png;base64,')
  })
})
