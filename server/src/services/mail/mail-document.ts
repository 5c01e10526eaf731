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
  /** The paragraph is a link to this address (the text part shows it after the words). */
  link?: string
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

type Paragraph = Required<Omit<MailParagraph, 'link'>> & Pick<MailParagraph, 'link'>

const paragraph = (p: MailParagraph | string): Paragraph =>
  typeof p === 'string' ? { text: p, style: 'body' } : { ...p, style: p.style ?? 'body' }

const LINK_STYLE = 'color:#0b57b7'

function htmlParagraph({ text, style, link }: Paragraph): SafeHtml {
  // A code reads left to right in every language (digits in an Arabic email too).
  const dir = style === 'code' ? 'ltr' : undefined
  const css = STYLES[style] || undefined
  const body =
    link === undefined ? text : safeHtml`<a href="${link}" style="${LINK_STYLE}">${text}</a>`
  return safeHtml`<p${dir && safeHtml` dir="${dir}"`}${css && safeHtml` style="${css}"`}>${body}</p>`
}

const textParagraph = (p: Paragraph) =>
  p.style === 'code' ? `    ${p.text}` : p.link === undefined ? p.text : `${p.text}: ${p.link}`

/** The plain text and HTML parts of one email. */
export function renderMail(doc: MailDocument): RenderedMail {
  const paragraphs = doc.paragraphs.map(paragraph)
  const text = `${paragraphs.map(textParagraph).join('\n\n')}\n`
  const html = safeHtml`<!doctype html>
<html lang="${doc.lang}" dir="${doc.dir}"><head><meta charset="utf-8">
<title>${doc.subject}</title></head>
<body style="${BODY_STYLE}">
${paragraphs.map((p) => [htmlParagraph(p), '\n'])}</body></html>`
  return { subject: doc.subject, text, html: html.toString() }
}
