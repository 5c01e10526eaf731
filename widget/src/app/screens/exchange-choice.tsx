import type { ExchangeOption, ExchangeOptions } from '@porchlight/shared/api/exchanges'
import { useEffect, useId, useState } from 'preact/hooks'
import type { ApiClient } from '../api-client.ts'
import { useI18n } from '../locale.ts'

/**
 * For a line picked for return: the shopper may ask for another variant of the same product
 * instead of their money. Only variants in stock are listed (the server answers only those);
 * when none is, the line says so and the return stays a refund. Asked for once per line.
 */
export function ExchangeChoice(props: {
  api: ApiClient
  orderId: string
  lineItemId: string
  value: string | undefined
  onChange: (option: ExchangeOption | undefined) => void
}) {
  const { api, orderId, lineItemId, value, onChange } = props
  const i18n = useI18n()
  const id = useId()
  // null while asking, and for good when the store cannot exchange the line at all.
  const [offered, setOffered] = useState<ExchangeOptions | null | 'none'>(null)
  useEffect(() => {
    let live = true
    void api.exchangeOptions(orderId, lineItemId).then((result) => {
      if (!live || !result.ok || result.value.exchangeable === false) return
      setOffered(result.value.options.length > 0 ? result.value : 'none')
    })
    return () => {
      live = false
    }
  }, [api, orderId, lineItemId])
  if (offered === null) return null
  if (offered === 'none') return <span class="line muted">{i18n.t('request.exchange.none')}</span>
  return (
    <span class="quantity">
      <label for={id}>{i18n.t('request.exchange.label')}</label>
      <select
        id={id}
        onChange={(e) =>
          onChange(offered.options.find((o) => o.variantId === e.currentTarget.value))
        }
      >
        <option value="" selected={value === undefined}>
          {i18n.t('request.exchange.refund')}
        </option>
        {offered.options.map((o) => (
          <option key={o.variantId} value={o.variantId} selected={o.variantId === value}>
            {i18n.t('request.exchange.for', { variant: o.title })}
          </option>
        ))}
      </select>
    </span>
  )
}
