// Report metadata: title, issuer, level, year covered, publication and signing dates, document number,
// each with where it was read (the title, a page field, the opening sentence, the signature …).

import type { MetaField, MetaSource, MetaSourceKind, ReportLevel, ReportMeta } from '../../shared/models/report'
import { findDate, parseYear } from './dates'
import {
  AREA_REFERENCE,
  BANNER_ENDINGS,
  DEPARTMENT_SUFFIX,
  DOC_NUMBER,
  DOC_NUMBER_LABELS,
  GOV_PLACE_SUFFIX,
  GOVERNMENT_SUFFIX,
  ISSUER_LABELS,
  LEVEL_PLACE_ENDINGS,
  MUNICIPALITIES,
  NAME_PREFIX_STRAYS,
  NOT_A_NAME_START,
  NOT_IN_NAME,
  ORG_ENDINGS,
  ORG_SUFFIX,
  PAGE_FIELD_NAMES,
  PARTY_ENDINGS,
  PLACE_ENDINGS,
  PLACE_SUFFIX,
  PROVINCES,
  PUBLISHED_LABELS,
  REPORT_OPENING,
  SELF_REFERENCE,
  startsNumbered,
  SUBJECT_VERBS,
  YEAR,
  alternation,
  provinceFull
} from './lexicon'
import { isDocNumberLine, stripSiteSuffix, type Line } from './structure'

export interface MetaInput {
  lines: Line[]
  titleLine: number
  /** First line of the report body (after title and header lines). */
  bodyLine: number
  closingLine: number
  declaredTitle?: string
  text: string
}

interface Found<T> {
  value: T
  kind: MetaSourceKind
  quote: string
}

const found = <T>(value: T, kind: MetaSourceKind, quote: string): Found<T> => ({ value, kind, quote: quote.length > 60 ? `${quote.slice(0, 59)}…` : quote })

// ---------------------------------------------------------------- title

/** Words a site's banner ends with, when it stands before the title on the same line. */
const BANNER_END = new RegExp(`^(.{2,30}?(?:${alternation(BANNER_ENDINGS)}))(?=(?:中共)?(?:关于)?[\\u4e00-\\u9fff]{2,})`)

/** The title line as the report names itself: no site name after it, no site banner before it. */
export function cleanTitle(t: string): string {
  let s = stripSiteSuffix(t)
  const banner = BANNER_END.exec(s)
  if (banner) {
    const rest = s.slice(banner[1]!.length)
    if (/法治/.test(rest) && rest.length >= 10 && (PROVINCES.some((p) => rest.startsWith(p)) || /^(?:中共|关于)/.test(rest) || ORG_OR_PLACE_START.test(rest))) s = rest
  }
  return s.trim()
}
const ORG_OR_PLACE_START = new RegExp(`^[\\u4e00-\\u9fff]{1,20}?(?:${alternation([...PLACE_ENDINGS, ...ORG_ENDINGS])})`)

function findTitleText(inp: MetaInput): Found<string> | null {
  const { lines, titleLine } = inp
  if (titleLine >= 0) {
    let t = cleanTitle(lines[titleLine]!.text)
    // A title broken across lines by a PDF (「关于」「2018」「年宁波市…的报告」): join the fragments before it.
    let k = titleLine - 1
    while (/^[年度]/.test(t) && k >= 0 && lines[k]!.text.length <= 6 && /^(?:关于|(?:19|20)\d{2}|关于(?:19|20)\d{2})$/.test(lines[k]!.text)) {
      t = lines[k]!.text + t
      k--
    }
    if (k >= 0 && /^(?:19|20)\d{2}/.test(t) && lines[k]!.text === '关于') t = `关于${t}`
    return found(t, 'title', t)
  }
  if (inp.declaredTitle) {
    const d = cleanTitle(inp.declaredTitle)
    if (/法治/.test(d) && /报告|情况/.test(d)) return found(d, 'declared-title', d)
  }
  return null
}

// ---------------------------------------------------------------- year

const COMPARED = /(?:[较較]|比|同比|相比|[对對]比|[与與])\s*(?:19|20)\d{2}\s*年/g

