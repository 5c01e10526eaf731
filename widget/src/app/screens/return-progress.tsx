import type { ReturnProgress } from '@porchlight/shared/api/returns'
import { formatMoney } from '@porchlight/shared/i18n/index'
import { safeHttpUrl } from '@porchlight/shared/url/safe-url'
import type { LocaleState } from '../locale.ts'
import { say, when } from '../words.ts'
import { External } from './ui.tsx'

/** An uploaded label is a path on this server (the panel's own origin); links are taken as they are. */
function labelHref(url: string): string | null {
  return url.startsWith('/') ? new URL(url, document.baseURI).href : safeHttpUrl(url)
}

/**
 * An approved return, for the shopper: where to send it, the reference to write on the parcel,
 * the label when there is one, what has arrived, and each step as it happened.
 */
export function ReturnSteps({ progress, i18n }: { progress: ReturnProgress; i18n: LocaleState }) {
  const a = progress.address
  const href = progress.label === null ? null : labelHref(progress.label.url)
  return (
    <div class="return-progress" data-testid="return-progress">
      <span class="line">
        {i18n.t('return.reference', { reference: progress.reference })}{' '}
        <span class="muted">{i18n.t('return.reference_hint')}</span>
      </span>
      {a !== null && (
        <address class="line">
          <span class="muted">{i18n.t('return.send_to')}</span>
          <br />
          {a.name}
          <br />
          {a.line1}
          {a.line2 && <>, {a.line2}</>}
          <br />
          {[a.postalCode, a.city, a.region].filter(Boolean).join(' ')}, {a.country}
        </address>
      )}
      {href !== null ? (
        <External href={href} class="button">
          {i18n.t('return.label')}
        </External>
      ) : (
        <span class="line muted">{i18n.t('return.no_label')}</span>
      )}
      <ul class="plain">
        {progress.lines.map((l) => (
          <li key={l.lineItemId} class="line">
            {l.title}: {i18n.t('return.received', { received: l.received, quantity: l.quantity })}
          </li>
        ))}
      </ul>
      {progress.exchange && (
        <span class="line" data-testid="return-exchange">
          {i18n.t('return.exchange', {
            name: progress.exchange.orderName,
            items: progress.exchange.lines.map((l) => l.title).join(', '),
          })}
        </span>
      )}
      <ol class="plain" aria-label={i18n.t('return.progress')}>
        {progress.steps.map((s, i) => (
          <li key={i} class="line" data-step={s.step}>
            <strong>{say(i18n, `return.step.${s.step}`)}</strong>
            {s.amount && <> {formatMoney(s.amount, i18n.locale)}</>}{' '}
            <span class="muted">{when(s.at, i18n)}</span>
          </li>
        ))}
      </ol>
    </div>
  )
}
