/**
 * How the end-to-end tests start Chromium: Debian's build (Playwright's own browser downloads
 * are not available on our machines), with the switches the config and the extension tests share.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export const CHROMIUM = process.env.CLIPFILE_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Features of the browser window the tests never use. Chromium 156 preloads the address bar's
 * suggestion popup as a page of its own (chrome://omnibox-popup.top-chrome/) for every window,
 * about 2 s of CPU each: 34 windows, 68 s of the e2e step's ~380 s of CPU, on a machine whose two
 * cores the step keeps busy.
 */
const UNUSED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']

/**
 * Playwright's own `--disable-features` list. Chromium keeps only the last `--disable-features`
 * of its command line, so ours must repeat Playwright's (it keeps HTTP on HTTP, paint holding
 * off, …). Read from the installed playwright-core; null when its layout changed, and then the
 * window's features are left on rather than Playwright's list dropped.
 */
function playwrightDisabledFeatures(): string[] | null {
  try {
    const require = createRequire(import.meta.url)
    const source = readFileSync(require.resolve('playwright-core/lib/coreBundle'), 'utf8')
    const list = /\bdisabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(source)?.[1]
    if (!list) return null
    const names = [...list.replace(/\/\/.*$/gm, '').matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1])
    return names.length >= 5 ? names : null
  } catch {
    return null
  }
}

const playwrights = playwrightDisabledFeatures()

/** The switches every Chromium of the suite starts with. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  ...(playwrights ? [`--disable-features=${[...playwrights, ...UNUSED_FEATURES].join(',')}`] : [])
]
