import type { CoreCatalog } from './types.ts'

/** Spanish, neutral and informal (tú), as most stores address shoppers. */
export const es: CoreCatalog = {
  'common.back': 'Atrás',
  'common.close': 'Cerrar',
  'common.retry': 'Reintentar',
  'common.sign_out': 'Cerrar sesión',
  'common.loading': 'Cargando…',
  'panel.unavailable':
    'Este panel de ayuda no está disponible en este momento. Vuelve a intentarlo más tarde.',

  'auth.choose.heading': 'Inicia sesión para ver tus pedidos',
  'auth.choose.intro': 'Te enviaremos un código de 6 dígitos. No necesitas contraseña.',
  'auth.choose.email': 'Recibir un código por correo electrónico',
  'auth.choose.sms': 'Recibir un código por SMS',
  'auth.home.heading': 'Tus pedidos',
  'auth.home.signed_in_as': 'Sesión iniciada como {identity}',
  'auth.signed_out': 'Has cerrado sesión.',

  'error.heading': 'Algo ha fallado',
  'error.rate_limited': 'Demasiados intentos. Vuelve a intentarlo {when}.',
  'error.session_missing': 'Inicia sesión para continuar.',
  'error.session_expired': 'Tu sesión ha caducado. Vuelve a iniciar sesión.',
  'error.session_revoked': 'Se ha cerrado tu sesión. Vuelve a iniciar sesión.',
  'error.store_not_found': 'Este panel de ayuda no está configurado para esta tienda.',
  'error.customer_data_withheld':
    'Esta tienda aún no ha permitido que su panel de ayuda busque pedidos por correo o teléfono. Ponte en contacto directamente con la tienda.',
  'error.network':
    'No podemos conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  'error.unknown': 'Algo ha fallado por nuestra parte. Vuelve a intentarlo.',

  'error.invalid_cursor': 'Esta lista está desactualizada. Vuelve a cargarla.',

  'orders.more': 'Ver más pedidos',
  'orders.loaded': {
    one: 'Se muestra {count} pedido más.',
    other: 'Se muestran {count} pedidos más.',
  },
  'order.none': 'No hemos encontrado pedidos para {identity}.',
  'order.name': 'Pedido {name}',
  'order.placed_on': 'Realizado el {date}',
  'order.arriving_on': 'Llega el {date}',
  'order.preview_more': {
    one: '{title} y {count} artículo más',
    other: '{title} y {count} artículos más',
  },
  'order.status_now': 'Pedido {name}: {status}',
  'order.preview_qty': '{title} × {count}',
  'order.progress': 'Progreso de la entrega',
  'order.step.ordered': 'Pedido',
  'order.step.shipped': 'Enviado',
  'order.step.out_for_delivery': 'En reparto',
  'order.step.delivered': 'Entregado',

  'status.unfulfilled': 'Pedido recibido',
  'status.processing': 'En preparación',
  'status.pending_delivery': 'Enviado',
  'status.in_transit': 'En tránsito',
  'status.out_for_delivery': 'En reparto',
  'status.attempted_delivery': 'Intento de entrega',
  'status.ready_for_pickup': 'Listo para recoger',
  'status.delivered': 'Entregado',
  'status.failed_delivery': 'Entrega fallida',
  'status.cancelled': 'Cancelado',
  'status.refunded': 'Reembolsado',
  'status.partially_refunded': 'Reembolsado en parte',
  'status.status_unavailable': 'Estado no disponible',

  'timeline.order_placed': 'Pedido realizado',
  'timeline.payment_received': 'Pago recibido',
  'timeline.refund_issued': 'Reembolso emitido',
  'timeline.return_opened': 'Devolución iniciada',
  'timeline.order_cancelled': 'Pedido cancelado',
  'timeline.fulfilled': 'Pedido empaquetado',
  'timeline.label_created': 'Etiqueta de envío creada',
  'timeline.carrier_picked_up': 'Recogido por el transportista',
  'timeline.shipped': 'Enviado',
  'timeline.in_transit': 'En tránsito',
  'timeline.out_for_delivery': 'En reparto',
  'timeline.attempted_delivery': 'Intento de entrega',
  'timeline.delayed': 'Retrasado',
  'timeline.ready_for_pickup': 'Listo para recoger',
  'timeline.picked_up': 'Recogido',
  'timeline.delivered': 'Entregado',
  'timeline.failed': 'Entrega fallida',
  'timeline.cancelled': 'Cancelado',
  'timeline.update': 'Novedad del transportista',

  // Live chat
  'chat.entry': 'Chatea con nosotros',
}
