/**
 * The one HTML escape of the server's pages and emails: hono/html's `html` tag, which escapes
 * every interpolated value (`& < > " '`) unless it is itself a fragment made by this tag (or
 * `raw`, for markup written in this repository). Arrays of fragments are joined.
 */
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

export type SafeHtml = HtmlEscapedString

/**
 * `html` made synchronous: our pages and emails interpolate strings, numbers and fragments,
 * never promises, so a promise here is a bug and fails loudly instead of rendering `[object]`.
 */
export function safeHtml(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const out = html(strings, ...values)
  if (out instanceof Promise) throw new TypeError('an HTML template was given a promise')
  return out
}

/** Markup written in this repository (a stylesheet), never a value from outside. */
export const trustedHtml = (markup: string): SafeHtml => raw(markup)