function yearOutsideBrackets(s: string): number | null {
  // Cited titles and numbers (《…2021—2025年…》, 〔2019〕) are not the report's year. Bounded so that an
  // unclosed bracket costs no more than its own line.
  // A year compared against (「较2017年缩减一半」「与2019年相比」) is not the report's year either.
  const stripped = s.replace(/《[^》\n]{0,80}》|〔[^〕\n]{0,20}〕|\([^)\n]{0,40}\)|<[^>\n]{0,80}>/g, (m) => ' '.repeat(m.length)).replace(COMPARED, (m) => ' '.repeat(m.length))
  const m = YEAR.exec(stripped)
  return m ? parseYear(m[1]!) : null
}

function findYear(title: string | null, lines: Line[], bodyLine: number): Found<number> | null {
  if (title) {
    const y = yearOutsideBrackets(title)
    if (y) return found(y, 'title', title)
  }
  const body = lines.slice(bodyLine, bodyLine + 6).filter((l) => !l.clutter)
  for (const l of body) {
    const m = REPORT_OPENING.exec(l.text)
    if (m) return found(Number(m[2]), 'opening', m[0])
  }
  for (const l of body) {
    const y = yearOutsideBrackets(l.text.slice(0, 300))
    if (y) return found(y, 'body', l.text.slice(0, 40))
  }
  // Only years inside cited titles (《2025年全县法治政府建设工作要点》): the year they plan for.
  for (const l of body) {
    // Not the end of a span (《…(2021—2025年)》 plans for five years, not for 2025).
    const m = /(?<![—–\-~至到]\s{0,2})((?:19|20)\d{2})\s*年/.exec(l.text.slice(0, 300).replace(COMPARED, (c) => ' '.repeat(c.length)))
    if (m) return found(Number(m[1]), 'body', l.text.slice(0, 40))
  }
  return null
}

// ---------------------------------------------------------------- dates

const labelRe = (names: readonly string[]) => new RegExp(`(?:${alternation(names)})\\s*(?:[:：]\\s*)?`, 'g')
const PUBLICATION_LABEL = labelRe(PUBLISHED_LABELS.publication)
// 时间/日期 not as the end of 生成日期, 发文日期, 成文日期, 印发日期, 更新时间 …
const PLAIN_LABEL = /(?<![生成发文印新布开表传])(?:时间|日期)\s*(?:[:：]\s*)?/g
const DOCUMENT_LABEL = labelRe(PUBLISHED_LABELS.document)
const SOURCE_LABEL = new RegExp(`^[-•·]?\\s*(?:${alternation(ISSUER_LABELS.source)})\\s*[:：]`)
const PUBLICATION_LABEL_ONLY = new RegExp(`^[-•·]?\\s*(?:${alternation([...PUBLISHED_LABELS.publication, ...PUBLISHED_LABELS.plain, ...PUBLISHED_LABELS.document])})\\s*[:：]?$`)

function dateAfter(text: string, re: RegExp): { iso: string; quote: string } | null {
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length
    const d = findDate(text.slice(at, at + 24))
    if (d && d.index <= 2) return { iso: d.iso, quote: text.slice(m.index, at + d.index + d.length) }
  }
  return null
}

const AFTER_DATE = new RegExp(`^[|｜]?\\s*(?:${alternation(PAGE_FIELD_NAMES)}|浏览|【|\\[|分享)`)

/** A line that starts with a date (「2023-06-12 09:27」, 「2022-03-10 10:58 字号：」), not a clock widget. */
function leadingDate(t: string): { iso: string; quote: string } | null {
  if (/星期|周[一二三四五六日]/.test(t)) return null
  const s = t.replace(/^[-•·*\s]+/, '')
  const d = findDate(s.slice(0, 24))
  if (!d || d.index !== 0) return null
  const rest = s.slice(d.length).replace(/^\s*\d{1,2}:\d{2}(?::\d{2})?/, '').trim()
  // Nothing after the date but page fields (来源, 字号, 浏览次数 …), or nothing at all.
  if (rest && !AFTER_DATE.test(rest)) return null
  return { iso: d.iso, quote: s.slice(0, d.length) }
}

