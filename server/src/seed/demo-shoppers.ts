import type { DemoProduct, DemoShopper } from './demo-order-builders.ts'

/**
 * The demo store's shoppers (listed in the README under "Demo shoppers"). Addresses use
 * example.com mail and phone numbers reserved for fiction, so a demo never writes to a real
 * person, that can receive a sign-in text: mobile numbers as libphonenumber-js reads them (the
 * sign-in refuses landlines). Those are the US 555-01xx range and Australia's fictitious mobiles
 * (0491 570 xxx, ACMA); the UK and French fiction ranges (020 7946 0xxx, 07700 900xxx,
 * 01 99 00, 06 39 98) are landlines or numbers libphonenumber-js calls invalid.
 */
export const DEMO_SHOPPERS = {
  ada: {
    name: 'Ada Park',
    email: 'ada@example.com',
    phone: '+14155550101',
    currency: 'USD',
    address: {
      name: 'Ada Park',
      company: null,
      line1: '1427 Broadway',
      line2: 'Apt 5',
      city: 'Oakland',
      region: 'CA',
      postalCode: '94612',
      country: 'US',
      phone: '+14155550101',
    },
  },
  bruno: {
    name: 'Bruno Lefèvre',
    email: 'bruno@example.com',
    phone: '+61491570156',
    currency: 'EUR',
    address: {
      name: 'Bruno Lefèvre',
      company: null,
      line1: '12 rue des Lilas',
      line2: null,
      city: 'Paris',
      region: null,
      postalCode: '75011',
      country: 'FR',
      phone: '+61491570156',
    },
  },
  chidi: {
    name: 'Chidi Okafor',
    email: 'chidi@example.com',
    phone: '+61491570157',
    currency: 'GBP',
    address: {
      name: 'Chidi Okafor',
      company: 'Okafor Studio',
      line1: '221 Camden High Street',
      line2: null,
      city: 'London',
      region: null,
      postalCode: 'NW1 7BU',
      country: 'GB',
      phone: '+61491570157',
    },
  },
} satisfies Record<string, DemoShopper>

/** Lumen & Loom's catalogue; prices in minor units of whichever currency the shopper pays in. */
export const PRODUCTS = {
  throw: {
    title: 'Linen throw',
    variantTitle: 'Sand',
    sku: 'LL-THR-SND',
    imageUrl: '/demo/products/throw.svg',
    price: 8900,
  },
  mug: {
    title: 'Speckled stoneware mug',
    variantTitle: 'Oat',
    sku: 'LL-MUG-OAT',
    imageUrl: '/demo/products/mug.svg',
    price: 2400,
  },
  candle: {
    title: 'Beeswax taper candles',
    variantTitle: 'Set of 4',
    sku: 'LL-CND-4',
    imageUrl: '/demo/products/candle.svg',
    price: 1800,
  },
  rug: {
    title: 'Hand-loomed wool rug',
    variantTitle: '120 × 180 cm',
    sku: 'LL-RUG-M',
    imageUrl: '/demo/products/rug.svg',
    price: 24_500,
  },
  vase: {
    title: 'Ridged glass vase',
    variantTitle: 'Amber',
    sku: 'LL-VAS-AMB',
    imageUrl: '/demo/products/vase.svg',
    price: 3900,
  },
  napkins: {
    title: 'Cotton napkins',
    variantTitle: 'Set of 4, Clay',
    sku: 'LL-NAP-CLY',
    imageUrl: '/demo/products/napkins.svg',
    price: 2200,
  },
  cushion: {
    title: 'Sample-sale cushion cover',
    variantTitle: 'Rust',
    sku: 'LL-CSH-SS',
    imageUrl: '/demo/products/cushion.svg',
    price: 1500,
    finalSale: true,
  },
  giftCard: {
    title: 'Lumen & Loom gift card',
    variantTitle: '50',
    sku: 'LL-GIFT-50',
    imageUrl: '/demo/products/giftCard.svg',
    price: 5000,
    giftCard: true,
  },
} satisfies Record<string, DemoProduct>
