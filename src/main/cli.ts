/**
 * `clipfile`: the command line over the same api the desktop app uses.
 * Data goes to stdout (`--json` for scripts), messages to stderr; exit 0 ok, 1 some
 * items failed, 2 bad usage or a bad query.
 */
import { fileURLToPath } from 'node:url'
import { openApp, type App } from './app'
import { VERSION } from './version'
import { upgradeMessage } from './upgrade-notice'
import { resolveDbPath } from './paths'
import { UserError } from '../shared/result'
import { parseCli } from './cli/args'
import { EXIT, UsageError, processIo, type CliIo } from './cli/io'
import { commands } from './cli/commands'

const HELP = `clipfile ${VERSION} — a local archive for news coverage

Usage: clipfile [--db PATH] <command> [options]

Commands:
  import <url|file|folder|->...  Save articles (URLs, HTML/MHTML files, folders, URL lists,
                                 Pocket/Omnivore/Wallabag/Instapaper exports; - reads URLs from stdin)
        [--tag T]... [--force] [--json]
  list [--limit N] [--offset N] [--sort saved|published|title] [--tag T] [--state inbox|archive] [--starred] [--json]
  show <id> [--json]             One article: metadata and plain text
  edit <id> [--title T] [--author A]... [--outlet O] [--published YYYY-MM-DD|none] [--reset FIELD]...
                                 Correct an article's details (kept when it is imported or re-extracted again)
  reextract <id>...|--all [--again] [--fetch-images] [--json]
                                 New copies from the original pages the archive kept, by today's rules
                                 (--all: articles made by older rules, so an interrupted run resumes)
  images [<id>] [--retry] [--json]
                                 Images that could not be saved; --retry fetches them now
  search <query> [--sort relevance|newest|oldest] [--limit N] [--offset N] [--exact] [--json]
                                 Search articles, quotes, notes and tags (see the README for the language)
  highlight add <id> --quote TEXT [--color C] [--note N] [--tag T]...
                                 Highlight the words of an article (found by quote)
  highlight list [<id>] [--tag T] [--json]
                                 Highlights with their articles
  export [--format md|json|csv|html] [--article ID] [--tag T] [--query Q] [--out FILE [--force]]
                                 Highlights as Markdown, W3C Web Annotations (JSON-LD) or CSV;
                                 one article with its highlights as a self-contained HTML file
  quotes <id> [--json]           The quotations found in an article, with speakers and confidence
  people [<name>] [--limit N] [--json]
                                 Who is quoted across the archive (the 100 most quoted; --limit shows more); with a name, what they said
  versions <id> [--json]         The versions kept of an article (number, when, how, words, hash)
  diff <id> [--from N] [--to M] [--json] [--format md|html [--out FILE [--force]]]
                                 What changed between two versions, word by word (default: the last two)
  recheck [<id>...|--due] [--json]
                                 Check articles at their address now (or every followed one that is due)
  follow <id>...                 Follow articles' updates (re-checked on a decaying schedule for a year)
  unfollow <id>...               Stop following them
  tags [--json]                  Tags with their counts
  delete <id>...                 Delete articles with their highlights
  serve [--port N] [--host H] [--capture-port N]
                                 The app in your browser, on this machine only (prints the URL);
                                 also listens for the browser extension (port 27183)
  pairing list|approve <code>|revoke <id> [--json]
                                 Browsers allowed to save with the Save to Clipfile extension
  backup <file> [--force]        Consistent copy of the archive, safe while Clipfile runs
  restore <file>                 Replace the archive with a backup (the old one is kept beside it);
                                 close the desktop app first
  check [--repair] [--json]      Integrity and consistency checks; --repair rebuilds the search indexes
  team ...                       A shared archive on a team server (PostgreSQL): 'clipfile team help'

Options:
  --db PATH      The archive file (default: $CLIPFILE_DB, else clipfile.db in the data folder)
  --capture-port N  The port the browser extension saves to (default: $CLIPFILE_CAPTURE_PORT, else 27183)
  --json         Machine-readable output on stdout
  -h, --help     This help
  -v, --version  The version
`

/** Runs the CLI and returns its exit code (tests call this directly, with their own streams). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let parsed: ReturnType<typeof parseCli>
  try {
    parsed = parseCli(argv)
  } catch (e) {
    io.say(`clipfile: ${(e as Error).message}\nRun 'clipfile --help' for usage.`)
    return EXIT.usage
  }
  const { values, positionals } = parsed
  if (values.version) {
    io.out(VERSION)
    return EXIT.ok
  }
  const [name, ...args] = positionals
  if (values.help || !name) {
    if (values.help) io.write(HELP)
    else io.say(HELP)
    return values.help ? EXIT.ok : EXIT.usage
  }
  const command = commands[name]
  if (!command) {
    io.say(`clipfile: unknown command "${name}". Run 'clipfile --help' for the list.`)
    return EXIT.usage
  }
  let app: App | undefined
  try {
    // The archive is opened when a command first needs it (team serve works on PostgreSQL alone).
    const context = {
      get app(): App {
        return (app ??= openAppSaying(resolveDbPath(values.db, io.env), io))
      },
      args,
      values,
      io,
      rendererDir: rendererDir(io.env)
    }
    return await command(context)
  } catch (e) {
    if (e instanceof UsageError) {
      io.say(`clipfile ${name}: ${e.message}`)
      return EXIT.usage
    }
    if (e instanceof UserError) {
      io.say(`clipfile: ${e.message}`)
      return e.code === 'bad_query' || e.code === 'invalid_input' ? EXIT.usage : EXIT.someFailed
    }
    io.say(`clipfile: unexpected error: ${(e as Error).message}`)
    return EXIT.someFailed
  } finally {
    app?.close()
  }
}

function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.CLIPFILE_RENDERER_DIR ?? fileURLToPath(new URL('../../out/renderer', import.meta.url))
}

// Run as a script: `tsx src/main/cli.ts`, or the installed app's bundle, whose launchers
// (resources/cli/) say so with CLIPFILE_CLI_MAIN because the path they pass may differ.
const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]
if (invokedDirectly || process.env.CLIPFILE_CLI_MAIN === '1') {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}

/**
 * Opens the archive, saying on stderr when it is being upgraded for this version (a large
 * archive takes seconds to minutes: 10 s for the last step at a million articles) and how far.
 */
function openAppSaying(path: string, io: CliIo): App {
  let started = 0
  const app = openApp(path, {
    onUpgrade: (step) => {
      if (step.index === 0) {
        started = performance.now()
        io.say(upgradeMessage(path, step.from, step.to))
      }
      io.progress(`Upgrading: step ${step.index + 1} of ${step.count} (${step.name})…`)
    }
  })
  if (started) io.say(`Upgraded in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
  return app
}