/** A page's field table printed one cell per line (「公开日期」, then 「2018年04月28日」): label and value on one line. */
function joinCells(lines: Line[]): Line[] {
  return lines.map((l, i) => {
    const next = lines[i + 1]
    return next && PUBLICATION_LABEL_ONLY.test(l.text) ? { ...l, text: `${l.text}${/[:：]$/.test(l.text) ? '' : ':'}${next.text}` } : l
  })
}

function findPublished(lines: Line[], titleLine: number, upto: number): Found<string> | null {
  const head = joinCells(lines.slice(0, upto + 1)).slice(0, upto).filter((l) => l.clutter || l.text.length < 80)
  const fromLabels = (re: RegExp, kind: MetaSourceKind): Found<string> | null => {
    for (const l of head) {
      if (/星期|周[一二三四五六日]/.test(l.text)) continue
      const d = dateAfter(l.text, re)
      if (d) return found(d.iso, kind, d.quote)
    }
    return null
  }
  const labelled = fromLabels(PUBLICATION_LABEL, 'field') ?? fromLabels(PLAIN_LABEL, 'field')
  if (labelled) return labelled
  // A byline naming where the page came from, with the date after it (「来源:陕西日报 2026-03-16 08:15」).
  for (const l of head) {
    if (!l.clutter || !SOURCE_LABEL.test(l.text)) continue
    const d = findDate(l.text.slice(0, 60))
    if (d) return found(d.iso, 'field', l.text.slice(0, d.index + d.length))
  }
  // A bare date line near the title (before it on some portals, after it on most).
  const near = lines.slice(Math.max(0, titleLine - 3), Math.max(upto, titleLine + 5))
  for (const l of titleLine >= 0 ? near : head) {
    // Alone, or after the body's name as a byline (「衢州市人民政府 2024-03-15」).
    const byline = /^([\u4e00-\u9fff]{2,30}?)\s*(?=(?:19|20)\d{2}[-年./])/.exec(l.text)
    const d = leadingDate(l.text) ?? (byline && ORG_SUFFIX.test(byline[1]!) ? leadingDate(l.text.slice(byline[0].length)) : null)
    if (d) return found(d.iso, 'date-line', d.quote)
  }
  return fromLabels(DOCUMENT_LABEL, 'document-date')
}

function findSigned(lines: Line[], closingLine: number): Found<string> | null {
  for (let i = closingLine; i < lines.length; i++) {
    const l = lines[i]!
    if (l.clutter) continue
    const d = findDate(l.text)
    if (d && d.index === 0 && l.text.length <= d.length + 2) return found(d.iso, 'signature', l.text)
  }
  return null
}

const DOC_FIELD = new RegExp(`(?:${alternation(DOC_NUMBER_LABELS)})\\s*(?:[:：]\\s*)?(.{0,40})`)

function findDocNumber(lines: Line[], upto: number): Found<string> | null {
  // A line holding only a 文号 is the report's header even a few lines into what looked like the body
  // (after a mirror's introduction); a labelled one only in the page's head.
  for (const [i, l] of lines.slice(0, upto + 6).entries()) {
    const field = i < upto ? DOC_FIELD.exec(l.text) : null
    const candidate = field ? field[1]! : isDocNumberLine(l.text) ? l.text : ''
    const m = DOC_NUMBER.exec(candidate)
    if (m) return found(m[0].replace(/\s+/g, '').replace(/\[/g, '〔').replace(/\]/g, '〕').replace(/號/g, '号'), field ? 'field' : 'header', l.text)
  }
  return null
}

// ---------------------------------------------------------------- issuer

const STRAY_PREFIX = new RegExp(`^(?:${alternation(NAME_PREFIX_STRAYS)})(?=[\\u4e00-\\u9fff]{2})`)

const JOINT = new RegExp(`^(?:中共)?(.{2,20}?)(?:${alternation([...PARTY_ENDINGS, '委员会'])})(?:和|及|、)?(?:人民)?政府$`)
const PARTY_AND_GOVERNMENT = new RegExp(`^(?:中共)?(.{2,20}?)(?:${alternation(PARTY_ENDINGS)})(.{2,20}(?:人民政府|政府|办事处))$`)

