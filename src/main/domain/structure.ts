// Structure of a report over normalized text: lines, web clutter, title, heading hierarchy, closing.
// Which part of the report each heading opens is read in sections.ts.

import type { Block, Heading } from '../../shared/models/report'
import {
  BREADCRUMB_LABELS,
  DOC_NUMBER,
  HEADING_NUMBERING,
  NOT_IN_NAME,
  ORG_ENDINGS,
  ORG_SUFFIX,
  PAGE_FOOTERS,
  PAGE_LINE_WORDS,
  PAGE_WIDGETS,
  PLAN_WEAK_RE,
  PAGE_FIELD_NAMES,
  PLAN_RE,
  REPORT_KIND_WORDS,
  RUN_IN_POINT,
  SHORTCOMING_RE,
  TABLE_FIELD_NAMES,
  WORK_RE,
  OTHER_MATTERS,
  alternation
} from './lexicon'

export interface Line {
  start: number
  end: number
  text: string
  /** Set aside as portal clutter (breadcrumbs, 发布时间, share widgets, footers …). */
  clutter: boolean
  /** Level a reader marked (Word heading style, HTML h1–h6, Markdown #), if any. */
  markedLevel?: number
  markedTitle?: boolean
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    const raw = text.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    const t = raw.trim()
    if (t) lines.push({ start: start + lead, end: start + lead + t.length, text: t, clutter: false })
    if (nl === -1) break
    start = nl + 1
  }
  return lines
}

/** Marks lines that a reader labelled as headings. Blocks are in original offsets: toNorm maps them. */
export function applyBlocks(lines: Line[], blocks: Block[], toNorm: (orig: number) => number): void {
  let li = 0
  for (const b of blocks) {
    if (b.kind !== 'heading' && b.kind !== 'title') continue
    const s = toNorm(b.start)
    while (li < lines.length && lines[li]!.end <= s) li++
    const line = lines[li]
    if (line && line.start <= s + 1) {
      if (b.kind === 'title') line.markedTitle = true
      else line.markedLevel = b.level ?? 2
    }
  }
}

// ---------------------------------------------------------------- clutter

const BULLET = String.raw`^[-•·*▪◆●■]?\s*`
const CLUTTER_PATTERNS: RegExp[] = [
  new RegExp(`${BULLET}(?:${alternation(BREADCRUMB_LABELS)})\\s*[:：]`),
  /(?:首页|主页|网站首页)\s*(?:>|>>|→|»|\/|-|›)/,
  /^(?:>|>>|»|›)/,
  new RegExp(`${BULLET}(?:${alternation(PAGE_FIELD_NAMES)})\\s*[:：]`),
  new RegExp(`^(?:${alternation(TABLE_FIELD_NAMES)})\\s*\\S`),
  // A field table printed one cell per line: the label alone (its value, on the next line, is read for metadata).
  new RegExp(`${BULLET}(?:${alternation(PAGE_FIELD_NAMES)})\\s*[:：]?$`),
  /^.{0,20}(?:发布时间|发布日期)\s*[:：]\s*\d{4}/,
  new RegExp(`${alternation(PAGE_WIDGETS)}|[〔【[]打印[〕】\\]]|[〔【[]字体|[〔【[]关闭[〕】\\]]|简体\\s*\\|?\\s*繁体`),
  /(?:^|\s)大\s*中\s*小(?:\s|】|\]|$)/,
  new RegExp(`${alternation(PAGE_FOOTERS)}|建议使用.{0,30}浏览器`),
  new RegExp(`^(?:${alternation(PAGE_LINE_WORDS)})$`),
  /^.{0,20}(?:政府网站|门户网站|网站群)$/,
  /\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]/,
  /^[-•·|\s]+$/,
  new RegExp(`${BULLET}\\d{4}-\\d{1,2}-\\d{1,2}(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*$`),
  /\|\s*(?:>>|»)/
]

const BRACKETED_YEAR = /[〔[(]\s*(?:19|20)\d{2}\s*[〕\])]/

/** A line that holds only a document number (「葛政〔2025〕11号」, 「文号：…」): the report's own header, kept. */
export function isDocNumberLine(t: string): boolean {
  // Short, and holding a bracketed year: checked first, as every line of the text passes here.
  if (t.length > 60 || !BRACKETED_YEAR.test(t)) return false
  const m = DOC_NUMBER.exec(t)
  if (!m) return false
  const rest = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).replace(/(?:备注\/)?(?:文号|发文字号|文件编号)\s*[:：]?|[签簽][发發]人\s*[:：]?\s*[\u4e00-\u9fff]{2,4}|[-•·\s]/g, '')
  return rest.length <= 2
}

const FIELD_LABEL_ALONE = new RegExp(`${BULLET}(?:${alternation(PAGE_FIELD_NAMES)})\\s*[:：]?$`)

