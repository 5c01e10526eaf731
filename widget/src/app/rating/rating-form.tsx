/**
 * The shopper's rating of a resolved request or an ended chat: a lazy chunk of its own (the
 * panel's first load stays within its budget), with its own few words in each language rather
 * than the panel's catalogs, which every visit downloads.
 */
import { useId, useState } from 'preact/hooks'
import { useI18n } from '../locale.ts'
import '../screens/request-forms.css'
import './rating.css'
import '../fields.css'

export interface RatingFormProps {
  /** A rating already given (shown instead of the form). */
  rated: number | null
  send: (body: {
    score: number
    comment?: string
  }) => Promise<{ ok: boolean; error?: { code: string } }>
}

const WORDS = {
  en: [
    'How did we do?',
    '{n} out of 5',
    'Anything to add? (optional)',
    'Send rating',
    'Thank you for your rating!',
    'You rated this {n} out of 5.',
    'Your rating could not be sent. Try again.',
    'Pick a rating from 1 to 5.',
  ],
  fr: [
    'Comment nous en sommes-nous sortis ?',
    '{n} sur 5',
    'Quelque chose à ajouter ? (facultatif)',
    'Envoyer la note',
    'Merci pour votre note !',
    'Vous avez donné {n} sur 5.',
    'Votre note n’a pas pu être envoyée. Réessayez.',
    'Choisissez une note de 1 à 5.',
  ],
  es: [
    '¿Qué tal lo hicimos?',
    '{n} de 5',
    '¿Algo que añadir? (opcional)',
    'Enviar valoración',
    '¡Gracias por tu valoración!',
    'Lo valoraste con {n} de 5.',
    'No se pudo enviar tu valoración. Inténtalo de nuevo.',
    'Elige una valoración del 1 al 5.',
  ],
  de: [
    'Wie haben wir das gemacht?',
    '{n} von 5',
    'Möchten Sie etwas ergänzen? (optional)',
    'Bewertung senden',
    'Danke für Ihre Bewertung!',
    'Sie haben {n} von 5 vergeben.',
    'Ihre Bewertung konnte nicht gesendet werden. Versuchen Sie es erneut.',
    'Wählen Sie eine Bewertung von 1 bis 5.',
  ],
  ar: [
    'ما رأيك في خدمتنا؟',
    '{n} من 5',
    'هل تود إضافة شيء؟ (اختياري)',
    'أرسل التقييم',
    'شكرًا على تقييمك!',
    'قيّمت هذا بـ {n} من 5.',
    'تعذّر إرسال تقييمك. حاول مرة أخرى.',
    'اختر تقييمًا من 1 إلى 5.',
  ],
} as const

type Words = (typeof WORDS)['en']

function words(locale: string): Words {
  const lang = locale.split('-')[0] as keyof typeof WORDS
  return (WORDS[lang] ?? WORDS.en) as Words
}

export function RatingForm({ rated, send }: RatingFormProps) {
  const { locale } = useI18n()
  const w = words(locale)
  const id = useId()
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed' | 'pick'>('idle')
  const n = (text: string, value: number) => text.replace('{n}', String(value))

  if (rated !== null || state === 'done') {
    return (
      <p class="rating-done" role="status">
        {rated === null ? w[4] : n(w[5], rated)}
      </p>
    )
  }
  return (
    <form
      class="rating"
      onSubmit={async (e) => {
        e.preventDefault()
        if (state === 'busy') return
        if (score === 0) return setState('pick')
        setState('busy')
        const result = await send(comment.trim() ? { score, comment: comment.trim() } : { score })
        // Rated already (another tab, the email): the first rating stands; thank them all the same.
        if (result.ok || result.error?.code === 'already_rated') return setState('done')
        setState('failed')
      }}
    >
      <fieldset aria-describedby={state === 'pick' ? `${id}-e` : undefined}>
        <legend>{w[0]}</legend>
        <div class="rating-scores">
          {[1, 2, 3, 4, 5].map((v) => (
            <label key={v} class="rating-score">
              <input
                type="radio"
                name={`${id}-score`}
                value={v}
                checked={score === v}
                onChange={() => {
                  setScore(v)
                  setState('idle')
                }}
              />
              <span aria-hidden="true">
                {v <= score ? '★' : '☆'} {v}
              </span>
              <span class="rating-sr">{n(w[1], v)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label for={`${id}-c`}>{w[2]}</label>
      <textarea
        id={`${id}-c`}
        rows={2}
        maxLength={1000}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      {(state === 'failed' || state === 'pick') && (
        <p id={`${id}-e`} role="alert" class="error">
          {state === 'pick' ? w[7] : w[6]}
        </p>
      )}
      <button type="submit" class="primary" aria-disabled={state === 'busy'}>
        {w[3]}
      </button>
    </form>
  )
}
