/**
 * `clipfile team …`: run a team server on PostgreSQL, manage its users, and take part in a
 * team from this archive (join, share, push, pull, status).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { UserError } from '../../../shared/result'
import { SHARE_POLICIES, TEAM_ROLES, type SharePolicy, type TeamRole } from '../../../shared/sync'
import { createPool, type Pool } from '../../../team/store/pool'
import { migrateTeam } from '../../../team/store/migrations'
import { addToken, addUser, listUsers, revokeUser } from '../../../team/store/users'
import { startTeamServer } from '../../../team/server'
import * as sync from '../../sync/service'
import { idArg, intOption, type CliValues } from '../args'
import type { Command, CommandContext } from '../command'
import { EXIT, UsageError, type CliIo } from '../io'

export const TEAM_HELP = `clipfile team — a newsroom's shared archive on a team server (PostgreSQL)

On the server (the database: --database postgres://… or $CLIPFILE_TEAM_DATABASE):
  team serve [--port N] [--host H] [--max-body MB] [--rate N]
                                 Run the team server (migrates the database first; prints its URL)
  team user add <name> [--role reader|editor|admin] [--json]
                                 Add a user; prints their token ONCE (only its hash is stored)
  team user token <name> [--json]  Another token for a user (a second machine)
  team user revoke <name>        Revoke every token of a user
  team user list [--json]        Users, roles, tokens
  team backup --out FILE [--force]
                                 pg_dump of the team database (custom format; restore with pg_restore)

In an archive (--db PATH as for every command):
  team join <url> --token T [--share selection|tags|all] [--tag T]...
                                 Join a team; nothing is shared until you choose (selection)
  team share <id>... | --tag T... | --all
                                 Share articles with the team (by id, by tag from now on, or all)
  team push | pull | sync [--json]  Send the outbox / fetch the team's changes / both
  team status [--json]           Team, user, role, what is waiting, the last sync and refusals
  team history <highlight-id> [--json]
                                 A highlight's revisions, concurrent edits included
  team leave                     Stop syncing (articles stay, as private ones)
`

function databaseUrl(values: CliValues, env: NodeJS.ProcessEnv): string {
  const url = values.database ?? env.CLIPFILE_TEAM_DATABASE
  if (!url) throw new UsageError('give the team database: --database postgres://user@host/db (or $CLIPFILE_TEAM_DATABASE)')
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--database takes a postgres:// URL, got "${url}"`)
  return url
}

async function withPool<T>(c: CommandContext, work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl(c.values, c.io.env), 4)
  try {
    return await work(pool)
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
      throw new UserError('unsupported', `Cannot reach the team database: ${(e as Error).message}`)
    }
    throw e
  } finally {
    await pool.end()
  }
}

const serve: Command = async (c) => {
  const { values, io } = c
  const pool = createPool(databaseUrl(values, io.env))
  try {
    const m = await migrateTeam(pool)
    if (m.from !== m.to) io.say(`Team database migrated from schema ${m.from} to ${m.to}.`)
    const server = await startTeamServer({
      pool,
      host: values.host ?? '127.0.0.1',
      port: intOption(values.port, 'port', 0, 0, 65535),
      maxBody: intOption(values['max-body'], 'max-body', 64, 1, 4096) * 1024 * 1024,
      rate: intOption(values.rate, 'rate', 50, 1, 100_000)
    })
    io.out(server.url)
    io.say(`Clipfile team server on ${server.url} (health: ${server.url}health). Ctrl+C stops.`)
    await new Promise<void>((done) => {
      const stop = () => void server.close().then(done)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  } finally {
    await pool.end()
  }
  return EXIT.ok
}

const user: Command = async (c) => {
  const [action, name] = c.args
  const { values, io } = c
  if (action === 'list') {
    const users = await withPool(c, listUsers)
    if (values.json) io.out(JSON.stringify(users))
    else for (const u of users) io.out(`${u.name.padEnd(20)} ${u.role.padEnd(7)} ${u.activeTokens} token(s)${u.revokedTokens ? `, ${u.revokedTokens} revoked` : ''}`)
    return EXIT.ok
  }
  if (!name) throw new UsageError(`give the user's name: clipfile team user ${action ?? 'add'} <name>`)
  if (action === 'add') {
    const role = (values.role ?? 'editor') as TeamRole
    if (!TEAM_ROLES.includes(role)) throw new UsageError(`--role is one of ${TEAM_ROLES.join(', ')}`)
    const r = await withPool(c, async (pool) => {
      await migrateTeam(pool)
      return addUser(pool, name, role)
    })
    printToken(io, values.json, { name, role, token: r.token })
    return EXIT.ok
  }
  if (action === 'token') {
    const token = await withPool(c, (pool) => addToken(pool, name))
    printToken(io, values.json, { name, token })
    return EXIT.ok
  }
  if (action === 'revoke') {
    const n = await withPool(c, (pool) => revokeUser(pool, name))
    io.say(`Revoked ${n} token(s) of ${name}.`)
    return EXIT.ok
  }
  throw new UsageError(`unknown action "${action ?? ''}": add, token, revoke or list`)
}

function printToken(io: CliIo, json: boolean, r: { name: string; role?: string; token: string }) {
  if (json) io.out(JSON.stringify(r))
  else {
    io.out(r.token)
    io.say(`The token of ${r.name}${r.role ? ` (${r.role})` : ''} is shown once: it is stored only as a hash. Give it to them for 'clipfile team join'.`)
  }
}

const backup: Command = async ({ values, io }) => {
  const url = databaseUrl(values, io.env)
  if (!values.out) throw new UsageError('give the file to write: --out team.dump')
  const out = resolve(values.out)
  if (existsSync(out) && !values.force) throw new UsageError(`${out} exists; --force replaces it`)
  const code = await new Promise<number>((done, fail) => {
    const p = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, `--dbname=${url}`], { stdio: ['ignore', 'inherit', 'pipe'] })
    let err = ''
    p.stderr.on('data', (d: Buffer) => (err += d.toString()))
    p.on('error', (e) => fail(new UserError('unsupported', `pg_dump could not be run (${e.message}); install PostgreSQL's client tools.`)))
    p.on('close', (n) => (n === 0 ? done(0) : fail(new UserError('internal', `pg_dump failed: ${err.trim()}`))))
  })
  io.say(`Team database dumped to ${out} (restore: pg_restore --clean --dbname=<url> ${out}).`)
  return code
}

function printStatus(io: CliIo, s: sync.TeamStatus) {
  if (!s.joined) return io.say('Not in a team.')
  io.say(`Team ${s.url} as ${s.user} (${s.role}); sharing: ${s.policy}${s.shareTags.length ? ` (${s.shareTags.join(', ')})` : ''}`)
  io.say(`${s.pending} change(s) waiting; pulled up to #${s.cursor}; last sync ${s.lastSync ?? 'never'}${s.lastError ? `; last error: ${s.lastError}` : ''}`)
  for (const r of s.rejections.slice(0, 5)) io.say(`refused ${r.kind} ${r.uuid}: ${r.reason}`)
}

const join: Command = async ({ app, args, values, io }) => {
  if (!args[0]) throw new UsageError('give the team server URL: clipfile team join <url> --token T')
  if (!values.token) throw new UsageError('give your token: --token T (an admin makes one with clipfile team user add)')
  const s = await sync.join(app.ctx.db, args[0], values.token)
  if (values.share) {
    if (!SHARE_POLICIES.includes(values.share as SharePolicy)) throw new UsageError(`--share is one of ${SHARE_POLICIES.join(', ')}`)
    sync.setPolicy(app.ctx.db, values.share as SharePolicy, values.tag ?? [])
  }
  if (values.json) io.out(JSON.stringify(sync.status(app.ctx.db)))
  else io.say(`Joined ${s.url} as ${s.user} (${s.role}). Share articles with 'clipfile team share', then 'clipfile team sync'.`)
  return EXIT.ok
}

const share: Command = async ({ app, args, values, io }) => {
  const db = app.ctx.db
  let n: number
  if (values.all) n = sync.setPolicy(db, 'all')
  else if (values.tag?.length) n = sync.setPolicy(db, 'tags', values.tag)
  else if (args.length) n = sync.shareArticles(db, args.map(idArg))
  else throw new UsageError('give article ids, --tag T (articles with that tag, now and later) or --all')
  io.say(`${n} article(s) shared; they go out at the next push.`)
  return EXIT.ok
}

const push: Command = async ({ app, values, io }) => {
  const r = await sync.pushAll(app.ctx.db, (done, left) => io.progress(`pushed ${done}, ${left} waiting`))
  if (values.json) io.out(JSON.stringify(r))
  else io.say(`Pushed: ${r.applied} applied, ${r.unchanged} unchanged, ${r.merged} merged into the team's copy, ${r.rejected} refused${r.conflicts ? `, ${r.conflicts} concurrent edit(s) resolved (see team history)` : ''}.`)
  return r.rejected ? EXIT.someFailed : EXIT.ok
}

const pull: Command = async ({ app, values, io }) => {
  const r = await sync.pullAll(app.ctx.db, (cursor, head) => io.progress(`pulled up to #${cursor} of #${head}`))
  if (values.json) io.out(JSON.stringify(r))
  else io.say(`Pulled: ${r.articles} article(s), ${r.highlights} highlight(s), ${r.deleted} deletion(s); up to #${r.cursor}.`)
  return EXIT.ok
}

const syncCommand: Command = async ({ app, values, io }) => {
  const r = await sync.syncNow(app.ctx.db)
  if (values.json) io.out(JSON.stringify(r))
  else io.say(`${r.pushed ? `Pushed ${r.pushed.applied}, refused ${r.pushed.rejected}. ` : ''}Pulled ${r.pulled.articles} article(s), ${r.pulled.highlights} highlight(s).`)
  return r.pushed?.rejected ? EXIT.someFailed : EXIT.ok
}

const status: Command = async ({ app, values, io }) => {
  const s = sync.status(app.ctx.db)
  if (values.json) io.out(JSON.stringify(s))
  else printStatus(io, s)
  return EXIT.ok
}

const history: Command = async ({ app, args, values, io }) => {
  const h = sync.history(app.ctx.db, idArg(args[0]))
  if (values.json) io.out(JSON.stringify(h))
  else for (const e of h) io.out(`#${e.seq} ${e.madeAt} ${e.author}: ${JSON.stringify(e.fields)}${e.conflicts.length ? ` (overwrote a concurrent edit of ${e.conflicts.join(', ')})` : ''}`)
  return EXIT.ok
}

const leave: Command = async ({ app, io }) => {
  sync.leave(app.ctx.db)
  io.say('Left the team. The articles stay in this archive as private ones.')
  return EXIT.ok
}

const SUBCOMMANDS: Record<string, Command> = { serve, user, backup, join, share, push, pull, sync: syncCommand, status, history, leave }

export const teamCommand: Command = async (c) => {
  const [sub, ...rest] = c.args
  if (!sub || sub === 'help') {
    c.io.write(TEAM_HELP)
    return sub ? EXIT.ok : EXIT.usage
  }
  const run = SUBCOMMANDS[sub]
  if (!run) throw new UsageError(`unknown team command "${sub}" (clipfile team help lists them)`)
  // Not a spread: that would open the archive (the getter) for server commands that need none.
  return run({
    get app() {
      return c.app
    },
    args: rest,
    values: c.values,
    io: c.io,
    rendererDir: c.rendererDir
  })
}

