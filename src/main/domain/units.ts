// Attaches a report to a unit of the roster (报送单位) by its issuer: names are compared without the
// parts that vary between how a unit writes itself and how a roster lists it.

import { ZH } from '../../shared/labels'
import { toSimplified } from './t2s'

/** A unit as the matcher sees it: its name and the other names it goes by. */
export interface UnitName {
  id: number
  name: string
  aliases: readonly string[]
}

export type MatchHow = 'exact' | 'alias' | 'region' | 'alias-region'

export interface UnitMatch {
  unitId: number
  how: MatchHow
}

/**
 * A name reduced to what identifies the unit: simplified characters, no spaces or punctuation, the
 * party committee of a joint report (中共X委员会, X党委) and the words that only say it is the
 * government (人民政府, 政府, 办事处, 管委会) removed.
 */
export function unitKey(name: string): string {
  let s = toSimplified(name.normalize('NFKC'))
    .replace(/[\s\u3000·•、，,。.．:：;；"“”'‘’《》〈〉()（）[\]【】-]/g, '')
    .replace(/^关于/, '')
    .replace(/^(?:中国共产党|中共)/, '')
  s = withoutGovernment(s)
  // A joint report names the party committee first: 楠木铺乡党委楠木铺乡, 淮北市烈山区委烈山区,
  // 渠县县委渠县 (a county whose name ends in 县), 禄丰市委市 (「中共禄丰市委、市人民政府」).
  const joint = /^(.{2,}?)(?:委员会|党工委|党委|委)(.{2,}|[县市区镇乡])$/.exec(s)
  if (joint) {
    const [, named, gov] = joint as unknown as [string, string, string]
    const party = named.replace(/([县市区])\1$/, '$1')
    if (party === gov || party.endsWith(gov)) s = party
    else if (gov.endsWith(party)) s = gov
  }
  // The party body alone, named after its unit: 垡头街道工委（办事处）, 中共双牌县教育局党组.
  return s.replace(/(?<=.{2})(?:党工委|工委|党委|党组)$/, '')
}

/** The words that only say a body is the government: 人民政府, 政府, 街道办事处 → 街道, 管委会. */
function withoutGovernment(s: string): string {
  return s
    .replace(/人民政府办公室$/, '政府办公室')
    .replace(/(?:人民政府|政府)(?!办公室|办)/g, '')
    .replace(/(?:街道)?办事处$/, (m) => (m.startsWith('街道') ? '街道' : ''))
    .replace(/(?:管理委员会|管委会)$/, '')
}

/** Where a longer name may carry the region a roster leaves out: 福建省 / 泉州市 / 德化县 … */
const REGION_END = /(?:省|自治区|特别行政区|市|自治州|州|盟|地区|县|自治县|区|旗|新区)$/
/** A roster's shorthand for "this county's / city's …": 县公安局, 区教育局, 市司法局. */
const GENERIC_LEVEL = /^(?:本?[县区市旗])(?=.{2,})/

/** True when `longer` is `shorter` with a region in front (德化县葛坑镇 ⊃ 葛坑镇; 德化县公安局 ⊃ 县公安局). */
function withRegion(longer: string, shorter: string): boolean {
  if (!shorter || longer === shorter) return false
  const generic = GENERIC_LEVEL.exec(shorter)
  if (generic) {
    // 县公安局 matches 德化县公安局: the region in front must end with the same level word.
    const rest = shorter.slice(generic[0].length)
    if (!longer.endsWith(rest)) return false
    const head = longer.slice(0, longer.length - rest.length)
    return head.length >= 2 && head.endsWith(generic[0].replace('本', ''))
  }
  if (!longer.endsWith(shorter)) return false
  const head = longer.slice(0, longer.length - shorter.length)
  return REGION_END.test(head)
}

/**
 * The unit an issuer belongs to, when it can be told with confidence: the same key as the unit's name
 * or an alias, or the issuer is the unit's name with a region in front (or the other way round).
 * Two units that fit equally well leave the report unattached (待归属), never guessed.
 */
export function matchUnit(issuer: string | null, units: readonly UnitName[]): UnitMatch | null {
  if (!issuer) return null
  const key = unitKey(issuer)
  if (key.length < 2) return null
  const found: Array<UnitMatch & { weight: number }> = []
  for (const u of units) {
    const names = [{ key: unitKey(u.name), alias: false }, ...u.aliases.map((a) => ({ key: unitKey(a), alias: true }))]
    let best: (UnitMatch & { weight: number }) | null = null
    for (const n of names) {
      if (!n.key) continue
      let m: (UnitMatch & { weight: number }) | null = null
      if (n.key === key) m = { unitId: u.id, how: n.alias ? 'alias' : 'exact', weight: 1000 }
      else if (withRegion(key, n.key) || withRegion(n.key, key)) m = { unitId: u.id, how: n.alias ? 'alias-region' : 'region', weight: Math.min(n.key.length, key.length) }
      if (m && (!best || m.weight > best.weight)) best = m
    }
    if (best) found.push(best)
  }
  if (!found.length) return null
  found.sort((a, b) => b.weight - a.weight)
  if (found.length > 1 && found[0]!.weight === found[1]!.weight) return null
  const { unitId, how } = found[0]!
  return { unitId, how }
}

/** The level a unit's name suggests, for a roster built from issuers or pasted as a list. */
export function levelFromName(name: string): 'township' | 'county' | 'city' | 'province' | 'department' | null {
  const k = unitKey(name)
  if (/(?:局|委|办|厅|部|院|署|中心|办公室|委员会|所|站|队)$/.test(k)) return 'department'
  if (/(?:镇|乡|街道|街|苏木)$/.test(k)) return 'township'
  if (/(?:省|自治区)$/.test(k) || /^(?:北京|上海|天津|重庆)市$/.test(k)) return 'province'
  if (/(?:县|旗|区)$/.test(k)) return 'county'
  if (/(?:市|州|盟|地区)$/.test(k)) return 'city'
  return null
}

/** A unit read from a roster sheet or a pasted list (before it is stored). */
export interface UnitRowInput {
  name: string
  level: 'township' | 'county' | 'city' | 'province' | 'department' | null
  aliases: string[]
  parent: string | null
  contact: string
  /** The unit's report page on its portal, when the sheet names one. */
  url: string | null
}

const COLUMNS = {
  name: /^(?:单位名称|报送单位|单位|名称|单位全称)$/,
  level: /^(?:层级|级别|类型|单位层级|单位类型)$/,
  aliases: /^(?:别名|其他名称|简称|曾用名)$/,
  parent: /^(?:上级单位|上级|所属单位|所属)$/,
  contact: /^(?:联系人|联系方式|联系电话|联系人及电话)$/,
  url: /^(?:报告网址|网址|链接|报告链接|公开网址)$/
} as const

/** The level written in a roster's 层级 column (乡镇, 县级, 部门 …), or null when it says nothing known. */
export function parseLevel(s: string): UnitRowInput['level'] {
  const t = s.replace(/\s/g, '')
  if (!t) return null
  if (/^(?:township|乡镇|乡镇（街道）|乡镇\(街道\)|街道|乡|镇|乡镇街道)$/.test(t)) return 'township'
  if (/^(?:county|县|县级|区|县区|县（区）|县\(区\)|县（市、区）|县级市)$/.test(t)) return 'county'
  if (/^(?:city|市|市级|地级|地市|设区的市|州)$/.test(t)) return 'city'
  if (/^(?:province|省|省级|自治区|直辖市)$/.test(t)) return 'province'
  if (/^(?:department|部门|政府部门|局|委|办|委办局)$/.test(t)) return 'department'
  return null
}

/**
 * Units from the rows of a roster sheet (columns 单位名称, 层级, 别名 …, in any order, with a header
 * row; a file must have one) or a pasted list (one name a line, or name, level and aliases tab-separated). Aliases may hold
 * several names separated by 、 ， ; or ；. Rows without a name are reported, not guessed.
 */
export function unitsFromRows(rows: string[][], opts: { needHeader?: boolean } = {}): { units: UnitRowInput[]; problems: Array<{ row: number; reason: string }> } {
  const problems: Array<{ row: number; reason: string }> = []
  if (!rows.length) return { units: [], problems }
  const headerAt = rows.slice(0, 5).findIndex((r) => r.some((c) => COLUMNS.name.test(c.replace(/\s/g, ''))))
  // A sheet says which column holds the names; only a pasted list may go without.
  if (headerAt < 0 && opts.needHeader) return { units: [], problems }
  const col: Partial<Record<keyof typeof COLUMNS, number>> = {}
  if (headerAt >= 0) {
    rows[headerAt]!.forEach((c, i) => {
      const h = c.replace(/[\s*＊]/g, '')
      for (const [key, re] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, RegExp]>) if (col[key] === undefined && re.test(h)) col[key] = i
    })
  } else Object.assign(col, { name: 0, level: 1, aliases: 2 })
  const units: UnitRowInput[] = []
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    if (i <= headerAt) return
    const at = (k: keyof typeof COLUMNS) => (col[k] === undefined ? '' : (r[col[k]!] ?? '').trim())
    const name = at('name').replace(/^\d+[.、．]\s*/, '')
    if (!name) {
      if (r.some((c) => c)) problems.push({ row: i + 1, reason: '没有单位名称' })
      return
    }
    if (/^(?:序号|合计|总计)$/.test(name)) return
    if (seen.has(name)) {
      problems.push({ row: i + 1, reason: `「${name}」重复出现` })
      return
    }
    seen.add(name)
    const levelText = at('level')
    const level = parseLevel(levelText) ?? levelFromName(name)
    if (levelText && !parseLevel(levelText)) problems.push({ row: i + 1, reason: `层级「${levelText}」无法识别，${level ? `已按名称判断为${ZH.levels[level]}` : '请补填'}` })
    units.push({
      name,
      level,
      aliases: at('aliases').split(/[、，,;；]/).map((a) => a.trim()).filter((a) => a && a !== name),
      parent: at('parent') || null,
      contact: at('contact'),
      url: /^https?:\/\//i.test(at('url')) ? at('url') : null
    })
  })
  return { units, problems }
}
