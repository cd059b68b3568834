// Word (.docx): paragraphs with their heading styles, automatic numbering rendered as text, tables as text,
// text boxes once (a paragraph holding a text box keeps its own text; of an mc:AlternateContent pair only
// the Choice is read, or the Fallback when the Choice held no text).

import type { BlockKind, ExtractedDoc } from '../../shared/models/report'
import { AppError } from '../../shared/errors'
import { DocBuilder } from './doc-builder'
import { LIMITS } from './limits'
import { walkMarkup } from './markup'
import { readZipEntries } from './zip'

interface StyleInfo {
  name: string
  basedOn?: string
  outline?: number
}

interface LevelDef {
  fmt: string
  text: string
  start: number
}

const utf8 = new TextDecoder('utf-8')

/** Walks an XML part with a callback per element event (linear in the part's size); no tree is built. */
function walkXml(
  xml: Uint8Array,
  on: { open?: (name: string, a: Record<string, string>) => void; close?: (name: string) => void; text?: (t: string) => void }
): void {
  walkMarkup(utf8.decode(xml), { xml: true }, {
    open: (n, a) => on.open?.(n, a),
    close: (n) => on.close?.(n),
    text: (t) => on.text?.(t)
  })
}

function readStyles(xml: Uint8Array | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>()
  if (!xml) return styles
  let cur: StyleInfo | null = null
  walkXml(xml, {
    open(n, a) {
      if (n === 'w:style') {
        cur = { name: '' }
        styles.set(a['w:styleId'] ?? '', cur)
      } else if (cur && n === 'w:name') cur.name = a['w:val'] ?? ''
      else if (cur && n === 'w:basedOn') cur.basedOn = a['w:val']
      else if (cur && n === 'w:outlineLvl') cur.outline = Number(a['w:val'])
    },
    close(n) {
      if (n === 'w:style') cur = null
    }
  })
  return styles
}

/** Heading level (1-based) or 'title' from a style id, following basedOn a few steps. */
function styleRoleOf(styles: Map<string, StyleInfo>, id: string | undefined): { title?: boolean; level?: number } {
  for (let i = 0; id && i < 6; i++) {
    const s = styles.get(id)
    const name = (s?.name ?? id).toLowerCase()
    if (/^(title|标题)$/.test(name)) return { title: true }
    const m = /^(?:heading|标题)\s*([1-9])$/.exec(name)
    if (m) return { level: Number(m[1]) }
    if (s?.outline !== undefined && s.outline < 9) return { level: s.outline + 1 }
    id = s?.basedOn
  }
  return {}
}

function readNumbering(xml: Uint8Array | undefined): Map<string, Map<number, LevelDef>> {
  const abstract = new Map<string, Map<number, LevelDef>>()
  const nums = new Map<string, Map<number, LevelDef>>()
  if (!xml) return nums
  const numToAbs: Array<[string, string]> = []
  let absId: string | null = null
  let lvl: LevelDef | null = null
  let numId: string | null = null
  walkXml(xml, {
    open(n, a) {
      if (n === 'w:abstractNum') {
        absId = a['w:abstractNumId'] ?? null
        if (absId) abstract.set(absId, new Map())
      } else if (n === 'w:lvl' && absId) {
        lvl = { fmt: 'decimal', text: '', start: 1 }
        abstract.get(absId)!.set(Number(a['w:ilvl'] ?? 0), lvl)
      } else if (lvl && n === 'w:numFmt') lvl.fmt = a['w:val'] ?? 'decimal'
      else if (lvl && n === 'w:lvlText') lvl.text = (a['w:val'] ?? '').slice(0, 64) // Word allows a few characters and %n
      else if (lvl && n === 'w:start') lvl.start = Number(a['w:val'] ?? 1)
      else if (n === 'w:num') numId = a['w:numId'] ?? null
      else if (numId && n === 'w:abstractNumId') numToAbs.push([numId, a['w:val'] ?? ''])
    },
    close(n) {
      if (n === 'w:abstractNum') absId = null
      else if (n === 'w:lvl') lvl = null
      else if (n === 'w:num') numId = null
    }
  })
  for (const [num, abs] of numToAbs) {
    const levels = abstract.get(abs)
    if (levels) nums.set(num, levels)
  }
  return nums
}

const CN_DIGITS = '零一二三四五六七八九'
function chineseNumber(n: number): string {
  if (n <= 0) return String(n)
  if (n < 10) return CN_DIGITS[n]!
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '')
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '')
  return String(n)
}

function formatNumber(fmt: string, n: number): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseNumber(n)
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10]!
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'lowerLetter':
      return String.fromCharCode(97 + ((n - 1) % 26))
    case 'upperLetter':
      return String.fromCharCode(65 + ((n - 1) % 26))
    case 'lowerRoman':
      return toRoman(n).toLowerCase()
    case 'upperRoman':
      return toRoman(n)
    default:
      return String(n)
  }
}

function toRoman(n: number): string {
  const t: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let s = ''
  for (const [v, r] of t)
    while (n >= v) {
      s += r
      n -= v
    }
  return s
}

