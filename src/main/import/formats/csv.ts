/**
 * A small RFC 4180 CSV reader: quoted fields with embedded commas, doubled quotes and
 * line breaks; CRLF, LF or lone CR line ends; an optional UTF-8 byte-order mark.
 * Lenient where exports are sloppy: a quote inside an unquoted field is kept as text,
 * and text after a closing quote is appended to the field. An unterminated quoted field
 * is an error, because everything after it would be silently misread.
 */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
    this.name = 'CsvError'
  }
}

/** Every record as an array of fields. A final line end does not make an empty record; blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  let line = 1
  const n = text.length
  // Whether the current record has seen any field content or separator (so a blank line is not a record).
  let started = false

  const endRecord = () => {
    record.push(field)
    field = ''
    if (started) records.push(record)
    record = []
    started = false
  }

  while (i < n) {
    const c = text[i]
    if (c === '"' && field === '') {
      // A quoted field.
      const openLine = line
      started = true
      i++
      for (;;) {
        if (i >= n) throw new CsvError(`unterminated quoted field starting on line ${openLine}`, openLine)
        const q = text[i]
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++
        field += q
        i++
      }
      // Anything up to the next separator is appended as it is (lenient).
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
      continue
    }
    if (c === ',') {
      record.push(field)
      field = ''
      started = true
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      endRecord()
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      continue
    }
    field += c
    started = true
    i++
  }
  if (started || field !== '' || record.length > 0) endRecord()
  return records
}

/** The first line of `text` parsed as a CSV header (cheap: only the first line is read). */
export function csvHeader(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const end = text.search(/\r|\n/)
  const first = end < 0 ? text : text.slice(0, end)
  if (first.split('"').length % 2 === 0) return [] // a quoted line break in a header: not an export we know
  return parseCsv(first)[0]?.map((h) => h.trim()) ?? []
}

/** Records after the header as objects keyed by lower-cased header names, with their 1-based data row number. */
export function csvObjects(text: string): { row: number; values: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(text)
  if (!header) return []
  const names = header.map((h) => h.trim().toLowerCase())
  return rows.map((r, index) => {
    const values: Record<string, string> = {}
    names.forEach((name, j) => {
      values[name] = r[j] ?? ''
    })
    return { row: index + 1, values }
  })
}
