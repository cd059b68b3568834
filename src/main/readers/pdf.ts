// PDF with a text layer, read by PDFium (pdf-engine.ts): lines rebuilt from glyph positions (columns
// one after the other, rotated text along its own lines: pdf-layout.ts), hard line breaks inside
// paragraphs joined, spaces between Chinese and digits removed, page numbers and running headers dropped.

import type { ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { joinLines, mode } from './layout'
import { LIMITS } from './limits'
import { withPdf } from './pdf-engine'
import { type Line, type PageRows, otherLines, pageRows, readingOrder, type Row, tidyCjkSpaces } from './pdf-layout'
import { unlockAttachmentsOnly } from './pdf-security'

export { tidyCjkSpaces }

const PAGE_NUMBER = /^(?:[-—–－ ]*\d{1,4}[-—–－ ]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i
const HEADING_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+部分)/
const ENDS_SENTENCE = /[。！？!?：:；;]$/

export async function readPdf(bytes: Uint8Array): Promise<ExtractedDoc> {
  try {
    return await extract(bytes)
  } catch (e) {
    // A document whose only encrypted parts are its attachments opens without a password.
    if (e instanceof AppError && e.code === 'encrypted') {
      const plain = unlockAttachmentsOnly(bytes)
      if (plain) return extract(plain)
    }
    throw e
  }
}

async function extract(bytes: Uint8Array): Promise<ExtractedDoc> {
  return withPdf(bytes, (doc) => {
    const pageCount = doc.pageCount
    if (pageCount <= 0) throw new AppError('corrupt', 'PDF 文件没有可读的页面（页面树损坏）。')
    const b = new DocBuilder()
    const pages: PageRows[] = []
    let unreadable = 0
    let chars = 0
    const last = Math.min(pageCount, LIMITS.maxPdfPages)
    const started = performance.now()
    for (let p = 0; p < last; p++) {
      // Content that costs time without costing memory (millions of operators drawing nothing).
      if (p > 0 && performance.now() - started > LIMITS.pdfMaxSeconds * 1000) {
        throw new AppError('too-large', `PDF 解析超过 ${LIMITS.pdfMaxSeconds} 秒仍未完成（读到第 ${p} 页），内容异常庞大，可能是异常或恶意构造的文件。`)
      }
      const page = doc.page(p)
      if (!page) unreadable++
      pages.push(page ? pageRows(page) : { main: [], other: [] })
      chars += page?.chars.length ?? 0
      if (chars > LIMITS.maxTextChars && p + 1 < last) {
        b.warnings.push(`PDF 文字超过 ${LIMITS.maxTextChars} 字，只读取了前 ${p + 1} 页。`)
        break
      }
    }
    if (unreadable === pages.length) throw new AppError('corrupt', 'PDF 的页面全部无法解析，文件可能已损坏。')
    if (unreadable) b.warnings.push(`PDF 有 ${unreadable} 页无法解析，已跳过。`)
    if (pageCount > LIMITS.maxPdfPages) b.warnings.push(`PDF 共 ${pageCount} 页，只读取了前 ${LIMITS.maxPdfPages} 页。`)
    const textChars = pages.reduce((n, pg) => n + [...pg.main, ...pg.other.flat()].reduce((m, r) => m + r.text.replace(/\s/g, '').length, 0), 0)
    if (textChars < 20 * Math.max(1, Math.min(pageCount, 3))) throw new AppError('no-text-layer')
    addParagraphs(b, pages)
    return b.build('pdf', 'utf-8', { pages: pageCount, declaredTitle: doc.meta('Title') })
  })
}

function addParagraphs(b: DocBuilder, pages: PageRows[]): void {
  const running = runningLines(pages)
  let flowId = 0
  const nextFlow = () => flowId++
  let para = ''
  let paraPage = 1
  const flush = () => {
    if (para) b.add(para, 'paragraph', { page: paraPage })
    para = ''
  }
  pages.forEach((page, pi) => {
    const main = page.main.filter((r, i) => {
      const edge = i < 2 || i >= page.main.length - 2
      return !(edge && (PAGE_NUMBER.test(r.text) || running.has(r.text)))
    })
    const other = page.other.map((rows) => rows.filter((r) => !running.has(r.text))).filter((rows) => rows.length)
    const lines = [...readingOrder(main, nextFlow), ...otherLines(other, nextFlow)]
    const margins = flowMargins(lines)
    let prev: Line | null = null
    for (const l of lines) {
      // A paragraph goes on from one column to the next, but not across any other change of flow
      // (a heading across both columns, a block of rotated text). Pages go on from the previous one.
      if (prev && l.flow !== prev.flow && !(prev.column && l.column)) flush()
      prev = l
      const m = margins.get(l.flow)!
      const indented = l.left > m.left + l.size * 0.8
      const startsBlock = HEADING_START.test(l.text) || indented
      if (para && startsBlock) flush()
      if (!para) paraPage = pi + 1
      para = para ? tidyCjkSpaces(joinLines(para, l.text)) : l.text
      const short = l.right < m.right - l.size * 2.5
      if (short || (ENDS_SENTENCE.test(l.text) && l.right < m.right - l.size * 1.5)) flush()
    }
    if (other.length) flush()
  })
  flush()
}

/** Each flow's left margin (the commonest left edge) and right edge (the furthest). */
function flowMargins(lines: Line[]): Map<number, { left: number; right: number }> {
  const byFlow = new Map<number, Line[]>()
  for (const l of lines) {
    let list = byFlow.get(l.flow)
    if (!list) byFlow.set(l.flow, (list = []))
    list.push(l)
  }
  const out = new Map<number, { left: number; right: number }>()
  for (const [flow, ls] of byFlow) out.set(flow, { left: mode(ls.map((l) => Math.round(l.left))), right: ls.reduce((m, l) => Math.max(m, l.right), -Infinity) })
  return out
}

/** Rows repeated at the top or bottom of most pages (running headers and footers), and text of other directions repeated on most pages (watermarks). */
function runningLines(pages: PageRows[]): Set<string> {
  const out = new Set<string>()
  if (pages.length < 3) return out
  const key = (r: Row) => r.text.replace(/\d+/g, '#')
  const candidates = (p: PageRows) => [...p.main.slice(0, 2), ...p.main.slice(-2), ...p.other.flat()]
  const counts = new Map<string, number>()
  for (const p of pages) for (const t of new Set(candidates(p).map(key))) counts.set(t, (counts.get(t) ?? 0) + 1)
  for (const p of pages)
    for (const r of candidates(p)) {
      if ((counts.get(key(r)) ?? 0) >= Math.ceil(pages.length * 0.6)) out.add(r.text)
    }
  return out
}
