import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../app-env.ts'
import type { StorageFault, StorageFaultCode } from '../db/storage-faults.ts'
import { storageHealthOf } from '../db/storage-health.ts'
import { AppError, errorBody, errorStatus, type ErrorCode, type ErrorDetails } from '../errors.ts'

/** The one error handler: expected failures become their JSON shape, anything else a logged 500. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) return errorAnswer(c, err.code, err.message, err.details)
  if (err instanceof HTTPException) {
    const code =
      err.status === 413 ? 'payload_too_large' : err.status === 404 ? 'not_found' : 'bad_request'
    return errorAnswer(c, code, err.message || code)
  }
  const { db, logger } = c.get('deps')
  // The storage's health logs the fault once for all requests and workers, not once per request.
  const fault = storageHealthOf(db).report(err, { logger, source: `${c.req.method} ${c.req.path}` })
  if (fault !== undefined) return storageFaultResponse(c, fault)
  logger.error('unhandled error', {
    requestId: c.get('requestId'),
    path: c.req.path,
    error: err.message,
    stack: err.stack,
  })
  return errorAnswer(c, 'internal_error', 'Something went wrong on our side.')
}

/**
 * The one writer of error answers: `{ error: { code, message, details? } }` with the code's
 * status from the table. A wait (`details.retryAfterSeconds`, or `retryAfter` when the details
 * do not carry it) is also said in Retry-After, the header clients and proxies understand.
 */
export function errorAnswer(
  c: Context,
  code: ErrorCode,
  message: string,
  details?: ErrorDetails,
  retryAfter?: number,
): Response {
  const wait = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  const seconds = typeof wait === 'number' ? wait : retryAfter
  if (seconds !== undefined) c.header('Retry-After', String(seconds))
  return c.json(errorBody(code, message, details), errorStatus[code])
}

// A full disk is freed by a person, a lost connection usually comes back by itself.
const storageFaultReply: Record<StorageFaultCode, { retryAfter: number; message: string }> = {
  storage_full: {
    retryAfter: 30,
    message: 'The server has run out of storage space, so nothing can be saved. Try again later.',
  },
  storage_unavailable: {
    retryAfter: 5,
    message: 'The server cannot reach its storage right now. Try again in a few seconds.',
  },
}

/** 503 with Retry-After and the fault's code; the cause stays in the log unless asked (readyz). */
export function storageFaultResponse(
  c: Context<AppEnv>,
  fault: StorageFault,
  details?: ErrorDetails,
): Response {
  const reply = storageFaultReply[fault.code]
  return errorAnswer(c, fault.code, reply.message, details, reply.retryAfter)
}

export function handleNotFound(c: Context<AppEnv>): Response {
  return errorAnswer(c, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)
}
