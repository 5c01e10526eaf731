import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import {
  buildClientSchema,
  execute,
  getNamedType,
  GraphQLInputObjectType,
  GraphQLScalarType,
  Kind,
  NoDeprecatedCustomRule,
  typeFromAST,
  type GraphQLInputType,
  parse,
  validate,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql'

/**
 * Shopify's published Admin API schema (see admin-schema/README.md for where the file comes
 * from), and the two checks the schema test makes with it: a document must validate, and an
 * answer of the fake shop must be exactly what the real schema would serialize for that
 * document and those variables.
 */

export const SCHEMA_VERSION = '2026-10'

let cached: GraphQLSchema | undefined

export function adminSchema(): GraphQLSchema {
  if (cached !== undefined) return cached
  const file = new URL(`./admin-schema/admin-${SCHEMA_VERSION}.json.gz`, import.meta.url)
  const json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
    data: IntrospectionQuery
  }
  const schema = buildClientSchema(json.data)
  // Custom scalars built from introspection accept anything; give the ones our fakes produce
  // the shape Shopify documents, so a fake writing `42` or `'yesterday'` is caught too.
  strictScalar(schema, 'DateTime', (v) => typeof v === 'string' && ISO_8601.test(v))
  strictScalar(schema, 'Decimal', (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))
  strictScalar(schema, 'Money', (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v))
  strictScalar(schema, 'URL', (v) => typeof v === 'string' && URL.canParse(v))
  strictScalar(schema, 'UnsignedInt64', (v) => typeof v === 'string' && /^\d+$/.test(v))
  cached = schema
  return schema
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function strictScalar(schema: GraphQLSchema, name: string, ok: (v: unknown) => boolean): void {
  const type = schema.getType(name)
  if (!(type instanceof GraphQLScalarType)) throw new Error(`the schema has no scalar ${name}`)
  const check = (v: unknown) => {
    if (!ok(v)) throw new TypeError(`${name} cannot represent ${JSON.stringify(v)}`)
    return v
  }
  type.serialize = check
  type.parseValue = check
}

/** Validation errors of one document against the schema (empty when it is valid). */
export function documentErrors(document: string, schema = adminSchema()): string[] {
  let ast
  try {
    ast = parse(document)
  } catch (err) {
    return [(err as Error).message]
  }
  return validate(schema, ast).map((e) => e.message)
}

/** Fields, arguments and enum values the document uses that the schema deprecates. */
export function deprecatedUses(document: string, schema = adminSchema()): string[] {
  return validate(schema, parse(document), [NoDeprecatedCustomRule]).map((e) => e.message)
}

/**
 * Runs `document` over the real schema with the fake's `data` as the root value: every field
 * the document selects is resolved from the fake's answer and serialized as Shopify's schema
 * says (non-null, enum values, lists, abstract types by `__typename`), and the variables are
 * coerced as Shopify would coerce them. Then the result must equal the fake's answer, so a
 * field the document never asked for, or a value the schema would have serialized otherwise,
 * shows as a difference.
 */
export function answerErrors(
  call: { query: string; variables: Record<string, unknown>; data?: unknown },
  schema = adminSchema(),
): string[] {
  const document = parse(call.query)
  const deprecated = deprecatedInputs(schema, document, call.variables)
  if (deprecated.length > 0) return deprecated
  const result = execute({
    schema,
    document,
    rootValue: call.data,
    variableValues: call.variables,
  })
  if (result instanceof Promise) throw new Error('resolvers are synchronous')
  // A field the schema refused comes back null; its error says more than the difference would.
  if (result.errors !== undefined) {
    return result.errors.map((e) => `${e.path?.join('.') ?? ''}: ${e.message}`)
  }
  return differences(call.data, result.data, '')
}

/** Input fields the variables fill that the schema deprecates (the document cannot show it). */
function deprecatedInputs(
  schema: GraphQLSchema,
  document: ReturnType<typeof parse>,
  variables: Record<string, unknown>,
): string[] {
  const found: string[] = []
  const walk = (type: GraphQLInputType, value: unknown, path: string): void => {
    const named = getNamedType(type)
    if (Array.isArray(value)) return value.forEach((v, i) => walk(type, v, `${path}.${i}`))
    if (!(named instanceof GraphQLInputObjectType) || !isObject(value)) return
    for (const [key, field] of Object.entries(named.getFields())) {
      if (!(key in value)) continue
      if (field.deprecationReason != null) {
        found.push(`${path}.${key}: deprecated (${field.deprecationReason})`)
      }
      walk(field.type, value[key], `${path}.${key}`)
    }
  }
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue
    for (const v of def.variableDefinitions ?? []) {
      const type = typeFromAST(schema, v.type) as GraphQLInputType | undefined
      const name = v.variable.name.value
      if (type !== undefined) walk(type, variables[name], `$${name}`)
    }
  }
  return found
}

function differences(fake: unknown, real: unknown, path: string): string[] {
  if (Array.isArray(fake) && Array.isArray(real)) {
    if (fake.length !== real.length)
      return [`${path}: ${fake.length} items, schema gave ${real.length}`]
    return fake.flatMap((item, i) => differences(item, real[i], `${path}.${i}`))
  }
  if (isObject(fake) && isObject(real)) {
    const keys = new Set([...Object.keys(fake), ...Object.keys(real)])
    return [...keys].flatMap((key) => {
      const at = path === '' ? key : `${path}.${key}`
      if (!(key in real)) return [`${at}: the fake answers a field the document did not select`]
      if (!(key in fake)) return [`${at}: the fake leaves out a selected field`]
      return differences(fake[key], real[key], at)
    })
  }
  return Object.is(fake, real)
    ? []
    : [
        `${path}: the fake answers ${JSON.stringify(fake)}, the schema gives ${JSON.stringify(real)}`,
      ]
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