/**
 * A field table printed one cell per line (「索引号」 then 「000019713O03/2018-00450」): the value cell under
 * a label cell is page furniture too, not the first line of the report. Only short cells in the page's
 * head, never a 文号 (kept as the report's own header) or a sentence.
 */
export function markFieldValueCells(lines: Line[]): void {
  for (let i = 0; i + 1 < Math.min(lines.length, 60); i++) {
    const next = lines[i + 1]!
    if (!lines[i]!.clutter || !FIELD_LABEL_ALONE.test(lines[i]!.text) || next.clutter) continue
    if (next.text.length <= 40 && !/[。，,]/.test(next.text) && !isDocNumberLine(next.text) && !looksLikeTitle(next.text)) next.clutter = true
  }
}

export function isClutterLine(t: string): boolean {
  if (isDocNumberLine(t)) return false
  return CLUTTER_PATTERNS.some((re) => re.test(t))
}

// ---------------------------------------------------------------- title

const TITLE_WORDS = /法治/
const TITLE_KIND = new RegExp(alternation(REPORT_KIND_WORDS))
const SEPARATORS = '-_|–—'

/**
 * The title without a site name after it (「…报告 - 规划计划 - 宁乡市政府门户网站」): cut at the first
 * separator after which every part is short (1–30 characters). A scanner, not a pattern, so that a
 * title full of separators costs no more than a plain one.
 */
export function stripSiteSuffix(t: string): string {
  const seps: number[] = []
  for (let i = 0; i < t.length; i++) if (SEPARATORS.includes(t[i]!)) seps.push(i)
  if (!seps.length) return t
  let cut = -1
  // From the right: the parts after separator k are all short when part k is and all after it are.
  for (let k = seps.length - 1; k >= 0; k--) {
    const part = t.slice(seps[k]! + 1, k + 1 < seps.length ? seps[k + 1]! : t.length)
    const core = k + 1 < seps.length ? part.trim() : part.trimStart()
    const ok = part.length > 0 && core.length <= 30
    if (!ok) break
    cut = seps[k]!
  }
  if (cut < 0) return t
  const head = t.slice(0, cut)
  return TITLE_WORDS.test(head) && TITLE_KIND.test(head) ? head.trim() : t
}

