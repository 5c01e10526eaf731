/**
 * Mail that no person wrote: out-of-office answers, bounces' auto-replies, list traffic, and
 * our own messages coming back (a forwarding loop). Each is dropped with a log line; taking
 * one in would post it in the thread, and an agent's answer to it would start a reply storm.
 * Pure: headers in (lower-case names), the reason out, or null for a person's mail.
 */
export type LoopReason = 'auto_submitted' | 'bulk_precedence' | 'auto_reply' | 'our_own_message'

// Every Message-ID we send: an outbox row's (ob_…) or a ticket thread's root (tk_….thread).
const OURS = /^<?(ob_[A-Za-z0-9_-]{22}|tk_[A-Za-z0-9_-]{22}\.thread)@/

export function automatedMail(headers: ReadonlyMap<string, string>): LoopReason | null {
  // RFC 3834: anything but "no" was sent by a machine.
  const auto = headers.get('auto-submitted')?.trim().toLowerCase()
  if (auto !== undefined && auto !== '' && auto !== 'no') return 'auto_submitted'
  const precedence = headers.get('precedence')?.trim().toLowerCase()
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') {
    return 'bulk_precedence'
  }
  // Microsoft's and older responders' own markers.
  const suppress = headers.get('x-auto-response-suppress')?.toLowerCase() ?? ''
  if (
    headers.has('x-autoreply') ||
    headers.has('x-autorespond') ||
    /\b(all|oof|autoreply)\b/.test(suppress)
  ) {
    return 'auto_reply'
  }
  const id = headers.get('message-id')?.trim()
  if (id !== undefined && OURS.test(id)) return 'our_own_message'
  return null
}
