/**
 * The browser extension's build: both browsers' folders and zips, each manifest complete and
 * pointing only at files that are there, the Chromium id fixed by its key (the id the app's
 * listener accepts), Firefox's background as scripts with its add-on id.
 */
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { buildExtension } from '../extension/build'
import { manifest } from '../extension/manifest'
import { CHROMIUM_EXTENSION_ID, CHROMIUM_EXTENSION_KEY, FIREFOX_EXTENSION_ID } from '../src/shared/capture'
import { isExtensionOrigin } from '../src/main/capture/listener'
import { tempDir } from './support/tmp'
import { loopbackServer, PNG_40x30 } from './support/http'
import { fetchImages } from '../extension/src/images'

/** Chromium's rule: the id is the first 128 bits of the key's SHA-256, hex digits written a–p. */
function idFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')
}

/** Every file a manifest names. */
function named(m: Record<string, unknown>): string[] {
  const icons = Object.values(m.icons as Record<string, string>)
  const action = m.action as { default_popup: string; default_icon: Record<string, string> }
  const bg = m.background as { service_worker?: string; scripts?: string[] }
  return [...icons, action.default_popup, ...Object.values(action.default_icon), (m.options_ui as { page: string }).page, ...(bg.scripts ?? [bg.service_worker!])]
}

describe('the extension', () => {
  it('has the fixed Chromium id its key gives, and the listener accepts that origin only', () => {
    expect(idFromKey(CHROMIUM_EXTENSION_KEY)).toBe(CHROMIUM_EXTENSION_ID)
    expect(isExtensionOrigin(`chrome-extension://${CHROMIUM_EXTENSION_ID}`)).toBe(true)
    expect(isExtensionOrigin(`chrome-extension://${idFromKey(Buffer.from('another key').toString('base64'))}`)).toBe(false)
    expect(isExtensionOrigin('moz-extension://0f3a1c2e-1111-4a4a-8b8b-123456789abc')).toBe(true)
    expect(isExtensionOrigin('moz-extension://0f3a1c2e-1111-4a4a-8b8b-123456789abc.evil.example')).toBe(false)
  })

  it('has a manifest per browser: Chromium a service worker and its key, Firefox scripts and its add-on id', () => {
    const c = manifest('chromium', '1.2.3')
    const f = manifest('firefox', '1.2.3')
    for (const m of [c, f]) {
      expect(m).toMatchObject({ manifest_version: 3, version: '1.2.3', action: { default_popup: 'popup.html' }, options_ui: { page: 'options.html' } })
      expect(m.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage', 'contextMenus']))
      expect(Object.keys(m.commands as object)).toEqual(['_execute_action', 'save-page'])
    }
    expect(c).toMatchObject({ key: CHROMIUM_EXTENSION_KEY, background: { service_worker: 'background.js' } })
    expect(f).not.toHaveProperty('key')
    expect(f).toMatchObject({ background: { scripts: ['background.js'] }, browser_specific_settings: { gecko: { id: FIREFOX_EXTENSION_ID } } })
  })

  it('builds a folder and a zip for each browser, holding every file its manifest names', async () => {
    const out = tempDir()
    const { dirs, zips } = await buildExtension(out)
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    expect(zips.map((z) => z.slice(out.length + 1))).toEqual([`clipfile-chromium-${version}.zip`, `clipfile-firefox-${version}.zip`])
    for (const [i, dir] of dirs.entries()) {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>
      for (const file of [...named(m), 'in-page.js', 'popup.js', 'options.js', 'ui.css']) expect(existsSync(join(dir, file)), `${dir}/${file}`).toBe(true)
      const zipped = unzipSync(readFileSync(zips[i]))
      expect(Object.keys(zipped)).toContain('manifest.json')
      for (const file of named(m)) expect(zipped[file], file).toBeDefined()
      expect(JSON.parse(Buffer.from(zipped['manifest.json']).toString())).toEqual(m)
      // One self-contained classic script each: no module imports to resolve at run time.
      for (const js of ['background.js', 'in-page.js', 'popup.js', 'options.js']) expect(readFileSync(join(dir, js), 'utf8')).not.toMatch(/^\s*import\s/m)
      // The pages load only their own scripts (the extension's CSP allows nothing else).
      for (const page of ['popup.html', 'options.html']) {
        const html = readFileSync(join(dir, page), 'utf8')
        expect(html).not.toMatch(/<script(?![^>]*\bsrc="[a-z-]+\.js")/)
      }
    }
  }, 60_000)
})

describe('the extension’s images', () => {
  it('keeps them in the page’s order within the budget, and says what it left out and why', async () => {
    const big = Buffer.concat([PNG_40x30, Buffer.alloc(3000)])
    const site = await loopbackServer({
      '/lead.png': (_q, r) => r.writeHead(200, { 'Content-Type': 'image/png' }).end(big),
      '/second.png': (_q, r) => r.writeHead(200, { 'Content-Type': 'image/png' }).end(big),
      '/small.png': (_q, r) => r.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG_40x30),
      '/page.html': (_q, r) => r.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>not an image</p>')
    })
    const urls = ['/lead.png', '/second.png', '/small.png', '/gone.png', '/page.html'].map((p) => site.url(p))
    // Room for the lead image and the small one, not for the second large one.
    const { images, notes } = await fetchImages(urls, big.length + PNG_40x30.length + 10)
    expect(images.map((i) => i.url)).toEqual([site.url('/lead.png'), site.url('/small.png')])
    expect(Buffer.from(images[0].base64, 'base64')).toEqual(big)
    expect(images[1]).toMatchObject({ mime: 'image/png', base64: PNG_40x30.toString('base64') })
    expect(notes).toEqual(['1 image left out: a page may bring 7 KB of images.', '2 images could not be downloaded and are not kept.'])
  })
})