/** A body's name without what surrounds it on a page: 「制发罗湖区司法局」, 「中共双牌县教育局党组」, 「X党委和政府」. */
export function cleanOrgName(name: string): string {
  let n = name.replace(/\s+/g, '')
  while (STRAY_PREFIX.test(n)) n = n.replace(STRAY_PREFIX, '')
  // A joint report of the party committee and the government is filed under the government.
  const joint = JOINT.exec(n)
  if (joint) return `${joint[1]}人民政府`
  const party = PARTY_AND_GOVERNMENT.exec(n)
  if (party && party[2]!.includes(party[1]!.slice(-2))) return party[2]!
  // 「中共X局党组」: the bureau.
  const group = /^(?:中共)?(.{2,30}?)党组$/.exec(n)
  if (group && DEPARTMENT_SUFFIX.test(group[1]!)) return group[1]!
  // 「南昌县政府」 is the informal name of 南昌县人民政府.
  const informal = /^(.{1,30}?)(?<!人民)政府$/.exec(n)
  if (informal && GOV_PLACE_SUFFIX.test(informal[1]!)) return `${informal[1]}人民政府`
  return n
}

const isOrgOrPlace = (n: string) => ORG_SUFFIX.test(n) || PLACE_SUFFIX.test(n)

/** The issuing body named by the title: 「X关于…的报告」, 「X2024年度…」, 「关于X2018年…」, 「2022年X法治…」. */
export function issuerFromTitle(title: string): string | null {
  // 「2023年度法治政府建设工作报告（永康市市场监督管理局）」: the body in brackets after the title.
  const after = /[(（]([\u4e00-\u9fff]{2,30})[)）]$/.exec(title)
  if (after && ORG_SUFFIX.test(cleanOrgName(after[1]!))) return cleanOrgName(after[1]!)
  let t = title.replace(/^中共(?=[\u4e00-\u9fff]{2})/, '')
  t = t.replace(/^关于/, '')
  t = t.replace(/^(?:19|20)\d{2}\s*年(?:度)?/, '')
  const m = /^([\u4e00-\u9fff]{2,30}?)\s*(?:关于|(?:19|20)\d{2}\s*年|法治|推进|依法)/.exec(t)
  if (!m) return null
  const name = cleanOrgName(m[1]!)
  return isOrgOrPlace(name) ? name : null
}

const SELF = new RegExp(`^(?:${alternation(NOT_A_NAME_START)})`)

/** 「现将北京市石景山区人民政府2021年…」: the body the opening sentence names. */
function issuerFromOpening(lines: Line[], bodyLine: number): Found<string> | null {
  for (const l of lines.slice(bodyLine, bodyLine + 6)) {
    if (l.clutter) continue
    const m = REPORT_OPENING.exec(l.text)
    if (!m) continue
    const name = cleanOrgName(m[1]!.replace(/^(?:关于|就|把)/, '').replace(/(?:的|关于)$/, ''))
    if (name.length >= 2 && !SELF.test(name) && isOrgOrPlace(name)) return found(name, 'opening', m[0])
  }
  return null
}

const SUBJECT = new RegExp(
  `^([\\u4e00-\\u9fff]{1,18}?(?:${alternation([...PLACE_ENDINGS, ...ORG_ENDINGS])}))((?:${alternation([...PARTY_ENDINGS, '党组', '委员会'])})(?:和|及)?(?:人民)?(?:政府)?)?(?:${alternation(SUBJECT_VERBS)})`
)

/** 「2023年，新县在市委…」「宁夏回族自治区党委和政府全面学习…」: the subject of the opening sentences. */
function issuerFromBody(lines: Line[], bodyLine: number): Found<string> | null {
  const text = lines
    .slice(bodyLine, bodyLine + 3)
    .filter((l) => !l.clutter)
    .map((l) => l.text)
    .join('\n')
    .slice(0, 400)
    .replace(/《[^》\n]{0,80}》/g, '《》') // names inside cited titles are not the subject
  // The subject stands at the start of the first sentences, never inside a heading's paragraph.
  for (const sentence of text.split(/[。\n]/)) {
    if (startsNumbered(sentence)) continue
    const clauses = sentence.split(/[,，、;：:]/)
    for (const c of clauses) {
      const m = SUBJECT.exec(c.replace(/^(?:\d{4}年(?:度|以来)?|一年来|今年以来)/, ''))
      if (!m) continue
      let name = m[1]!.replace(/^(?:\d{4}年(?:度)?|在|也是|是)/, '')
      if (SELF.test(name) || name.length < 2 || NOT_IN_NAME.test(name)) continue
      if (name.length === 2 && !/[县区市镇乡省]$/.test(name)) continue
      name = name.replace(/([县区市镇乡])\1(?!场)/, '$1') // 「县县委」 once, but 「市市场监管局」 is the city's bureau
      // 「X党委和政府」 speaks for the government.
      if (m[2] && /政府/.test(m[2])) name = cleanOrgName(`${name}${m[2]}`)
      return found(name, 'opening', c.trim())
    }
  }
  return null
}

