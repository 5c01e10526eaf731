/**
 * What the shopper wrote in a reply, without what their mail app added: the quoted history
 * ("On Tue, Lumen wrote:" and the lines after it, "> " lines, a forwarded original) and the
 * signature ("-- ", "Sent from my iPhone"). Pure; the thread shows the rest. When stripping
 * would leave nothing (someone typed their answer below the quote), the text is kept whole
 * minus the quote markers, so a reply is never lost to the stripping.
 */

// The line a mail app writes above the quote, in the languages the panel speaks (and the
// common Outlook/Gmail forms). Anchored at line start; a date and a name sit in the middle.
const ATTRIBUTION = [
  /^on\b.{0,200}\bwrote:?\s*$/i,
  /^le\b.{0,200}\ba écrit\s*:?\s*$/i,
  /^am\b.{0,200}\bschrieb.{0,80}:?\s*$/i,
  /^el\b.{0,200}\bescribió:?\s*$/i,
  /^في\b.{0,200}كتب.{0,80}:?\s*$/,
  /^-{2,}\s*(original message|message d'origine|ursprüngliche nachricht|mensaje original)\s*-{2,}$/i,
  /^_{10,}$/,
]

// Outlook's header block of the quoted original: "From: ..." then "Sent:"/"Date:" soon after.
const HEADER_BLOCK = /^(from|de|von|de)\s*:/i
const HEADER_NEXT = /^(sent|date|envoyé|gesendet|enviado|to|à|an|para)\s*:/i

const SIGNATURE = [
  /^-- ?$/,
  /^sent from my \w+/i,
  /^get outlook for /i,
  /^envoyé de mon /i,
  /^von meinem .* gesendet/i,
  /^enviado desde mi /i,
]

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  let end = lines.length
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    // An attribution may be wrapped over two lines ("On Tue, 1 Dec 2026, Lumen <x@y>\nwrote:").
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`.trim()
    if (ATTRIBUTION.some((re) => re.test(line))) {
      end = i
      break
    }
    if (/^(on|le|am|el)\b/i.test(line) && ATTRIBUTION.some((re) => re.test(joined))) {
      end = i
      break
    }
    if (
      HEADER_BLOCK.test(line) &&
      lines.slice(i + 1, i + 4).some((l) => HEADER_NEXT.test(l.trim()))
    ) {
      end = i
      break
    }
    if (SIGNATURE.some((re) => re.test(line))) {
      end = i
      break
    }
  }
  const kept = lines.slice(0, end)
  // Quoted lines below what was kept are history too; quoted lines between answers stay out.
  const own = kept.filter((l) => !/^\s*>/.test(l))
  const result = tidy(own)
  if (result !== '') return result
  // Nothing of their own above the quote: the answer is inside or below it. Keep it all,
  // unquoted, rather than lose it.
  return tidy(lines.map((l) => l.replace(/^\s*(>\s?)+/, '')))
}

function tidy(lines: string[]): string {
  return lines
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
