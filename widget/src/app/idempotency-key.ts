/** 1 to 100 of [A-Za-z0-9_-]. getRandomValues, unlike randomUUID, works on plain-http hosts. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
}
