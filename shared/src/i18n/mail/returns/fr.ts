import type { ReturnMailCatalog } from './types.ts'

export const fr: ReturnMailCatalog = {
  sendTo: 'Envoyez les articles à :',
  rmaLine: 'Inscrivez cette référence de retour sur le colis : {rma}',
  labelAction: 'Télécharger votre étiquette de retour',
  labelLater: 'Si la boutique fournit une étiquette de retour, nous vous l’enverrons.',
  labelReadySubject: 'Votre étiquette de retour pour la commande {order}',
  labelReadyLead: 'Votre étiquette de retour pour la commande {order} est prête.',
  receivedSubject: 'Nous avons reçu votre retour pour la commande {order}',
  receivedLead: 'Nous avons reçu les articles que vous avez renvoyés de la commande {order}.',
  receivedPartly: 'Certains articles de votre retour ne sont pas encore arrivés.',
  receivedRefund:
    'Un remboursement de {amount} est en cours vers votre moyen de paiement d’origine.',
}
