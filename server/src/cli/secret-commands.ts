import { randomBytes } from 'node:crypto'
import { keyIdOf } from '../keyring.ts'
import type { Command } from './command.ts'

const generate: Command = {
  group: 'secret',
  name: 'generate',
  summary: 'Print a new random SECRET_KEY (256 bits)',
  usage: [
    'porchlight secret generate',
    '',
    'Prints a SECRET_KEY line made of 32 random bytes. Production refuses keys with less than',
    '128 bits of estimated entropy, so use this rather than a phrase.',
    '',
    'To rotate a key: set SECRET_KEY_PREVIOUS to the key in use and SECRET_KEY to the new one,',
    'restart every process, and drop SECRET_KEY_PREVIOUS after 10 minutes (the life of a',
    'sign-in code). Sessions and API tokens are not derived from the key and stay valid.',
    'With Shopify stores, keep SECRET_KEY_PREVIOUS for a day instead: their sealed secrets move',
    'to the new key when first read, and their Admin API tokens at their next renewal.',
  ].join('\n'),
  options: {},
  // Needs no configuration: it is how a refused configuration gets a good key.
  standalone: true,
  async run(_values, ctx) {
    const key = randomBytes(32).toString('base64url')
    ctx.out(`SECRET_KEY=${key}`)
    ctx.err(`(key id ${keyIdOf(key)}; keep the key out of logs and version control)`)
    return 0
  },
}

/** `secret generate`. */
export const secretCommands: Command[] = [generate]
