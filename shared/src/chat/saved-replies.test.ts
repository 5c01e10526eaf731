import { describe, expect, it } from 'vitest'
import { fillSavedReply, replyBodyFor, unknownVariables } from './saved-replies.ts'

const reply = {
  body: 'Hi {{shopper.firstName}}, order {{order.number}} ships today: {{ order.trackingUrl }}',
  translations: {
    fr: 'Bonjour {{shopper.firstName}}, la commande {{order.number}} part aujourd’hui.',
    'pt-BR': 'Olá {{shopper.firstName}}',
  },
}

describe('saved replies', () => {
  it('picks the shopper’s language, then its base language, then the reply’s own', () => {
    expect(replyBodyFor(reply, 'fr')).toMatch(/^Bonjour/)
    expect(replyBodyFor(reply, 'fr-CA')).toMatch(/^Bonjour/)
    expect(replyBodyFor(reply, 'pt-br')).toBe('Olá {{shopper.firstName}}')
    expect(replyBodyFor(reply, 'de')).toBe(reply.body)
  })

  it('fills every variable, and leaves none behind when a value is missing', () => {
    const values = {
      'shopper.firstName': 'Ada',
      'order.number': '#1042',
      'order.trackingUrl': 'https://track.example/1Z',
    }
    expect(fillSavedReply(reply, 'en', values)).toBe(
      'Hi Ada, order #1042 ships today: https://track.example/1Z',
    )
    expect(fillSavedReply(reply, 'fr', { 'shopper.firstName': 'Zoé' })).toBe(
      'Bonjour Zoé, la commande  part aujourd’hui.',
    )
    // A value that looks like a variable is not filled again.
    expect(
      fillSavedReply({ body: '{{shopper.firstName}}', translations: {} }, 'en', {
        'shopper.firstName': '{{order.number}}',
      }),
    ).toBe('{{order.number}}')
  })

  it('names the variables it does not know', () => {
    expect(unknownVariables(reply.body)).toEqual([])
    expect(unknownVariables('{{shopper.email}} and {{ticket.reference}} and {{x}}')).toEqual([
      'shopper.email',
      'x',
    ])
  })
})
