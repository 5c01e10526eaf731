import { PNG } from 'pngjs'

export interface PixelDiff {
  /** Pixels compared (inside the mask) and how many of them differ beyond the threshold. */
  compared: number
  differing: number
  ratio: number
  /** The second image with differing pixels painted magenta, to look at when a test fails. */
  diffPng: Buffer
}

/** Pixels to compare: true inside the element's visible shape (rounded corners excluded). */
export type Mask = (x: number, y: number, width: number, height: number) => boolean

export const circleMask: Mask = (x, y, w, h) => {
  const r = Math.min(w, h) / 2 - 1.5
  return (x + 0.5 - w / 2) ** 2 + (y + 0.5 - h / 2) ** 2 <= r * r
}

/** Everything except the squares under rounded corners of the given radius. */
export const roundedRectMask =
  (radius: number): Mask =>
  (x, y, w, h) =>
    !((x < radius || x >= w - radius) && (y < radius || y >= h - radius))

/**
 * Compares two screenshots of the same size pixel by pixel. A pixel differs when one channel
 * moves by more than `threshold` (0-255): anti-aliasing wobbles by a few units, a different
 * colour, font or position moves by far more.
 */
export function diffScreenshots(
  a: Buffer,
  b: Buffer,
  options: { threshold?: number; mask?: Mask } = {},
): PixelDiff {
  const threshold = options.threshold ?? 24
  const mask = options.mask ?? (() => true)
  const pa = PNG.sync.read(a)
  const pb = PNG.sync.read(b)
  if (pa.width !== pb.width || pa.height !== pb.height) {
    throw new Error(`sizes differ: ${pa.width}x${pa.height} vs ${pb.width}x${pb.height}`)
  }
  const out = new PNG({ width: pb.width, height: pb.height })
  pb.data.copy(out.data)
  let compared = 0
  let differing = 0
  for (let y = 0; y < pa.height; y++) {
    for (let x = 0; x < pa.width; x++) {
      if (!mask(x, y, pa.width, pa.height)) continue
      compared++
      const i = (y * pa.width + x) * 4
      let worst = 0
      for (let c = 0; c < 3; c++)
        worst = Math.max(worst, Math.abs(pa.data[i + c]! - pb.data[i + c]!))
      if (worst > threshold) {
        differing++
        out.data.set([255, 0, 255, 255], i)
      }
    }
  }
  return { compared, differing, ratio: differing / compared, diffPng: PNG.sync.write(out) }
}
