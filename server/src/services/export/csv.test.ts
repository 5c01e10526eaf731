import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvCell, csvRow, csvStream } from './csv.ts'

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
  ])('escapes %j against formula injection', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('quotes commas, quotes, line breaks and edge spaces; leaves plain text alone', () => {
    expect(csvCell('Lefèvre, Bruno')).toBe('"Lefèvre, Bruno"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(' padded')).toBe('" padded"')
    expect(csvCell('Zoë')).toBe('Zoë')
    expect(csvCell('a=b')).toBe('a=b') // only a leading sign starts a formula
    expect(csvCell(null)).toBe('')
    expect(csvCell(3)).toBe('3')
  })

  it('ends rows with CRLF', () => {
    expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n')
  })
})

describe('CSV stream', () => {
  it('starts with the UTF-8 BOM and the header, then each page as it is read', async () => {
    const read: number[] = []
    async function* pages() {
      for (let p = 1; p <= 3; p++) {
        read.push(p)
        yield [{ name: `Zoë ${p}` }, { name: `=${p}` }]
      }
    }
    const stream = csvStream(['Name'], pages(), (r) => [r.name])
    const reader = stream.getReader()
    const first = await reader.read()
    // The header is out before any page was asked for: nothing is built in memory first.
    expect(read).toEqual([])
    const bytes = first.value as Uint8Array
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`${CSV_BOM}Name\r\n`)
    const second = await reader.read()
    expect(read).toEqual([1])
    expect(new TextDecoder().decode(second.value)).toBe("Zoë 1\r\n'=1\r\n")
    let rest = ''
    for (;;) {
      const chunk = await reader.read()
      if (chunk.done) break
      rest += new TextDecoder().decode(chunk.value)
    }
    expect(rest).toBe("Zoë 2\r\n'=2\r\nZoë 3\r\n'=3\r\n")
  })
})
