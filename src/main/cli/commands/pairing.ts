/** pairing: the browsers allowed to save to the archive with the "Save to Clipfile" extension. */
import type { Pairing } from '../../../shared/types'
import type { Command } from '../command'
import { EXIT, UsageError, formatDate, pad, unwrap } from '../io'
import { idArg } from '../args'

const USAGE = 'pairing list | pairing approve <code> | pairing revoke <id>  [--json]'

const pairingCommand: Command = async ({ app, args, values, io }) => {
  const [action, arg] = args
  if (action === 'list' || action === undefined) {
    const list = unwrap(await app.api.listPairings({}))
    if (values.json) io.out(JSON.stringify(list))
    else if (list.length === 0) io.say('No browser is paired. Pair one from the Save to Clipfile extension (see the README).')
    else for (const p of list) io.out(describe(p))
    return EXIT.ok
  }
  if (action === 'approve') {
    if (!arg) throw new UsageError(`approve needs the four-digit code the extension shows: ${USAGE}`)
    const p = unwrap(await app.api.approvePairing({ code: arg }))
    if (values.json) io.out(JSON.stringify(p))
    else io.say(`Approved: ${p.browser} (#${p.id}) can now save to this archive.`)
    return EXIT.ok
  }
  if (action === 'revoke') {
    const id = idArg(arg)
    unwrap(await app.api.revokePairing({ id }))
    if (values.json) io.out(JSON.stringify({ revoked: id }))
    else io.say(`Revoked #${id}: that browser can no longer save to this archive.`)
    return EXIT.ok
  }
  throw new UsageError(`unknown action "${action}": ${USAGE}`)
}

function describe(p: Pairing): string {
  const state = p.status === 'pending' ? `waiting, code ${p.code}` : `paired ${formatDate(p.approvedAt)}, last used ${formatDate(p.lastUsedAt)}`
  return `#${String(p.id).padEnd(4)} ${pad(p.browser, 34)} ${state}`
}

export const pairingCommands: Record<string, Command> = { pairing: pairingCommand }
