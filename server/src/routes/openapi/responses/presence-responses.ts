import {
  PRESENCE_STATES,
  type PresenceResponse,
  type TeamPresenceResponse,
} from '@porchlight/shared/api/presence'
import { z } from 'zod'

const state = z.enum(PRESENCE_STATES)

/** PUT /v1/agent/presence and /away: the agent's own presence after the write. */
export const presenceResponse: z.ZodType<PresenceResponse> = z.strictObject({
  state,
  away: z.boolean().describe('Set away by hand; an idle agent is away without it'),
})

/** GET /v1/agent/presence: each agent of the store. */
export const teamPresenceResponse: z.ZodType<TeamPresenceResponse> = z.strictObject({
  agents: z.array(z.strictObject({ agentId: z.string(), state })),
})
