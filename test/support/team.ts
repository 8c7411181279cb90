/** Team tests: a fresh database in the run's throwaway cluster (test/support/pg-global-setup.ts), and a server on it. */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'
import { createPool, type Pool } from '../../src/team/store/pool'
import { migrateTeam } from '../../src/team/store/migrations'
import { startTeamServer, type RunningTeamServer } from '../../src/team/server'
import { createLogger } from '../../src/team/log'

/** Why the team tests cannot run here ('' when they can). */
export const pgSkipReason = (): string => inject('pgSkipReason')

/** A new, empty database; dropped after the file's tests. */
export async function freshDatabase(): Promise<string> {
  const admin = inject('pgUrl')
  const name = `t_${randomBytes(6).toString('hex')}`
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  afterAll(async () => {
    const d = new pg.Client({ connectionString: admin })
    await d.connect()
    await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await d.end()
  }, 60_000)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}

export interface TeamFixture {
  url: string
  pool: Pool
  server: RunningTeamServer
  logs: string[]
}

/** A migrated database with a running server on loopback, closed after the file's tests. */
export async function startTeam(o: { rate?: number; burst?: number; maxBody?: number } = {}): Promise<TeamFixture> {
  const url = await freshDatabase()
  const pool = createPool(url)
  await migrateTeam(pool)
  const logs: string[] = []
  const server = await startTeamServer({ pool, port: 0, logger: createLogger((l) => logs.push(l)), ...o })
  afterAll(async () => {
    await server.close()
    await pool.end()
  }, 60_000)
  return { url, pool, server, logs }
}
