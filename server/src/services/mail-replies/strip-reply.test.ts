import { describe, expect, it } from 'vitest'
import { stripQuotedReply } from './strip-reply.ts'

describe('stripQuotedReply', () => {
  it.each([
    [
      'Gmail attribution',
      'Thanks, it came!\n\nOn Mon, 7 Dec 2026 at 10:02, Lumen & Loom <no-reply@lumen.example> wrote:\n> We received your message T-1001.\n> The team will reply.',
      'Thanks, it came!',
    ],
    [
      'attribution wrapped over two lines',
      'Fine by me.\n\nOn Mon, 7 Dec 2026 at 10:02, Lumen & Loom <no-reply@lumen.example>\nwrote:\n> Hello',
      'Fine by me.',
    ],
    [
      'French',
      'Merci beaucoup.\n\nLe lun. 7 déc. 2026 à 10:02, Lumen & Loom a écrit :\n> Bonjour',
      'Merci beaucoup.',
    ],
    ['German', 'Danke!\n\nAm 07.12.2026 um 10:02 schrieb Lumen & Loom <x@y>:\n> Hallo', 'Danke!'],
    ['Spanish', 'Gracias.\n\nEl lun, 7 dic 2026, Lumen escribió:\n> Hola', 'Gracias.'],
    [
      'Outlook header block',
      'See the photo.\r\n\r\nFrom: Lumen & Loom <no-reply@lumen.example>\r\nSent: Monday, December 7, 2026 10:02\r\nTo: eve@example.com\r\nSubject: T-1001',
      'See the photo.',
    ],
    ['Original Message separator', 'Yes.\n-----Original Message-----\nFrom: Lumen', 'Yes.'],
    [
      'signature delimiter',
      'Please cancel it.\n\n-- \nEve Stranger\n+44 20 7946 0958',
      'Please cancel it.',
    ],
    ['phone signature', 'OK!\n\nSent from my iPhone', 'OK!'],
    ['only quoted lines after the answer', 'Answer here\n> old line\n> older line', 'Answer here'],
  ])('keeps only what the shopper wrote (%s)', (_name, input, expected) => {
    expect(stripQuotedReply(input)).toBe(expected)
  })

  it('keeps interleaved answers and drops the quoted lines between them', () => {
    expect(stripQuotedReply('> Which size?\nM please\n> Which colour?\nBlue')).toBe(
      'M please\nBlue',
    )
  })

  it('keeps an answer written below the quote (bottom-posting)', () => {
    expect(stripQuotedReply('> We received your message.\n\nThe parcel is torn.')).toBe(
      'The parcel is torn.',
    )
  })

  it('never loses a reply that is all quote markers: it is kept unquoted', () => {
    expect(stripQuotedReply('> > The parcel is torn.\n> Photo below')).toBe(
      'The parcel is torn.\nPhoto below',
    )
  })

  it('keeps a sentence that merely starts like an attribution', () => {
    expect(stripQuotedReply('On Monday I will be home.\nThanks')).toBe(
      'On Monday I will be home.\nThanks',
    )
  })

  it('collapses long runs of blank lines and trims', () => {
    expect(stripQuotedReply('\n\nHello\n\n\n\n\nBye  \n\n')).toBe('Hello\n\nBye')
  })
})
