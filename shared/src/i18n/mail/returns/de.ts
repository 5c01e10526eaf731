import type { ReturnMailCatalog } from './types.ts'

export const de: ReturnMailCatalog = {
  sendTo: 'Senden Sie die Artikel an:',
  rmaLine: 'Schreiben Sie diese Rücksendenummer auf das Paket: {rma}',
  labelAction: 'Rücksendeetikett herunterladen',
  labelLater: 'Wenn der Shop ein Rücksendeetikett bereitstellt, senden wir es Ihnen.',
  labelReadySubject: 'Ihr Rücksendeetikett für Bestellung {order}',
  labelReadyLead: 'Ihr Rücksendeetikett für Bestellung {order} ist bereit.',
  receivedSubject: 'Wir haben Ihre Rücksendung für Bestellung {order} erhalten',
  receivedLead:
    'Wir haben die Artikel erhalten, die Sie aus Bestellung {order} zurückgesendet haben.',
  receivedPartly: 'Einige Artikel Ihrer Rücksendung sind noch nicht angekommen.',
  receivedRefund:
    'Eine Erstattung von {amount} ist auf dem Weg zu Ihrer ursprünglichen Zahlungsart.',
}
