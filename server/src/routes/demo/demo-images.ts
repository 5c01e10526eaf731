/**
 * Product pictures of the demo store, drawn as small SVGs and served from our own origin, so the
 * demo shows thumbnails with no request leaving the machine. One per product of seed/demo-shoppers.ts, at
 * `/demo/products/<key>.svg` (our origin, which the panel's `img-src 'self'` allows).
 */
const frame = (background: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" fill="${background}"/>${body}</svg>`

export const demoImages: Readonly<Record<string, string>> = {
  throw: frame(
    '#efe6d8',
    '<path d="M20 26h56v44H20z" fill="#d8c3a0"/><path d="M20 60h56v10H20z" fill="#c4a77a"/><path d="M26 70v8M34 70v8M42 70v8M50 70v8M58 70v8M66 70v8" stroke="#c4a77a" stroke-width="2"/>',
  ),
  mug: frame(
    '#e9efe9',
    '<path d="M28 30h34v34a8 8 0 0 1-8 8H36a8 8 0 0 1-8-8z" fill="#e3d9c6"/><path d="M62 38h6a8 8 0 0 1 0 16h-6" fill="none" stroke="#e3d9c6" stroke-width="5"/><circle cx="38" cy="44" r="1.5" fill="#7a6a55"/><circle cx="50" cy="52" r="1.5" fill="#7a6a55"/><circle cx="42" cy="60" r="1.5" fill="#7a6a55"/>',
  ),
  candle: frame(
    '#f3ecdd',
    '<path d="M30 36h6v40h-6zM42 32h6v44h-6zM54 36h6v40h-6zM66 40h6v36h-6z" fill="#e8c766"/><path d="M33 28q2 4 0 7q-2-3 0-7zM45 24q2 4 0 7q-2-3 0-7zM57 28q2 4 0 7q-2-3 0-7zM69 32q2 4 0 7q-2-3 0-7z" fill="#e07b39"/>',
  ),
  rug: frame(
    '#ece5dc',
    '<path d="M22 22h52v52H22z" fill="#9c5b3c"/><path d="M30 30h36v36H30z" fill="none" stroke="#e9d3b4" stroke-width="3"/><path d="M48 36l12 12-12 12-12-12z" fill="#e9d3b4"/>',
  ),
  vase: frame(
    '#eef0ee',
    '<path d="M40 20h16v8q12 10 10 28q-2 18-18 20q-16-2-18-20q-2-18 10-28z" fill="#d99a3e"/><path d="M44 34v36M52 34v36" stroke="#b97a22" stroke-width="2"/>',
  ),
  napkins: frame(
    '#f1e9e4',
    '<path d="M22 40h52v14H22z" fill="#c07a5e"/><path d="M22 54h52v14H22z" fill="#a9634a"/><path d="M22 28h52v12H22z" fill="#d4947a"/>',
  ),
  cushion: frame(
    '#efe7e1',
    '<path d="M20 28q28-8 56 0q4 20 0 40q-28 8-56 0q-4-20 0-40z" fill="#b5532f"/><circle cx="48" cy="48" r="4" fill="#8e3d1f"/>',
  ),
  giftCard: frame(
    '#eaeef3',
    '<rect x="16" y="30" width="64" height="40" rx="6" fill="#2f4858"/><path d="M16 44h64" stroke="#e8c766" stroke-width="4"/><path d="M58 30v40" stroke="#e8c766" stroke-width="4"/>',
  ),
}
