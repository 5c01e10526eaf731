import { describe, expect, it } from 'vitest'
import { createTestApp, testDialect } from '../../test/harness.ts'

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
})
