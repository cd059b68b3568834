// Structure of a report over normalized text: lines, web clutter, title, heading hierarchy, sections.

import type { Block, Heading, Section, SectionRole } from '../../shared/models/report'

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
const FIELD_NAMES =
  '时间|日期|发布时间|发布日期|发文日期|成文日期|生成日期|公文生成日期|印发日期|更新时间|来源|信息来源|文章来源|稿件来源|内容来源|作者|编辑|责任编辑|审核|浏览次数|访问量|访问次数|点击率|点击数|阅读次数|阅读量|字号|字体|字体大小|索引号|索 引 号|主题分类|组配分类|体裁分类|服务对象|发布机构|发文机关|发文机构|公开方式|公开范围|公开时限|有效性|所属单位|文号|发文字号|备注/文号|信息分类|关键词|关键字|所属机构|时效'
const CLUTTER_PATTERNS: RegExp[] = [
  new RegExp(`${BULLET}(?:当前位置|您当前的位置|您现在的位置|您的位置|所在位置|当前所在位置)\\s*[:：]`),
  /(?:首页|主页|网站首页)\s*(?:>|>>|→|»|\/|-|›)/,
  /^(?:>|>>|»|›)/,
  new RegExp(`${BULLET}(?:${FIELD_NAMES})\\s*[:：]`),
  /^(?:索引号|索 引 号|组配分类|主题分类|体裁分类|发布机构|生成日期|公文生成日期|公开方式|公开范围|发文字号|所属机构|信息分类|服务对象)\s*\S/,
  /^.{0,20}(?:发布时间|发布日期)\s*[:：]\s*\d{4}/,
  /扫一扫|手机打开|手机上查看|手机阅读|分享到|打印本页|[〔【[]打印[〕】\]]|[〔【[]字体|关闭窗口|[〔【[]关闭[〕】\]]|加入收藏|听全文|无障碍|简体\s*\|?\s*繁体|繁体版|长者模式|关怀模式|返回顶部|上一篇|下一篇/,
  /(?:^|\s)大\s*中\s*小(?:\s|】|\]|$)/,
  /主办单位|承办单位|主办[:：]|承办[:：]|版权所有|ICP备|网站标识码|公网安备|联系我们|网站地图|技术支持|建议使用.*浏览器|分辨率/,
  /^(?:相关链接|相关文章|相关阅读|相关新闻|相关信息|重点链接|友情链接|全国各省市政府网站|Menu|首页|打印|关闭|分享|收藏|-)$/,
  /^.{0,20}(?:政府网站|门户网站|网站群)$/,
  /\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]/,
  /^[-•·\s]+$/,
  new RegExp(`${BULLET}\\d{4}-\\d{1,2}-\\d{1,2}(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*$`),
  /\|\s*(?:>>|»)/
]
/** Spam a mirror site injected inside sentences. */
export const SPAM = /(?:皇冠足球比分|足球比分|皇冠体育|博彩|娱乐城|真人娱乐|百家乐|时时彩|六合彩|彩票网)\s*[:：]?/g

export function isClutterLine(t: string): boolean {
  return CLUTTER_PATTERNS.some((re) => re.test(t))
}

// ---------------------------------------------------------------- title

const TITLE_WORDS = /法治/
const TITLE_KIND = /报告|情况|总结|工作/
const SITE_SUFFIX = /\s*[-_|–—]\s*[^-_|–—]{1,30}(?:\s*[-_|–—]\s*[^-_|–—]{1,30})*$/
export const ORG_SUFFIX = /(?:党委|党工委|党组|人民政府|政府|办事处|街道|镇|乡|局|厅|部|委员会|委|办公室|办|中心|院|署|所|队|管委会|工委)$/

export function stripSiteSuffix(t: string): string {
  if (!/[-_|–—]/.test(t)) return t
  const m = SITE_SUFFIX.exec(t)
  if (!m) return t
  const head = t.slice(0, m.index)
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
    !/[,，].{6,}/.test(s) &&
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
    if (ORG_SUFFIX.test(t) || /\d{4}年|\d{4}-\d{1,2}/.test(t) || /[:：]$/.test(t)) continue
    if (t.length <= 16 && !/[。,，]/.test(t)) l.clutter = true
    else if (looksLikeTitle(t) && stripSiteSuffix(t) !== t) l.clutter = true // the browser title of the page
  }
}

// ---------------------------------------------------------------- headings

