/**
 * Which attachments of a reply are kept: a few types a shopper sends to show a problem
 * (photos, a PDF, plain text), told by their first bytes rather than the name or the type the
 * sender claimed (a ".jpg" that is a script is refused), each up to a size cap. Pure.
 */
export const ATTACHMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxCount: 10 }

export type AllowedAttachmentType =
  'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf' | 'text/plain'

const startsWith = (b: Uint8Array, bytes: number[], at = 0) =>
  bytes.every((v, i) => b[at + i] === v)

/** The type the bytes say, when it is one we keep; undefined for anything else. */
export function sniffAttachmentType(b: Uint8Array): AllowedAttachmentType | undefined {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp'
  }
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  return isPlainText(b) ? 'text/plain' : undefined
}

// UTF-8 without control bytes other than tab, newline and carriage return: no HTML, though
// (a browser would sniff "<html" as a page), so markup at the start is not plain text.
function isPlainText(b: Uint8Array): boolean {
  if (b.length === 0) return false
  for (const byte of b) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false
    if (byte === 0x7f) return false
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b)
  } catch {
    return false
  }
  return !/^\s*</.test(text)
}

export interface IncomingAttachment {
  filename: string | undefined
  content: Uint8Array
}

export interface KeptAttachment {
  filename: string
  contentType: AllowedAttachmentType
  content: Uint8Array
}

/** The attachments kept and how many were refused (too large, too many, or not allowed). */
export function keepAttachments(items: IncomingAttachment[]): {
  kept: KeptAttachment[]
  refused: number
} {
  const kept: KeptAttachment[] = []
  let refused = 0
  for (const item of items) {
    const type = sniffAttachmentType(item.content)
    if (
      type === undefined ||
      item.content.length > ATTACHMENT_LIMITS.maxBytes ||
      kept.length >= ATTACHMENT_LIMITS.maxCount
    ) {
      refused += 1
      continue
    }
    kept.push({ filename: safeName(item.filename, type), contentType: type, content: item.content })
  }
  return { kept, refused }
}

const EXTENSION: Record<AllowedAttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
}

// A name for the download: no path, no control or quote characters, the sniffed extension.
function safeName(name: string | undefined, type: AllowedAttachmentType): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 100)
  return `${base === '' ? 'attachment' : base}.${EXTENSION[type]}`
}
