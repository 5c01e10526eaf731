import type { ComplianceRequest } from '../../adapters/store/shopify/compliance-payload.ts'
import type { AppDeps } from '../../deps.ts'
import { recordDataRequest } from './data-export.ts'
import { redactPersonalData } from './redact.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger'>

export type ComplianceOutcome =
  | { status: 'redacted'; tickets: number; orders: number; rows: number }
  | { status: 'exported'; created: boolean }

/** Carries out a verified privacy webhook for one store; each is safe to run twice. */
export async function handleComplianceRequest(
  deps: Deps,
  storeId: string,
  request: ComplianceRequest,
): Promise<ComplianceOutcome> {
  switch (request.kind) {
    case 'customers/redact':
      return {
        status: 'redacted',
        ...(await redactPersonalData(deps, storeId, request.person, request.kind)),
      }
    case 'shop/redact':
      return {
        status: 'redacted',
        ...(await redactPersonalData(deps, storeId, 'shop', request.kind)),
      }
    case 'customers/data_request':
      return {
        status: 'exported',
        ...(await recordDataRequest(deps, storeId, request.person, request.requestId)),
      }
  }
}
