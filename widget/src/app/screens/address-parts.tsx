import type { AddressProblem } from '@porchlight/shared/orders/address-fields'
import type { LocaleState } from '../locale.ts'

/** Pieces of the address change screens: country names, an address as lines, field problems. */

/** The country's name in the shopper's language (the code when Intl does not know it). */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** The address as lines, in the order a label prints them (for the review and "current"). */
export function addressLines(
  a: Record<string, string | null | undefined>,
  locale: string,
): string[] {
  const place = [a['postalCode'], a['city'], a['region']].filter(Boolean).join(' ')
  const lines = [a['name'], a['company'], a['line1'], a['line2'], place]
  return [...lines, a['country'] ? countryName(a['country'], locale) : null].filter(
    (l): l is string => typeof l === 'string' && l.trim() !== '',
  )
}

export function AddressBlock({ label, lines }: { label: string; lines: string[] }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {lines.map((l, i) => (
          <span key={i} class="line">
            {l}
          </span>
        ))}
      </dd>
    </div>
  )
}

export function FieldProblem(props: { id: string; problem: AddressProblem; i18n: LocaleState }) {
  return (
    <p id={props.id} class="error">
      {props.i18n.t(`address.problem.${props.problem.code}`)}
    </p>
  )
}
