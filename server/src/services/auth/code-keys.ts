import { keyById, keyringOf } from '../../keyring.ts'

type KeyConfig = { secretKey: string | undefined; secretKeyPrevious?: string | undefined }

/** The id of the key new challenges derive their codes with (the current SECRET_KEY). */
export function currentCodeKeyId(config: KeyConfig): string {
  return keyringOf(config).current.id
}

/**
 * The secret a challenge's codes derive from: the key its id names, while that key is still
 * configured (SECRET_KEY or SECRET_KEY_PREVIOUS); undefined once it is gone, and the code
 * with it. Challenges made before keys had ids (null) were made with the key of the time.
 */
export function codeSecret(config: KeyConfig, keyId: string | null | undefined) {
  const ring = keyringOf(config)
  if (keyId === null || keyId === undefined) return ring.current.key
  return keyById(ring, keyId)?.key
}