// 「\s*(?:[:：]\s*)?」, not 「\s*[:：]?\s*」: two whitespace runs side by side backtrack quadratically.
const labelValue = (names: readonly string[]) => new RegExp(`(?:${alternation(names)})\\s*(?:[:：]\\s*)?([^\\s:：|]{2,40})`)
const PUBLISHER_VALUE = labelValue(ISSUER_LABELS.publisher)
const SOURCE_VALUE = labelValue(ISSUER_LABELS.source)

/** The next field run into a value (「来源:某局发布时间:…」). */
const NEXT_FIELD = new RegExp(`(?:${alternation(PAGE_FIELD_NAMES)}|浏览).*$`)

function fieldValue(lines: Line[], upto: number, re: RegExp): Found<string> | null {
  for (const l of lines.slice(0, upto)) {
    if (!l.clutter) continue
    const m = re.exec(l.text)
    if (m && !/^(?:本站|本网|\d)/.test(m[1]!)) {
      const v = m[1]!.replace(NEXT_FIELD, '')
      return found(cleanOrgName(v), 'field', m[0])
    }
  }
  return null
}

/** 「中共某镇党委」 alone in a header stands beside the government's name, which is the issuer. */
const PARTY_ONLY = new RegExp(`^(?:中共)?[\\u4e00-\\u9fff]{0,4}(?:${alternation(PARTY_ENDINGS)})$`)

function headerOrg(lines: Line[], from: number, to: number): Found<string> | null {
  for (const l of lines.slice(from, to)) {
    if (l.clutter) continue
    const t = l.text.replace(/\s+/g, '')
    if (t.length <= 30 && ORG_SUFFIX.test(t) && !/[,，。:：]/.test(t) && !PARTY_ONLY.test(t)) return found(cleanOrgName(t), 'header', t)
  }
  return null
}

/** The last crumb of the breadcrumb that names a body (「… > 宁乡市夏铎铺镇人民政府 > 规划计划」). */
function breadcrumbOrg(lines: Line[], upto: number): Found<string> | null {
  for (const l of lines.slice(0, upto)) {
    if (!l.clutter || !/(?:>|»|›|→)/.test(l.text)) continue
    const crumbs = l.text.split(/>>|>|»|›|→/).map((c) => c.replace(/^.*[:：]/, '').trim())
    for (let i = crumbs.length - 1; i >= 0; i--) {
      const c = crumbs[i]!
      if (c.length >= 3 && c.length <= 20 && /^[\u4e00-\u9fff]+$/.test(c) && ORG_SUFFIX.test(c) && !/^(?:部门|政府|政务|信息|乡镇|县直|市直|区直)/.test(c)) return found(c, 'breadcrumb', l.text)
    }
  }
  return null
}

const core = (s: string) => s.replace(/(?:人民政府|政府)$/, '')

/** Two names for the same issuing body: “湛江市霞山区统计局” and “霞山区统计局”, “夏铎铺镇人民政府” and “宁乡市夏铎铺镇”. */
function agrees(named: string, fromTitle: string): boolean {
  if (/办公室|法制办|司法局|^本/.test(named) && !/办公室|法制办|司法局/.test(fromTitle)) return false
  const a = core(named)
  const b = core(fromTitle)
  return a.length >= 2 && b.length >= 2 && (a.endsWith(b) || b.endsWith(a)) && (/政府$/.test(named) || named.length >= fromTitle.length)
}

