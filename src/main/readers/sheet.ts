// Bytes of a spreadsheet the reviewer keeps (the roster of units) → rows of cell text: Excel (.xlsx)
// through ExcelJS, CSV in any encoding Excel on Chinese Windows writes (UTF-8 with or without BOM,
// GBK) and pasted text (one unit per line, or tab-separated columns copied from a sheet).

import { AppError } from '../../shared/errors'
import { decodeText } from './encoding'

const MAX_ROWS = 20_000
const MAX_SHEET_BYTES = 20 * 1024 * 1024

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), or tab-separated text when there are tabs and no commas. */
export function parseDelimited(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'))
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === sep) {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      if (rows.length > MAX_ROWS) throw new AppError('too-large', `表格超过 ${MAX_ROWS} 行。`)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows.map((r) => r.map((v) => v.trim())).filter((r) => r.some((v) => v !== ''))
}

/** The first sheet of a workbook, or a CSV/text file, as rows of cell text. */
export async function readSheet(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  if (bytes.length > MAX_SHEET_BYTES) throw new AppError('too-large', `表格文件过大（${(bytes.length / 1048576).toFixed(1)} MB）。`)
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (isZip) {
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    try {
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
    } catch {
      throw new AppError('corrupt', `${fileName} 不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再导入。`)
    }
    const sheet = wb.worksheets[0]
    if (!sheet) throw new AppError('empty', `${fileName} 中没有工作表。`)
    const rows: string[][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (rows.length > MAX_ROWS) return
      const values = Array.isArray(row.values) ? row.values.slice(1) : []
      rows.push(values.map((v) => cellText(v)))
    })
    if (rows.length > MAX_ROWS) throw new AppError('too-large', `表格超过 ${MAX_ROWS} 行。`)
    return rows.filter((r) => r.some((v) => v !== ''))
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new AppError('unsupported-format', `${fileName} 是旧版 Excel（.xls）文件，请另存为 .xlsx 或 .csv 后再导入。`)
  return parseDelimited(decodeText(bytes).text)
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: Array<{ text: string }>; result?: unknown; hyperlink?: string }
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('').trim()
    if (typeof o.text === 'string') return o.text.trim()
    if (o.result !== undefined) return String(o.result).trim()
    if (v instanceof Date) return v.toISOString().slice(0, 10)
  }
  return String(v).trim()
}
