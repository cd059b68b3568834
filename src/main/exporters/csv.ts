// CSV of the summary table: UTF-8 with a BOM (so Excel on Chinese Windows reads it as UTF-8), CRLF,
// every field quoted when it needs to be (RFC 4180).

// A field a spreadsheet would take for a formula (=, +, -, @, and a leading tab or carriage return,
// which Excel skips before looking) gets a leading apostrophe (OWASP's CSV-injection advice).
const FORMULA = /^[=+\-@\t\r]/

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v)
    const safe = FORMULA.test(s) ? `'${s}` : s
    return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : s
  }
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`
}
