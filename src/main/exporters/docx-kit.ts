// Building blocks of an official document (公文) in Word, after GB/T 9704-2012: A4 with its margins,
// 小标宋 title, 仿宋 三号 body on a 28 pt grid, 黑体 and 楷体 heads, the signature placed by the rule
// for documents without a seal, page numbers 「— 1 —」 outside on odd and even pages.

import { AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { displayWidth } from '../../shared/text-width'

export const FANGSONG = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' }
export const HEITI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' }
export const KAITI = { ascii: 'KaiTi', eastAsia: '楷体_GB2312', hAnsi: 'KaiTi' }
export const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' }
export const SONG = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' }
type Font = typeof FANGSONG

/**
 * The fonts the documents name, as Word's font table describes them: the GB2312-era names reviewers'
 * templates use, each with the font Windows and WPS install under a newer name (altName) and the
 * panose and charset Word and LibreOffice pick a substitute by when neither is there, so that a
 * machine without 仿宋_GB2312 shows 仿宋 rather than 宋体 or a sans-serif.
 */
export const FONT_TABLE: Array<{ name: string; alt?: string; panose: string; family: 'roman' | 'modern' | 'swiss'; pitch: 'fixed' | 'variable' }> = [
  { name: '仿宋_GB2312', alt: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: 'FangSong', alt: '仿宋', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: '楷体_GB2312', alt: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: 'KaiTi', alt: '楷体', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: '方正小标宋简体', alt: '宋体', panose: '02000000000000000000', family: 'roman', pitch: 'variable' },
  { name: '黑体', alt: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: 'SimHei', alt: '黑体', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: '宋体', alt: 'SimSun', panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
  { name: 'SimSun', alt: '宋体', panose: '02010600030101010101', family: 'roman', pitch: 'variable' }
]

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${xmlAttr(f.name)}">${f.alt ? `<w:altName w:val="${xmlAttr(f.alt)}"/>` : ''}<w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
  ).join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
}

/** The package with its font table filled in (the docx library writes it empty). */
export function withFontTable(pkg: Uint8Array): Uint8Array {
  const files = unzipSync(pkg)
  if (!files['word/fontTable.xml']) return pkg
  files['word/fontTable.xml'] = strToU8(fontTableXml())
  // Fail loudly rather than send a package whose parts no longer agree.
  if (!strFromU8(files['word/_rels/document.xml.rels']!).includes('fontTable.xml')) throw new Error('font table not referenced by the document')
  return zipSync(files)
}

export const BODY = 32 // half-points: 16 pt, 三号
export const SMALL = 24 // 12 pt, 小四
/** One character of the body in twips (16 pt). */
const CHAR = 320
const LINE = { line: 560, lineRule: 'exact' as const } // 28 pt: 22 lines on the 225 mm 版心

/** The footer's distance from the bottom edge in twips: 23.1 mm puts the top of a 四号 page number 7 mm below the 版心. */
export const FOOTER = 1310

/** The text width of an A4 page with the margins below, in twips: fixed column widths Word, WPS and LibreOffice all honour. */
export const TEXT_WIDTH = 11906 - 1587 - 1474

export const run = (text: string, opts: { font?: Font; size?: number; bold?: boolean; color?: string; highlight?: 'yellow' } = {}) =>
  new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? BODY, bold: opts.bold, color: opts.color, highlight: opts.highlight })

/** A body paragraph, first line indented two characters. */
export const body = (text: string, opts: { indent?: boolean; font?: Font; keepNext?: boolean; highlight?: 'yellow' } = {}) =>
  new Paragraph({ children: [run(text, { font: opts.font, highlight: opts.highlight })], indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR }, spacing: LINE, keepNext: opts.keepNext })

export const blank = (keepNext = false) => new Paragraph({ children: [run('')], spacing: LINE, keepNext })

/** 「一、」 heads in 黑体, 「（一）」 heads in 楷体, both indented like the body and kept with what follows. */
export const heading = (text: string, level: 1 | 2 = 1) => body(text, { font: level === 1 ? HEITI : KAITI, keepNext: true })

