import { describe, expect, it } from 'vitest'
import { errorStatus, type ErrorCode } from '../../errors.ts'
import { createTestApp, testDialect } from '../../test/harness.ts'

type Responses = Record<string, { content?: Record<string, { schema?: Record<string, any> }> }>
type Paths = Record<string, Record<string, { responses: Responses }>>

/** Every documented answer as `[where, status, response]`. */
const answersOf = (doc: { paths: Paths }) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) =>
      Object.entries(op.responses).map(
        ([status, res]) => [`${method} ${path}`, status, res] as const,
      ),
    ),
  )

describe(`OpenAPI document (${testDialect})`, () => {
  it('documents every agent route the app serves, and nothing it does not', async () => {
    const { app } = await createTestApp()
    const served = new Set(
      app.routes
        .filter(
          (r) => r.path.startsWith('/v1/agent') && r.method !== 'ALL' && !r.path.includes('*'),
        )
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^/]*)?/g, '{$1}')}`),
    )
    const doc = await (await app.request('/v1/openapi.json')).json()
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      ),
    )
    expect([...documented].sort()).toEqual([...served].sort())
    expect(doc.openapi).toBe('3.1.0')
  })

  it('describes request bodies from the same schemas the routes validate with', async () => {
    const { app } = await createTestApp()
    const doc = await (await app.request('/v1/openapi.json')).json()
    const patch = doc.paths['/v1/agent/tickets/{id}'].patch
    const schema = patch.requestBody.content['application/json'].schema
    expect(schema.required).toEqual(['version'])
    expect(schema.properties.status.enum).toEqual(['open', 'pending', 'resolved', 'closed'])
    expect(schema.additionalProperties).toBe(false)
  })

  it('gives every success answer with a body its schema, from the code’s schemas', async () => {
    const { app } = await createTestApp()
    const doc = await (await app.request('/v1/openapi.json')).json()
    const missing = answersOf(doc)
      .filter(([, status]) => status.startsWith('2') && status !== '204')
      .filter(([, , res]) => res.content?.['application/json']?.schema === undefined)
      .filter(([, , res]) => res.content?.['text/event-stream'] === undefined)
      // A CSV export is a file, documented by its media type.
      .filter(([, , res]) => res.content?.['text/csv'] === undefined)
      // A file download has no JSON body: its type is the file's.
      .filter(([, , res]) => res.content?.['application/octet-stream'] === undefined)
    expect(missing.map(([where, status]) => `${where} ${status}`)).toEqual([])
    const view = doc.paths['/v1/agent/tickets/{id}'].get.responses['200']
    const ticket = view.content['application/json'].schema.properties.ticket
    expect(ticket.properties.status.enum).toEqual(['open', 'pending', 'resolved', 'closed'])
    expect(ticket.additionalProperties).toBe(false)
  })

  it('documents each error under the status the one table gives its code', async () => {
    const { app } = await createTestApp()
    const doc = await (await app.request('/v1/openapi.json')).json()
    const wrong: string[] = []
    for (const [where, status, res] of answersOf(doc)) {
      if (status.startsWith('2')) continue
      const codes: ErrorCode[] =
        res.content?.['application/json']?.schema?.properties.error.properties.code.enum ?? []
      if (codes.length === 0) wrong.push(`${where} ${status}: no codes`)
      for (const code of codes) {
        if (String(errorStatus[code]) !== status) wrong.push(`${where} ${code}`)
      }
    }
    expect(wrong).toEqual([])
    const enable = doc.paths['/v1/agent/totp/enable'].post.responses
    expect(enable['400'].description).toContain('totp_code_incorrect')
    expect(doc.paths['/v1/agent/login'].post.responses['401'].description).toContain('totp_invalid')
    const decision = doc.paths['/v1/agent/tickets/{id}/decision'].post.responses
    expect(decision['502'].description).toContain('store_unavailable')
  })
})
