/** backup, restore, check. */
import { resolve } from 'node:path'
import { backupTo, repairIndexes, runChecks } from '../../maintenance'
import { restoreBackup } from '../../backups'
import type { Command } from '../command'
import { EXIT, UsageError } from '../io'

const backupCommand: Command = async ({ app, args, values, io }) => {
  if (!args[0]) throw new UsageError('give the file to write the backup to')
  const info = await backupTo(app.ctx.db, resolve(args[0]), { overwrite: values.force })
  if (values.json) io.out(JSON.stringify(info))
  else io.say(`Backed up ${info.articles} articles (${(info.bytes / 1e6).toFixed(1)} MB) to ${info.path}`)
  return EXIT.ok
}

const restoreCommand: Command = async ({ app, args, values, io }) => {
  if (!args[0]) throw new UsageError('give the backup file to restore')
  const target = app.ctx.dbPath
  app.close()
  const r = restoreBackup(resolve(args[0]), target)
  if (values.json) io.out(JSON.stringify(r))
  else io.say(`Restored ${r.articles} articles into ${r.restored}.${r.previous ? ` The archive it replaced is kept as ${r.previous}` : ''}`)
  return EXIT.ok
}

const checkCommand: Command = async ({ app, values, io }) => {
  if (values.repair) {
    const fixed = repairIndexes(app.ctx.db)
    io.say(`Rebuilt the search indexes and counted the library again (${fixed.articles} articles, ${fixed.highlights} highlights).`)
  }
  const report = runChecks(app.ctx.db)
  if (values.json) io.out(JSON.stringify(report))
  else {
    for (const p of report.problems) io.say(`problem: ${p}`)
    io.say(report.ok ? `OK: ${report.summary}` : `${report.problems.length} problem(s) found. ${report.summary}`)
  }
  return report.ok ? EXIT.ok : EXIT.someFailed
}

export const maintenanceCommands: Record<string, Command> = { backup: backupCommand, restore: restoreCommand, check: checkCommand }