export function looksLikeTitle(t: string): boolean {
  const s = stripSiteSuffix(t)
  return (
    s.length >= 8 &&
    s.length <= 70 &&
    TITLE_WORDS.test(s) &&
    TITLE_KIND.test(s) &&
    !/[。;!?]$/.test(s) &&
    !/^(?:根据|为|按照|现将|在|今年|一年来|\d{4}年[,，]|[一二三四五六七八九十]+[、.]|\(|（)/.test(s) &&
    !/[,，].{6}/.test(s) &&
    !isClutterLine(s)
  )
}

/** Index of the title line, or -1. Only the first lines of the report are looked at. */
export function findTitle(lines: Line[]): number {
  let seen = 0
  for (let i = 0; i < lines.length && seen < 15; i++) {
    const l = lines[i]!
    if (l.clutter) continue
    seen++
    if (l.markedTitle && TITLE_WORDS.test(l.text)) return i
    if (looksLikeTitle(l.text)) return i
    if (/[。]/.test(l.text) && l.text.length > 60) break // the body has begun
  }
  return -1
}

/** Short lines before the title that are neither an issuer nor a date are site furniture. */
export function markPreTitleClutter(lines: Line[], titleIdx: number): void {
  for (let i = 0; i < titleIdx; i++) {
    const l = lines[i]!
    if (l.clutter) continue
    const t = l.text
    if (ORG_SUFFIX.test(t) || /\d{4}年|\d{4}-\d{1,2}/.test(t) || /[:：]$/.test(t) || isDocNumberLine(t)) continue
    if (t.length <= 16 && !/[。,，]/.test(t)) l.clutter = true
    else if (looksLikeTitle(t) && stripSiteSuffix(t) !== t) l.clutter = true // the browser title of the page
  }
}

// ---------------------------------------------------------------- headings

function headingSpan(t: string, from = 0): { end: number; runIn: boolean } {
  const rest = t.slice(from)
  // 「二、存在问题:法治队伍力量薄弱,…」: a short heading ended by a colon, its text run in after it.
  const colon = /[:：]/.exec(rest.slice(0, 25))
  if (colon && rest.slice(colon.index + 1).trim().length >= 4) return { end: from + colon.index, runIn: true }
  const stop = /[。;!?]/.exec(rest)
  if (stop && stop.index <= 60) {
    const end = from + stop.index
    return { end: rest.slice(stop.index + 1).trim() ? end : t.length, runIn: rest.slice(stop.index + 1).trim().length > 0 }
  }
  if (rest.length <= 80) return { end: t.length, runIn: false }
  const comma = /[,:]/.exec(rest)
  return { end: from + (comma && comma.index <= 40 ? comma.index : 40), runIn: true }
}

/**
 * An unnumbered heading on its own line: short, no sentence punctuation, and naming a part of a report
 * (「存在的问题」「下一步工作打算」「主要举措和成效」「其他需要报告的情况」).
 */
export function isUnnumberedHeading(t: string): boolean {
  if (t.length < 4 || t.length > 40 || /[。,，;；:：!?]/.test(t)) return false
  return SHORTCOMING_RE.test(t) || PLAN_RE.test(t) || OTHER_MATTERS.test(t) || WORK_RE.test(t) || (/(?:19|20)\d{2}年/.test(t) && PLAN_WEAK_RE.test(t))
}

/**
 * A heading line without numbering or a part's words (「党政主要负责人履行推进法治建设第一责任人职责情况」): short,
 * no sentence punctuation, between a finished sentence (or another heading) and a paragraph.
 */
export function isPlainHeadingLine(lines: Line[], i: number): boolean {
  const t = lines[i]!.text
  // 「A，B」 is a heading's shape (「加强党的领导，履行法治建设第一责任人职责」); a sentence has more.
  if (t.length < 6 || t.length > 40 || /[。;；:：!?！？"“”]/.test(t) || (t.match(/[,，、]/g) ?? []).length > 1 || !/^[\u4e00-\u9fff\d]/.test(t) || ORG_SUFFIX.test(t) || /\d{4}年\d{1,2}月/.test(t)) return false
  const next = lines[i + 1]
  const prev = lines[i - 1]
  if (!next || next.clutter || (next.text.length < Math.max(40, t.length * 2) && !/[。]$/.test(next.text))) return false
  return !prev || prev.clutter || /[。;；!?！？:：]$/.test(prev.text) || HEADING_NUMBERING.some((r) => r.re.test(prev.text)) || prev.text.length <= 40
}

/** Finds headings in non-clutter lines after the title. */
export function findHeadings(lines: Line[], fromLine: number): Heading[] {
  const out: Heading[] = []
  for (let i = fromLine; i < lines.length; i++) {
    const l = lines[i]!
    if (l.clutter) continue
    const t = l.text
    const rule = HEADING_NUMBERING.find((r) => r.re.test(t))
    let lineHeading: Heading | null = null
    if (rule) {
      const s = headingSpan(t)
      lineHeading = { text: t.slice(0, s.end).trim(), level: rule.level, start: l.start, end: l.start + s.end, runIn: s.runIn }
    } else if (l.markedLevel !== undefined && t.length <= 80) {
      lineHeading = { text: t, level: Math.min(l.markedLevel, 3), start: l.start, end: l.end, runIn: false }
    } else if ((isUnnumberedHeading(t) && (!lines[i + 1] || lines[i + 1]!.text.length > t.length)) || isPlainHeadingLine(lines, i)) {
      // Its level is settled with the others' (sections.ts): a part of the report or a subsection.
      lineHeading = { text: t, level: 1, start: l.start, end: l.end, runIn: false }
    }
    if (lineHeading) out.push(lineHeading)
    // “一是…二是…” points inside paragraphs: level 5, run-in.
    RUN_IN_POINT.lastIndex = 0
    for (let m = RUN_IN_POINT.exec(t); m; m = RUN_IN_POINT.exec(t)) {
      const at = m.index + m[0].length - m[1]!.length
      if (lineHeading && at < lineHeading.end - l.start) continue
      const s = headingSpan(t, at)
      const end = Math.min(s.end, at + 40)
      out.push({ text: t.slice(at, end).trim(), level: 5, start: l.start + at, end: l.start + end, runIn: true })
    }
  }
  return out
}

// ---------------------------------------------------------------- closing

const CLOSING_LINE = new RegExp(
  `^(?:[\\u4e00-\\u9fff()（）]{2,30}(?:${alternation(ORG_ENDINGS)})|(?:\\d{4}|[〇零一二三四五六七八九]{4})年[\\d一二三四五六七八九十〇零]{1,3}月[\\d一二三四五六七八九十〇零]{1,3}日)$`
)

/** Where the closing (signature and date) starts, as a line index. */
export function findClosing(lines: Line[]): number {
  let i = lines.length
  while (i > 0 && lines[i - 1]!.clutter) i--
  let start = i
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const t = lines[k]!.text
    if (lines[k]!.clutter) continue
    const c = t.replace(/\s/g, '')
    if (CLOSING_LINE.test(c) && !NOT_IN_NAME.test(c)) start = k
    else break
  }
  return start
}
