import { describe, expect, it } from 'vitest'
import { decodeDataUri, localiseImagesIn, sniffImage, type LoadImage } from './images'
import { parseFragment, type DomElement } from './dom'

/** Runs localiseImagesIn on an HTML fragment and answers with the rewritten HTML. */
async function localiseImages(html: string, load: LoadImage) {
  const root = parseFragment(html).body as DomElement
  const assets = await localiseImagesIn(root, load)
  return { html: root.innerHTML, assets }
}

/** A PNG header claiming w×h, padded past the tiny-file threshold. */
const png = (w = 64, h = 48): Buffer => {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
  const size = Buffer.alloc(8)
  size.writeUInt32BE(w, 0)
  size.writeUInt32BE(h, 4)
  return Buffer.concat([head, size, Buffer.alloc(200)])
}
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300)])
const GIF_1x1 = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>' + ' '.repeat(200) + '</svg>')

function loader(table: Record<string, Buffer | null>) {
  const calls: string[] = []
  const load = async (url: string) => {
    calls.push(url)
    const bytes = table[url]
    return bytes ? { mime: 'image/whatever', bytes } : null
  }
  return { load, calls }
}

describe('localiseImagesIn', () => {
  it('rewrites images to asset keys in order, one key per distinct URL', async () => {
    const { load, calls } = loader({ 'https://a.example/1.png': png(), 'https://a.example/2.jpg': jpeg })
    const html = '<p><img src="https://a.example/1.png" alt="one" srcset="x 2x" sizes="50vw" data-id="7" loading="lazy"></p>' +
      '<img src="https://a.example/2.jpg"><img src="https://a.example/1.png" alt="again">'
    const out = await localiseImages(html, load)
    expect(out.assets.map((a) => [a.key, a.mime, a.sourceUrl])).toEqual([
      ['k0', 'image/png', 'https://a.example/1.png'],
      ['k1', 'image/jpeg', 'https://a.example/2.jpg']
    ])
    expect(calls).toEqual(['https://a.example/1.png', 'https://a.example/2.jpg'])
    expect(out.html).toBe('<p><img src="asset:k0" alt="one"></p><img src="asset:k1"><img src="asset:k0" alt="again">')
  })

  it('decodes data: images without loading them, and refuses non-image data URIs', async () => {
    const { load, calls } = loader({})
    const dataPng = `data:image/png;base64,${png().toString('base64')}`
    const out = await localiseImages(`<img src="${dataPng}"><img src="data:text/html;base64,PHNjcmlwdD4=">`, load)
    expect(calls).toEqual([])
    expect(out.assets).toHaveLength(1)
    expect(out.assets[0]).toMatchObject({ key: 'k0', mime: 'image/png', sourceUrl: null })
    expect(out.assets[0].bytes.equals(png())).toBe(true)
    expect(out.html).toBe('<img src="asset:k0">')
  })

  it('drops tracking pixels, spacers and sources it cannot name; keeps what failed as placeholders with the reason', async () => {
    const { load, calls } = loader({
      'https://t.example/pixel.gif': Buffer.from(GIF_1x1, 'base64'),
      'https://t.example/1x1.png': png(1, 1),
      'https://t.example/tiny.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]),
      'https://t.example/logo.svg': SVG,
      'https://t.example/attr.png': png(),
      'https://t.example/missing.png': null
    })
    const html = ['pixel.gif', '1x1.png', 'tiny.jpg']
      .map((f) => `<img src="https://t.example/${f}">`).join('') +
      '<img src="https://t.example/attr.png" width="1" height="1"><img src="/relative.png"><img>' +
      `<img src="data:image/gif;base64,${GIF_1x1}">` +
      '<img src="https://t.example/logo.svg" alt="Logo"><img src="https://t.example/missing.png" alt="Map" class="x">'
    const out = await localiseImages(html, load)
    expect(out.assets).toEqual([])
    expect(out.html).toBe(
      '<img data-clipfile-reason="not a PNG, JPEG, GIF, WebP or AVIF image" data-clipfile-missing="https://t.example/logo.svg" alt="Logo">' +
        '<img data-clipfile-reason="not found" data-clipfile-missing="https://t.example/missing.png" alt="Map">'
    )
    expect(calls).not.toContain('https://t.example/attr.png')
  })

  it('keeps a real image that declares one odd dimension (height="0")', async () => {
    const { load } = loader({ 'https://t.example/wide.png': png() })
    const out = await localiseImages('<img src="https://t.example/wide.png" width="570" height="0">', load)
    expect(out.html).toBe('<img src="asset:k0" width="570" height="0">')
  })

  it('keeps a failed image in its figure, as a placeholder beside its caption', async () => {
    const out = await localiseImages(
      '<figure><img src="https://x.example/gone.jpg" alt="The bridge"><figcaption>The <b>caption</b></figcaption></figure>',
      async () => {
        throw new Error('HTTP 404 Not Found')
      }
    )
    expect(out.html).toBe(
      '<figure><img data-clipfile-reason="HTTP 404 Not Found" data-clipfile-missing="https://x.example/gone.jpg" alt="The bridge">' +
        '<figcaption>The <b>caption</b></figcaption></figure>'
    )
  })

  it('never lets the page bring its own placeholder', async () => {
    const { load } = loader({})
    const out = await localiseImages('<img data-clipfile-missing="https://evil.example/x" data-clipfile-reason="fake"><p>kept</p>', load)
    expect(out).toEqual({ html: '<p>kept</p>', assets: [] })
  })
})

describe('sniffImage / decodeDataUri', () => {
  it('recognises raster formats by their bytes only', () => {
    expect(sniffImage(png())).toBe('image/png')
    expect(sniffImage(jpeg)).toBe('image/jpeg')
    expect(sniffImage(Buffer.from('GIF89a......'))).toBe('image/gif')
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffImage(Buffer.from('\0\0\0\x1cftypavif\0\0'))).toBe('image/avif')
    expect(sniffImage(SVG)).toBeNull()
    expect(sniffImage(Buffer.from('<html>'))).toBeNull()
  })

  it('decodes base64 and percent-encoded image data only', () => {
    expect(decodeDataUri('data:image/gif;base64,R0lG')?.toString('latin1')).toBe('GIF')
    expect(decodeDataUri('data:image/svg+xml,%3Csvg%3E')?.toString()).toBe('<svg>')
    expect(decodeDataUri('data:text/plain,hello')).toBeNull()
    expect(decodeDataUri('https://x.example/a.png')).toBeNull()
  })
})
