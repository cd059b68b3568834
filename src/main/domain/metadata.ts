// Report metadata: title, issuer, level, year covered, publication and signing dates, document number.

import type { ReportLevel, ReportMeta } from '../../shared/models/report'
import { findDate, parseYear } from './dates'
import { ORG_SUFFIX, stripSiteSuffix, type Line } from './structure'

export interface MetaInput {
  lines: Line[]
  titleLine: number
  /** First line of the report body (after title and header lines). */
  bodyLine: number
  closingLine: number
  declaredTitle?: string
  text: string
}

const FIELD = (names: string) => new RegExp(`(?:${names})\\s*[:：]?\\s*`, 'g')
const PUBLISHED_FIELDS = [FIELD('发布时间|发布日期|发布于'), FIELD('(?<![生成发文])时间|(?<![生成发文])日期'), FIELD('公文生成日期|生成日期|发文日期|成文日期|印发日期')]
const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}\s*[〔[(]\s*(?:19|20)\d{2}\s*[〕\])]\s*\d{1,4}\s*号/

function dateAfter(text: string, re: RegExp): string | null {
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 24)
    const d = findDate(rest)
    if (d && d.index <= 2) return d.iso
  }
  return null
}

function findPublished(lines: Line[], upto: number): string | null {
  const head = lines.slice(0, upto).filter((l) => l.clutter || l.text.length < 80)
  for (const re of PUBLISHED_FIELDS) {
    for (const l of head) {
      if (/星期|周[一二三四五六日]/.test(l.text)) continue
      const d = dateAfter(l.text, re)
      if (d) return d
    }
  }
  // A bare date among the page's info bullets (• 2020-02-12)
  for (const l of head) {
    if (l.clutter && /^[-•·*]?\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+[\d:]+)?$/.test(l.text)) return findDate(l.text)?.iso ?? null
  }
  return null
}

function findSigned(lines: Line[], closingLine: number): string | null {
  for (let i = closingLine; i < lines.length; i++) {
    const l = lines[i]!
    if (l.clutter) continue
    const d = findDate(l.text)
    if (d && d.index === 0 && l.text.length <= d.length + 2) return d.iso
  }
  return null
}

function findDocNumber(lines: Line[], upto: number): string | null {
  for (const l of lines.slice(0, upto)) {
    const field = /(?:文号|发文字号)\s*[:：]?\s*(.*)$/.exec(l.text)
    const candidate = field ? field[1]! : l.text.length <= 24 ? l.text : ''
    const m = DOC_NUMBER.exec(candidate)
    if (m && (field || m[0].length >= l.text.length - 2)) return m[0].replace(/\s+/g, '').replace(/\[/g, '〔').replace(/\]/g, '〕')
  }
  return null
}

function yearOutsideBrackets(s: string): number | null {
  const stripped = s.replace(/《[^》]*》|〔[^〕]*〕|\([^)]*\)|<[^>]*>/g, (m) => ' '.repeat(m.length))
  const m = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年/.exec(stripped)
  return m ? parseYear(m[1]!) : null
}

function findYear(title: string | null, lines: Line[], bodyLine: number): number | null {
  if (title) {
    const y = yearOutsideBrackets(title)
    if (y) return y
  }
  const body = lines.slice(bodyLine, bodyLine + 6).filter((l) => !l.clutter)
  for (const l of body) {
    const m = /现将[^。]{0,20}?((?:19|20)\d{2})\s*年/.exec(l.text)
    if (m) return Number(m[1])
  }
  for (const l of body) {
    const y = yearOutsideBrackets(l.text.slice(0, 300))
    if (y) return y
  }
  // Only years inside cited titles (《2025年全县法治政府建设工作要点》): the year they plan for.
  for (const l of body) {
    const m = /((?:19|20)\d{2})\s*年/.exec(l.text.slice(0, 300))
    if (m) return Number(m[1])
  }
  return null
}

