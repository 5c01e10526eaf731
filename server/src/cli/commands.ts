import { adminCommands } from './admin-commands.ts'
import { appProxyCommands } from './app-proxy-commands.ts'
import type { Command } from './command.ts'
import { identityCommands } from './identity-commands.ts'
import { secretCommands } from './secret-commands.ts'
import { securityCommands } from './security-commands.ts'
import { settingsCommands } from './settings-commands.ts'
import { storeCommands } from './store-commands.ts'
import { tokenCommands } from './token-commands.ts'

/** Every CLI command. A new command group adds its file's list here. */
export const commands: Command[] = [
  ...storeCommands,
  ...adminCommands,
  ...tokenCommands,
  ...secretCommands,
  ...securityCommands,
  ...identityCommands,
  ...settingsCommands,
  ...appProxyCommands,
]
