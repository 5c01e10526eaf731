/**
 * The demo store's products and their variants, with the stock each starts at. Order lines
 * name a variant by its SKU (the seed's PRODUCTS use the same SKUs); stock that has moved
 * since is in `demo_stock`. Prices are minor units of whichever currency the order is in, as
 * in the seed. A few variants start out of stock, so the panel's choice has something to hide.
 */
export interface DemoVariant {
  sku: string
  title: string
  price: number
  startingStock: number
}

export interface DemoCatalogueProduct {
  id: string
  title: string
  variants: DemoVariant[]
}

const v = (sku: string, title: string, price: number, startingStock: number): DemoVariant => ({
  sku,
  title,
  price,
  startingStock,
})

export const DEMO_CATALOGUE: DemoCatalogueProduct[] = [
  {
    id: 'prod_throw',
    title: 'Linen throw',
    variants: [
      v('LL-THR-SND', 'Sand', 8900, 6),
      v('LL-THR-SND-L', 'Sand, large (150 × 200 cm)', 8900, 4),
      v('LL-THR-OAT', 'Oat', 8900, 5),
      v('LL-THR-CHR', 'Charcoal', 8900, 0),
    ],
  },
  {
    id: 'prod_mug',
    title: 'Speckled stoneware mug',
    variants: [
      v('LL-MUG-OAT', 'Oat', 2400, 20),
      v('LL-MUG-SGE', 'Sage', 2400, 12),
      v('LL-MUG-INK', 'Ink', 2400, 0),
    ],
  },
  {
    id: 'prod_candle',
    title: 'Beeswax taper candles',
    variants: [v('LL-CND-4', 'Set of 4', 1800, 30), v('LL-CND-8', 'Set of 8', 3200, 5)],
  },
  {
    id: 'prod_rug',
    title: 'Hand-loomed wool rug',
    variants: [
      v('LL-RUG-S', '90 × 150 cm', 16_500, 4),
      v('LL-RUG-M', '120 × 180 cm', 24_500, 3),
      v('LL-RUG-L', '160 × 230 cm', 38_500, 2),
      v('LL-RUG-XL', '200 × 300 cm', 54_000, 0),
    ],
  },
  {
    id: 'prod_vase',
    title: 'Ridged glass vase',
    variants: [
      v('LL-VAS-AMB', 'Amber', 3900, 8),
      v('LL-VAS-SMK', 'Smoke', 3900, 3),
      v('LL-VAS-CLR', 'Clear', 3900, 0),
    ],
  },
  {
    id: 'prod_napkins',
    title: 'Cotton napkins',
    variants: [
      v('LL-NAP-CLY', 'Set of 4, Clay', 2200, 10),
      v('LL-NAP-IND', 'Set of 4, Indigo', 2200, 8),
    ],
  },
]

/** The product a SKU belongs to, with the variant itself; undefined for SKUs we do not sell. */
export function catalogueEntry(
  sku: string | null,
): { product: DemoCatalogueProduct; variant: DemoVariant } | undefined {
  for (const product of DEMO_CATALOGUE) {
    const variant = product.variants.find((x) => x.sku === sku)
    if (variant !== undefined) return { product, variant }
  }
  return undefined
}