/** A line of a document's body as the writers give it. */
export interface Line {
  /** 'note': a remark to the reviewer, highlighted so it is seen and deleted before the document goes out. */
  kind: 'h1' | 'h2' | 'p' | 'note'
  text: string
}

export const TONE_FILL: Record<'good' | 'fair' | 'poor' | 'none', string | undefined> = { good: 'C6EFCE', fair: 'FFEB9C', poor: 'FFC7CE', none: undefined }

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

/** A table with a header row repeated on every page and rows that never split. Widths in percent. */
export function table(headerCells: Array<[string, number]>, rows: Array<Array<string | { text: string; fill?: string }>>): Table {
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

/** Width of a line of body text in characters (digits and Latin letters count half). */
const chars = (s: string) => displayWidth(s) / 2

/**
 * 发文机关署名 and 成文日期 of a document without a seal (GB/T 9704 7.3.5.2): the date two characters
 * from the right, the body's name starting two characters left of the date; a name longer than that
 * keeps two characters from the right and the date moves under it. Right indents in characters.
 */
export function signatureIndents(name: string, date: string): { nameRight: number; dateRight: number } {
  const wn = chars(name)
  const wd = chars(date)
  const nameRight = Math.max(2, wd + 4 - wn)
  return { nameRight, dateRight: Math.max(2, nameRight + wn - 2 - wd) }
}

/** What stands for the reviewing body when none is set: highlighted, a blank to fill before sending. */
export const NO_BODY = '（审核机关）'

export function signature(body: string | null, date: string): Paragraph[] {
  const name = body || NO_BODY
  const { nameRight, dateRight } = signatureIndents(name, date)
  // No extra space between the digits and the Chinese of the date, so it is as wide as counted.
  return [
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(nameRight * CHAR) }, spacing: LINE, keepNext: true, autoSpaceEastAsianText: false, children: [run(name, { highlight: body ? undefined : 'yellow' })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateRight * CHAR) }, spacing: LINE, autoSpaceEastAsianText: false, children: [run(date)] })
  ]
}

/** 「— 1 —」 in 宋体 四号, one character in from the outside edge (right on odd pages, left on even ones). */
function pageNumber(align: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: 28 })]
      })
    ]
  })
}

export interface OfficialDocument {
  /** Marked at the top of every page in 黑体, like 征求意见稿: 「初审稿」. */
  mark?: string | null
  docNumber?: string | null
  /** The title, or its phrases so that a long one breaks between them. */
  title: string | string[]
  /** 主送机关, without the colon. */
  addressee?: string | null
  /** The body, line by line; the last paragraph stays on the page of the signature. */
  lines: Line[]
  /** 「附件：…」 below the body. */
  attachments?: string[]
  /** The reviewing body (null when not set: a highlighted blank) and the date. */
  signature: { name: string | null; date: string }
  /** 附注, in brackets below the date: 「联系人：张明」. */
  note?: string | null
  /** What follows on a new page (an appendix), headed 「附件」. */
  appendix?: { title: string; children: Array<Paragraph | Table> } | null
  creator: string
}

/**
 * Characters of 二号 (22 pt) a title line may hold: the 156 mm 版心 holds 20.1, one is kept spare so a
 * line never runs to the margins (and a substitute font's wider digits do not wrap it).
 */
const TITLE_LINE = 19

/** A title line's width in characters: digits and Latin count half, and Word's and WPS's automatic space between them and Chinese (¼ character each side) counts too. */
export function titleWidth(s: string): number {
  const runs = s.match(/[\x21-\x7e]+/g) ?? []
  const spaced = runs.reduce((n, r) => {
    const at = s.indexOf(r)
    return n + (at > 0 ? 0.25 : 0) + (at + r.length < s.length ? 0.25 : 0)
  }, 0)
  return chars(s) + spaced
}

/**
 * A title too long for one line, broken between its phrases as GB/T 9704 asks (词意完整, the lines
 * balanced, the upper one the longer): the break that leaves the lines closest in length, the first no
 * shorter than the second, each within a line; three lines when two cannot hold it.
 */
