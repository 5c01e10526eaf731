import type { SavedReply, SavedReplyInput } from '@porchlight/shared/api/saved-replies'
import {
  deleteSavedReply,
  insertSavedReply,
  listSavedReplies,
  updateSavedReply,
} from '../../db/saved-replies.repository.ts'
import type { SavedReplyRow } from '../../db/saved-replies.table.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { newId } from '../../ids.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>

const view = (row: SavedReplyRow): SavedReply => ({
  id: row.id,
  shortcut: row.shortcut,
  title: row.title,
  body: row.body,
  translations: JSON.parse(row.translations) as Record<string, string>,
  updatedAt: new Date(Number(row.updated_at)).toISOString(),
})

const taken = () =>
  new AppError('saved_reply_shortcut_taken', 'Another saved reply already has this shortcut.')

export async function savedReplies(deps: Deps, storeId: string): Promise<SavedReply[]> {
  return (await listSavedReplies(deps.db, storeId)).map(view)
}

export async function createSavedReply(
  deps: Deps,
  storeId: string,
  input: SavedReplyInput,
): Promise<SavedReply> {
  const now = deps.clock.now().getTime()
  const row: SavedReplyRow = {
    id: newId('sr'),
    store_id: storeId,
    shortcut: input.shortcut,
    title: input.title,
    body: input.body,
    translations: JSON.stringify(input.translations ?? {}),
    created_at: now,
    updated_at: now,
  }
  if (!(await insertSavedReply(deps.db, row))) throw taken()
  return view(row)
}

export async function editSavedReply(
  deps: Deps,
  storeId: string,
  id: string,
  input: SavedReplyInput,
): Promise<SavedReply> {
  const change = {
    shortcut: input.shortcut,
    title: input.title,
    body: input.body,
    translations: JSON.stringify(input.translations ?? {}),
    updated_at: deps.clock.now().getTime(),
  }
  const outcome = await updateSavedReply(deps.db, storeId, id, change)
  if (outcome === 'taken') throw taken()
  if (outcome === 'not_found') throw new AppError('saved_reply_not_found', 'No such saved reply.')
  const row = (await listSavedReplies(deps.db, storeId)).find((r) => r.id === id)
  if (row === undefined) throw new AppError('saved_reply_not_found', 'No such saved reply.')
  return view(row)
}

export async function removeSavedReply(deps: Deps, storeId: string, id: string): Promise<void> {
  if (!(await deleteSavedReply(deps.db, storeId, id))) {
    throw new AppError('saved_reply_not_found', 'No such saved reply.')
  }
}
