/** The team server's connection pool and its one transaction helper. */
import pg from 'pg'

export type Pool = pg.Pool
export type Tx = pg.PoolClient

// bigint (int8) columns — ids, sequence numbers, counts — come back as JS numbers: they stay
// far below 2^53 here, and the contract's ids are numbers.
pg.types.setTypeParser(20, (v) => Number(v))

export function createPool(url: string, max = 20): Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, application_name: 'clipfile-team' })
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', (e) => console.error(`[team] idle database connection lost: ${e.message}`))
  return pool
}

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export async function tx<T>(pool: Pool, work: (c: Tx) => Promise<T>): Promise<T> {
  const c = await pool.connect()
  try {
    await c.query('BEGIN')
    const out = await work(c)
    await c.query('COMMIT')
    return out
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    c.release()
  }
}

/**
 * Serialises writers: a write transaction takes this lock before it draws sequence numbers,
 * so numbers are committed in the order they were drawn and a reader that has seen N has
 * seen everything below N (what makes "pull after N" never skip a change).
 */
export async function lockWrites(c: Tx): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(1919)')
}

/** The next change sequence number (call after lockWrites). */
export async function nextSeq(c: Tx): Promise<number> {
  return (await c.query<{ n: number }>("SELECT nextval('change_seq') AS n")).rows[0].n
}
