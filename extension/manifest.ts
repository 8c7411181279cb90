/**
 * The extension's manifest, one per browser. Chromium: a service worker and the `key` that
 * fixes its id (the app accepts that id's origin only). Firefox: background scripts (its
 * Manifest V3 has no service worker), its add-on id, no `key`.
 */
import { CHROMIUM_EXTENSION_KEY, FIREFOX_EXTENSION_ID } from '../src/shared/capture'

export type Browser = 'chromium' | 'firefox'

export function manifest(browser: Browser, version: string): Record<string, unknown> {
  const common = {
    manifest_version: 3,
    name: 'Save to Clipfile',
    short_name: 'Clipfile',
    description: 'Save the page you are reading — as you see it, with its images and your selection — to Clipfile on this computer.',
    version,
    icons: icons(),
    action: { default_title: 'Save to Clipfile', default_popup: 'popup.html', default_icon: icons() },
    options_ui: { page: 'options.html', open_in_tab: false },
    // activeTab + scripting: read the page the person asks to save. Host access: fetch the
    // page's images with their cookies (paywalled images need them), and reach the app on 127.0.0.1.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+C' }, description: 'Open Save to Clipfile' },
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save this page to Clipfile now' }
    },
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" }
  }
  if (browser === 'chromium') {
    return { ...common, key: CHROMIUM_EXTENSION_KEY, minimum_chrome_version: '116', background: { service_worker: 'background.js' } }
  }
  return {
    ...common,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      // 140 is the first Firefox to read data_collection_permissions (nothing leaves the computer).
      gecko: { id: FIREFOX_EXTENSION_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' }
    }
  }
}

function icons(): Record<string, string> {
  return Object.fromEntries([16, 32, 48, 128].map((s) => [String(s), `icons/icon-${s}.png`]))
}
