import { describe, expect, it } from 'vitest'
import {
  findViolations,
  importGraph,
  KNOWN_VIOLATIONS,
  RAW_QUERY_RULE,
  rawQueries,
  repeatedEnumerations,
  RULES,
} from './architecture-rules.ts'

// The rules of docs/architecture.md, checked over every import of the repository. A violation
// that is not listed in KNOWN_VIOLATIONS fails; so does a listed one that has been fixed, so
// the list can only shrink.
describe('architecture', () => {
  const graph = importGraph()
  const found = findViolations(graph)

  it('reads the whole workspace', () => {
    // A broken walk would find no imports and so no violations: make sure it saw the code.
    expect(graph.length).toBeGreaterThan(250)
    expect(graph.some((f) => f.file === 'server/src/app.ts' && f.imports.length > 20)).toBe(true)
  })

  it('breaks no rule beyond the known ones', () => {
    const unknown = found.filter((v) => !KNOWN_VIOLATIONS.has(`${v.from} -> ${v.to}`))
    expect(unknown.map((v) => `${v.rule}: ${v.from} -> ${v.to}`)).toEqual([])
  })

  it('lists no known violation that has been fixed', () => {
    const seen = new Set(found.map((v) => `${v.from} -> ${v.to}`))
    expect([...KNOWN_VIOLATIONS].filter((k) => !seen.has(k))).toEqual([])
  })

  it.each(RULES.map((r) => [r.name, r] as const))('rule "%s" catches a wrong import', (_, rule) => {
    const wrong = [{ file: rule.example.from, imports: [rule.example.to] }]
    expect(findViolations(wrong).map((v) => v.rule)).toContain(rule.name)
  })

  it('queries the database only in db/ repositories', () => {
    expect(rawQueries().map((q) => `${q.file}:${q.line}: ${q.call}`)).toEqual([])
  })

  it.each(RAW_QUERY_RULE.examples.map((e) => [e.text, e] as const))(
    'the query rule catches %s',
    (_, example) => {
      expect(rawQueries([example])).toHaveLength(1)
    },
  )

  it('writes each enumeration once', () => {
    expect(repeatedEnumerations()).toEqual([])
  })
})
