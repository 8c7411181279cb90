/**
 * Pages the operating system asks Clipfile to open (a saved `.mhtml` double-clicked, "Open
 * with Clipfile"): they are saved to the archive like a file picked in the Add dialog. Windows
 * and Linux pass them as command-line arguments (to the first instance, or to the running one
 * through `second-instance`); macOS sends `open-file` events (index.ts).
 */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { dispatch, type Handlers } from './api'

/** What the packages associate with Clipfile, and pages a user may open with it. */
const OPENABLE = /\.(mht|mhtml|html?|xhtml)$/i

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The pages named on a command line (the executable, switches and `--db PATH` left out). */
export function filesToOpen(argv: readonly string[], cwd = process.cwd(), exists: (path: string) => boolean = isFile): string[] {
  const files: string[] = []
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--db') i++
    else if (!arg.startsWith('-') && OPENABLE.test(arg) && exists(resolve(cwd, arg))) files.push(resolve(cwd, arg))
  }
  return files
}

/** Saves the pages to the archive; progress reaches the window as the usual importProgress events. */
export async function openInArchive(handlers: Handlers, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return
  const r = await dispatch(handlers, 'importItems', {
    jobId: `opened-${Date.now().toString(36)}`,
    items: paths.map((path) => ({ kind: 'path' as const, path }))
  })
  if (!r.ok) console.error(`[clipfile] could not open ${paths.join(', ')}: ${r.error.message}`)
}
