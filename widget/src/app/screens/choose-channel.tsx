import type { Channel } from '@porchlight/shared/api/auth'
import type { MessageKey } from '@porchlight/shared/i18n/index'
import { useI18n } from '../locale.ts'
import { ScreenView } from './screen-view.tsx'

interface Props {
  focus: boolean
  /** A message to show on arrival: signed out, or the session ended. */
  notice: Extract<MessageKey, 'auth.signed_out' | `error.session_${string}`> | null
  onPick: (channel: Channel) => void
  /** Where Back goes, when sign-in is a detour (the contact form). */
  onBack?: () => void
}

/** First sign-in step: email or text message. */
export function ChooseChannel({ focus, notice, onPick, onBack }: Props) {
  const { t } = useI18n()
  return (
    <ScreenView title={t('auth.choose.heading')} focus={focus} onBack={onBack}>
      <p role="status" class="status">
        {notice ? t(notice) : ''}
      </p>
      <p>{t('auth.choose.intro')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => onPick('email')}>
          {t('auth.choose.email')}
        </button>
        <button type="button" class="secondary" onClick={() => onPick('sms')}>
          {t('auth.choose.sms')}
        </button>
      </div>
    </ScreenView>
  )
}