/** The formal name of a place's government: 「X人民政府」, or 「X管委会」 for a zone that has one. */
function governmentName(place: string, text: string): string {
  if (/(?:新区|开发区|经开区|高新区)$/.test(place)) {
    for (const body of ['管委会', '管理委员会']) if (text.includes(place + body)) return place + body
    return place
  }
  if (!GOV_PLACE_SUFFIX.test(place)) return place
  return `${place}人民政府`
}

/** “县人民政府”“市公安局”: a name relative to a place the text names elsewhere (岳阳县人民政府). */
const RELATIVE = /^(?:[省市区县镇乡]|街道)[\u4e00-\u9fff]{1,12}$/
const RELATIVE_ONLY = /^(?:[省市区县镇乡]|街道)(?:党委|党工委|党组|党委政府|人民政府|政府|办事处)?$/
const PROVINCE_RELATIVE = /^(?:省|自治区)(?:人民政府|政府|委|党委)?/

function expandRelative(name: string | null, text: string): string | null {
  if (!name) return null
  if (PROVINCE_RELATIVE.test(name)) {
    // 「省人民政府关于…」: the province the text names most.
    let best: string | null = null
    let bestN = 0
    for (const p of PROVINCES) {
      const n = text.split(p).length - 1
      if (n > bestN) {
        best = p
        bestN = n
      }
    }
    if (best) return provinceFull(best) + name.replace(/^(?:省|自治区)/, '')
  }
  const relative = RELATIVE.test(name) || RELATIVE_ONLY.test(name)
  if (!relative) return name
  const bare = RELATIVE_ONLY.test(name) || /^[省市区县镇乡]党委/.test(name)
  if (name.length >= 2) {
    // The place stem written right before the relative name elsewhere in the text, most often.
    const re = new RegExp(`([\\u4e00-\\u9fff]{2,4})${name}`, 'g')
    const counts = new Map<string, number>()
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (/[的和与及在对等全各本我该为是了将现据按根照经由]/.test(m[1]!)) continue
      counts.set(m[1]! + name, (counts.get(m[1]! + name) ?? 0) + 1)
    }
    let best: string | null = null
    for (const [k, v] of counts) if (!best || v > counts.get(best)!) best = k
    // A stem seen once may be the end of a clause (「建设贯穿县人民政府」): a place is named again.
    if (best && (counts.get(best)! >= 2 || text.split(best.slice(0, best.length - name.length + 1)).length > 2)) return best
  }
  return bare ? null : name
}

/** The issuer, and the name as written when it could not be completed (「县人民政府」 still says county). */
function findIssuer(inp: MetaInput, title: string | null): { issuer: Found<string> | null; written: string | null } {
  const f = findIssuerName(inp, title)
  if (!f) return { issuer: null, written: null }
  const expanded = expandRelative(f.value, inp.text)
  return { issuer: expanded ? { ...f, value: expanded } : null, written: f.value }
}

function findIssuerName(inp: MetaInput, title: string | null): Found<string> | null {
  const { lines, titleLine, bodyLine, closingLine, text } = inp
  const headEnd = Math.max(bodyLine, titleLine + 1)
  const publisher = fieldValue(lines, headEnd, PUBLISHER_VALUE)
  if (publisher && publisher.value.length >= 4 && isOrgOrPlace(publisher.value) && !/^[区县市镇乡局]/.test(publisher.value)) return publisher
  const titleName = title ? issuerFromTitle(title) : null
  const source = fieldValue(lines, headEnd, SOURCE_VALUE)
  const sigLine = lines.slice(closingLine).find((l) => !l.clutter && ORG_SUFFIX.test(l.text) && l.text.length <= 30 && !NOT_IN_NAME.test(l.text))
  const signature = sigLine ? found(cleanOrgName(sigLine.text), 'signature', sigLine.text) : null
  const opening = issuerFromOpening(lines, bodyLine)
  if (titleName && title) {
    // A page field, the opening or the signature naming the same body more fully.
    for (const named of [source, opening, signature]) {
      if (named && agrees(named.value, titleName)) return named
    }
    if (PLACE_SUFFIX.test(titleName) && !ORG_SUFFIX.test(titleName)) return found(governmentName(titleName, text), 'title', title)
    return found(titleName, 'title', title)
  }
  const header = headerOrg(lines, 0, headEnd + 2)
  if (header) return header
  const asBody = (f: Found<string>) => (PLACE_SUFFIX.test(f.value) && !ORG_SUFFIX.test(f.value) ? { ...f, value: governmentName(f.value, text) } : f)
  // 「现将街道2025年…」 names no one: the subject of the first sentence may (「2025年，大中街道在…」).
  const body = issuerFromBody(lines, bodyLine)
  if (opening && !(RELATIVE_ONLY.test(opening.value) && body)) return asBody(opening)
  if (signature) return signature
  if (source && ORG_SUFFIX.test(source.value) && !/^[区县市]/.test(source.value)) return source
  if (body) return asBody(body)
  return breadcrumbOrg(lines, headEnd)
}

