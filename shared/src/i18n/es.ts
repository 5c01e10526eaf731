import type { CoreCatalog } from './types.ts'

/** Spanish, neutral and informal (tú), as most stores address shoppers. */
export const es: CoreCatalog = {
  'common.back': 'Atrás',
  'common.close': 'Cerrar',
  'common.retry': 'Reintentar',
  'common.sign_out': 'Cerrar sesión',
  'common.continue': 'Continuar',
  'common.loading': 'Cargando…',
  'panel.label': 'Ayuda y pedidos',
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
  'error.invalid_email': 'Ese correo electrónico no parece válido. Revísalo y vuelve a intentarlo.',
  'error.invalid_phone':
    'Ese número de teléfono no parece válido. Revísalo e incluye el prefijo del país, como +34.',
  'error.invalid_code_format': 'Escribe los 6 dígitos de tu mensaje.',
  'error.code_incorrect': 'Ese código no es correcto. Revísalo y vuelve a intentarlo.',
  'error.code_expired': 'Este código ya no sirve. Pide un código nuevo y usa ese.',
  'error.resend_too_soon': 'Espera un momento: podrás pedir un código nuevo {when}.',
  'error.rate_limited': 'Demasiados intentos. Vuelve a intentarlo {when}.',
  'error.session_missing': 'Inicia sesión para continuar.',
  'error.session_expired': 'Tu sesión ha caducado. Vuelve a iniciar sesión.',
  'error.session_revoked': 'Se ha cerrado tu sesión. Vuelve a iniciar sesión.',
  'error.challenge_not_found': 'Este inicio de sesión ha caducado. Pide un código nuevo.',
  'error.channel_unavailable':
    'Este método de acceso no está disponible ahora mismo. Prueba la otra opción.',
  'error.phone_unsubscribed':
    'Este número se ha dado de baja de nuestros SMS. Responde START para volver a darte de alta o usa el correo.',
  'error.undeliverable':
    'No hemos podido enviar tu código. Comprueba la dirección o el número y vuelve a intentarlo.',
  'error.store_not_found': 'Este panel de ayuda no está configurado para esta tienda.',
  'error.validation_failed':
    'Hay algo en el formulario que no es correcto. Revísalo y vuelve a intentarlo.',
  'error.customer_data_withheld':
    'Esta tienda aún no ha permitido que su panel de ayuda busque pedidos por correo o teléfono. Ponte en contacto directamente con la tienda.',
  'error.network':
    'No podemos conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  'error.unknown': 'Algo ha fallado por nuestra parte. Vuelve a intentarlo.',

  'error.invalid_cursor': 'Esta lista está desactualizada. Vuelve a cargarla.',
  'error.order_not_found': 'No encontramos este pedido.',
  'error.request_not_offered': 'Esta solicitud ya no está disponible para este pedido.',
  'error.request_already_open': 'Ya lo has pedido: estamos revisando la solicitud {reference}.',
  'error.invalid_reason': 'Ese motivo ya no está disponible para este pedido. Elige otro.',
  'error.invalid_lines':
    'Algunos artículos ya no se pueden devolver en esas cantidades. Revísalos y vuelve a intentarlo.',
  'error.idempotency_key_missing': 'No hemos podido enviar tu solicitud. Vuelve a intentarlo.',
  'error.idempotency_key_invalid': 'No hemos podido enviar tu solicitud. Vuelve a intentarlo.',
  'error.idempotency_key_reused':
    'Tu solicitud cambió mientras se enviaba. Revísala y vuelve a enviarla.',
  'error.invalid_json': 'No hemos podido enviarlo. Vuelve a intentarlo.',
  'error.payload_too_large': 'Es demasiado largo para enviarlo. Acórtalo y vuelve a intentarlo.',
  'error.unsupported_media_type': 'No hemos podido enviarlo. Vuelve a intentarlo.',

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
  'chat.entry_unread': 'Chatea con nosotros (mensajes nuevos)',
}
