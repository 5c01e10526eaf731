import type { TicketMailCatalog } from './types.ts'

export const fr: TicketMailCatalog = {
  dir: 'ltr',
  subject: {
    cancelApproved: 'La commande {order} est annulée',
    cancelDeclined: 'Votre demande d’annulation de la commande {order}',
    returnApproved: 'Votre retour pour la commande {order} est accepté',
    returnDeclined: 'Votre demande de retour pour la commande {order}',
    addressChangeApproved: 'La commande {order} sera livrée à votre nouvelle adresse',
    addressChangeDeclined: 'Votre demande de changement d’adresse pour la commande {order}',
    issueApproved: 'Votre signalement concernant la commande {order}',
    issueDeclined: 'Votre signalement concernant la commande {order}',
    reply: 'Re : votre demande {reference} à {store}',
    refund: 'Remboursement de {amount} pour la commande {order}',
  },
  lead: {
    cancelApproved:
      'Votre demande d’annulation de la commande {order} a été acceptée : la commande est annulée.',
    cancelDeclined:
      'Nous n’avons pas pu accepter votre demande d’annulation de la commande {order}.',
    returnApproved: 'Votre retour pour la commande {order} a été accepté.',
    returnDeclined:
      'Nous n’avons pas pu accepter votre demande de retour pour la commande {order}.',
    addressChangeApproved:
      'Nous avons changé l’adresse de livraison de la commande {order} : elle sera livrée à l’adresse que vous nous avez indiquée.',
    addressChangeDeclined:
      'Nous n’avons pas pu changer l’adresse de livraison de la commande {order}.',
    issueApproved:
      'Nous avons pris en compte votre signalement concernant la commande {order} et reviendrons vers vous.',
    issueDeclined:
      'Nous n’avons pas pu donner suite à votre signalement concernant la commande {order}.',
    reply: '{store} a répondu à votre demande {reference} :',
    refund: 'Nous avons remboursé {amount} pour la commande {order}.',
  },
  refundReleased:
    'Un remboursement de {amount} est en cours vers votre moyen de paiement d’origine.',
  refundPending:
    'Le remboursement vers votre moyen de paiement d’origine est en cours de traitement.',
  refundOnReceipt: 'Nous vous rembourserons dès réception des articles.',
  noteFrom: 'Un mot de {store} :',
  referenceLine: 'Référence : {reference}',
  footer: 'Vous recevez cet e-mail car vous avez fait une demande auprès de {store}.',
  ratePrompt: 'Comment {store} s’en est-il sorti ? Dites-le-nous en quelques secondes.',
  rateAction: 'Évaluer votre expérience',
  ratingPage: {
    heading: 'Comment s’est passé votre échange avec {store} ?',
    about: 'À propos de la demande {reference}.',
    legend: 'Votre note, de 1 (mauvais) à 5 (excellent)',
    commentLabel: 'Quelque chose à ajouter ? (facultatif)',
    submit: 'Envoyer la note',
    thanksTitle: 'Merci !',
    thanksText: 'Votre note a été transmise à la boutique.',
    alreadyTitle: 'Déjà noté',
    alreadyText: 'Cette demande a déjà été notée. Merci !',
    pickTitle: 'Choisissez une note',
    pickText: 'Revenez en arrière et choisissez une note de 1 à 5.',
    expiredTitle: 'Ce lien a expiré',
    expiredText: 'Les liens de notation fonctionnent 30 jours après la résolution de la demande.',
    invalidTitle: 'Ce lien ne fonctionne pas',
    invalidText: 'Vérifiez que le lien de l’e-mail a été ouvert en entier.',
  },
}
