import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import type { ClockControl } from '../../clock.ts'
import { readJson } from '../../http/json-body.ts'
import { sweepChat } from '../../services/chat/sweeper.ts'

const advanceBody = z.strictObject({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(365 * 86_400_000),
})

/**
 * Test-only clock control for end-to-end runs: mounted only when PORCHLIGHT_TEST_CLOCK is on,
 * which the configuration refuses in production. Moving the clock also runs the chat sweeper,
 * so the console reflects the new time at once instead of at the next minute's sweep.
 */
export function testClockRoutes(control: ClockControl) {
  return new Hono<AppEnv>()
    .get('/v1/test/clock', (c) => c.json({ now: c.get('deps').clock.now().toISOString() }))
    .post('/v1/test/clock', async (c) => {
      const body = await readJson(c, advanceBody)
      control.advance(body.advanceMs)
      const deps = c.get('deps')
      const swept = await sweepChat(deps)
      return c.json({ now: deps.clock.now().toISOString(), swept })
    })
}
