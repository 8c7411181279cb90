/** serve: the app in a browser, over loopback HTTP. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startServer } from '../../server'
import { capturePort, listenerFailure, startCaptureListener, type CaptureListener } from '../../capture/listener'
import { startImageRetry } from '../../import/image-retry-service'
import { autoBackup } from '../../backups'
import { startSyncAgent } from '../../sync/agent'
import { watchArchive } from '../../watch'
import { intOption } from '../args'
import type { Command, CommandContext } from '../command'
import { EXIT } from '../io'

const LOOPBACK = ['127.0.0.1', 'localhost', '::1']

const serveCommand: Command = async ({ app, values, io, rendererDir }) => {
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    io.say(`The UI is not built yet (${rendererDir}/index.html is missing): run 'npm run build' first.`)
    return EXIT.someFailed
  }
  const host = values.host ?? '127.0.0.1'
  const extensionPort = capturePort(values['capture-port'], io.env)
  if (!LOOPBACK.includes(host)) {
    io.say(`Warning: serving on ${host}, which other machines may reach. Anyone with the URL's token can read and change your archive.`)
  }
  void autoBackup(app.ctx.db, app.ctx.dbPath).catch((e) => io.say(`Automatic backup failed: ${(e as Error).message}`))
  const server = await startServer({
    handlers: app.handlers,
    events: app.ctx.events,
    db: app.ctx.db,
    rendererDir,
    host,
    port: intOption(values.port, 'port', 0, 0, 65535)
  })
  // In a team: sync in the background while serving (a no-op for an archive that is not).
  const agent = startSyncAgent(app.ctx)
  // Images that could not be saved are fetched again while the server runs and the network is up.
  const retry = startImageRetry(app.ctx)
  const unwatch = watchArchive(app.ctx.db, app.ctx.events)
  io.out(server.openUrl)
  io.say(`Clipfile is serving ${app.ctx.dbPath}. Open the URL above; Ctrl+C stops.`)
  const listener = await listenForExtension(app, extensionPort, io)
  // Followed articles are re-checked on their schedule while serve runs, as in the app.
  app.ctx.rechecks.start()
  await new Promise<void>((done) => {
    const stop = () => {
      agent.stop()
      retry.stop()
      unwatch()
      void Promise.all([server.close(), listener?.close(), app.ctx.rechecks.stop()]).then(() => done())
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return EXIT.ok
}

/** The browser extension's port; serving goes on without it when it cannot be had (said on stderr). */
async function listenForExtension(app: CommandContext['app'], port: number, io: CommandContext['io']): Promise<CaptureListener | null> {
  try {
    const listener = await startCaptureListener({ ctx: app.ctx, handlers: app.handlers, port })
    io.say(`The Save to Clipfile browser extension can save here: listening on 127.0.0.1:${listener.port}.`)
    return listener
  } catch (e) {
    io.say(listenerFailure(e, port))
    return null
  }
}

export const serveCommands: Record<string, Command> = { serve: serveCommand }
