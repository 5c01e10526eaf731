import { savedReplyBody } from '../../agent/saved-replies.routes.ts'
import type { Operation } from '../operation.ts'
import { savedReplyList, savedReplyResponse } from '../responses/saved-reply-responses.ts'

const ITEM = '/v1/agent/saved-replies/{id}'
const ownerOnly = { owner_required: 'only an owner of the store can edit saved replies' } as const

/** Saved replies: canned answers with variables, inserted from the console's composer. */
export const savedReplyOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/saved-replies',
    summary: 'The store’s saved replies, by shortcut',
    auth: 'agent',
    success: { status: 200, description: '{ replies }', schema: savedReplyList },
  },
  {
    method: 'post',
    path: '/v1/agent/saved-replies',
    summary: 'Save a reply (owners); its body and translations may only name the known variables',
    auth: 'agent',
    body: savedReplyBody,
    success: { status: 201, description: '{ reply }', schema: savedReplyResponse },
    errors: { ...ownerOnly, saved_reply_shortcut_taken: '' },
  },
  {
    method: 'put',
    path: ITEM,
    summary: 'Change a saved reply (owners)',
    auth: 'agent',
    body: savedReplyBody,
    success: { status: 200, description: '{ reply }', schema: savedReplyResponse },
    errors: { ...ownerOnly, saved_reply_not_found: '', saved_reply_shortcut_taken: '' },
  },
  {
    method: 'delete',
    path: ITEM,
    summary: 'Delete a saved reply (owners)',
    auth: 'agent',
    success: { status: 204, description: 'Deleted' },
    errors: { ...ownerOnly, saved_reply_not_found: '' },
  },
]
