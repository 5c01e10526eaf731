import { analyse } from '../../strength.ts'

export const MIN_PASSWORD_LENGTH = 12
// zxcvbn's score 3: about 10^8 guesses or more. Below that are the passwords found in breach
// lists and their obvious variants (words with digits, keyboard walks, repeats, dates).
const MIN_SCORE = 3

/**
 * Why an agent's new password would be refused, or undefined when it is fine: at least 12
 * characters and not guessable (zxcvbn, offline: common and breached passwords, words, names,
 * patterns, and the agent's own email, name and store).
 */
export function passwordProblem(password: string, context: string[] = []): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `it must have at least ${MIN_PASSWORD_LENGTH} characters`
  }
  const words = context.flatMap((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean)
  const result = analyse(password, [...context, ...words])
  if (result.score >= MIN_SCORE) return undefined
  const warning = result.feedback.warning
  return `it is too easy to guess${warning ? ` (${warning.replace(/\.$/, '').toLowerCase()})` : ''}; try a few unrelated words or a password manager`
}
