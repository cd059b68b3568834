// CSV of the summary table: UTF-8 with a BOM (so Excel on Chinese Windows reads it as UTF-8), CRLF,
// every field quoted when it needs to be (RFC 4180).

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v)
    return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s
  }
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`
}
