import type { Config } from '../../config.ts'
import {
  checkWebhookTarget,
  type WebhookTargetPolicy,
} from '../../adapters/webhooks/webhook-targets.ts'

/**
 * Why a webhook URL may not be used, or null. In production only https; everywhere, never a
 * host that is or resolves to this machine or a private network (localhost, 10.x, [::1],
 * 127.0.0.1.nip.io, [::ffff:127.0.0.1], 64:ff9b::7f00:1, ...): an owner must not be able to aim
 * the server's signed POSTs at internal services. The check is repeated at every delivery
 * (webhook-sender.ts), since what a name resolves to can change after it was accepted here.
 */
export async function webhookUrlProblem(
  raw: string,
  env: Config['env'],
  targets: WebhookTargetPolicy,
): Promise<string | null> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'expected an absolute URL'
  }
  if (url.username !== '' || url.password !== '') return 'credentials do not belong in the URL'
  if (url.hash !== '') return 'a URL fragment is never sent; remove it'
  if (env === 'production' && url.protocol !== 'https:') return 'expected an https URL'
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'expected http(s)'
  const target = await checkWebhookTarget(url, targets)
  if (target.ok) return null
  return target.code === 'target_unresolved'
    ? `the host does not resolve (${url.hostname})`
    : `expected a public address (${target.message})`
}
