import type {
  ChallengeResponse,
  Channel,
  SessionInfo,
  SessionResponse,
} from '@porchlight/shared/api/auth'
import type { EmbedMode } from '@porchlight/shared/api/embed-messages'
import type { OrderStatusView } from '@porchlight/shared/api/orders'
import type { RequestChannel, RequestFiled, RequestType } from '@porchlight/shared/api/requests'
import { regionOf } from '@porchlight/shared/i18n/index'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { createApiClient, isSessionEnded, type ApiError, type Result } from './api-client.ts'
import { ChatButton, ChatView, useChatEntry } from './chat/chat-entry.tsx'
import { useI18n } from './locale.ts'
import type { OrderView } from './order-view.ts'
import { problemFor, problemText, type Problem } from './problem.ts'
import { lazyScreen, whenIdle } from './lazy-screen.tsx'
import { forget } from './resource.ts'
import { ChooseChannel } from './screens/choose-channel.tsx'
import { OrdersHome } from './screens/orders-home.tsx'
import { ScreenView } from './screens/screen-view.tsx'
import { createTokenStore } from './session-token.ts'

type Notice =
  'auth.signed_out' | 'error.session_missing' | 'error.session_expired' | 'error.session_revoked'

type Identity = SessionInfo['identity']

const channels: Record<EmbedMode, RequestChannel> = {
  floating: 'chat',
  portal: 'help-center',
  contact: 'contact-form',
}

/** Where the shopper is. One value, so a screen change is one state change. */
type Screen =
  | { name: 'checking' }
  | { name: 'offline'; problem: Problem }
  | { name: 'choose'; notice: Notice | null }
  | { name: 'identifier'; channel: Channel; value: string }
  | {
      name: 'code'
      channel: Channel
      identifier: string
      challenge: ChallengeResponse
      receivedAt: number
    }
  | { name: 'home'; identity: Identity }
  | { name: 'order'; identity: Identity; id: string; title: string; status?: OrderStatusView }
  | { name: 'request'; identity: Identity; order: OrderView; type: RequestType }
  /** The contact-form embed's one screen, signed in or not. */
  | { name: 'contact'; identity: Identity | null }

function noticeFor(error: ApiError): Notice {
  return error.code === 'session_revoked' || error.code === 'session_missing'
    ? `error.${error.code}`
    : 'error.session_expired'
}

interface Props {
  storeKey: string
  /** How the panel is embedded: the contact form has its own home and channel. */
  mode?: EmbedMode
  /** The store's Loop Returns portal, if it uses one. */
  loopUrl?: string | null
  /** The host page's `Porchlight('identify', token)`: signs the shopper in without a code. */
  identityToken?: string | undefined
  /** The Shopify app proxy's one-time grant (via the loader): signs the customer in likewise. */
  identityGrant?: string | undefined
  /** Called once a shopper signs in, for the host page's `signed-in` event (no personal data). */
  onSignedIn?: () => void
  /** Called when a request or message became a ticket, for the `ticket:created` event. */
  onTicket?: (filed: RequestFiled) => void
  /** Agent messages not yet read, for the launcher badge. */
  onUnread?: (count: number) => void
}

/**
 * The sign-in forms come one click after the first screen (the choice of email or text): they
 * and their words are fetched when the browser is idle once that choice is drawn.
 */
const EnterIdentifier = lazyScreen(() =>
  import('./screens/enter-identifier.tsx').then((m) => m.EnterIdentifier),
)
const EnterCode = lazyScreen(() => import('./screens/enter-code.tsx').then((m) => m.EnterCode))

/** The contact-form embed's only screen, fetched as the embed starts (see Portal). */
const ContactForm = lazyScreen(() =>
  import('./screens/contact-form.tsx').then((m) => m.ContactForm),
)

/**
 * The order page is a chunk of its own, so the first view carries only sign-in and the list.
 * It is fetched once the list is drawn, when the browser is idle: the shopper's next click.
 */
