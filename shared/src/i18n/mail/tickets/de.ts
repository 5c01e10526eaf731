import type { TicketMailCatalog } from './types.ts'

export const de: TicketMailCatalog = {
  dir: 'ltr',
  subject: {
    cancelApproved: 'Bestellung {order} ist storniert',
    cancelDeclined: 'Ihre Stornierungsanfrage zu Bestellung {order}',
    returnApproved: 'Ihre Rücksendung zu Bestellung {order} ist genehmigt',
    returnDeclined: 'Ihre Rücksendeanfrage zu Bestellung {order}',
    issueApproved: 'Ihre Meldung zu Bestellung {order}',
    issueDeclined: 'Ihre Meldung zu Bestellung {order}',
    reply: 'Re: Ihre Anfrage {reference} an {store}',
    refund: 'Erstattung von {amount} für Bestellung {order}',
  },
  lead: {
    cancelApproved:
      'Ihre Anfrage, Bestellung {order} zu stornieren, wurde genehmigt: Die Bestellung ist storniert.',
    cancelDeclined: 'Wir konnten Ihre Anfrage, Bestellung {order} zu stornieren, nicht annehmen.',
    returnApproved: 'Ihre Rücksendung zu Bestellung {order} wurde genehmigt.',
    returnDeclined: 'Wir konnten Ihre Rücksendeanfrage zu Bestellung {order} nicht annehmen.',
    issueApproved:
      'Wir haben Ihre Meldung zu Bestellung {order} angenommen und melden uns bei Ihnen.',
    issueDeclined: 'Wir konnten Ihre Meldung zu Bestellung {order} nicht annehmen.',
    reply: '{store} hat auf Ihre Anfrage {reference} geantwortet:',
    refund: 'Wir haben {amount} für Bestellung {order} erstattet.',
  },
  refundReleased: 'Eine Erstattung von {amount} geht an Ihre ursprüngliche Zahlungsmethode.',
  refundPending: 'Die Erstattung an Ihre ursprüngliche Zahlungsmethode wird bearbeitet.',
  refundOnReceipt: 'Wir erstatten Ihnen den Betrag, sobald die Artikel bei uns eingetroffen sind.',
  noteFrom: 'Eine Nachricht von {store}:',
  referenceLine: 'Referenz: {reference}',
  footer: 'Sie erhalten diese E-Mail, weil Sie eine Anfrage an {store} gestellt haben.',
  ratePrompt: 'Wie hat {store} das gemacht? Sagen Sie es uns in wenigen Sekunden.',
  rateAction: 'Ihre Erfahrung bewerten',
}
