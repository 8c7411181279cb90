import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh temporary folder, removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clipfile-test-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A path for a new archive file in a fresh temporary folder. */
export function tempDbPath(): string {
  return join(tempDir(), 'archive.db')
}
