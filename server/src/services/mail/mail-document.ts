/**
 * Every email the server sends is a `MailDocument`: a subject and paragraphs. This module
 * writes both parts from it, so the plain text and the HTML always say the same thing and the
 * HTML shell (language, direction, body style) exists once. Values are escaped by hono/html.
 */
import { safeHtml, type SafeHtml } from './html.ts'

/** How a paragraph looks; the plain text part shows `code` indented, the rest as it is. */
export type ParagraphStyle = 'body' | 'muted' | 'fine' | 'quote' | 'code'

export interface MailParagraph {
  text: string
  style?: ParagraphStyle
}

export interface MailDocument {
  /** BCP 47 language of the words, for `<html lang>`. */
  lang: string
  dir: 'ltr' | 'rtl'
  subject: string
  paragraphs: readonly (MailParagraph | string)[]
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const BODY_STYLE =
  'margin:0;padding:24px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a;line-height:1.5'

const STYLES: Record<ParagraphStyle, string> = {
  body: '',
  muted: 'color:#555',
  fine: 'color:#555;font-size:13px',
  quote: 'white-space:pre-wrap;border-left:3px solid #ccc;padding-left:12px',
  code: 'font-size:32px;font-weight:700;letter-spacing:6px;font-family:ui-monospace,Menlo,Consolas,monospace',
}

const paragraph = (p: MailParagraph | string): Required<MailParagraph> =>
  typeof p === 'string' ? { text: p, style: 'body' } : { text: p.text, style: p.style ?? 'body' }

function htmlParagraph({ text, style }: Required<MailParagraph>): SafeHtml {
  // A code reads left to right in every language (digits in an Arabic email too).
  const dir = style === 'code' ? 'ltr' : undefined
  const css = STYLES[style] || undefined
  return safeHtml`<p${dir && safeHtml` dir="${dir}"`}${css && safeHtml` style="${css}"`}>${text}</p>`
}

/** The plain text and HTML parts of one email. */
export function renderMail(doc: MailDocument): RenderedMail {
  const paragraphs = doc.paragraphs.map(paragraph)
  const text = `${paragraphs.map((p) => (p.style === 'code' ? `    ${p.text}` : p.text)).join('\n\n')}\n`
  const html = safeHtml`<!doctype html>
<html lang="${doc.lang}" dir="${doc.dir}"><head><meta charset="utf-8">
<title>${doc.subject}</title></head>
<body style="${BODY_STYLE}">
${paragraphs.map((p) => [htmlParagraph(p), '\n'])}</body></html>`
  return { subject: doc.subject, text, html: html.toString() }
}
