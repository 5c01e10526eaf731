import type { DisplayStatusCode } from '@porchlight/shared/orders/display-status'
import type { ShipmentState } from '@porchlight/shared/orders/order-facts'
import {
  DELIVERY_STEPS,
  deliveryProgress,
  statusTone,
  type StatusTone,
} from '@porchlight/shared/orders/status-look'
import type { LocaleState } from '../locale.ts'
import { statusText } from '../words.ts'

type Status = DisplayStatusCode | ShipmentState

// One glyph per tone, so the badge never says its meaning by colour alone.
const glyphs: Record<StatusTone, string> = {
  progress: 'M8 3v5l3 2',
  attention: 'M8 3.5v5.5M8 11.5v1',
  done: 'M3.5 8.5l3 3 6-7',
  cancelled: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
}

/** The status in words, on a colour of its tone, with the tone's glyph. */
export function StatusBadge(props: { code: Status; i18n: LocaleState }) {
  const tone = statusTone(props.code)
  return (
    <span class={`badge tone-${tone}`}>
      <svg viewBox="0 0 16 16" aria-hidden="true" class="badge-icon">
        {tone === 'progress' && <circle cx="8" cy="8" r="6" />}
        <path d={glyphs[tone]} />
      </svg>
      {statusText(props.code, props.i18n)}
    </span>
  )
}

/**
 * Ordered, shipped, out for delivery, delivered: the steps reached are filled. With `labels`
 * the steps are a list a screen reader reads (the current one marked); without, a decorative bar
 * beside a badge that already says the status.
 */
export function DeliveryBar(props: { code: Status; i18n: LocaleState; labels?: boolean }) {
  const reached = deliveryProgress(props.code)
  if (reached === null) return null
  const { t } = props.i18n
  const tone = statusTone(props.code)
  if (!props.labels) {
    return (
      <span class={`progress tone-${tone}`} aria-hidden="true">
        {DELIVERY_STEPS.map((step, i) => (
          <span key={step} class={i < reached ? 'on' : ''} />
        ))}
      </span>
    )
  }
  return (
    <ol class={`progress steps tone-${tone}`} aria-label={t('order.progress')}>
      {DELIVERY_STEPS.map((step, i) => (
        <li
          key={step}
          class={i < reached ? 'on' : ''}
          aria-current={i === reached - 1 ? 'step' : undefined}
        >
          {t(`order.step.${step}`)}
        </li>
      ))}
    </ol>
  )
}
