import { ADDRESS_CHANGE_ERROR_CODES } from '@porchlight/shared/api/address-changes'
import { AGENT_AUTH_ERROR_CODES, AGENT_ERROR_CODES } from '@porchlight/shared/api/agent'
import {
  AUTH_ERROR_CODES,
  GRANT_ERROR_CODES,
  IDENTIFY_ERROR_CODES,
  SESSION_ENDED_CODES,
  SHOPIFY_PROXY_ERROR_CODES,
} from '@porchlight/shared/api/auth'
import { CHAT_ERROR_CODES } from '@porchlight/shared/api/chat'
import {
  EDGE_ERROR_CODES,
  SHOPIFY_WEBHOOK_ERROR_CODES,
  STORE_ERROR_CODES,
} from '@porchlight/shared/api/errors'
import { RATING_ERROR_CODES } from '@porchlight/shared/api/insights'
import { MAIL_REPLY_ERROR_CODES } from '@porchlight/shared/api/mail-replies'
import { ORDER_ERROR_CODES } from '@porchlight/shared/api/orders'
import { PRIVACY_ERROR_CODES } from '@porchlight/shared/api/privacy'
import { REQUEST_ERROR_CODES } from '@porchlight/shared/api/requests'
import { EXCHANGE_ERROR_CODES } from '@porchlight/shared/api/exchanges'
import { RETURN_ERROR_CODES } from '@porchlight/shared/api/returns'
import { SAVED_REPLY_ERROR_CODES } from '@porchlight/shared/api/saved-replies'
import { SETTINGS_ERROR_CODES, SHOPIFY_INSTALL_ERROR_CODES } from '@porchlight/shared/api/settings'
import { STORE_SETTINGS_ERROR_CODES } from '@porchlight/shared/api/store-settings'
import { TEAM_ERROR_CODES } from '@porchlight/shared/api/team'
import { describe, expect, it } from 'vitest'
import { AppError, errorStatus } from './errors.ts'

const lists = [
  EDGE_ERROR_CODES,
  STORE_ERROR_CODES,
  SHOPIFY_WEBHOOK_ERROR_CODES,
  AUTH_ERROR_CODES,
  IDENTIFY_ERROR_CODES,
  SHOPIFY_PROXY_ERROR_CODES,
  GRANT_ERROR_CODES,
  SESSION_ENDED_CODES,
  ORDER_ERROR_CODES,
  REQUEST_ERROR_CODES,
  CHAT_ERROR_CODES,
  AGENT_AUTH_ERROR_CODES,
  AGENT_ERROR_CODES,
  SETTINGS_ERROR_CODES,
  STORE_SETTINGS_ERROR_CODES,
  SHOPIFY_INSTALL_ERROR_CODES,
  RATING_ERROR_CODES,
  PRIVACY_ERROR_CODES,
  RETURN_ERROR_CODES,
  EXCHANGE_ERROR_CODES,
  TEAM_ERROR_CODES,
  MAIL_REPLY_ERROR_CODES,
  SAVED_REPLY_ERROR_CODES,
  ADDRESS_CHANGE_ERROR_CODES,
]

describe('error codes', () => {
  it('names each code in one list of the contract, and gives each of them a status', () => {
    const all: string[] = lists.flat()
    expect(all.filter((code, i) => all.indexOf(code) !== i)).toEqual([])
    expect(Object.keys(errorStatus).sort()).toEqual([...all].sort())
  })

  it('takes the status from the table, never from the call site', () => {
    expect(new AppError('totp_invalid', 'x').status).toBe(401)
    expect(new AppError('totp_code_incorrect', 'x').status).toBe(400)
    expect(new AppError('store_unavailable', 'x').status).toBe(502)
    expect(new AppError('store_not_answering', 'x').status).toBe(503)
    expect(new AppError('rate_limited', 'x', { retryAfterSeconds: 3 }).details).toEqual({
      retryAfterSeconds: 3,
    })
  })

  it('does not compile a code outside the contract, or a status', () => {
    // Checked by `pnpm typecheck`: each line below must stay an error.
    // @ts-expect-error a made-up code is not an ErrorCode
    const madeUp = new AppError('made_up_code', 'x')
    // @ts-expect-error a status is not details: the table decides it
    const withStatus = new AppError('not_found', 'x', 404)
    // @ts-expect-error free strings are no codes
    const free: ConstructorParameters<typeof AppError>[0] = 'anything' as string
    expect([madeUp.code, withStatus.details, free]).toEqual(['made_up_code', 404, 'anything'])
  })
})
