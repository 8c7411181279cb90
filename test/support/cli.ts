/** Runs the `clipfile` command line in this process, with its own streams, and answers with what it printed. */
import { main } from '../../src/main/cli'
import type { CliIo } from '../../src/main/cli/io'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(args: string[], o: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    out: (line) => void (stdout += line + '\n'),
    write: (text) => void (stdout += text),
    say: (line) => void (stderr += line + '\n'),
    progress: () => {},
    stdin: async () => o.stdin ?? '',
    // Only what the test gives: a developer's CLIPFILE_DB must never leak into a test.
    env: { ...o.env },
    stdoutIsTTY: false
  }
  const code = await main(args, io)
  return { code, stdout, stderr }
}
