import { en } from './en.ts'
import { enChat } from './en-chat.ts'
import { enForms } from './en-forms.ts'
import { enLater } from './en-later.ts'

/**
 * Every English word in one object, for code that is not the panel (the server's chat lines,
 * the console's previews): the panel fetches the parts as its screens need them (catalogs.ts),
 * and must not import this.
 */
export const enAll = { ...en, ...enLater, ...enChat, ...enForms }
