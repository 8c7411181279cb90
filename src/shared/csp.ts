/**
 * The app page's Content-Security-Policy, built in one place for the three places it is
 * given: the Electron window's response header, the meta tag in the built page (a file://
 * page may get no headers), and serve mode's header. Our own code, local assets, nothing
 * remote — an archived page can never make the reader load or run anything.
 */
import { ASSET_SCHEME } from './channels'

const DIRECTIVES: [string, string][] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', `'self' data: blob: ${ASSET_SCHEME}:`],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"]
]

/**
 * The policy as a header, or (`meta`) as a <meta> tag may carry it: browsers ignore
 * frame-ancestors there and say so in the console.
 */
export function contentSecurityPolicy({ meta = false }: { meta?: boolean } = {}): string {
  const directives = meta ? DIRECTIVES : [...DIRECTIVES, ['frame-ancestors', "'none'"] as [string, string]]
  return directives.map(([name, value]) => `${name} ${value}`).join('; ')
}
