// The review opinion as a Word document (docx library): A4 with official-document margins, 小标宋
// title, 仿宋 body, 黑体 section heads, the checklist as a table, page numbers in the footer.

import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx'
import { ZH } from '../../shared/labels'
import { itemCell, particulars, type ReviewDocument } from './model'

const FANGSONG = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' }
const HEITI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' }
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' }
const BODY = 32 // half-points: 16 pt, 三号
const SMALL = 24 // 12 pt, 小四

const TONE_FILL: Record<'good' | 'fair' | 'poor' | 'none', string | undefined> = { good: 'C6EFCE', fair: 'FFEB9C', poor: 'FFC7CE', none: undefined }

const run = (text: string, opts: { font?: typeof FANGSONG; size?: number; bold?: boolean } = {}) => new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? BODY, bold: opts.bold })

const body = (text: string, indent = true) => new Paragraph({ children: [run(text)], indent: indent ? { firstLine: 640 } : undefined, spacing: { line: 560, lineRule: 'exact' } })

const heading = (text: string) => new Paragraph({ children: [run(text, { font: HEITI })], spacing: { before: 240, after: 120, line: 560, lineRule: 'exact' }, indent: { firstLine: 640 } })

function cell(text: string, opts: { header?: boolean; width?: number; fill?: string } = {}): TableCell {
  const lines = text.split('\n')
  return new TableCell({
    width: opts.width ? { size: Math.round((TEXT_WIDTH * opts.width) / 100), type: WidthType.DXA } : undefined,
    shading: opts.header ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map((l) => new Paragraph({ children: [run(l, { size: SMALL, font: opts.header ? HEITI : FANGSONG })] }))
  })
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border }

/** The text width of an A4 page with the margins below, in twips: fixed column widths Word, WPS and LibreOffice all honour. */
const TEXT_WIDTH = 11906 - 1587 - 1474

function table(headerCells: Array<[string, number]>, rows: Array<Array<string | { text: string; fill?: string }>>): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: headerCells.map(([, w]) => Math.round((TEXT_WIDTH * w) / 100)),
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({ tableHeader: true, children: headerCells.map(([t, w]) => cell(t, { header: true, width: w })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => (typeof c === 'string' ? cell(c, { width: headerCells[i]![1] }) : cell(c.text, { width: headerCells[i]![1], fill: c.fill }))) }))
    ]
  })
}

export async function reviewDocx(d: ReviewDocument): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360, line: 700, lineRule: 'exact' }, children: [run(`关于《${d.title}》的审核意见`, { font: TITLE_FONT, size: 44 })] }),
    table(
      [
        ['项目', 22],
        ['内容', 78]
      ],
      particulars(d)
    ),
    heading('一、清单审核情况'),
    table(
      [
        ['项目', 18],
        ['检测', 10],
        ['审核结论', 15],
        ['证据摘录', 35],
        ['理由', 22]
      ],
      d.items.map((i) => {
        const c = itemCell(i)
        return [i.name, i.detected ? ZH.status[i.detected] : '—', { text: i.verdict ? ZH.verdict[i.verdict] : '未审核', fill: i.verdict ? TONE_FILL[c.tone] : undefined }, i.evidence || '—', i.reason || '—']
      })
    ),
    heading('二、发现的问题'),
    ...(d.findings.length ? d.findings.map((f, k) => body(`${k + 1}．【${f.name}】${f.message}`)) : [body('未发现问题。')]),
    heading('三、批注'),
    ...(d.annotations.length
      ? [
          table(
            [
              ['项目', 18],
              ['引文', 50],
              ['说明', 32]
            ],
            d.annotations.map((a) => [a.itemName, `“${a.quote}”`, a.comment || '—'])
          )
        ]
      : [body('无。')]),
    heading('四、总体结论'),
    body(d.overall ? ZH.overall[d.overall] : '尚未给出'),
    heading('五、审核意见'),
    ...(d.opinion.trim()
      ? d.opinion
          .split(/\n+/)
          .filter((l) => l.trim())
          .map((l) => body(l))
      : [body('（未填写）')]),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 560 }, children: [run(`审核人：${d.reviewer}`)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.date)] })
  ]
  const doc = new Document({
    creator: d.reviewer,
    title: `${d.title} 审核意见`,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips, as Word writes it
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } // 37, 35, 28 and 26 mm (GB/T 9704)
          }
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: 'SimSun', eastAsia: '宋体' }, size: 28 })] })]
          })
        },
        children
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