const PLACE = /(?:省|市|区|县|自治区|自治州|自治县|州|盟|旗|镇|乡|街道|街|新区|开发区|经开区|高新区)$/
const GOV_PLACE = /(?:省|市|区|县|自治区|自治州|自治县|州|盟|旗|新区)$/

function fieldValue(lines: Line[], upto: number, names: string): string | null {
  const re = new RegExp(`(?:${names})\\s*[:：]?\\s*([^\\s:：|]{2,40})`)
  for (const l of lines.slice(0, upto)) {
    if (!l.clutter) continue
    const m = re.exec(l.text)
    if (m && !/^(?:本站|本网|\d)/.test(m[1]!)) return m[1]!.replace(/(?:发布时间|发布日期|时间|日期|作者|点击|浏览|字号|信息来源).*$/, '')
  }
  return null
}

/** The issuing body named at the start of the title (before 关于 or the year). */
function issuerFromTitle(title: string): string | null {
  let t = title.replace(/^(?:中共)?/, '')
  t = t.replace(/^关于/, '')
  t = t.replace(/^(?:19|20)\d{2}年(?:度)?/, '')
  const m = /^([\u4e00-\u9fff]{2,30}?)\s*(?:关于|(?:19|20)\d{2}\s*年|法治)/.exec(t)
  if (!m) return null
  const name = m[1]!
  if (!(ORG_SUFFIX.test(name) || PLACE.test(name))) return null
  return name
}

const SUBJECT_VERBS = '坚持|深入|始终|全面|认真|紧紧|立足|以|紧扣|聚焦|按照|围绕|持续|扎实|不断|积极|继续|高度重视|严格|在|紧密|着力|切实|牢固'
const SUBJECT = new RegExp(
  `([\\u4e00-\\u9fff]{2,18}?(?:街道|镇|乡|县|区|市|局|委|厅|部|中心|街|人民政府|政府|办公室))(?:党委|党工委|党组)?(?:${SUBJECT_VERBS})`
)

function issuerFromBody(lines: Line[], bodyLine: number): string | null {
  const text = lines
    .slice(bodyLine, bodyLine + 3)
    .filter((l) => !l.clutter)
    .map((l) => l.text)
    .join('\n')
    .slice(0, 400)
  for (const sentence of text.split(/[。\n]/)) {
    const clauses = sentence.split(/[,，、;：:]/)
    for (const c of clauses) {
      const m = SUBJECT.exec(c)
      if (!m) continue
      let name = m[1]!.replace(/^(?:\d{4}年(?:度)?|在|也是|是)/, '')
      if (/^(?:我|本|全|各|区委|县委|市委|省委|党委|上级|该)/.test(name) || name.length < 3) continue
      name = name.replace(/([县区市镇乡])\1/, '$1')
      return name
    }
  }
  return null
}

