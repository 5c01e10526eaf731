/**
 * English: the reference catalog. Its keys are the message keys of the whole widget; every
 * other language must define exactly these keys (see `Catalog` in types.ts). Keys are stable
 * codes (`status.in_transit`, `error.code_expired`) so rules in shared/ can name messages
 * without knowing their words. `{name}` is a placeholder; an object is a plural, chosen by
 * `count` with Intl.PluralRules.
 */
export const en = {
  // Common actions and panel chrome
  'common.back': 'Back',
  'common.close': 'Close',
  'common.retry': 'Try again',
  'common.sign_out': 'Sign out',
  'common.loading': 'Loading…',
  'panel.unavailable': 'This help panel is unavailable right now. Please try again later.',

  // Sign-in
  'auth.choose.heading': 'Sign in to see your orders',
  'auth.choose.intro': 'We’ll send you a 6-digit code. No password needed.',
  'auth.choose.email': 'Get a code by email',
  'auth.choose.sms': 'Get a code by text message',
  'auth.home.heading': 'Your orders',
  'auth.home.signed_in_as': 'Signed in as {identity}',
  'auth.signed_out': 'You are signed out.',

  // Errors, by the server's stable codes (shared/src/api/auth.ts) plus client-side ones
  'error.heading': 'Something went wrong',
  'error.rate_limited': 'Too many attempts. Please try again {when}.',
  'error.session_missing': 'Please sign in to continue.',
  'error.session_expired': 'Your session has ended. Please sign in again.',
  'error.session_revoked': 'You were signed out. Please sign in again.',
  'error.store_not_found': 'This help panel isn’t set up for this store.',
  'error.customer_data_withheld':
    'This store hasn’t allowed its help panel to look up orders by email or phone yet. Please contact the store directly.',
  'error.network': 'We can’t reach the server. Check your connection and try again.',
  'error.unknown': 'Something went wrong on our side. Please try again.',

  // Errors of the order list (shared/src/api/orders.ts); the forms' and the order page's are later
  'error.invalid_cursor': 'This list is out of date. Please reload it.',

  // Order list
  'orders.more': 'Show more orders',
  'orders.loaded': { one: '{count} more order shown.', other: '{count} more orders shown.' },
  'order.none': 'We couldn’t find any orders for {identity}.',
  'order.name': 'Order {name}',
  'order.placed_on': 'Placed on {date}',
  'order.arriving_on': 'Arriving on {date}',
  'order.preview_more': {
    one: '{title} and {count} more item',
    other: '{title} and {count} more items',
  },
  'order.status_now': 'Order {name}: {status}',
  'order.preview_qty': '{title} × {count}',
  'order.progress': 'Delivery progress',
  'order.step.ordered': 'Ordered',
  'order.step.shipped': 'Shipped',
  'order.step.out_for_delivery': 'Out for delivery',
  'order.step.delivered': 'Delivered',

  // Shopper-facing display status of an order (orders/display-status.ts); parcels use these too
  'status.unfulfilled': 'Order received',
  'status.processing': 'Being prepared',
  'status.pending_delivery': 'Shipped',
  'status.in_transit': 'In transit',
  'status.out_for_delivery': 'Out for delivery',
  'status.attempted_delivery': 'Delivery attempted',
  'status.ready_for_pickup': 'Ready for pickup',
  'status.delivered': 'Delivered',
  'status.failed_delivery': 'Delivery failed',
  'status.cancelled': 'Cancelled',
  'status.refunded': 'Refunded',
  'status.partially_refunded': 'Partially refunded',
  'status.status_unavailable': 'Status unavailable',

  // Timeline entries: the order's milestones and every shipment entry kind (orders/timeline.ts)
  'timeline.order_placed': 'Order placed',
  'timeline.payment_received': 'Payment received',
  'timeline.refund_issued': 'Refund issued',
  'timeline.return_opened': 'Return started',
  'timeline.order_cancelled': 'Order cancelled',
  'timeline.fulfilled': 'Order packed',
  'timeline.label_created': 'Shipping label created',
  'timeline.carrier_picked_up': 'Picked up by the carrier',
  'timeline.shipped': 'Shipped',
  'timeline.in_transit': 'In transit',
  'timeline.out_for_delivery': 'Out for delivery',
  'timeline.attempted_delivery': 'Delivery attempted',
  'timeline.delayed': 'Delayed',
  'timeline.ready_for_pickup': 'Ready for pickup',
  'timeline.picked_up': 'Picked up',
  'timeline.delivered': 'Delivered',
  'timeline.failed': 'Delivery failed',
  'timeline.cancelled': 'Cancelled',
  'timeline.update': 'Update from the carrier',

  // Live chat
  'chat.entry': 'Chat with us',
} as const
