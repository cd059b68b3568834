// Positioned text (fixed-layout formats: OFD) → lines → paragraphs, by the rules the PDF reader uses:
// glyphs on one baseline make a line, a gap wider than half a character is a space, page numbers and
// lines repeated at the edge of most pages are dropped, and a paragraph ends at a short line, before an
// indented line or a numbered heading. Coordinates grow downwards (y of the baseline).

import { DocBuilder } from './doc-builder'

export interface Glyph {
  ch: string
  x: number
  y: number
  /** Advance width. */
  w: number
  size: number
}

interface Line {
  text: string
  left: number
  right: number
  y: number
  size: number
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef“”‘’'
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}${CJK_PUNCT}])[ \\u00a0]+(?=[${CJK}${CJK_PUNCT}0-9A-Za-z%(])`, 'g')
const SPACE_BEFORE_CJK = new RegExp(`(?<=[0-9A-Za-z%)])[ \\u00a0]+(?=[${CJK}${CJK_PUNCT}])`, 'g')
const PAGE_NUMBER = /^(?:[-—–－ ]*\d{1,4}[-—–－ ]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i
const HEADING_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+部分)/
const ENDS_SENTENCE = /[。！？!?：:；;]$/

function tidy(s: string): string {
  return s.replace(SPACE_AFTER_CJK, '').replace(SPACE_BEFORE_CJK, '')
}

export function groupLines(glyphs: Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x)
  const lines: Glyph[][] = []
  for (const g of sorted) {
    const last = lines[lines.length - 1]
    if (last && Math.abs(last[0]!.y - g.y) <= Math.max(0.5, g.size * 0.4)) last.push(g)
    else lines.push([g])
  }
  return lines.map((ln) => {
    ln.sort((a, b) => a.x - b.x)
    let text = ''
    let prevEnd = -Infinity
    let prevW = 0
    for (const g of ln) {
      // A space is a gap wider than most of the previous glyph (half-width text has narrow gaps).
      if (text && g.x - prevEnd > Math.min(g.size * 0.6, prevW * 0.8) && !/\s$/.test(text)) text += ' '
      text += g.ch
      prevEnd = Math.max(prevEnd, g.x + g.w)
      prevW = g.w
    }
    const size = ln.reduce((m, g) => Math.max(m, g.size), 0)
    return { text: tidy(text.replace(/\s+/g, ' ').trim()), left: ln[0]!.x, right: prevEnd, y: ln[0]!.y, size }
  }).filter((l) => l.text)
}

/** Adds the pages' paragraphs to the builder; returns how many characters the pages held. */
export function addParagraphs(pages: Glyph[][], b: DocBuilder): number {
  const pageLines = pages.map(groupLines)
  const chars = pageLines.reduce((n, ls) => n + ls.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0)
  const running = runningLines(pageLines)
  let para = ''
  let paraPage = 1
  const flush = () => {
    if (para) b.add(para, 'paragraph', { page: paraPage })
    para = ''
  }
  pageLines.forEach((lines, pi) => {
    const body = lines.filter((l, li) => {
      const edge = li < 2 || li >= lines.length - 2
      return !(edge && (PAGE_NUMBER.test(l.text) || running.has(l.text)))
    })
    const left = mode(body.map((l) => Math.round(l.left * 2) / 2))
    const right = Math.max(...body.map((l) => l.right), 0)
    for (const l of body) {
      const indented = l.left > left + l.size * 0.8
      if (para && (HEADING_START.test(l.text) || indented)) flush()
      if (!para) paraPage = pi + 1
      para = para ? tidy(joinLines(para, l.text)) : l.text
      const short = l.right < right - l.size * 2.5
      if (short || (ENDS_SENTENCE.test(l.text) && l.right < right - l.size * 1.5)) flush()
    }
  })
  flush()
  return chars
}

/** Two lines of a paragraph joined: a space only between two Latin letters or digits. */
export function joinLines(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b
}

/** The most frequent value (the smallest among equals): a page's text margin. */
export function mode(xs: number[]): number {
  const counts = new Map<number, number>()
  let best = xs[0] ?? 0
  for (const x of xs) {
    const c = (counts.get(x) ?? 0) + 1
    counts.set(x, c)
    if (c > (counts.get(best) ?? 0) || (c === counts.get(best) && x < best)) best = x
  }
  return best
}

/** Lines repeated at the top or bottom of most pages: running headers and footers. */
function runningLines(pages: Line[][]): Set<string> {
  const out = new Set<string>()
  if (pages.length < 3) return out
  const counts = new Map<string, number>()
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => l.text.replace(/\d+/g, '#')))
    for (const t of edges) counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  for (const lines of pages)
    for (const l of [...lines.slice(0, 2), ...lines.slice(-2)]) {
      if ((counts.get(l.text.replace(/\d+/g, '#')) ?? 0) >= Math.ceil(pages.length * 0.6)) out.add(l.text)
    }
  return out
}
