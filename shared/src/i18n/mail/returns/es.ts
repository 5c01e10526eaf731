import type { ReturnMailCatalog } from './types.ts'

export const es: ReturnMailCatalog = {
  sendTo: 'Envía los artículos a:',
  rmaLine: 'Escribe esta referencia de devolución en el paquete: {rma}',
  labelAction: 'Descargar tu etiqueta de devolución',
  labelLater: 'Si la tienda ofrece una etiqueta de devolución, te la enviaremos.',
  labelReadySubject: 'Tu etiqueta de devolución del pedido {order}',
  labelReadyLead: 'Tu etiqueta de devolución del pedido {order} está lista.',
  receivedSubject: 'Hemos recibido tu devolución del pedido {order}',
  receivedLead: 'Hemos recibido los artículos que devolviste del pedido {order}.',
  receivedPartly: 'Algunos artículos de tu devolución aún no han llegado.',
  receivedRefund: 'Un reembolso de {amount} va de camino a tu método de pago original.',
}
