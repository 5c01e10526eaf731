import type { MailCatalog } from './types.ts'

export const fr: MailCatalog = {
  dir: 'ltr',
  signInCode: {
    subject: 'Votre code de connexion pour {store}',
    intro: 'Utilisez ce code pour vous connecter à {store} :',
    expiry: 'Il expire dans {minutes} minutes et ne sert qu’une seule fois.',
    ignore:
      'Si vous n’avez pas demandé ce code, ignorez cet e-mail : personne ne peut se connecter sans lui.',
    warning: 'Ne communiquez jamais ce code. {store} ne vous le demandera jamais.',
    sms: '{code} est votre code de connexion {store}. Il expire dans {minutes} minutes. Ne le partagez pas.',
  },
  requestAck: {
    subject: '{store} : nous avons bien reçu votre demande {reference}',
    return: 'Nous avons bien reçu votre demande de retour {reference} pour la commande {order}.',
    cancel: 'Nous avons bien reçu votre demande {reference} d’annulation de la commande {order}.',
    address_change:
      'Nous avons bien reçu votre demande {reference} de changement d’adresse de livraison pour la commande {order}.',
    issue: 'Nous avons bien reçu votre signalement {reference} concernant la commande {order}.',
    contact: 'Nous avons bien reçu votre message {reference}.',
    contactOrder: 'Nous avons bien reçu votre message {reference} concernant la commande {order}.',
    review: 'L’équipe {store} va l’examiner et reviendra vers vous.',
    reply: 'L’équipe {store} va le lire et vous répondra.',
    keep: 'Si vous nous écrivez à ce sujet, indiquez la référence {reference}.',
    sms: '{store} : nous avons bien reçu votre demande {reference} concernant la commande {order}. L’équipe va l’examiner et reviendra vers vous.',
    smsContact: '{store} : nous avons bien reçu votre message {reference}. L’équipe vous répondra.',
  },
}