function headerOrg(lines: Line[], from: number, to: number): string | null {
  for (const l of lines.slice(from, to)) {
    if (l.clutter) continue
    const t = l.text.replace(/\s+/g, '')
    if (t.length <= 30 && ORG_SUFFIX.test(t) && !/[,，。:：]/.test(t) && !/^(?:中共)?[\u4e00-\u9fff]{0,4}(?:党委|党工委)$/.test(t)) return t
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

function governmentName(place: string, text: string): string {
  if (!GOV_PLACE.test(place)) return place
  if (text.includes(`${place}人民政府`)) return `${place}人民政府`
  if (text.includes(`${place}政府`)) return `${place}政府`
  return `${place}人民政府`
}

/** “县人民政府”“市公安局”: a name relative to a place the text names elsewhere (岳阳县人民政府). */
const RELATIVE = /^[省市区县镇乡][\u4e00-\u9fff]{1,12}$/
const RELATIVE_ONLY = /^[省市区县镇乡](?:党委|党工委|党组|党委政府|人民政府|政府)?$/

function expandRelative(name: string | null, text: string): string | null {
  if (!name) return null
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
    if (best) return best
  }
  return bare ? null : name
}

function findIssuer(inp: MetaInput, title: string | null): string | null {
  return expandRelative(findIssuerName(inp, title), inp.text)
}

function findIssuerName(inp: MetaInput, title: string | null): string | null {
  const { lines, titleLine, bodyLine, closingLine, text } = inp
  const headEnd = Math.max(bodyLine, titleLine + 1)
  const publisher = fieldValue(lines, headEnd, '发布机构|发文机关|发文机构')
  if (publisher && publisher.length >= 4 && !/^[区县市镇乡局]/.test(publisher)) return publisher
  const fromTitle = title ? issuerFromTitle(title) : null
  const source = fieldValue(lines, headEnd, '信息来源|文章来源|来源')
  const signature = lines.slice(closingLine).find((l) => !l.clutter && ORG_SUFFIX.test(l.text) && l.text.length <= 30)
  if (fromTitle) {
    // A page field or the signature naming the same body, more fully or without the higher place name.
    for (const named of [source, signature?.text.replace(/\s+/g, '')]) {
      if (named && agrees(named, fromTitle)) return named
    }
    if (PLACE.test(fromTitle) && !ORG_SUFFIX.test(fromTitle)) return governmentName(fromTitle, text)
    return fromTitle
  }
  const header = headerOrg(lines, 0, headEnd + 2)
  if (header) return header
  if (signature) return signature.text.replace(/\s+/g, '')
  if (source && ORG_SUFFIX.test(source) && !/^[区县市]/.test(source)) return source
  return issuerFromBody(lines, bodyLine)
}

export function levelOf(issuer: string | null, text: string): ReportLevel | null {
  if (issuer) {
    const name = issuer.replace(/(?:人民政府|政府|办事处|党委|党工委)$/, '')
    if (/(?:局|厅|部|委员会|委|办公室|办|中心|院|署|所|队|管委会)$/.test(issuer) && !/政府$/.test(issuer)) return 'department'
    if (/(?:镇|乡|街道|街|苏木)$/.test(name)) return 'township'
    if (/(?:省|自治区)$/.test(name)) return 'city' // provinces are filed with cities
    if (/(?:县|区|旗|自治县|新区)$/.test(name)) return 'county'
    if (/(?:市|州|盟)$/.test(name)) return 'city'
  }
  const count = (re: RegExp) => (text.match(re) ?? []).length
  // How the report refers to itself is the strongest cue; “全县”“全区” only breaks ties.
  const cues: Array<[ReportLevel, RegExp, RegExp]> = [
    ['township', /我镇|本镇|我乡|本乡|我街道|本街道|镇党委|乡党委|街道党工委/g, /全镇|全乡|全街道|镇政府|乡政府/g],
    ['county', /我县|本县|我区|本区/g, /全县|全区|县政府|区政府/g],
    ['city', /我市|本市|我省|本省/g, /全市|全省|市政府|省政府/g],
    ['department', /我局|本局|我委|本委|我厅|本厅|本部门|我部/g, /局党组|局机关|委机关/g]
  ]
  const scores = cues.map(([lvl, own, other]) => [lvl, count(own) * 10 + count(other)] as const)
  const best = [...scores].sort((a, b) => b[1] - a[1])[0]!
  return best[1] > 0 ? best[0] : null
}

export function extractMeta(inp: MetaInput): ReportMeta {
  const { lines, titleLine, bodyLine, closingLine } = inp
  let title: string | null = titleLine >= 0 ? stripSiteSuffix(lines[titleLine]!.text) : null
  if (!title && inp.declaredTitle) {
    const d = stripSiteSuffix(inp.declaredTitle)
    if (/法治/.test(d) && /报告|情况/.test(d)) title = d
  }
  const headEnd = Math.max(bodyLine, titleLine + 1)
  const issuer = findIssuer(inp, title)
  return {
    title,
    issuer,
    level: levelOf(issuer, inp.text),
    year: findYear(title, lines, bodyLine),
    published: findPublished(lines, headEnd + 1),
    signed: findSigned(lines, closingLine),
    docNumber: findDocNumber(lines, headEnd)
  }
}
