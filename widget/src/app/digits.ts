// Zeros of the decimal digit runs a shopper's keyboard or SMS app may produce: ASCII,
// Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari and full-width forms.
const zeros = [0x30, 0x660, 0x6f0, 0x966, 0xff10]

/**
 * The ASCII digits in a text, in order: "١٢٣ ٤٥٦" and "123-456" both give "123456". The
 * server accepts only ASCII digits, so the panel converts what phones and IMEs type.
 */
export function asciiDigits(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const zero = zeros.find((z) => code >= z && code <= z + 9)
    if (zero !== undefined) out += String(code - zero)
  }
  return out
}
