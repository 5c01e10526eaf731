import type { ReturnStep } from '../api/returns.ts'
import type { AuthErrorCode } from '../api/auth.ts'
import type { OrderErrorCode } from '../api/orders.ts'
import type { RequestStatus, RequestType } from '../api/requests.ts'
import type { DisplayStatusCode } from '../orders/display-status.ts'
import type { IneligibleCode } from '../orders/eligibility.ts'
import type { BuiltinIssueReasonCode, IssueScenarioCode } from '../orders/issue-scenarios.ts'
import type { LineNotReturnable } from '../orders/order-facts.ts'
import type { OrderEventKind, ShipmentEntryKind } from '../orders/timeline.ts'
import type { enChat } from './en-chat.ts'
import type { enForms } from './en-forms.ts'
import type { enLater } from './en-later.ts'
import type { en } from './en.ts'

/** A plural message: one form per CLDR category the language uses; `other` is always required. */
export type PluralForms = { readonly other: string } & {
  readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string
}

/**
 * English, whole: the first view's words (en.ts, a chunk fetched first), the later screens'
 * (en-later.ts, a chunk fetched with the sign-in forms, the order page and the chat), the chat's
 * (en-chat.ts) and the request forms' (en-forms.ts), each fetched with those screens only.
 */
type English = typeof en & typeof enLater & typeof enChat & typeof enForms

/** Every message key the widget knows; English defines them. */
export type MessageKey = keyof English

type EntryShape<V> = V extends string ? string : PluralForms

/**
 * A whole language. Mapped from English, so a key missing in (or added to) any language is a
 * type error where that catalog is declared, and a plural in English is a plural everywhere.
 */
export type Catalog = { readonly [K in MessageKey]: EntryShape<English[K]> }

/** The part of a language the first view draws with (the file named after the language). */
export type CoreCatalog = Pick<Catalog, keyof typeof en>

/** The part the later screens add (`<language>-later.ts`). */
export type LaterCatalog = Pick<Catalog, keyof typeof enLater>

/** The part only the chat adds (`<language>-chat.ts`). */
export type ChatCatalog = Pick<Catalog, keyof typeof enChat>

/** The part only the request forms add (`<language>-forms.ts`). */
export type FormsCatalog = Pick<Catalog, keyof typeof enForms>

/** What the panel holds of a language at a time: its first-view words, the rest once fetched. */
export type LoadedCatalog = CoreCatalog &
  Partial<LaterCatalog> &
  Partial<ChatCatalog> &
  Partial<FormsCatalog>

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never
type EntryPlaceholders<V> = V extends string ? Placeholders<V> : 'count' | Placeholders<V[keyof V]>

/** The `{name}` placeholders of a message, read from its English text at compile time. */
export type ParamsOf<K extends MessageKey> = EntryPlaceholders<English[K]>

export type ParamValue = string | number

/** The arguments `t(key, ...)` takes: nothing for a plain message, its placeholders otherwise. */
export type ParamsArg<K extends MessageKey> = [ParamsOf<K>] extends [never]
  ? []
  : [params: Record<ParamsOf<K>, ParamValue>]

// Compile-time coverage: every server error code and every code of the order rules that a
// shopper reads as words has a message, so adding a code to the contract or the rules without
// words for it fails `pnpm typecheck`. (Request error codes are listed in the panel, which
// checks them the same way: the contract names them only in its doc comment.)
type NoneMissing<T extends never> = T
export type CoverageCheck = NoneMissing<
  Exclude<
    | `error.${AuthErrorCode | OrderErrorCode}`
    | `status.${DisplayStatusCode}`
    | `timeline.${OrderEventKind | ShipmentEntryKind}`
    | `ineligible.${IneligibleCode}`
    | `line.${LineNotReturnable}`
    | `issue.scenario.${IssueScenarioCode}`
    | `reason.${BuiltinIssueReasonCode}`
    | `request.type.${RequestType | 'contact'}`
    | `request.status.${RequestStatus}`
    | `return.step.${ReturnStep}`,
    MessageKey
  >
>
