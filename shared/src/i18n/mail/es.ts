import type { MailCatalog } from './types.ts'

export const es: MailCatalog = {
  dir: 'ltr',
  signInCode: {
    subject: 'Tu código de acceso para {store}',
    intro: 'Usa este código para iniciar sesión en {store}:',
    expiry: 'Caduca en {minutes} minutos y solo sirve una vez.',
    ignore: 'Si no pediste este código, ignora este correo: nadie puede iniciar sesión sin él.',
    warning: 'No compartas nunca este código. {store} nunca te lo pedirá.',
    sms: '{code} es tu código de acceso a {store}. Caduca en {minutes} minutos. No lo compartas.',
  },
  requestAck: {
    subject: '{store}: hemos recibido tu solicitud {reference}',
    return: 'Hemos recibido tu solicitud de devolución {reference} del pedido {order}.',
    cancel: 'Hemos recibido tu solicitud {reference} para cancelar el pedido {order}.',
    address_change:
      'Hemos recibido tu solicitud {reference} para cambiar la dirección de entrega del pedido {order}.',
    issue: 'Hemos recibido tu aviso {reference} sobre el pedido {order}.',
    contact: 'Hemos recibido tu mensaje {reference}.',
    contactOrder: 'Hemos recibido tu mensaje {reference} sobre el pedido {order}.',
    review: 'El equipo de {store} la revisará y se pondrá en contacto contigo.',
    reply: 'El equipo de {store} lo leerá y te responderá.',
    keep: 'Si nos escribes sobre este tema, indica la referencia {reference}.',
    sms: '{store}: hemos recibido tu solicitud {reference} sobre el pedido {order}. El equipo la revisará y te responderá.',
    smsContact: '{store}: hemos recibido tu mensaje {reference}. El equipo te responderá.',
  },
}