const CN = '[一二三四五六七八九十]{1,3}'
const HEADING_RULES: Array<{ re: RegExp; level: number }> = [
  { re: new RegExp(`^第${CN}(?:部分|章|篇)`), level: 1 },
  { re: new RegExp(`^${CN}\\s*[、.,]`), level: 1 },
  { re: new RegExp(`^${CN}\\)`), level: 1 },
  { re: new RegExp(`^[(〔]${CN}[)〕]`), level: 2 },
  { re: /^\d{1,2}\s*[、.](?!\d)/, level: 3 },
  { re: /^[(〔]\d{1,2}[)〕]/, level: 4 },
  { re: /^[①-⑳]/, level: 4 }
]
const RUN_IN_POINT = new RegExp(`(?:^|[。;!?])\\s*(${CN}是)`, 'g')

function headingSpan(t: string, from = 0): { end: number; runIn: boolean } {
  const rest = t.slice(from)
  const stop = /[。;!?]/.exec(rest)
  if (stop && stop.index <= 60) {
    const end = from + stop.index
    return { end: rest.slice(stop.index + 1).trim() ? end : t.length, runIn: rest.slice(stop.index + 1).trim().length > 0 }
  }
  if (rest.length <= 80) return { end: t.length, runIn: false }
  const comma = /[,:]/.exec(rest)
  return { end: from + (comma && comma.index <= 40 ? comma.index : 40), runIn: true }
}

