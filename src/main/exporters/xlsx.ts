// The 汇总表 workbook (ExcelJS) as it is printed and sent: a title row, the sending body and the date,
// the table on A4 landscape fitted to one page wide with its header row repeated on every page,
// frozen panes and filters; detected values set apart from the reviewer's verdicts; a sheet of
// figures that agrees with the roster; a sheet of every annotation.

import ExcelJS from 'exceljs'
import { displayWidth } from '../../shared/text-width'
import { ZH } from '../../shared/labels'
import type { Batch } from './model'
import { batchFigures, summaryTable, type Cell, type Tone } from './summary'

const FILL: Record<Tone, string | null> = { good: 'FFC6EFCE', fair: 'FFFFEB9C', poor: 'FFFFC7CE', none: null }
const FONT = { name: '宋体', size: 10 }
/** Excel refuses (and WPS cuts) a cell of more than 32,767 characters. */
export const EXCEL_CELL_MAX = 32_767
const CLIPPED = '…（超出 Excel 单元格 32767 字的上限，以下从略）'

/** A cell's value within Excel's limit, clipped with a marker saying so (never inside a surrogate pair). */
export function clip(v: Cell): Cell {
  if (typeof v !== 'string' || v.length <= EXCEL_CELL_MAX) return v
  let end = EXCEL_CELL_MAX - CLIPPED.length
  const code = v.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${v.slice(0, end)}${CLIPPED}`
}

function headerStyle(row: ExcelJS.Row): void {
  row.font = { ...FONT, bold: true }
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
  })
}

const thin = { style: 'thin' as const }
const grid = { top: thin, bottom: thin, left: thin, right: thin }

/** Column widths from the longest line of each column (Chinese characters count double), within bounds. */
function widthsOf(rows: Cell[][], min = 4, max = 40): number[] {
  const w: number[] = []
  for (const r of rows)
    r.forEach((v, i) => {
      const longest = Math.max(...String(v ?? '').split('\n').map(displayWidth))
      w[i] = Math.max(w[i] ?? min, Math.min(max, longest + 2))
    })
  return w
}

/** How many lines a value takes in a wrapped cell of this width (a CJK character is two units wide). */
function linesIn(v: ExcelJS.CellValue, width: number): number {
  if (v === null || v === undefined) return 1
  const per = Math.max(2, width - 1.5)
  return String(v)
    .split('\n')
    .reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / per)), 0)
}

function titleRows(ws: ExcelJS.Worksheet, columns: number, title: string, left: string, right: string): void {
  ws.mergeCells(1, 1, 1, columns)
  const t = ws.getCell(1, 1)
  t.value = title
  t.font = { name: '黑体', size: 16, bold: true }
  t.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 30
  const half = Math.max(1, Math.floor(columns / 2))
  ws.mergeCells(2, 1, 2, half)
  ws.getCell(2, 1).value = left
  ws.getCell(2, 1).font = FONT
  if (columns > half) {
    ws.mergeCells(2, half + 1, 2, columns)
    const r = ws.getCell(2, half + 1)
    r.value = right
    r.font = FONT
    r.alignment = { horizontal: 'right' }
  }
}

const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 }
}

export async function summaryWorkbook(b: Batch): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = b.body || '法治报告审核台'
  const t = summaryTable(b)
  wb.title = t.title
  wb.created = new Date()
  const cols = t.header.length
  const ws = wb.addWorksheet('汇总表', {
    pageSetup: { ...A4_LANDSCAPE, printTitlesRow: '3:3' },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }]
  })
  titleRows(ws, cols, t.title, maker(b), `制表日期：${b.date}`)
  headerStyle(ws.addRow(t.header))
  const nItems = b.checklist.items.length
  const findingsCol = t.itemStart + nItems
  const scoreCol = b.rubric ? findingsCol + 1 : -1
  // Narrow columns centred; the unit, the findings and the opinion summary left and wrapped.
  const left = new Set([1, findingsCol, t.opinionColumn])
  // A detected value or a proposed grade breaks before its bracket, so the columns stay narrow.
  const broken = (v: Cell) => (typeof v === 'string' ? v.replace(/（(检测|建议)）$/, '\n（$1）') : v)
  t.rows.forEach((r, k) => {
    const row = ws.addRow(r.map((v, i) => clip((i >= t.itemStart && i < findingsCol) || (scoreCol >= 0 && i === scoreCol + 1) ? broken(v) : v)))
    row.font = FONT
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = grid
      c.alignment = { vertical: 'middle', horizontal: left.has(col - 1) ? 'left' : 'center', wrapText: true }
    })
    t.items[k]!.forEach((it, j) => {
      const c = row.getCell(t.itemStart + j + 1)
      const fill = FILL[it.tone]
      if (fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
      // A detected value is not a verdict: grey italics, and the word 检测 in the cell.
      if (it.detected) c.font = { ...FONT, italic: true, color: { argb: 'FF595959' } }
    })
    if (t.missing[k]) row.getCell(4).font = { ...FONT, bold: true, color: { argb: 'FFC00000' } }
    if (t.proposed[k] && scoreCol >= 0) {
      row.getCell(scoreCol + 1).font = { ...FONT, italic: true, color: { argb: 'FF595959' } }
      row.getCell(scoreCol + 2).font = { ...FONT, italic: true, color: { argb: 'FF595959' } }
    }
  })
  const last = 3 + t.rows.length
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: Math.max(3, last), column: cols } }
  // Widths that fit the header on one line and the values in two at most, so the page stays readable when fitted to its width.
  const content = widthsOf(t.rows, 4, 40)
  const widths = t.header.map((h, i) => {
    const head = displayWidth(h) + 2
    if (i === 1) return Math.max(10, Math.min(18, content[i] ?? 10))
    if (i === findingsCol) return 14
    if (i === t.opinionColumn) return 24
    if (i === 4 || i === 5) return 11
    if (scoreCol >= 0 && i === scoreCol + 1) return 9
    return Math.max(head, i >= t.itemStart && i < findingsCol ? 9 : 5)
  })
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  // Row heights from the lines each row wraps to: LibreOffice and some versions of Excel keep the default height otherwise.
  for (let r = 4; r <= last; r++) {
    const row = ws.getRow(r)
    let lines = 1
    row.eachCell((c, col) => (lines = Math.max(lines, linesIn(c.value, widths[col - 1]!))))
    row.height = 4 + lines * 13
  }
  ws.getRow(3).height = 20
  ws.addRow([])
  for (const n of t.notes) {
    const row = ws.addRow([n])
    ws.mergeCells(row.number, 1, row.number, cols)
    row.font = { ...FONT, color: { argb: 'FF404040' } }
  }

  figuresSheet(wb, b)
  // No sheet of annotations when there are none: it would print as a page holding only its header.
  if (b.rows.some((r) => r.annotations.length)) annotationsSheet(wb, b)

  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** 制表单位, or nothing when the reviewing body is not set: a printed form never says 「未设置」. */
const maker = (b: Pick<Batch, 'body'>) => (b.body ? `制表单位：${b.body}` : '')

/** Every annotation of the batch, unit first, for the reviewer's file. */
function annotationsSheet(wb: ExcelJS.Workbook, b: Batch): void {
  const notes = wb.addWorksheet('批注', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { ...A4_LANDSCAPE, printTitlesRow: '1:1' }, headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' } })
  const noteHeader = ['单位', '清单项目', '引文', '批注说明', '日期']
  const noteRows: Cell[][] = b.rows.flatMap((r) => r.annotations.map((a) => [r.unit, a.itemName, a.quote, a.comment, a.createdAt.slice(0, 10)]))
  headerStyle(notes.addRow(noteHeader))
  for (const r of noteRows) {
    const row = notes.addRow(r.map(clip))
    row.font = FONT
    row.alignment = { vertical: 'top', wrapText: true }
  }
  notes.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + noteRows.length, column: noteHeader.length } }
  widthsOf([noteHeader, ...noteRows], 6, 60).forEach((w, i) => (notes.getColumn(i + 1).width = w))
}

/** The figures sheet: 报送和公开, 审核结论, per item how many fell short, the grades, the most common problems. */
function figuresSheet(wb: ExcelJS.Workbook, b: Batch): void {
  const f = batchFigures(b)
  const ws = wb.addWorksheet('统计', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  titleRows(ws, 4, `${b.body ? `${b.body} ` : ''}${b.year}年度法治政府建设年度报告审核情况统计`, maker(b), `制表日期：${b.date}`)
  const section = (title: string, head: string[]) => {
    ws.addRow([])
    const s = ws.addRow([title])
    s.font = { name: '黑体', size: 12, bold: true }
    headerStyle(ws.addRow(head))
  }
  const line = (cells: Cell[], pct: number[] = []) => {
    const row = ws.addRow(cells)
    row.font = { name: '宋体', size: 11 }
    row.eachCell({ includeEmpty: true }, (c) => (c.border = grid))
    for (const i of pct) row.getCell(i).numFmt = '0.0%'
    return row
  }
  section('一、报送和公开情况', ['指标', '数量', '比率', '计算口径'])
  line(['应报送单位', f.units, '', '报送名单中的单位'])
  line(['已报送', f.submitted, f.submissionRate ?? '—', '报送率 = 已报送 ÷ 应报送'], [3])
  line(['未报送', f.units - f.submitted, '', ''])
  line(['按时公开', f.onTime, f.onTimeRate ?? '—', '按时公开率 = 按时公开 ÷ 已报送'], [3])
  line(['逾期公开', f.late, '', `逾期1～7天 ${f.lateBy.upTo7} 家，8～30天 ${f.lateBy.upTo30} 家，30天以上 ${f.lateBy.more} 家`])
  line(['未见公开日期', f.unknownDate, '', '报告中未找到公开日期，请核实'])
  if (f.unassigned) line(['待归属的报告', f.unassigned, '', '未能确定报送单位，不计入上述比率'])
  section('二、审核结论', ['结论', '数量', '占已报送', ''])
  const sent = f.submitted + f.unassigned
  for (const o of ['pass', 'revise', 'fail'] as const) line([ZH.overall[o], f.overall[o], sent ? f.overall[o] / sent : '—', ''], [3])
  line(['未审核', sent - f.reviewed, sent ? (sent - f.reviewed) / sent : '—', ''], [3])
  section('三、各审核项未达标情况', ['审核项', '未达标单位数', '其中审核认定', '其中按检测结果（未单独认定）'])
  for (const i of f.items) line([i.name, i.failed, i.byReviewer, i.detected])
  if (b.rubric) {
    section(`四、评议等次分布（${b.rubric.name.zh}）`, ['等次', '单位数', '占已报送', '分数线'])
    for (const g of f.grades) line([g.grade ? ZH.grade[g.grade] : '未评分', g.count, sent ? g.count / sent : '—', g.grade ? `${b.rubric.grades[g.grade]}分及以上` : ''], [3])
  }
  section(`${b.rubric ? '五' : '四'}、常见问题`, ['问题', '单位数', '占已报送', '单位'])
  for (const p of f.problems) {
    const row = line([p.name, p.count, sent ? p.count / sent : '—', clip(p.units.join('、'))], [3])
    row.alignment = { vertical: 'top', wrapText: true }
  }
  if (!f.problems.length) line(['未发现问题', 0, '', ''])
  ws.getColumn(1).width = 38
  ws.getColumn(2).width = 12
  ws.getColumn(3).width = 12
  ws.getColumn(4).width = 50
  ws.addRow([])
  const note = ws.addRow([`注：比率四舍五入到0.1%；“未达标”指审核结论为缺失或部分符合，审核人未单独认定的按系统检测结果计；同一方面的问题已按审核项计入的，不在“常见问题”中重复计算。${f.unassigned ? '待归属的报告计入审核结论、审核项和问题，不计入报送率和按时公开率。' : ''}`])
  // Within the four columns, wrapped: a note running past them is cut off at the page's edge.
  ws.mergeCells(note.number, 1, note.number, 4)
  note.font = { name: '宋体', size: 10 }
  note.alignment = { wrapText: true, vertical: 'top' }
  note.height = 14 * linesIn(note.getCell(1).value, 38 + 12 + 12 + 50)
}
