import type { Selectable } from 'kysely'

/** A store's canned answer; `translations` is JSON `{ [languageTag]: body }`. */
export interface SavedRepliesTable {
  id: string
  store_id: string
  shortcut: string
  title: string
  body: string
  translations: string
  created_at: number
  updated_at: number
}

export type SavedReplyRow = Selectable<SavedRepliesTable>
