// PDF with a text layer: lines rebuilt from glyph positions, hard line breaks inside paragraphs joined,
// spaces between Chinese and digits removed, page numbers and running headers dropped.
// Chinese fonts that are not embedded need pdf.js's CMaps and standard font data.

import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { LIMITS } from './limits'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjsPromise: Promise<PdfJs> | null = null
let assetDirs: { cMapUrl: string; standardFontDataUrl: string } | null = null

function pdfAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!assetDirs) {
    const req = createRequire(import.meta.url)
    const root = path.dirname(req.resolve('pdfjs-dist/package.json'))
    assetDirs = { cMapUrl: path.join(root, 'cmaps') + path.sep, standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep }
  }
  return assetDirs
}

async function loadPdfJs(): Promise<PdfJs> {
  if (!pdfjsPromise) {
    pdfjsPromise = (async () => {
      const req = createRequire(import.meta.url)
      const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs
      // Run pdf.js's worker code in this thread (we already parse in worker threads of our own).
      lib.GlobalWorkerOptions.workerSrc = pathToFileURL(req.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href
      return lib
    })()
  }
  return pdfjsPromise
}

interface Glyphs {
  str: string
  x: number
  y: number
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

export function tidyCjkSpaces(s: string): string {
  return s.replace(SPACE_AFTER_CJK, '').replace(SPACE_BEFORE_CJK, '')
}

const PAGE_NUMBER = /^(?:[-—–－ ]*\d{1,4}[-—–－ ]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i
const HEADING_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+部分)/
const ENDS_SENTENCE = /[。！？!?：:；;]$/

/** Character positions inside a text run, estimated from its width (full-width characters count double). */
function explode(g: Glyphs): Glyphs[] {
  const chars = Array.from(g.str)
  if (chars.length <= 1) return [g]
  const weights = chars.map((c) => (/[\u2e80-\uffef“”‘’]/.test(c) ? 1 : 0.5))
  const total = weights.reduce((a, b) => a + b, 0)
  const out: Glyphs[] = []
  let acc = 0
  chars.forEach((c, i) => {
    const w = (g.w * weights[i]!) / total
    out.push({ str: c, x: g.x + (g.w * acc) / total, y: g.y, w, size: g.size })
    acc += weights[i]!
  })
  return out
}

function groupLines(items: Glyphs[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: Glyphs[][] = []
  for (const it of sorted) {
    const last = lines[lines.length - 1]
    if (last && Math.abs(last[0]!.y - it.y) <= Math.max(2, it.size * 0.4)) last.push(it)
    else lines.push([it])
  }
  return lines.map((ln) => {
    // Runs drawn inside other runs (quotes set in another font) are placed by character position.
    const glyphs = ln.flatMap(explode).sort((a, b) => a.x - b.x)
    let text = ''
    let prevEnd = -Infinity
    for (const g of glyphs) {
      if (text && g.x - prevEnd > g.size * 0.6 && !/\s$/.test(text)) text += ' '
      text += g.str
      prevEnd = Math.max(prevEnd, g.x + g.w)
    }
    const size = ln.reduce((m, g) => Math.max(m, g.size), 0)
    return { text: tidyCjkSpaces(text.replace(/\s+/g, ' ').trim()), left: glyphs[0]!.x, right: prevEnd, y: ln[0]!.y, size }
  })
}

export async function readPdf(bytes: Uint8Array): Promise<ExtractedDoc> {
  const pdfjs = await loadPdfJs()
  const { cMapUrl, standardFontDataUrl } = pdfAssets()
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js takes ownership of the buffer
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (e) {
    const name = (e as { name?: string }).name
    if (name === 'PasswordException') throw new AppError('encrypted', 'PDF 设有打开密码，请解除密码后再导入。')
    throw new AppError('corrupt', `PDF 无法解析（${(e as Error).message}）。`)
  }
  try {
    const pageCount = doc.numPages
    const pages: Line[][] = []
    for (let p = 1; p <= Math.min(pageCount, LIMITS.maxPdfPages); p++) {
      const page = await doc.getPage(p)
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false })
      const items: Glyphs[] = []
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue
        const [a, bb, , , e, f] = it.transform as number[]
        items.push({ str: it.str, x: e!, y: f!, w: it.width, size: Math.hypot(a!, bb!) || it.height || 10 })
      }
      pages.push(groupLines(items))
      page.cleanup()
    }
    const b = new DocBuilder()
    if (pageCount > LIMITS.maxPdfPages) b.warnings.push(`PDF 共 ${pageCount} 页，只读取了前 ${LIMITS.maxPdfPages} 页。`)
    const chars = pages.reduce((n, ls) => n + ls.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0)
    if (chars < 20 * Math.max(1, Math.min(pageCount, 3))) {
      throw new AppError('no-text-layer')
    }
    const running = runningLines(pages)
    let para = ''
    let paraPage = 1
    const flush = () => {
      if (para) b.add(para, 'paragraph', { page: paraPage })
      para = ''
    }
    pages.forEach((lines, pi) => {
      const body = lines.filter((l, li) => {
        const edge = li < 2 || li >= lines.length - 2
        return !(edge && (PAGE_NUMBER.test(l.text) || running.has(l.text)))
      })
      const left = mode(body.map((l) => Math.round(l.left)))
      const right = Math.max(...body.map((l) => l.right), 0)
      for (const l of body) {
        const indented = l.left > left + l.size * 0.8
        const startsBlock = HEADING_START.test(l.text) || indented
        if (para && startsBlock) flush()
        if (!para) paraPage = pi + 1
        para = para ? tidyCjkSpaces(joinLines(para, l.text)) : l.text
        const short = l.right < right - l.size * 2.5
        if (short || (ENDS_SENTENCE.test(l.text) && l.right < right - l.size * 1.5)) flush()
      }
    })
    flush()
    return b.build('pdf', 'utf-8', { pages: pageCount, declaredTitle: await infoTitle(doc) })
  } finally {
    await doc.destroy()
  }
}

function joinLines(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b
}

function mode(xs: number[]): number {
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

async function infoTitle(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata()
    const t = (info as { Title?: unknown }).Title
    return typeof t === 'string' && t.trim() ? t.trim() : undefined
  } catch {
    return undefined
  }
}
