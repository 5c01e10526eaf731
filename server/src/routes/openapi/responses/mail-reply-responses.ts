import type { HeldRepliesResponse, HeldReplyJson } from '@porchlight/shared/api/mail-replies'
import { z } from 'zod'

const attachment = z.strictObject({
  id: z.string(),
  filename: z.string(),
  contentType: z
    .string()
    .describe('Sniffed from the bytes: image/png, image/jpeg, ..., text/plain'),
  size: z.number().int().describe('Bytes'),
})

const heldReply: z.ZodType<HeldReplyJson> = z.strictObject({
  id: z.string(),
  ticketId: z.string(),
  ticketReference: z.string().describe('"T-1002"'),
  from: z.string().describe('The sender, who is not the ticket’s shopper'),
  subject: z.string(),
  body: z.string().describe('Quoted history and signature stripped'),
  attachments: z.array(attachment),
  receivedAt: z.string(),
})

export const heldRepliesResponse: z.ZodType<HeldRepliesResponse> = z.strictObject({
  heldReplies: z.array(heldReply),
})
