import type { AppDeps } from './deps.ts'
import type { Store } from './db/stores.repository.ts'
import type { AgentPrincipal } from './services/agents/agent-sessions.ts'
import type { ShopperSession } from './services/sessions/shopper-sessions.ts'

/** Variables that middleware puts on the Hono context for handlers. */
export interface AppEnv {
  Variables: {
    deps: AppDeps
    requestId: string
    store: Store
    /** Set by requireShopper. */
    shopper: ShopperSession
    /** Set by requireAgent. */
    agent: AgentPrincipal
  }
}
