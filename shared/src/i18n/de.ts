import type { CoreCatalog } from './types.ts'

/** German, formal (Sie), as German shops address customers. */
export const de: CoreCatalog = {
  'common.back': 'Zurück',
  'common.close': 'Schließen',
  'common.retry': 'Erneut versuchen',
  'common.sign_out': 'Abmelden',
  'common.loading': 'Wird geladen…',
  'panel.unavailable':
    'Dieses Hilfefenster ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.',

  'auth.choose.heading': 'Melden Sie sich an, um Ihre Bestellungen zu sehen',
  'auth.choose.intro': 'Wir senden Ihnen einen 6-stelligen Code. Sie brauchen kein Passwort.',
  'auth.choose.email': 'Code per E-Mail erhalten',
  'auth.choose.sms': 'Code per SMS erhalten',
  'auth.home.heading': 'Ihre Bestellungen',
  'auth.home.signed_in_as': 'Angemeldet als {identity}',
  'auth.signed_out': 'Sie sind abgemeldet.',

  'error.heading': 'Etwas ist schiefgelaufen',
  'error.rate_limited': 'Zu viele Versuche. Bitte versuchen Sie es {when} erneut.',
  'error.session_missing': 'Bitte melden Sie sich an, um fortzufahren.',
  'error.session_expired': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'error.session_revoked': 'Sie wurden abgemeldet. Bitte melden Sie sich erneut an.',
  'error.store_not_found': 'Dieses Hilfefenster ist für diesen Shop nicht eingerichtet.',
  'error.customer_data_withheld':
    'Dieser Shop hat seinem Hilfebereich noch nicht erlaubt, Bestellungen per E-Mail oder Telefon zu finden. Bitte wenden Sie sich direkt an den Shop.',
  'error.network':
    'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.unknown': 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',

  'error.invalid_cursor': 'Diese Liste ist nicht mehr aktuell. Bitte laden Sie sie neu.',

  'orders.more': 'Weitere Bestellungen anzeigen',
  'orders.loaded': {
    one: '{count} weitere Bestellung angezeigt.',
    other: '{count} weitere Bestellungen angezeigt.',
  },
  'order.none': 'Wir haben keine Bestellungen für {identity} gefunden.',
  'order.name': 'Bestellung {name}',
  'order.placed_on': 'Bestellt am {date}',
  'order.arriving_on': 'Lieferung am {date}',
  'order.preview_more': {
    one: '{title} und {count} weiterer Artikel',
    other: '{title} und {count} weitere Artikel',
  },
  'order.status_now': 'Bestellung {name}: {status}',
  'order.preview_qty': '{title} × {count}',
  'order.progress': 'Lieferfortschritt',
  'order.step.ordered': 'Bestellt',
  'order.step.shipped': 'Versendet',
  'order.step.out_for_delivery': 'In Zustellung',
  'order.step.delivered': 'Zugestellt',

  'status.unfulfilled': 'Bestellung eingegangen',
  'status.processing': 'Wird vorbereitet',
  'status.pending_delivery': 'Versendet',
  'status.in_transit': 'Unterwegs',
  'status.out_for_delivery': 'In Zustellung',
  'status.attempted_delivery': 'Zustellversuch',
  'status.ready_for_pickup': 'Abholbereit',
  'status.delivered': 'Zugestellt',
  'status.failed_delivery': 'Zustellung fehlgeschlagen',
  'status.cancelled': 'Storniert',
  'status.refunded': 'Erstattet',
  'status.partially_refunded': 'Teilweise erstattet',
  'status.status_unavailable': 'Status nicht verfügbar',

  'timeline.order_placed': 'Bestellung aufgegeben',
  'timeline.payment_received': 'Zahlung eingegangen',
  'timeline.refund_issued': 'Erstattung veranlasst',
  'timeline.return_opened': 'Rückgabe begonnen',
  'timeline.order_cancelled': 'Bestellung storniert',
  'timeline.fulfilled': 'Bestellung verpackt',
  'timeline.label_created': 'Versandetikett erstellt',
  'timeline.carrier_picked_up': 'Vom Versanddienst abgeholt',
  'timeline.shipped': 'Versendet',
  'timeline.in_transit': 'Unterwegs',
  'timeline.out_for_delivery': 'In Zustellung',
  'timeline.attempted_delivery': 'Zustellversuch',
  'timeline.delayed': 'Verzögert',
  'timeline.ready_for_pickup': 'Abholbereit',
  'timeline.picked_up': 'Abgeholt',
  'timeline.delivered': 'Zugestellt',
  'timeline.failed': 'Zustellung fehlgeschlagen',
  'timeline.cancelled': 'Storniert',
  'timeline.update': 'Neuigkeit vom Versanddienst',

  // Live chat
  'chat.entry': 'Chatten Sie mit uns',
}
