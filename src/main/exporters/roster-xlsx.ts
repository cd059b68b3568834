// Roster workbooks: the list of units not yet reported or late (催报名单), A4 landscape with a title row,
// and the empty template a reviewer fills in to import the roster.

import ExcelJS from 'exceljs'
import { ZH } from '../../shared/labels'
import type { Roster, RosterRow } from '../../shared/models/roster'
import { displayWidth } from '../../shared/text-width'

const FONT = { name: '宋体', size: 11 }
const thin = { style: 'thin' as const }
const GRID = { top: thin, bottom: thin, left: thin, right: thin }

/** The columns of the roster template, in the order the importer also accepts them. */
export const TEMPLATE_HEADER = ['单位名称', '层级', '别名', '上级单位', '联系人', '报告网址'] as const

/** What is wrong with a unit's report for the chaser list, in the words of a 通报: 未报送, 逾期公开 N 天 … */
export function chaserReason(u: RosterRow): string | null {
  if (!u.submitted) return '未报送'
  const parts: string[] = []
  if ((u.receivedLate ?? 0) > 0) parts.push(`报送逾期${u.receivedLate}天`)
  if ((u.daysLate ?? 0) > 0) parts.push(`逾期公开${u.daysLate}天`)
  if (u.daysLate === null) parts.push('未见公开日期')
  return parts.length ? parts.join('，') : null
}

function widths(ws: ExcelJS.Worksheet, rows: Array<Array<string | number | null>>, from: number): void {
  const w: number[] = []
  for (const r of rows) r.forEach((v, i) => (w[i] = Math.max(w[i] ?? 6, Math.min(50, displayWidth(String(v ?? '')) + 2))))
  w.forEach((x, i) => (ws.getColumn(from + i).width = x))
}

/** 催报名单: units with no submission, late ones and those with no publication date, for the year. */
export async function chaserWorkbook(roster: Roster, meta: { body: string; date: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = meta.body || '法治报告审核台'
  const title = `${meta.body ? `${meta.body} ` : ''}${roster.year}年度法治政府建设年度报告催报名单`
  const ws = wb.addWorksheet('催报名单', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', horizontalCentered: true, margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3 }]
  })
  const header = ['序号', '单位名称', '层级', '情况', '收到日期', '公开日期', '联系人']
  const rows = roster.units
    .map((u) => ({ u, reason: chaserReason(u) }))
    .filter((x): x is { u: RosterRow; reason: string } => x.reason !== null)
    .map(({ u, reason }, i) => [i + 1, u.unit, u.level ? ZH.levels[u.level] : '', reason, u.received ?? '', u.published ?? '', u.contact])
  ws.mergeCells(1, 1, 1, header.length)
  const t = ws.getCell(1, 1)
  t.value = title
  t.font = { name: '黑体', size: 16, bold: true }
  t.alignment = { horizontal: 'center' }
  ws.mergeCells(2, 1, 2, header.length)
  ws.getCell(2, 1).value = `截至${meta.date}：应报${roster.figures.units}家，已报${roster.figures.submitted}家，未报${roster.figures.units - roster.figures.submitted}家，逾期公开${roster.figures.late}家。`
  ws.getCell(2, 1).font = FONT
  const h = ws.addRow(header)
  h.font = { ...FONT, bold: true }
  h.alignment = { horizontal: 'center', vertical: 'middle' }
  h.height = 20
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
    c.border = GRID
  })
  // A list that is printed and ticked off: every cell ruled, the narrow columns centred.
  for (const r of rows) {
    const row = ws.addRow(r)
    row.font = FONT
    row.height = 18
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = GRID
      c.alignment = { vertical: 'middle', horizontal: col === 2 || col === 4 ? 'left' : 'center', wrapText: true }
    })
    if (r[3] === '未报送') row.getCell(4).font = { ...FONT, color: { argb: 'FFC00000' }, bold: true }
  }
  if (!rows.length) {
    const row = ws.addRow(['', '全部单位均已按时报送并公开。'])
    row.font = FONT
    ws.mergeCells(row.number, 2, row.number, header.length)
  }
  widths(ws, [header, ...rows], 1)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** The roster template: the header row to fill in, and a sheet that says how. */
export async function rosterTemplate(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('报送单位', { views: [{ state: 'frozen', ySplit: 1 }] })
  const h = ws.addRow([...TEMPLATE_HEADER])
  h.font = { ...FONT, bold: true }
  ;[24, 12, 36, 20, 24, 48].forEach((w, i) => (ws.getColumn(i + 1).width = w))
  const help = wb.addWorksheet('填写说明')
  const lines = [
    ['列', '说明'],
    ['单位名称', '必填。与单位在报告中的写法一致最好（如“葛坑镇”“县司法局”），不必写“人民政府”。'],
    ['层级', '乡镇、县级、市级、省级或部门；不填时按名称判断。'],
    ['别名', '单位的其他写法，多个用顿号“、”或分号隔开（如“葛坑镇人民政府、葛坑”）。'],
    ['上级单位', '可不填。'],
    ['联系人', '可不填，催报时使用。'],
    ['报告网址', '可不填：单位在门户网站公开报告的页面地址。']
  ]
  for (const l of lines) help.addRow(l).font = FONT
  help.getRow(1).font = { ...FONT, bold: true }
  help.getColumn(1).width = 12
  help.getColumn(2).width = 90
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
