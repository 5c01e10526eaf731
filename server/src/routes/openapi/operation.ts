import type { z } from 'zod'
import type { ErrorCode } from '../../errors.ts'

/**
 * One documented operation of the agent API. Only the words are written here (summary, notes);
 * the request body, the query parameters and the success answer are the zod schemas the code
 * uses, and each error's status comes from the one table in errors.ts.
 */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI path, with `{param}` placeholders. */
  path: string
  summary: string
  auth: 'none' | 'agent'
  /** The schema the route validates its JSON body with. */
  body?: z.ZodType
  /** The schema the route validates its query with; each key becomes a parameter. */
  query?: z.ZodObject
  /** Words for query parameters; a name the query schema lacks is documented as a string. */
  queryNotes?: Record<string, string>
  success: {
    status: 200 | 201 | 202 | 204
    description: string
    /** The answer's body; none for 204. */
    schema?: z.ZodType
    /** Default application/json; a download's type is in its Content-Type header. */
    contentType?: 'text/event-stream' | 'text/csv' | 'application/octet-stream'
  }
  /** The codes this operation answers beyond the edge's, each with optional words. */
  errors?: Partial<Record<ErrorCode, string>>
}
