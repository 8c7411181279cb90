import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where Clipfile keeps its data: the same folder Electron uses as userData for an app
 * named "Clipfile", so the desktop app and the CLI share one archive.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CLIPFILE_HOME) return env.CLIPFILE_HOME
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Clipfile')
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Clipfile')
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Clipfile')
}

/** The archive file: `--db`, else CLIPFILE_DB, else `clipfile.db` in the data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.CLIPFILE_DB ?? join(defaultDataDir(env), 'clipfile.db')
}