export function titleLines(segments: string[]): string[] {
  const whole = segments.join('')
  if (titleWidth(whole) <= TITLE_LINE || segments.length < 2) return [whole]
  let best: { lines: string[]; score: number } | null = null
  for (let k = 1; k < segments.length; k++) {
    const a = segments.slice(0, k).join('')
    const b = segments.slice(k).join('')
    if (titleWidth(a) > TITLE_LINE || titleWidth(b) > TITLE_LINE) continue
    const score = Math.abs(titleWidth(a) - titleWidth(b)) + (titleWidth(a) < titleWidth(b) ? 100 : 0)
    if (!best || score < best.score) best = { lines: [a, b], score }
  }
  if (best) return best.lines
  // A very long unit name: three lines, the most even of those that fit.
  for (let i = 1; i < segments.length - 1; i++)
    for (let j = i + 1; j < segments.length; j++) {
      const lines = [segments.slice(0, i), segments.slice(i, j), segments.slice(j)].map((x) => x.join(''))
      const w = lines.map(titleWidth)
      if (w.some((x) => x > TITLE_LINE)) continue
      const score = Math.max(...w) - Math.min(...w)
      if (!best || score < best.score) best = { lines, score }
    }
  return best?.lines ?? [whole]
}

/** The title in 小标宋 二号, centred, lines 35 pt apart; given as phrases, broken between them. */
export const title = (text: string | string[]) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: 'exact' },
    children: (typeof text === 'string' ? [text] : titleLines(text)).map((l, k) => new TextRun({ text: l, font: TITLE_FONT, size: 44, break: k ? 1 : undefined }))
  })

export async function officialDocx(d: OfficialDocument): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = []
  if (d.docNumber) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, children: [run(d.docNumber)] }), blank())
  children.push(title(d.title), blank())
  if (d.addressee) children.push(body(`${d.addressee}：`, { indent: false }))
  // GB/T 9704: the signature never stands on a page of its own, so the last paragraph goes with it.
  d.lines.forEach((l, k) => {
    const last = k === d.lines.length - 1
    children.push(l.kind === 'h1' ? heading(l.text, 1) : l.kind === 'h2' ? heading(l.text, 2) : body(l.text, { keepNext: last, highlight: l.kind === 'note' ? 'yellow' : undefined }))
  })
  if (d.attachments?.length) {
    children.push(blank(true))
    d.attachments.forEach((a, k) =>
      children.push(new Paragraph({ indent: k === 0 ? { left: 2 * CHAR } : { left: 5 * CHAR }, spacing: LINE, keepNext: true, children: [run(k === 0 ? `附件：${a}` : a)] }))
    )
  }
  // One blank line, then the body's name and the date (GB/T 9704 7.3.5.2, a document without a seal).
  children.push(blank(true), ...signature(d.signature.name, d.signature.date))
  if (d.note) children.push(new Paragraph({ indent: { left: 2 * CHAR }, spacing: LINE, children: [run(`（${d.note}）`)] }))
  if (d.appendix) {
    children.push(
      new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [run('附件', { font: HEITI })] }),
      blank(),
      title(d.appendix.title),
      blank(),
      ...d.appendix.children
    )
  }
  const header = d.mark
    ? { default: new Header({ children: [new Paragraph({ children: [run(d.mark, { font: HEITI })] })] }), even: new Header({ children: [new Paragraph({ children: [run(d.mark, { font: HEITI })] })] }) }
    : undefined
  const doc = new Document({
    creator: d.creator,
    title: typeof d.title === 'string' ? d.title : d.title.join(''),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips, as Word writes it
            // 37, 35, 28 and 26 mm (GB/T 9704); the page number's line 7 mm below the 版心: 35 − 7 − 4.9 mm (四号) from the edge.
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 1134, footer: FOOTER }
          }
        },
        headers: header,
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children
      }
    ]
  })
  return withFontTable(new Uint8Array(await Packer.toBuffer(doc)))
}
