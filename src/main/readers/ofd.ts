// OFD (GB/T 33190, the national fixed-layout format of official documents): a zip whose OFD.xml names
// the document (DocBody → DocRoot), whose Document.xml lists the pages, and whose pages' Content.xml hold
// text objects (TextObject → TextCode with X, Y and DeltaX). The glyphs are laid out into lines and
// paragraphs (layout.ts). Signatures, seals and annotations live in their own parts (Signs/, Annots/) and
// are never read as text; template pages (running heads, page numbers) are left out too.

import path from 'node:path'
import { Parser } from 'htmlparser2'
import type { ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { addParagraphs, type Glyph } from './layout'
import { LIMITS } from './limits'
import { readZipEntries } from './zip'

const utf8 = new TextDecoder('utf-8')

function broken(why: string): AppError {
  return new AppError('corrupt', `OFD 文件无法解析：${why}。请用 OFD 阅读器打开后导出为 PDF 或 Word 再导入。`)
}

/** Calls back per element with its local name (namespace prefix dropped). */
function walk(xml: Uint8Array, on: { open?: (name: string, a: Record<string, string>) => void; close?: (name: string) => void; text?: (t: string) => void }): void {
  const local = (n: string) => n.slice(n.indexOf(':') + 1)
  const p = new Parser(
    {
      onopentag: (n, a) => on.open?.(local(n), a),
      onclosetag: (n) => on.close?.(local(n)),
      ontext: (t) => on.text?.(t)
    },
    { xmlMode: true, decodeEntities: true }
  )
  p.write(utf8.decode(xml))
  p.end()
}

/** The text of the first element with each of the given local names. */
function firstTexts(xml: Uint8Array, names: string[]): Map<string, string> {
  const out = new Map<string, string>()
  let cur: string | null = null
  let buf = ''
  walk(xml, {
    open: (n) => {
      if (names.includes(n) && !out.has(n)) {
        cur = n
        buf = ''
      }
    },
    text: (t) => {
      if (cur) buf += t
    },
    close: (n) => {
      if (n === cur) {
        out.set(n, buf.trim())
        cur = null
      }
    }
  })
  return out
}

function resolve(base: string, loc: string): string {
  const l = loc.trim().replace(/\\/g, '/')
  return (l.startsWith('/') ? path.posix.normalize(l) : path.posix.join(path.posix.dirname(base), l)).replace(/^\/+/, '')
}

const nums = (s: string | undefined): number[] => (s ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number)

/** DeltaX/DeltaY: numbers, with `g N v` meaning N times v; only as many as the text has characters. */
function deltas(s: string | undefined, max: number): number[] {
  const t = (s ?? '').trim().split(/\s+/).filter(Boolean)
  const out: number[] = []
  for (let i = 0; i < t.length && out.length < max; i++) {
    if (t[i] === 'g') {
      const n = Math.min(Number(t[i + 1]) || 0, max - out.length)
      const v = Number(t[i + 2])
      for (let k = 0; k < n; k++) out.push(v)
      i += 2
    } else out.push(Number(t[i]))
  }
  return out.map((v) => (Number.isFinite(v) ? v : 0))
}

function pageGlyphs(xml: Uint8Array): Glyph[] {
  const glyphs: Glyph[] = []
  let obj: { x: number; y: number; size: number; ctm: number[] } | null = null
  let code: { x: number; y: number; dx?: string; dy?: string } | null = null
  let text = ''
  // Where the next TextCode without X/Y continues.
  let penX = 0
  let penY = 0
  walk(xml, {
    open(n, a) {
      if (n === 'TextObject') {
        const [bx = 0, by = 0] = nums(a.Boundary)
        const ctm = nums(a.CTM)
        obj = { x: bx, y: by, size: Number(a.Size) || 3.5, ctm: ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0] }
        penX = 0
        penY = 0
      } else if (n === 'TextCode' && obj) {
        code = { x: a.X !== undefined ? Number(a.X) || 0 : penX, y: a.Y !== undefined ? Number(a.Y) || 0 : penY, dx: a.DeltaX, dy: a.DeltaY }
        text = ''
      }
    },
    text(t) {
      if (code) text += t
    },
    close(n) {
      if (n === 'TextCode' && obj && code) {
        const [a, b, c, d, e, f] = obj.ctm as [number, number, number, number, number, number]
        const scale = Math.hypot(a, b) || 1
        const size = obj.size * scale
        let x = code.x
        let y = code.y
        const chars = Array.from(text)
        const dx = deltas(code.dx, chars.length)
        const dy = deltas(code.dy, chars.length)
        chars.forEach((ch, i) => {
          const adv = dx[i] ?? (/[\u2e80-\uffef“”‘’]/.test(ch) ? obj!.size : obj!.size * 0.5)
          if (ch.trim()) glyphs.push({ ch, x: obj!.x + a * x + c * y + e, y: obj!.y + b * x + d * y + f, w: adv * scale, size })
          x += adv
          y += dy[i] ?? 0
        })
        penX = x
        penY = y
        code = null
        if (glyphs.length > LIMITS.maxTextChars) throw new AppError('too-large', `OFD 文字超过 ${LIMITS.maxTextChars} 字，可能是异常文件。`)
      } else if (n === 'TextObject') obj = null
    }
  })
  return glyphs
}