const OrderDetail = lazyScreen(() =>
  import('./screens/order-detail.tsx').then((m) => m.OrderDetail),
)

/**
 * The request forms (return, cancel, issue, address change) are a chunk of their own, with
 * words of their own: most visits only read orders. It is fetched when an order is opened, one
 * click before the shopper can need it. (widget/scripts/size.ts counts its words for it.)
 */
const RequestFlow = lazyScreen(
  () => import('./screens/request-flow.tsx').then((m) => m.RequestFlow),
  ['later', 'forms'],
)

/**
 * The panel's screens and the moves between them: sign-in first, then the shopper's orders, an
 * order, a request about it. The contact form starts on the message and signs in on request.
 */
export function Portal({
  storeKey,
  mode = 'floating',
  loopUrl = null,
  identityToken,
  identityGrant,
  onSignedIn,
  onTicket,
  onUnread,
}: Props) {
  const i18n = useI18n()
  const navigations = useRef(0)
  const [screen, setScreen] = useState<Screen>({ name: 'checking' })
  const go = (next: Screen) => {
    navigations.current++
    setScreen(next)
  }
  // The client outlives renders; the latest `go` is reached through a ref.
  const onEnded = useRef((_: ApiError) => {})
  const firstCheck = useRef(true)
  const contact = mode === 'contact'
  const home = (identity: Identity): Screen =>
    contact ? { name: 'contact', identity } : { name: 'home', identity }
  const signedOut = (notice: Notice | null): Screen =>
    contact ? { name: 'contact', identity: null } : { name: 'choose', notice }
  onEnded.current = (error) => {
    forget()
    ;(firstCheck.current ? setScreen : go)(signedOut(noticeFor(error)))
  }
  const api = useMemo(
    () => createApiClient(storeKey, createTokenStore(storeKey), (e) => onEnded.current(e)),
    [storeKey],
  )
  const country = useMemo(
    () =>
      regionOf(new URLSearchParams(location.search).get('locale')) ?? regionOf(navigator.language),
    [],
  )

  async function check(first: boolean) {
    if (!api.hasSession()) return setScreen(signedOut(null))
    if (!first) go({ name: 'checking' })
    const result = await api.session()
    firstCheck.current = false
    const show = first ? setScreen : go
    if (result.ok) return show(home(result.value.identity))
    // A dead session was already reported through onSessionEnded; anything else is transient.
    if (!isSessionEnded(result.error)) show({ name: 'offline', problem: problemFor(result.error) })
  }
  useEffect(() => {
    void check(true)
  }, [api])

  // A refused token or grant changes nothing: the shopper keeps the session or the sign-in they
  // had (the server logs why it was refused).
  const signInFromHost = (trade: Promise<Result<SessionResponse>>) =>
    void trade.then((result) => {
      if (!result.ok) return
      firstCheck.current = false
      go(home(result.value.identity))
      onSignedIn?.()
    })
  useEffect(() => {
    if (identityToken !== undefined) signInFromHost(api.identify(identityToken))
  }, [api, identityToken])
  useEffect(() => {
    if (identityGrant !== undefined) signInFromHost(api.redeemGrant(identityGrant))
  }, [api, identityGrant])

  useEffect(() => {
    if (screen.name === 'home') return whenIdle(OrderDetail.prefetch)
    if (screen.name === 'choose') return whenIdle(EnterIdentifier.prefetch)
    // The code screen is drawn once the server sent the code: fetched while the shopper types.
    if (screen.name === 'identifier') EnterCode.prefetch()
    if (screen.name === 'order') RequestFlow.prefetch()
  }, [screen.name])
  // Fetched alongside the session check, so the contact embed waits for no extra round trip.
  useEffect(() => {
    if (contact) ContactForm.prefetch()
  }, [contact])

  // The chat sits over the portal: its back arrow returns to whatever screen was here.
  const chat = useChatEntry(storeKey)
  // Focus follows navigation, never the first paint (see ScreenView).
  const focus = navigations.current > 0
  const { t } = i18n
  const signOut = async () => {
    await api.signOut()
    forget()
    go(signedOut('auth.signed_out'))
  }
  if (chat.open) {
    return (
      <ChatView
        storeKey={storeKey}
        initial={chat.initial}
        onBack={() => chat.setOpen(false)}
        onUnread={(count) => onUnread?.(count)}
      />
    )
  }
  const chatButton = <ChatButton onOpen={() => chat.setOpen(true)} />
  switch (screen.name) {
    case 'checking':
      return (
        <p role="status" class="status" aria-busy="true">
          {t('common.loading')}
        </p>
      )
    case 'offline':
      return (
        <ScreenView title={t('error.heading')} focus={focus} key="offline">
          <p role="alert" class="error">
            {problemText(screen.problem, i18n)}
          </p>
          <button type="button" class="primary" onClick={() => void check(false)}>
            {t('common.retry')}
          </button>
        </ScreenView>
      )
    case 'choose':
      return (
        <>
          <ChooseChannel
            key="choose"
            focus={focus}
            notice={screen.notice}
            onPick={(channel) => go({ name: 'identifier', channel, value: '' })}
            {...(contact ? { onBack: () => go(signedOut(null)) } : {})}
          />
          {chatButton}
        </>
      )
    case 'identifier':
      return (
        <EnterIdentifier.Screen
          key={`identifier-${screen.channel}`}
          api={api}
          channel={screen.channel}
          initialValue={screen.value}
          country={country}
          focus={focus}
          onBack={() => go({ name: 'choose', notice: null })}
          onSent={(identifier, challenge) =>
            go({ ...screen, name: 'code', identifier, challenge, receivedAt: Date.now() })
          }
        />
      )
    case 'code':
      return (
        <EnterCode.Screen
          key={`code-${screen.receivedAt}`}
          api={api}
          channel={screen.channel}
          identifier={screen.identifier}
          challenge={screen.challenge}
          receivedAt={screen.receivedAt}
          focus={focus}
          onChangeIdentifier={() =>
            go({ name: 'identifier', channel: screen.channel, value: screen.identifier })
          }
          onSignedIn={(session) => {
            go(home(session.identity))
            onSignedIn?.()
          }}
        />
      )
    case 'home':
      return (
        <>
          <OrdersHome
            key="home"
            api={api}
            identity={screen.identity}
            focus={focus}
            onOpen={(order) =>
              go({
                name: 'order',
                identity: screen.identity,
                id: order.id,
                title: order.name,
                status: order.status,
              })
            }
            onSignOut={signOut}
          />
          {chatButton}
        </>
      )
    case 'order':
      return (
        <OrderDetail.Screen
          key={`order-${screen.id}`}
          api={api}
          id={screen.id}
          name={screen.title}
          status={screen.status}
          focus={focus}
          loopUrl={loopUrl}
          onBack={() => go({ name: 'home', identity: screen.identity })}
          onRequest={(type, order) =>
            go({ name: 'request', identity: screen.identity, order, type })
          }
        />
      )
    case 'request': {
      const back = () =>
        go({
          name: 'order',
          identity: screen.identity,
          id: screen.order.id,
          title: screen.order.name,
          status: screen.order.status,
        })
      return (
        <RequestFlow.Screen
          key={`request-${screen.type}-${screen.order.id}`}
          api={api}
          order={screen.order}
          type={screen.type}
          channel={channels[mode]}
          focus={focus}
          onBack={back}
          onFiled={(filed) => onTicket?.(filed)}
        />
      )
    }
    case 'contact':
      return (
        <ContactForm.Screen
          key={`contact-${screen.identity?.value ?? ''}`}
          api={api}
          identity={screen.identity}
          focus={focus}
          onSignIn={() => go({ name: 'choose', notice: null })}
          onSignOut={signOut}
          onFiled={(filed) => onTicket?.(filed)}
        />
      )
  }
}
