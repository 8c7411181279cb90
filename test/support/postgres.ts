/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder,
 * started on a free loopback port with its socket in that folder, stopped and removed after.
 *
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the unprivileged
 * `postgres` user (`runuser -u postgres --`); as anyone else it is simply theirs.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Cluster {
  /** Superuser URL of the `postgres` database (trust on loopback). */
  url: string
  port: number
  dir: string
  bin: string
  stop(): void
}

/** Where initdb/pg_ctl live, or null when PostgreSQL is not installed. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    if (versions.length) return join(root, versions[0], 'bin')
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  const found = which.stdout.trim()
  return which.status === 0 && found ? join(found, '..') : null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** Why a cluster cannot be started here, or null when it can. */
export function clusterUnavailableReason(): string | null {
  if (!findPgBin()) return "PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run installs it)"
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root without a postgres user to run the cluster as'
  return null
}

/** `settings`: extra server settings (`name=value`), e.g. a benchmark's shared_buffers. */
export async function startCluster(settings: string[] = []): Promise<Cluster> {
  const bin = findPgBin()
  if (!bin) throw new Error(clusterUnavailableReason() ?? 'PostgreSQL is not installed')
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'clipfile-pg-'))
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
  }
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  let port: number
  for (let attempt = 0; ; attempt++) {
    port = await freePort()
    try {
      run('pg_ctl', [
        '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
        '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200${settings.map((x) => ` -c ${x}`).join('')}`,
        'start'
      ])
      break
    } catch (e) {
      // Another process took the port between our probe and the start: try another.
      if (attempt >= 3) throw e
    }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    bin,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