export function readOfd(bytes: Uint8Array): ExtractedDoc {
  // Only XML parts are inflated, never those of signatures, seals, annotations or resources.
  const skip = /(?:^|\/)(?:Signs?|Annots?|Res|Attachs?)\//i
  const parts = readZipEntries(bytes, (n) => /\.xml$/i.test(n) && !skip.test(n), LIMITS.maxOfdPartBytes, {
    maxEntries: LIMITS.maxOfdEntries,
    maxTotalBytes: LIMITS.maxOfdTotalBytes
  })
  const byLower = new Map([...parts.keys()].map((k) => [k.toLowerCase().replace(/^\/+/, ''), k]))
  const get = (name: string) => {
    const k = byLower.get(name.toLowerCase())
    return k === undefined ? undefined : parts.get(k)
  }
  if ([...parts.keys()].some((k) => /(?:^|\/)Encrypt(?:ions?)?\.xml$/i.test(k))) throw new AppError('encrypted', 'OFD 文件已加密，请解除加密后再导入。')
  const ofd = get('OFD.xml')
  if (!ofd) throw broken('缺少 OFD.xml')

  const info = firstTexts(ofd, ['DocRoot', 'Title', 'Author', 'CreationDate'])
  const docRoot = info.get('DocRoot')
  if (!docRoot) throw broken('OFD.xml 中没有 DocRoot')
  const docPath = resolve('OFD.xml', docRoot)
  const document = get(docPath)
  if (!document) throw broken(`缺少 ${docPath}`)

  const pagePaths: string[] = []
  let pageCount = 0
  let inPages = 0
  walk(document, {
    open(n, a) {
      if (n === 'Pages') inPages++
      else if (n === 'Page' && inPages && a.BaseLoc && ++pageCount <= LIMITS.maxOfdPages) pagePaths.push(resolve(docPath, a.BaseLoc))
    },
    close(n) {
      if (n === 'Pages') inPages--
    }
  })
  if (!pagePaths.length) throw new AppError('empty', 'OFD 文件没有页面。')

  const pages: Glyph[][] = []
  // Pages may share one Content.xml; what is parsed in all is bounded like what is inflated.
  let parsed = 0
  for (const p of pagePaths) {
    const xml = get(p)
    if (!xml) throw broken(`缺少页面 ${p}`)
    parsed += xml.length
    if (parsed > LIMITS.maxOfdTotalBytes) throw new AppError('too-large', `OFD 页面内容超过 ${LIMITS.maxOfdTotalBytes / 1048576} MB，可能是异常文件。`)
    pages.push(pageGlyphs(xml))
  }
  const b = new DocBuilder()
  if (pageCount > LIMITS.maxOfdPages) b.warnings.push(`OFD 共 ${pageCount} 页，只读取了前 ${LIMITS.maxOfdPages} 页。`)
  const chars = addParagraphs(pages, b)
  if (chars < 20 * Math.min(pages.length, 3)) {
    throw new AppError('no-text-layer', 'OFD 没有文字层（可能是扫描件），请先进行文字识别（OCR）或提供 Word 版本。')
  }
  return b.build('ofd', 'utf-8', { pages: pageCount, declaredTitle: info.get('Title') || undefined })
}