export function readDocx(bytes: Uint8Array): ExtractedDoc {
  const parts = readZipEntries(
    bytes,
    (n) => n === 'word/document.xml' || n === 'word/styles.xml' || n === 'word/numbering.xml' || n === 'docProps/core.xml',
    LIMITS.maxDocxPartBytes
  )
  const doc = parts.get('word/document.xml')
  if (!doc) throw new AppError('corrupt', '不是有效的 Word 文档（缺少 word/document.xml）。')
  const styles = readStyles(parts.get('word/styles.xml'))
  // Once per style, not once per paragraph: a style name is file content of any length.
  const roles = new Map<string | undefined, { title?: boolean; level?: number }>()
  const styleRole = (id: string | undefined) => {
    let r = roles.get(id)
    if (!r) roles.set(id, (r = styleRoleOf(styles, id)))
    return r
  }
  const numbering = readNumbering(parts.get('word/numbering.xml'))
  const counters = new Map<string, number[]>()

  interface Para {
    text: string
    pStyle?: string
    outline?: number
    numId?: string
    ilvl: number
  }
  const b = new DocBuilder()
  let para = 0
  let p: Para | null = null
  // A text box's paragraphs sit inside the paragraph that anchors it: the outer one waits here.
  const outer: Para[] = []
  let inT = false
  let skipDepth = 0 // inside w:del, w:instrText, an already-read mc:Fallback and similar
  let textSeen = 0 // characters of text read so far, to tell whether an mc:Choice held any
  const alternates: Array<{ mark: number; choiceHadText: boolean }> = []
  let tableDepth = 0
  let row: string[] | null = null
  let cell: string[] | null = null

  const numberLabel = (q: Para): string => {
    const numId = q.numId
    const ilvl = q.ilvl
    if (!numId || numId === '0') return ''
    const levels = numbering.get(numId)
    const def = levels?.get(ilvl)
    if (!levels || !def || def.fmt === 'bullet' || def.fmt === 'none') return ''
    const c = counters.get(numId) ?? []
    for (let i = 0; i <= ilvl; i++) if (c[i] === undefined) c[i] = (levels.get(i)?.start ?? 1) - (i === ilvl ? 1 : 0)
    c[ilvl] = c[ilvl]! + 1
    c.length = ilvl + 1
    counters.set(numId, c)
    return def.text.replace(/%([1-9])/g, (_m, d: string) => {
      const i = Number(d) - 1
      return formatNumber(levels.get(i)?.fmt ?? 'decimal', c[i] ?? levels.get(i)?.start ?? 1)
    })
  }

  const endParagraph = (q: Para) => {
    const label = numberLabel(q)
    const t = (label + q.text).trim()
    para++
    if (cell) {
      if (t) cell.push(t)
    } else if (t) {
      const role = styleRole(q.pStyle)
      let kind: BlockKind = 'paragraph'
      let level: number | undefined
      if (role.title) kind = 'title'
      else if (q.outline !== undefined && q.outline < 9) {
        kind = 'heading'
        level = q.outline + 1
      } else if (role.level) {
        kind = 'heading'
        level = role.level
      } else if (label) kind = 'list'
      b.add(t, kind, level ? { level, para } : { para })
    }
  }

  walkXml(doc, {
    open(n, a) {
      if (skipDepth) {
        skipDepth++
        return
      }
      switch (n) {
        case 'w:p':
          if (p) outer.push(p)
          p = { text: '', ilvl: 0 }
          break
        case 'w:pStyle':
          if (p) p.pStyle = a['w:val']
          break
        case 'w:outlineLvl':
          if (p) p.outline = Number(a['w:val'])
          break
        case 'w:numId':
          if (p) p.numId = a['w:val']
          break
        case 'w:ilvl':
          if (p) p.ilvl = Number(a['w:val'] ?? 0)
          break
        case 'w:t':
          inT = true
          break
        case 'w:tab':
          if (p) p.text += ' '
          break
        case 'w:br':
        case 'w:cr':
          if (p && a['w:type'] !== 'page') p.text += ' '
          break
        case 'w:del':
        case 'w:moveFrom':
        case 'w:instrText':
        case 'w:delText':
        case 'w:fldData':
          skipDepth = 1
          break
        case 'mc:AlternateContent':
          alternates.push({ mark: textSeen, choiceHadText: false })
          break
        case 'mc:Choice':
          if (alternates.length) alternates[alternates.length - 1]!.mark = textSeen
          break
        case 'mc:Fallback':
          // The same content again, for readers that do not know the Choice's markup.
          if (alternates.length && alternates[alternates.length - 1]!.choiceHadText) skipDepth = 1
          break
        case 'w:tbl':
          tableDepth++
          break
        case 'w:tr':
          if (tableDepth === 1) row = []
          break
        case 'w:tc':
          if (tableDepth === 1) cell = []
          break
      }
    },
    text(t) {
      if (inT && !skipDepth && p) {
        p.text += t
        textSeen += t.length
      }
    },
    close(n) {
      if (skipDepth) {
        skipDepth--
        return
      }
      switch (n) {
        case 'w:t':
          inT = false
          break
        case 'w:p':
          if (p) endParagraph(p)
          p = outer.pop() ?? null
          break
        case 'mc:Choice':
          if (alternates.length) {
            const alt = alternates[alternates.length - 1]!
            alt.choiceHadText = textSeen > alt.mark
          }
          break
        case 'mc:AlternateContent':
          alternates.pop()
          break
        case 'w:tc':
          if (tableDepth === 1 && row && cell) row.push(cell.join(' '))
          if (tableDepth === 1) cell = null
          break
        case 'w:tr':
          if (tableDepth === 1 && row) {
            const line = row.filter(Boolean).join(' ')
            if (line) b.add(line, 'table', { para })
          }
          if (tableDepth === 1) row = null
          break
        case 'w:tbl':
          tableDepth--
          break
      }
    }
  })

  let declaredTitle: string | undefined
  const core = parts.get('docProps/core.xml')
  if (core) {
    let inTitle = false
    walkXml(core, {
      open: (n) => void (inTitle = n === 'dc:title'),
      close: () => void (inTitle = false),
      text: (t) => {
        if (inTitle && t.trim()) declaredTitle = t.trim().slice(0, 500)
      }
    })
  }
  return b.build('docx', 'utf-8', { declaredTitle })
}
