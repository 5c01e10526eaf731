import { z } from 'zod'
import { agentOperations, type Operation } from './agent-operations.ts'

/** The OpenAPI 3.1 document served at /v1/openapi.json. */
export function openApiDocument(publicUrl: string, operations: Operation[] = agentOperations) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const params = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...(op.query ?? []).map((q) => ({
        name: q.name,
        in: 'query',
        required: false,
        description: q.description,
        schema: { type: 'string' },
      })),
    ]
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        security: op.auth === 'agent' ? [{ apiToken: [] }, { consoleSession: [] }] : [],
        ...(params.length > 0 ? { parameters: params } : {}),
        ...(op.body !== undefined
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) },
                },
              },
            }
          : {}),
        responses: Object.fromEntries(
          Object.entries(op.responses).map(([status, description]) => [
            status,
            {
              description,
              ...(status.startsWith('2') && status !== '204'
                ? { content: { 'application/json': {} } }
                : {}),
            },
          ]),
        ),
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Porchlight agent API',
      version: '1',
      description:
        'Everything the agent console does. Authenticate with an agent API token (Authorization: Bearer plat_...) or, from the console, the session cookie plus X-CSRF-Token on writes. Errors are { "error": { "code", "message" } }.',
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
