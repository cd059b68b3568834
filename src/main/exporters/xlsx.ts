// The summary workbook (汇总表.xlsx) with ExcelJS: the table with colour-coded item cells, frozen
// header, filters and widths that fit Chinese text; a sheet of every annotation; a sheet of counts.

import ExcelJS from 'exceljs'
import { displayWidth } from '../../shared/text-width'
import type { Checklist } from '../../shared/models/checklist'
import type { ReviewDocument } from './model'
import { countsTable, summaryTable } from './summary'

/** Excel refuses (and WPS cuts) a cell of more than 32,767 characters. */
export const EXCEL_CELL_MAX = 32767
const CLIPPED = '…（超出 Excel 单元格 32767 字的上限，以下从略）'

/** A cell's value within Excel's limit, clipped with a marker saying so (never inside a surrogate pair). */
export function clipCell<T>(v: T): T | string {
  if (typeof v !== 'string' || v.length <= EXCEL_CELL_MAX) return v
  let end = EXCEL_CELL_MAX - CLIPPED.length
  const code = v.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${v.slice(0, end)}${CLIPPED}`
}

const FILL: Record<'good' | 'fair' | 'poor' | 'none', string | null> = { good: 'FFC6EFCE', fair: 'FFFFEB9C', poor: 'FFFFC7CE', none: null }
const FONT = { name: '宋体', size: 11 }

/** Column widths from the longest line of each column (Chinese characters count double), within bounds. */
function fitColumns(sheet: ExcelJS.Worksheet, rows: Array<Array<string | number | null>>, max = 60): void {
  const widths: number[] = []
  for (const r of rows)
    r.forEach((v, i) => {
      const longest = Math.max(...String(v ?? '').split('\n').map(displayWidth))
      widths[i] = Math.max(widths[i] ?? 6, Math.min(max, longest + 2))
    })
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w))
}

function header(row: ExcelJS.Row): void {
  row.font = { ...FONT, bold: true }
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
    c.border = { bottom: { style: 'thin' } }
  })
}

export async function summaryWorkbook(docs: ReviewDocument[], checklist: Checklist, meta: { project: string; reviewer: string; date: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = meta.reviewer || '法治报告审核台'
  wb.title = `${meta.project} 审核汇总表`
  wb.created = new Date()

  const table = summaryTable(docs, checklist)
  const t = { ...table, rows: table.rows.map((r) => r.map(clipCell)) }
  const ws = wb.addWorksheet('汇总表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] })
  header(ws.addRow(t.header))
  t.rows.forEach((r, k) => {
    const row = ws.addRow(r)
    row.font = FONT
    row.alignment = { vertical: 'top', wrapText: true }
    t.tones[k]!.forEach((tone, j) => {
      const fill = FILL[tone]
      if (fill) row.getCell(t.itemStart + j + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
    })
  })
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: t.header.length } }
  fitColumns(ws, [t.header, ...t.rows])
  ws.getColumn(t.header.length - 1).width = 60 // the opinion wraps rather than stretching the sheet

  const notes = wb.addWorksheet('批注', { views: [{ state: 'frozen', ySplit: 1 }] })
  const noteRows = docs.flatMap((d) => d.annotations.map((a) => [d.title, d.issuer, a.itemName, a.quote, a.comment, a.createdAt.slice(0, 10)].map(clipCell)))
  const noteHeader = ['报告标题', '发布单位', '清单项目', '引文', '批注说明', '日期']
  header(notes.addRow(noteHeader))
  for (const r of noteRows) {
    const row = notes.addRow(r)
    row.font = FONT
    row.alignment = { vertical: 'top', wrapText: true }
  }
  notes.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + noteRows.length, column: noteHeader.length } }
  fitColumns(notes, [noteHeader, ...noteRows])

  const counts = countsTable(docs, checklist)
  const cs = wb.addWorksheet('统计')
  header(cs.addRow(counts.items[0]!))
  for (const r of counts.items.slice(1)) cs.addRow(r).font = FONT
  cs.addRow([])
  header(cs.addRow(counts.overall[0]!))
  for (const r of counts.overall.slice(1)) cs.addRow(r).font = FONT
  fitColumns(cs, [...counts.items, ...counts.overall])
  cs.addRow([])
  cs.addRow([`项目：${meta.project}\u3000审核人：${meta.reviewer || '—'}\u3000制表日期：${meta.date}`]).font = { ...FONT, italic: true }

  return new Uint8Array(await wb.xlsx.writeBuffer())
}
