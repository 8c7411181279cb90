/**
 * What Clipfile says while it upgrades an archive written by an earlier version: the command
 * line on stderr (cli.ts), the desktop app in a small window shown until its main window opens
 * (index.ts). A large archive takes seconds to minutes (the last step: 10.6 s at a million
 * articles on the bench machine; the one before it about 5 minutes on that slow disk).
 */
export function upgradeMessage(path: string, from: number, to: number): string {
  return (
    `Upgrading the archive at ${path} for this version of Clipfile (schema ${from} → ${to}), once; ` +
    'a large archive takes a few minutes. Each step is its own transaction: stopped halfway, nothing is lost.'
  )
}

/** The upgrade window's page: the message, no script (the window runs none), colours for light and dark. */
export function upgradeNoticePage(message: string): string {
  const text = message.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<title>Clipfile</title><style>' +
    ':root{color-scheme:light dark}body{margin:0;padding:24px 28px;font:14px/1.5 system-ui,sans-serif;' +
    'background:#fbfaf7;color:#1d1d1f}h1{font-size:16px;margin:0 0 8px}p{margin:0;overflow-wrap:anywhere}' +
    '@media (prefers-color-scheme:dark){body{background:#16171a;color:#e8e6e1}}' +
    `</style></head><body><h1>Upgrading your archive…</h1><p>${text}</p></body></html>`
  )
}
