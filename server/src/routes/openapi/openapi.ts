import { z } from 'zod'
import { errorStatus, type ErrorCode } from '../../errors.ts'
import type { Operation } from './operation.ts'
import { agentOperations } from './operations/index.ts'

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' })

/** Codes every operation of its kind may answer, so each need not list them. */
function impliedErrors(op: Operation): Partial<Record<ErrorCode, string>> {
  return {
    ...(op.body !== undefined || op.query !== undefined ? { validation_failed: '' } : {}),
    ...(op.body !== undefined ? { invalid_json: '', unsupported_media_type: '' } : {}),
    ...(op.auth === 'agent'
      ? {
          agent_unauthenticated: 'Not signed in',
          totp_enrolment_required: 'the store requires two-factor sign-in: enrol first',
        }
      : {}),
    ...(op.auth === 'agent' && op.method !== 'get'
      ? { csrf_failed: 'A console write without X-CSRF-Token', token_read_only: '' }
      : {}),
    ...op.errors,
  }
}

/** The error answers, one per status: the codes that give it, and their one body shape. */
function errorResponses(op: Operation) {
  const byStatus = new Map<number, Array<[ErrorCode, string]>>()
  for (const [code, note] of Object.entries(impliedErrors(op)) as Array<[ErrorCode, string]>) {
    const status = errorStatus[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), [code, note]])
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: codes.map(([code, note]) => (note ? `${code}: ${note}` : code)).join('; '),
        content: {
          'application/json': {
            schema: jsonSchema(
              z.strictObject({
                error: z.strictObject({
                  code: z.enum(codes.map(([code]) => code) as [ErrorCode, ...ErrorCode[]]),
                  message: z.string(),
                  details: z.unknown().optional(),
                }),
              }),
              'output',
            ),
          },
        },
      },
    ]),
  )
}

function parameters(op: Operation) {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  const query = op.query === undefined ? undefined : jsonSchema(op.query, 'input')
  const properties = (query?.properties ?? {}) as Record<string, object>
  const required = new Set((query?.required ?? []) as string[])
  const names = [...new Set([...Object.keys(properties), ...Object.keys(op.queryNotes ?? {})])]
  return [
    ...path,
    ...names.map((name) => ({
      name,
      in: 'query',
      required: required.has(name),
      ...(op.queryNotes?.[name] !== undefined ? { description: op.queryNotes[name] } : {}),
      schema: properties[name] ?? { type: 'string' },
    })),
  ]
}

function operationObject(op: Operation) {
  const params = parameters(op)
  const { success } = op
  return {
    summary: op.summary,
    security: op.auth === 'agent' ? [{ apiToken: [] }, { consoleSession: [] }] : [],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(op.body !== undefined
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(success.status)]: {
        description: success.description,
        ...(success.schema !== undefined
          ? { content: { 'application/json': { schema: jsonSchema(success.schema, 'output') } } }
          : success.contentType !== undefined
            ? { content: { [success.contentType]: {} } }
            : {}),
      },
      ...errorResponses(op),
    },
  }
}

/** The OpenAPI 3.1 document served at /v1/openapi.json. */
export function openApiDocument(publicUrl: string, operations: Operation[] = agentOperations) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Porchlight agent API',
      version: '1',
      description:
        'Everything the agent console does. Authenticate with an agent API token (Authorization: Bearer plat_...) or, from the console, the session cookie plus X-CSRF-Token on writes. Errors are { "error": { "code", "message", "details"? } }; each code always comes with the same status.',
    },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer' },
        consoleSession: { type: 'apiKey', in: 'cookie', name: 'pl_agent' },
      },
    },
    paths,
  }
}
