/**
 * What Help → About Clipfile says. Clipfile has no update check: a local-first archive that
 * promises never to send anything anywhere does not call a server on every start (an update
 * check would tell it who runs Clipfile, when, from where), and an archive upgraded by a new
 * version cannot be opened by the old one again, so moving to a new version should be the
 * user's deliberate step. The dialog gives them what they need for it: the version they run
 * and where their archive is.
 */

export interface AboutFacts {
  version: string
  electron: string
  chrome: string
  node: string
  dbPath: string
}

/** The About dialog's title line and body. */
export function aboutText(f: AboutFacts): { message: string; detail: string } {
  return {
    message: `Clipfile ${f.version}`,
    detail: [
      `Electron ${f.electron} · Chromium ${f.chrome} · Node ${f.node}`,
      '',
      `Your archive: ${f.dbPath}`,
      '',
      'Clipfile does not check for updates: it contacts no server on its own. To update, install the ' +
        'new version over this one; the archive stays where it is and is upgraded when the new ' +
        'version first opens it (after that, older versions cannot open it). Make a backup first: ' +
        'clipfile backup <file>.'
    ].join('\n')
  }
}
