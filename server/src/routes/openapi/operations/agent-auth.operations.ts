import { loginBody } from '../../agent/agent-auth.routes.ts'
import { tokenBody } from '../../agent/agent-tokens.routes.ts'
import { securityBody, totpCodeBody } from '../../agent/agent-totp.routes.ts'
import type { Operation } from '../operation.ts'
import {
  agentLoginResponse,
  agentSessionResponse,
  issuedToken,
  securitySettings,
  tokensResponse,
  totpSetupResponse,
} from '../responses/agent-responses.ts'

/** Sign-in, the session, two-factor sign-in and API tokens. */
export const agentAuthOperations: Operation[] = [
  {
    method: 'post',
    path: '/v1/agent/login',
    summary: 'Sign in to the console (sets the session cookie)',
    auth: 'none',
    body: loginBody,
    success: {
      status: 200,
      description: 'Agent, store id and CSRF token',
      schema: agentLoginResponse,
    },
    errors: {
      store_required: 'the password matched in several stores; name one (details.stores)',
      invalid_credentials: '',
      totp_required: 'the password matched; send `totp` too',
      totp_invalid: 'a wrong or already used authenticator code',
      login_throttled: 'too many attempts for this account or address (Retry-After)',
      login_busy: 'the password-hashing queue is full; retry shortly (Retry-After)',
    },
  },
  {
    method: 'get',
    path: '/v1/agent/session',
    summary: 'The signed-in agent and their store',
    auth: 'agent',
    success: { status: 200, description: 'Agent and store', schema: agentSessionResponse },
  },
  {
    method: 'post',
    path: '/v1/agent/logout',
    summary: 'End the console session, or revoke the API token that makes the call',
    auth: 'agent',
    success: { status: 204, description: 'Signed out (session ended or token revoked)' },
  },
  {
    method: 'post',
    path: '/v1/agent/totp/setup',
    summary: 'Start two-factor sign-in: a TOTP secret and otpauth:// URI (console session only)',
    auth: 'agent',
    success: { status: 201, description: 'secret and uri', schema: totpSetupResponse },
    errors: { session_required: '', totp_already_enabled: '' },
  },
  {
    method: 'post',
    path: '/v1/agent/totp/enable',
    summary: 'Turn two-factor sign-in on with a code from the authenticator',
    auth: 'agent',
    body: totpCodeBody,
    success: { status: 204, description: 'On; sign-in now asks for `totp`' },
    errors: { totp_code_incorrect: '' },
  },
  {
    method: 'post',
    path: '/v1/agent/totp/disable',
    summary: 'Turn two-factor sign-in off, with a current code',
    auth: 'agent',
    body: totpCodeBody,
    success: { status: 204, description: 'Off' },
    errors: { totp_code_incorrect: '', totp_required_by_store: '' },
  },
  {
    method: 'get',
    path: '/v1/agent/settings/security',
    summary: 'Whether the store requires two-factor sign-in of its agents',
    auth: 'agent',
    success: { status: 200, description: '{ requireTotp }', schema: securitySettings },
  },
  {
    method: 'put',
    path: '/v1/agent/settings/security',
    summary: 'Require two-factor sign-in of every agent (owners, who must have it on themselves)',
    auth: 'agent',
    body: securityBody,
    success: { status: 200, description: '{ requireTotp }', schema: securitySettings },
    errors: { owner_required: '', totp_enable_first: '' },
  },
  {
    method: 'get',
    path: '/v1/agent/tokens',
    summary: 'API tokens: your own, or (owners) every token of the store; never the secrets',
    auth: 'agent',
    success: {
      status: 200,
      description: 'Tokens with scope, expiry, last use and state',
      schema: tokensResponse,
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tokens',
    summary: 'Issue an API token (console session only); the token is shown once',
    auth: 'agent',
    body: tokenBody,
    success: { status: 201, description: 'Token id, token, scope and expiry', schema: issuedToken },
    errors: { session_required: 'issued from the console, not with another token' },
  },
  {
    method: 'delete',
    path: '/v1/agent/tokens/{id}',
    summary: 'Revoke an API token (your own; owners: any of the store)',
    auth: 'agent',
    success: { status: 204, description: 'Revoked' },
    errors: { token_not_found: '' },
  },
]
