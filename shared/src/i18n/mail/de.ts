import type { MailCatalog } from './types.ts'

export const de: MailCatalog = {
  dir: 'ltr',
  signInCode: {
    subject: 'Ihr Anmeldecode für {store}',
    intro: 'Mit diesem Code melden Sie sich bei {store} an:',
    expiry: 'Er läuft in {minutes} Minuten ab und gilt nur einmal.',
    ignore:
      'Wenn Sie diesen Code nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne ihn kann sich niemand anmelden.',
    warning: 'Geben Sie diesen Code niemals weiter. {store} wird Sie nie danach fragen.',
    sms: '{code} ist Ihr Anmeldecode für {store}. Er läuft in {minutes} Minuten ab. Geben Sie ihn nicht weiter.',
  },
  requestAck: {
    subject: '{store}: Wir haben Ihre Anfrage {reference} erhalten',
    return: 'Wir haben Ihre Rücksendeanfrage {reference} zur Bestellung {order} erhalten.',
    cancel: 'Wir haben Ihre Anfrage {reference} zur Stornierung der Bestellung {order} erhalten.',
    address_change:
      'Wir haben Ihre Anfrage {reference} zur Änderung der Lieferadresse der Bestellung {order} erhalten.',
    issue: 'Wir haben Ihre Meldung {reference} zur Bestellung {order} erhalten.',
    contact: 'Wir haben Ihre Nachricht {reference} erhalten.',
    contactOrder: 'Wir haben Ihre Nachricht {reference} zur Bestellung {order} erhalten.',
    review: 'Das Team von {store} prüft sie und meldet sich bei Ihnen.',
    reply: 'Das Team von {store} liest sie und antwortet Ihnen.',
    keep: 'Wenn Sie uns dazu schreiben, nennen Sie bitte die Referenz {reference}.',
    sms: '{store}: Wir haben Ihre Anfrage {reference} zur Bestellung {order} erhalten. Das Team prüft sie und meldet sich bei Ihnen.',
    smsContact: '{store}: Wir haben Ihre Nachricht {reference} erhalten. Das Team antwortet Ihnen.',
  },
}
