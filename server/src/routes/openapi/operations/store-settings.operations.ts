import { SETTINGS_SECTIONS, type SettingsSection } from '@porchlight/shared/settings/schema'
import { sectionSaveBody, settingsPath } from '../../settings/section-settings.routes.ts'
import { LOGO_UPLOAD_PATH } from '../../settings/logo.routes.ts'
import {
  POLICIES_PREVIEW_PATH,
  policiesPreviewBody,
} from '../../settings/policies-preview.routes.ts'
import {
  SETTINGS_HISTORY_PATH,
  settingsHistoryQuery,
} from '../../settings/settings-history.routes.ts'
import type { Operation } from '../operation.ts'
import {
  logoUploaded,
  policiesPreviewResponse,
  sectionAnswerSchema,
  settingsHistoryResponse,
} from '../responses/store-settings-responses.ts'

const WHAT: Record<SettingsSection, string> = {
  store: 'name, logo, allowed websites, languages, time zone',
  widget: 'launcher colour (label contrast at least 4.5:1), side, greeting',
  policies: 'cancellation, return window, final sale, reasons per situation, Loop Returns',
  chat: 'business hours, closed days, “back at” text, typical reply time, revert period',
  automation:
    'rules that approve requests without an agent: young unfulfilled cancellations, small returns',
}

const sectionOperations = (section: SettingsSection): Operation[] => [
  {
    method: 'get',
    path: settingsPath(section),
    summary: `The store’s ${section} settings: ${WHAT[section]}`,
    auth: 'agent',
    success: {
      status: 200,
      description: 'The values, the problems of what is stored, and the version',
      schema: sectionAnswerSchema(section),
    },
  },
  {
    method: 'put',
    path: settingsPath(section),
    summary: `Save the ${section} settings at the version you read (owners only)`,
    auth: 'agent',
    body: sectionSaveBody(section),
    success: {
      status: 200,
      description: 'The section as saved, at its new version',
      schema: sectionAnswerSchema(section),
    },
    errors: {
      owner_required: '',
      settings_stale: 'details.current: the section as it is now; nothing was saved',
      ...(section === 'store' ? { logo_not_found: '' } : {}),
    },
  },
]

/** The settings sections, their history and the logo upload. */
export const storeSettingsOperations: Operation[] = [
  ...SETTINGS_SECTIONS.flatMap(sectionOperations),
  {
    method: 'post',
    path: LOGO_UPLOAD_PATH,
    summary:
      'Upload a logo (owners only): the image bytes as the body; PNG, JPEG, WebP or GIF by its content, up to 512 KB; no SVG',
    auth: 'agent',
    success: { status: 201, description: 'The logo’s id and address', schema: logoUploaded },
    errors: { owner_required: '', logo_invalid: '', logo_too_large: '' },
  },
  {
    method: 'post',
    path: POLICIES_PREVIEW_PATH,
    summary:
      'What the store’s latest orders (those of its latest tickets) would offer under draft policies; nothing is saved',
    auth: 'agent',
    body: policiesPreviewBody,
    success: { status: 200, description: '{ orders }', schema: policiesPreviewResponse },
  },
  {
    method: 'get',
    path: SETTINGS_HISTORY_PATH,
    summary: 'Every settings change, newest first: who, when, each field’s old and new value',
    auth: 'agent',
    query: settingsHistoryQuery,
    queryNotes: {
      before: 'ISO 8601: changes made before this instant',
      limit: '1 to 100, default 50',
    },
    success: { status: 200, description: '{ entries }', schema: settingsHistoryResponse },
  },
]
