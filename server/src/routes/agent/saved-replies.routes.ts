import { SAVED_REPLY_VARIABLES, SHORTCUT_PATTERN } from '@porchlight/shared/api/saved-replies'
import { unknownVariables } from '@porchlight/shared/chat/saved-replies'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { ownersOnly as ownersOnlyTo } from '../../middleware/owner-only.ts'
import {
  createSavedReply,
  editSavedReply,
  removeSavedReply,
  savedReplies,
} from '../../services/saved-replies/saved-replies.ts'

const PATH = '/v1/agent/saved-replies'
const ITEM = `${PATH}/:id{sr_[A-Za-z0-9_-]{1,40}}`

// A body may only name the known variables: a typo would otherwise reach the shopper as is.
const replyText = z
  .string()
  .trim()
  .min(1)
  .max(5000)
  .superRefine((text, ctx) => {
    const unknown = unknownVariables(text)
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown variable {{${unknown[0]}}}; use ${SAVED_REPLY_VARIABLES.join(', ')}`,
      })
    }
  })

export const savedReplyBody = z.strictObject({
  shortcut: z.string().regex(SHORTCUT_PATTERN, 'lower-case letters, digits and dashes, up to 32'),
  title: z.string().trim().min(1).max(80),
  body: replyText,
  translations: z
    .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag'), replyText)
    .refine((t) => Object.keys(t).length <= 30, 'at most 30 translations')
    .optional(),
})

const ownersOnly = ownersOnlyTo('edit saved replies')

/** Saved replies: every agent of the store uses them, its owners write them. */
export const savedReplyRoutes = new Hono<AppEnv>()
  .get(PATH, requireAgent, async (c) =>
    c.json({ replies: await savedReplies(c.get('deps'), c.get('store').id) }),
  )
  .post(PATH, requireAgent, ownersOnly, async (c) => {
    const body = await readJson(c, savedReplyBody)
    return c.json({ reply: await createSavedReply(c.get('deps'), c.get('store').id, body) }, 201)
  })
  .put(ITEM, requireAgent, ownersOnly, async (c) => {
    const body = await readJson(c, savedReplyBody)
    const reply = await editSavedReply(c.get('deps'), c.get('store').id, c.req.param('id'), body)
    return c.json({ reply })
  })
  .delete(ITEM, requireAgent, ownersOnly, async (c) => {
    await removeSavedReply(c.get('deps'), c.get('store').id, c.req.param('id'))
    return c.body(null, 204)
  })
