/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run (each test file
 * makes its own database in it, see test/support/team.ts). Without PostgreSQL (or as root
 * without a postgres user) the team tests are skipped with the reason — except under CI,
 * where that is a failure: CI installs PostgreSQL, so its absence is a broken setup.
 */
import type { TestProject } from 'vitest/node'
import { clusterUnavailableReason, startCluster } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string
    pgSkipReason: string
  }
}

export default async function setup(project: TestProject) {
  const reason = clusterUnavailableReason()
  if (reason) {
    if (process.env.CI) throw new Error(`The team tests need PostgreSQL: ${reason}`)
    project.provide('pgUrl', '')
    project.provide('pgSkipReason', reason)
    return
  }
  const cluster = await startCluster()
  project.provide('pgUrl', cluster.url)
  project.provide('pgSkipReason', '')
  return () => cluster.stop()
}
