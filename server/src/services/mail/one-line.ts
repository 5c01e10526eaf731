/**
 * A value as one short line of plain text: control characters (CR, LF, ...) and line or
 * paragraph separators become spaces, so a store name can neither start a mail header nor add
 * a line to a text message (such as a fake `@host #code` line). Caps at `max` characters
 * without splitting one.
 */
export function oneLine(value: string, max = 100): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return [...flat].slice(0, max).join('')
}
