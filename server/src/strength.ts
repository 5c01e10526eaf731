import { createRequire } from 'node:module'
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core'

// zxcvbn's dictionaries take about half a second to load, so they load on first use only:
// setting a password or starting in production, never on a development start or a request.
// createRequire keeps the load synchronous, for config validation.
let factory: ZxcvbnFactory | undefined

function checker(): ZxcvbnFactory {
  if (factory !== undefined) return factory
  const require = createRequire(import.meta.url)
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core')
  const common =
    require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')
  const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en')
  factory = new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // The default (512) makes a long random string cost most of a second; a handful of
    // substitutions still finds "p4ssw0rd" and its kin.
    l33tMaxSubstitutions: 8,
  })
  return factory
}

// zxcvbn's work grows with the length; nothing past this many characters changes a verdict.
const MAX_ANALYSED = 100

/** zxcvbn's analysis of a password or key (its first 100 characters), with user words. */
export function analyse(value: string, userInputs: string[] = []): ZxcvbnResult {
  return checker().check(value.slice(0, MAX_ANALYSED), userInputs)
}
