/**
 * Text from outside the console (a shopper's name, address or message, a store's order data)
 * set apart for the bidirectional algorithm. A right-to-left override in it (`invoice\u202Egnp.exe`)
 * then reorders only its own characters, never the console's words or the fields beside it,
 * and Arabic or Hebrew names keep their own direction (bdi is dir="auto").
 */
export function Bidi(props: { children: string | number | null | undefined }) {
  return <bdi>{props.children}</bdi>
}