/** Finds headings in non-clutter lines after the title. */
export function findHeadings(lines: Line[], fromLine: number): Heading[] {
  const out: Heading[] = []
  for (let i = fromLine; i < lines.length; i++) {
    const l = lines[i]!
    if (l.clutter) continue
    const t = l.text
    const rule = HEADING_RULES.find((r) => r.re.test(t))
    let lineHeading: Heading | null = null
    if (rule) {
      const s = headingSpan(t)
      lineHeading = { text: t.slice(0, s.end).trim(), level: rule.level, start: l.start, end: l.start + s.end, runIn: s.runIn }
    } else if (l.markedLevel !== undefined && t.length <= 80) {
      lineHeading = { text: t, level: Math.min(l.markedLevel, 3), start: l.start, end: l.end, runIn: false }
    } else if (t.length <= 40 && !/[。,;]/.test(t) && /^(?:存在的?|下一步|下步|\d{4}年(?:度)?(?:工作)?(?:安排|打算|计划|思路)|主要(?:举措|成效|做法))/.test(t)) {
      // an unnumbered heading line such as “存在的问题” or “下一步工作打算”
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

// ---------------------------------------------------------------- sections

const SHORT = /问题|不足|短板|差距|薄弱|困难|挑战|瓶颈|弱项|短处/
const NOT_SHORT = /成效|成绩|举措|做法|开展情况|完成情况|主要工作|主要情况|解决|化解/
const PLAN = /下一步|下步|下一年|下年度|明年|来年|今后|未来|展望|打算|工作(?:安排|计划|思路|设想|重点)$|(?:安排|计划|思路|设想)$|\d{4}年(?:度)?.{0,16}(?:安排|打算|计划|思路|重点工作|目标|任务)/
const NOT_PLAN = /成效|开展情况|完成情况|落实情况|执行情况/
const OTHER = /其他(?:需要|应当)?(?:报告|说明)?的?(?:事项|情况)/

export function classifyHeading(text: string): SectionRole | 'mixed' {
  const t = text.replace(/^[^\u4e00-\u9fff\d]*(?:第?[一二三四五六七八九十]+(?:部分|、|是)?)?/, '')
  if (OTHER.test(t)) return 'other'
  const s = SHORT.test(t) && !NOT_SHORT.test(t)
  const p = PLAN.test(t) && !NOT_PLAN.test(t)
  if (s && p) return 'mixed'
  if (s) return 'shortcomings'
  if (p) return 'plans'
  return 'work'
}

const CLOSING_LINE = /^(?:[\u4e00-\u9fff()（）]{2,30}(?:党委|党工委|党组|人民政府|政府|办事处|街道|镇|乡|局|厅|部|委员会|委|办公室|管委会)|(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十〇零]{1,3}月[\d一二三四五六七八九十〇零]{1,3}日)$/

/** Where the closing (signature and date) starts, as a line index. */
export function findClosing(lines: Line[]): number {
  let i = lines.length
  while (i > 0 && lines[i - 1]!.clutter) i--
  let start = i
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const t = lines[k]!.text
    if (lines[k]!.clutter) continue
    if (CLOSING_LINE.test(t.replace(/\s/g, ''))) start = k
    else break
  }
  return start
}

export function buildSections(lines: Line[], headings: Heading[], bodyStartLine: number, closingLine: number): Section[] {
  const bodyStart = lines[bodyStartLine]?.start ?? 0
  const bodyEnd = closingLine < lines.length ? lines[closingLine]!.start : (lines[lines.length - 1]?.end ?? 0)
  const inBody = headings.filter((h) => h.start >= bodyStart && h.start < bodyEnd)
  const numbered = inBody.filter((h) => h.level <= 4)
  const sections: Section[] = []
  if (!numbered.length) {
    sections.push({ role: 'work', heading: null, start: bodyStart, end: bodyEnd })
    return refineFlat(sections, lines)
  }
  const top = Math.min(...numbered.map((h) => h.level))
  const tops = numbered.filter((h) => h.level === top)
  if (tops[0]!.start > bodyStart) sections.push({ role: 'preamble', heading: null, start: bodyStart, end: tops[0]!.start })
  tops.forEach((h, i) => {
    const end = i + 1 < tops.length ? tops[i + 1]!.start : bodyEnd
    const role = classifyHeading(h.text)
    if (role !== 'mixed') {
      sections.push({ role, heading: h, start: h.start, end })
      return
    }
    // “存在的问题和下一步打算”: split by its subheadings.
    const subs = numbered.filter((s) => s.level > top && s.start > h.start && s.start < end)
    let cur: SectionRole = 'shortcomings'
    let from = h.start
    for (const s of subs) {
      const r = classifyHeading(s.text)
      if (r === 'plans' && cur !== 'plans') {
        sections.push({ role: cur, heading: h, start: from, end: s.start })
        cur = 'plans'
        from = s.start
      }
    }
    sections.push({ role: cur, heading: cur === 'plans' ? null : h, start: from, end })
  })
  // Only one top section found, all work: the report may name its shortcomings and plans lower down.
  if (!sections.some((s) => s.role === 'shortcomings' || s.role === 'plans')) {
    return refineNested(sections, numbered.filter((h) => h.level > top), lines)
  }
  return sections
}

/** Shortcomings and plans given as subsections of one big section. */
function refineNested(sections: Section[], subs: Heading[], lines: Line[]): Section[] {
  const out: Section[] = []
  for (const sec of sections) {
    const inner = subs.filter((h) => h.start > sec.start && h.start < sec.end)
    const level = inner.length ? Math.min(...inner.map((h) => h.level)) : 0
    const marks = inner.filter((h) => h.level === level).map((h) => ({ h, role: classifyHeading(h.text) }))
    const firstSpecial = marks.findIndex((m) => m.role === 'shortcomings' || m.role === 'plans' || m.role === 'mixed')
    if (firstSpecial < 0) {
      out.push(sec)
      continue
    }
    let from = sec.start
    let role: SectionRole = sec.role
    let heading = sec.heading
    for (const m of marks.slice(firstSpecial)) {
      const r: SectionRole = m.role === 'mixed' ? 'shortcomings' : m.role === 'work' ? role : m.role
      if (r !== role) {
        out.push({ role, heading, start: from, end: m.h.start })
        role = r
        heading = m.h
        from = m.h.start
      }
    }
    out.push({ role, heading, start: from, end: sec.end })
  }
  return out.some((s) => s.role !== 'work' && s.role !== 'preamble') ? out : refineFlat(out, lines)
}

const FLAT_SHORT = /(?:存在|仍有|还有|面临|仍然存在)[^。]{0,12}(?:问题|不足|短板|差距|薄弱环节)|(?:问题|不足)(?:主要)?(?:表现|体现)在/
const FLAT_PLAN = /^(?:下一步|下步|今后|\d{4}年[,，]?\s*(?:我|将|全|本|镇|乡|街道|县|区|市|局))/

/** No headings name the parts: find the paragraphs that open the shortcomings and the plans. */
function refineFlat(sections: Section[], lines: Line[]): Section[] {
  const out: Section[] = []
  for (const sec of sections) {
    if (sec.role !== 'work') {
      out.push(sec)
      continue
    }
    const paras = lines.filter((l) => !l.clutter && l.start >= sec.start && l.start < sec.end)
    let from = sec.start
    let role: SectionRole = 'work'
    for (const p of paras) {
      const r: SectionRole | null = FLAT_SHORT.test(p.text.slice(0, 80)) && role === 'work' ? 'shortcomings' : FLAT_PLAN.test(p.text) && (role as SectionRole) !== 'plans' && p.start > sec.start ? 'plans' : null
      if (r && r !== role) {
        if (p.start > from) out.push({ role, heading: null, start: from, end: p.start })
        role = r
        from = p.start
      }
    }
    out.push({ role, heading: sec.heading, start: from, end: sec.end })
  }
  return out
}
