import { describe, expect, it } from 'vitest'
import { DeliveryError } from '../delivery-error.ts'
import { createHttpWebhookSender } from './webhook-sender.ts'

const request = { url: 'https://hooks.example.com/x', body: '{}', headers: { a: 'b' } }

function sender(answer: Response | Error) {
  const seen: RequestInit[] = []
  const fetchFn = (async (_url: string, init: RequestInit) => {
    seen.push(init)
    if (answer instanceof Error) throw answer
    return answer
  }) as typeof fetch
  return { send: createHttpWebhookSender({ fetch: fetchFn }), seen }
}

describe('HTTP webhook sender', () => {
  it('posts the body as given, without following redirects, with a timeout', async () => {
    const { send, seen } = sender(new Response(null, { status: 204 }))
    expect(await send.post(request)).toEqual({ status: 204 })
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: '{}',
      headers: { a: 'b' },
      redirect: 'manual',
    })
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal)
  })

  it.each([
    [302, 'rejected'],
    [410, 'rejected'],
    [429, 'throttled'],
    [500, 'rejected'],
  ])('counts HTTP %i as a failed attempt to retry', async (status, reason) => {
    const { send } = sender(new Response(null, { status }))
    const err = await send.post(request).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DeliveryError)
    expect(err).toMatchObject({ reason, permanent: false, providerCode: String(status) })
  })

  it('reports no answer as unavailable', async () => {
    const { send } = sender(new TypeError('fetch failed'))
    await expect(send.post(request)).rejects.toMatchObject({
      reason: 'unavailable',
      permanent: false,
      providerCode: undefined,
    })
  })
})
