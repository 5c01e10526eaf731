import type { TicketMailCatalog } from './types.ts'

export const es: TicketMailCatalog = {
  dir: 'ltr',
  subject: {
    cancelApproved: 'El pedido {order} está cancelado',
    cancelDeclined: 'Tu solicitud de cancelación del pedido {order}',
    returnApproved: 'Tu devolución del pedido {order} ha sido aprobada',
    returnDeclined: 'Tu solicitud de devolución del pedido {order}',
    issueApproved: 'Tu aviso sobre el pedido {order}',
    issueDeclined: 'Tu aviso sobre el pedido {order}',
    reply: 'Re: tu solicitud {reference} a {store}',
    refund: 'Reembolso de {amount} del pedido {order}',
  },
  lead: {
    cancelApproved:
      'Hemos aprobado tu solicitud de cancelar el pedido {order}: el pedido está cancelado.',
    cancelDeclined: 'No hemos podido aceptar tu solicitud de cancelar el pedido {order}.',
    returnApproved: 'Hemos aprobado tu devolución del pedido {order}.',
    returnDeclined: 'No hemos podido aceptar tu solicitud de devolución del pedido {order}.',
    issueApproved: 'Hemos aceptado tu aviso sobre el pedido {order} y te contactaremos pronto.',
    issueDeclined: 'No hemos podido aceptar tu aviso sobre el pedido {order}.',
    reply: '{store} ha respondido a tu solicitud {reference}:',
    refund: 'Te hemos reembolsado {amount} del pedido {order}.',
  },
  refundReleased: 'Un reembolso de {amount} va en camino a tu método de pago original.',
  refundPending: 'Estamos procesando el reembolso a tu método de pago original.',
  refundOnReceipt: 'Te haremos el reembolso en cuanto recibamos los artículos.',
  noteFrom: 'Un mensaje de {store}:',
  referenceLine: 'Referencia: {reference}',
  footer: 'Recibes este correo porque hiciste una solicitud a {store}.',
  ratePrompt: '¿Qué tal lo hizo {store}? Cuéntanoslo en unos segundos.',
  rateAction: 'Valorar tu experiencia',
}
