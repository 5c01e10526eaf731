/**
 * The built-in return and cancel reason codes (the catalogs label each as `reason.<code>`). A
 * leaf module: the panel takes its defaults from here without the rules of request-reasons.ts.
 */
export const DEFAULT_RETURN_REASONS = [
  'doesnt_fit',
  'damaged',
  'not_as_described',
  'wrong_item',
  'changed_mind',
  'other',
] as const

export const DEFAULT_CANCEL_REASONS = [
  'ordered_by_mistake',
  'found_better_price',
  'delivery_too_slow',
  'changed_mind',
  'other',
] as const
