import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { testDialect } from '../../test/harness.ts'
import { settingsApp } from './settings-test-kit.ts'

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: any }> }>>
}

// The settings answers as the served OpenAPI document says they are: a field the code adds,
// drops or retypes without the document following fails here.
describe(`settings answers against the OpenAPI document (${testDialect})`, () => {
  it('documents every section, the history and the preview as they answer', async () => {
    const t = await settingsApp()
    const doc = (await (await t.app.request('/v1/openapi.json')).json()) as Doc
    const check = (method: string, path: string, status: number, body: unknown) => {
      const schema =
        doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema
      expect(schema, `${method} ${path} ${status}`).toBeDefined()
      const parsed = z.fromJSONSchema(schema).safeParse(body)
      expect(parsed.error?.issues ?? [], `${method} ${path}`).toEqual([])
    }
    for (const section of ['store', 'widget', 'policies', 'chat']) {
      const path = `/v1/agent/settings/${section}`
      const read = await (await t.get(section)).json()
      check('get', path, 200, read)
      const saved = await t.put(section, { version: read.version, values: read.values })
      expect(saved.status).toBe(200)
      check('put', path, 200, await saved.json())
    }
    await t.edit('widget', { position: 'left' })
    const history = await t.app.request('/v1/agent/settings/history', { headers: t.owner.read })
    check('get', '/v1/agent/settings/history', 200, await history.json())
    const policies = await (await t.get('policies')).json()
    const preview = await t.app.request('/v1/agent/settings/policies/preview', {
      method: 'POST',
      headers: t.owner.write,
      body: JSON.stringify({ values: policies.values }),
    })
    check('post', '/v1/agent/settings/policies/preview', 200, await preview.json())
  })
})