// ---------------------------------------------------------------- level

const endsWithAny = (name: string, endings: readonly string[]) => endings.some((e) => name.endsWith(e))

/** The level of the issuing body, from its name; else from how the report speaks of itself (我镇, 全县). */
export function levelOf(issuer: string | null, text: string): ReportLevel | null {
  if (issuer) {
    // A government, a party committee or a zone's 管委会 has the level of its area; any other 局, 委 … is a department.
    const name = issuer.replace(GOVERNMENT_SUFFIX, '')
    if (DEPARTMENT_SUFFIX.test(name) && !GOVERNMENT_SUFFIX.test(name)) return 'department'
    if (MUNICIPALITIES.some((m) => name === m || name === `${m}市`)) return 'province'
    if (endsWithAny(name, LEVEL_PLACE_ENDINGS.township)) return 'township'
    if (endsWithAny(name, LEVEL_PLACE_ENDINGS.province)) return 'province'
    if (endsWithAny(name, LEVEL_PLACE_ENDINGS.county)) return 'county'
    if (endsWithAny(name, LEVEL_PLACE_ENDINGS.city)) return 'city'
  }
  const count = (words: readonly string[]) => words.reduce((n, w) => n + (text.split(w).length - 1), 0)
  // How the report refers to itself is the strongest cue; “全县”“全区” only breaks ties.
  const levels: ReportLevel[] = ['township', 'county', 'city', 'province', 'department']
  const scores = levels.map((lvl) => [lvl, count(SELF_REFERENCE[lvl]) * 10 + count(AREA_REFERENCE[lvl])] as const)
  const best = [...scores].sort((a, b) => b[1] - a[1])[0]!
  return best[1] > 0 ? best[0] : null
}

// ---------------------------------------------------------------- all together

/** The year the report covers, before the rest of the metadata (the sections need it). */
export function reportYearOf(inp: MetaInput): number | null {
  const title = findTitleText(inp)
  return findYear(title?.value ?? null, inp.lines, inp.bodyLine)?.value ?? null
}

export function extractMeta(inp: MetaInput): ReportMeta {
  const { lines, titleLine, bodyLine, closingLine } = inp
  const headEnd = Math.max(bodyLine, titleLine + 1)
  const title = findTitleText(inp)
  const { issuer, written } = findIssuer(inp, title?.value ?? null)
  const level = levelOf(issuer?.value ?? written, inp.text)
  const fields: Partial<Record<MetaField, Found<unknown> | null>> = {
    title,
    issuer,
    level: level ? found(level, issuer ? 'issuer' : 'body', issuer?.value ?? '') : null,
    year: findYear(title?.value ?? null, lines, bodyLine),
    published: findPublished(lines, titleLine, headEnd + 1),
    signed: findSigned(lines, closingLine),
    docNumber: findDocNumber(lines, headEnd)
  }
  const sources: Partial<Record<MetaField, MetaSource>> = {}
  for (const [k, f] of Object.entries(fields)) if (f) sources[k as MetaField] = { kind: f.kind, quote: f.quote }
  return {
    title: title?.value ?? null,
    issuer: issuer?.value ?? null,
    level,
    year: (fields.year?.value as number | undefined) ?? null,
    published: (fields.published?.value as string | undefined) ?? null,
    signed: (fields.signed?.value as string | undefined) ?? null,
    docNumber: (fields.docNumber?.value as string | undefined) ?? null,
    sources
  }
}
