import type { CoreCatalog } from './types.ts'

/**
 * French. Punctuation follows French typography: a no-break space (U+00A0) before ? ! : ;
 * so the mark never starts a line.
 */
export const fr: CoreCatalog = {
  'common.back': 'Retour',
  'common.close': 'Fermer',
  'common.retry': 'Réessayer',
  'common.sign_out': 'Se déconnecter',
  'common.loading': 'Chargement…',
  'panel.unavailable':
    'Ce panneau d’aide est indisponible pour le moment. Veuillez réessayer plus tard.',

  'auth.choose.heading': 'Connectez-vous pour voir vos commandes',
  'auth.choose.intro':
    'Nous allons vous envoyer un code à 6 chiffres. Aucun mot de passe n’est nécessaire.',
  'auth.choose.email': 'Recevoir un code par e-mail',
  'auth.choose.sms': 'Recevoir un code par SMS',
  'auth.home.heading': 'Vos commandes',
  'auth.home.signed_in_as': 'Session ouverte avec {identity}',
  'auth.signed_out': 'Votre session est fermée.',

  'error.heading': 'Un problème est survenu',
  'error.rate_limited': 'Trop de tentatives. Veuillez réessayer {when}.',
  'error.session_missing': 'Veuillez vous connecter pour continuer.',
  'error.session_expired': 'Votre session a expiré. Veuillez vous reconnecter.',
  'error.session_revoked': 'Votre session a été fermée. Veuillez vous reconnecter.',
  'error.store_not_found': 'Ce panneau d’aide n’est pas configuré pour cette boutique.',
  'error.customer_data_withheld':
    'Cette boutique n’a pas encore autorisé son espace d’aide à retrouver les commandes par e-mail ou par téléphone. Contactez directement la boutique.',
  'error.network': 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  'error.unknown': 'Un problème est survenu de notre côté. Veuillez réessayer.',

  'error.invalid_cursor': 'Cette liste n’est plus à jour. Veuillez la recharger.',

  'orders.more': 'Afficher plus de commandes',
  'orders.loaded': {
    one: '{count} commande de plus affichée.',
    other: '{count} commandes de plus affichées.',
  },
  'order.none': 'Nous n’avons trouvé aucune commande pour {identity}.',
  'order.name': 'Commande {name}',
  'order.placed_on': 'Passée le {date}',
  'order.arriving_on': 'Livraison prévue le {date}',
  'order.preview_more': {
    one: '{title} et {count} autre article',
    other: '{title} et {count} autres articles',
  },
  'order.status_now': 'Commande {name} : {status}',
  'order.preview_qty': '{title} × {count}',
  'order.progress': 'Avancement de la livraison',
  'order.step.ordered': 'Commandé',
  'order.step.shipped': 'Expédié',
  'order.step.out_for_delivery': 'En cours de livraison',
  'order.step.delivered': 'Livré',

  'status.unfulfilled': 'Commande reçue',
  'status.processing': 'En préparation',
  'status.pending_delivery': 'Expédiée',
  'status.in_transit': 'En transit',
  'status.out_for_delivery': 'En cours de livraison',
  'status.attempted_delivery': 'Tentative de livraison',
  'status.ready_for_pickup': 'Prête à être retirée',
  'status.delivered': 'Livrée',
  'status.failed_delivery': 'Échec de livraison',
  'status.cancelled': 'Annulée',
  'status.refunded': 'Remboursée',
  'status.partially_refunded': 'Partiellement remboursée',
  'status.status_unavailable': 'Statut indisponible',

  'timeline.order_placed': 'Commande passée',
  'timeline.payment_received': 'Paiement reçu',
  'timeline.refund_issued': 'Remboursement effectué',
  'timeline.return_opened': 'Retour ouvert',
  'timeline.order_cancelled': 'Commande annulée',
  'timeline.fulfilled': 'Commande emballée',
  'timeline.label_created': 'Étiquette d’expédition créée',
  'timeline.carrier_picked_up': 'Pris en charge par le transporteur',
  'timeline.shipped': 'Expédié',
  'timeline.in_transit': 'En transit',
  'timeline.out_for_delivery': 'En cours de livraison',
  'timeline.attempted_delivery': 'Tentative de livraison',
  'timeline.delayed': 'Retardé',
  'timeline.ready_for_pickup': 'Prêt à être retiré',
  'timeline.picked_up': 'Retiré',
  'timeline.delivered': 'Livré',
  'timeline.failed': 'Échec de livraison',
  'timeline.cancelled': 'Annulé',
  'timeline.update': 'Information du transporteur',

  // Live chat
  'chat.entry': 'Discuter avec nous',
}
