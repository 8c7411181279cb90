import type { Command } from '../command'
import { libraryCommands } from './library'
import { highlightCommands } from './highlights'
import { searchCommands } from './search'
import { quoteCommands } from './quotes'
import { maintenanceCommands } from './maintenance'
import { serveCommands } from './serve'
import { pairingCommands } from './pairing'
import { versionCommands } from './versions'
import { articleCommands } from './articles'

/** Every command by name, each area's from its own module. */
export const commands: Record<string, Command> = {
  ...libraryCommands,
  ...highlightCommands,
  ...searchCommands,
  ...quoteCommands,
  ...maintenanceCommands,
  ...serveCommands,
  // Loaded when used: the team server and the PostgreSQL driver stay out of every other command's start.
  team: async (c) => (await import('./team')).teamCommand(c),
  ...pairingCommands,
  ...versionCommands,
  ...articleCommands
}
