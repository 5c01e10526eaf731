/**
 * Where the shopper's session token lives: this iframe's own localStorage, on our origin, out
 * of reach of the storefront's scripts and never posted to the host page. Storage can be
 * refused (private modes, blocked third-party storage); then the token lives in memory and
 * the shopper signs in again next visit.
 */
export interface TokenStore {
  get(): string | null
  set(token: string): void
  clear(): void
}

export function createTokenStore(storeKey: string): TokenStore {
  const key = `porchlight.session.${storeKey}`
  let memory: string | null = null
  return {
    get() {
      try {
        return localStorage.getItem(key) ?? memory
      } catch {
        return memory
      }
    },
    set(token) {
      memory = token
      try {
        localStorage.setItem(key, token)
      } catch {
        // Kept in memory only; see above.
      }
    },
    clear() {
      memory = null
      try {
        localStorage.removeItem(key)
      } catch {
        // Nothing stored, nothing to remove.
      }
    },
  }
}

/** The anonymous chat visitor's token, kept apart from the signed-in session's. */
export const createVisitorTokenStore = (storeKey: string): TokenStore =>
  createTokenStore(`chat.${storeKey}`)
