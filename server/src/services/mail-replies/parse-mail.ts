/**
 * A raw MIME message read with mailparser into what a reply needs: the sender, the recipients
 * (for the reply token when no SMTP envelope says them), the headers that tell a machine's
 * mail, the text and the attachments. Anything that is not a message (no header block, no
 * sender) is `undefined`: malformed, dropped by the caller. mailparser (with its charset
 * tables, about a third of the server's code) is loaded with the first message, not at start.
 */
import type { AddressObject } from 'mailparser'

export interface ParsedReply {
  from: string
  recipients: string[]
  subject: string
  messageId: string | undefined
  /** Lower-case header names with their raw (unfolded) values. */
  headers: Map<string, string>
  text: string
  attachments: Array<{ filename: string | undefined; content: Uint8Array }>
}

const addresses = (v: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((o) => o.value)
    .flatMap((a) => (a.address !== undefined ? [a.address] : []))

// Headers a relay adds with the address it delivered to (when To: names only a list).
const DELIVERED = ['delivered-to', 'x-original-to', 'envelope-to']

export async function parseReplyMail(raw: Buffer): Promise<ParsedReply | undefined> {
  const head = raw.subarray(0, 256 * 1024).toString('latin1')
  // A message has a header block ended by an empty line, starting with a header field.
  if (!/^[!-9;-~]+:/.test(head) || !/\r?\n\r?\n/.test(head)) return undefined
  const { simpleParser } = await import('mailparser')
  let mail
  try {
    mail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true })
  } catch {
    return undefined
  }
  const from = addresses(mail.from)[0]?.toLowerCase()
  if (from === undefined || !from.includes('@')) return undefined
  const headers = new Map<string, string>()
  for (const { key, line } of mail.headerLines) {
    if (headers.has(key)) continue
    const colon = line.indexOf(':')
    headers.set(
      key.toLowerCase(),
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    )
  }
  const delivered = DELIVERED.flatMap((k) => (headers.has(k) ? [headers.get(k)!] : []))
  return {
    from,
    recipients: [...addresses(mail.to), ...addresses(mail.cc), ...delivered],
    subject: mail.subject ?? '',
    messageId: mail.messageId,
    headers,
    text: mail.text ?? '',
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      content: new Uint8Array(a.content),
    })),
  }
}
