/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends), safe to open: a cell that a spreadsheet
 * would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, the
 * OWASP list) is prefixed with `'`, which spreadsheets show as text; quotes, commas and line
 * breaks are quoted. Pure functions; the routes stream their output row by row.
 */

/** Byte order mark: Excel reads the file as UTF-8 (accents intact) only with it. */
export const CSV_BOM = '\uFEFF'

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(
  values: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/**
 * A streamed CSV body: the BOM and header first, then the rows of each page as it is read, so
 * an export of any size holds one page in memory. `pages` ends when it returns.
 */
export function csvStream<T>(
  header: readonly string[],
  pages: AsyncIterable<T[]>,
  row: (item: T) => ReadonlyArray<string | number | boolean | null | undefined>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = pages[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)))
        return
      }
      const next = await iterator.next()
      if (next.done === true) {
        controller.close()
        return
      }
      if (next.value.length > 0)
        controller.enqueue(encoder.encode(next.value.map((item) => csvRow(row(item))).join('')))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
