// Variants of the three full reports for testing detection on wordings and layouts the rules were not
// written from: each item's part cut (with its passing mentions), headings reworded with other real
// phrasings (docs: /work/shared/docs/domain.md §3, later-sections.md), numbering styles swapped, parts
// reordered, shortcomings and plans merged under one heading. Independent of the engine: the parts of
// each report are marked by hand below, and the topic words are this generator's own.

import fs from 'node:fs'
import path from 'node:path'
import { CORPUS } from './fixtures'

export type ItemId = 'leadership' | 'enforcement' | 'publicity' | 'shortcomings' | 'plans'
export const ITEMS: ItemId[] = ['leadership', 'enforcement', 'publicity', 'shortcomings', 'plans']

interface ReportSpec {
  file: string
  year: number
  /** Top-level heading lines as written, in order, with what each part is. */
  tops: Array<{ line: string; role: 'work' | 'shortcomings' | 'plans' }>
  /** Where the closing (signature, date, footer) begins. */
  closing: string
  /** The stretch of the year's work that is each work item's own account: [from, to) markers. */
  parts: Partial<Record<'leadership' | 'enforcement' | 'publicity', [string, string]>>
  /** The subsection holding the first-responsible-person account, when the cut above is only part of one. */
  leadershipSub?: string
}

const SPECS: ReportSpec[] = [
  {
    file: 'xincheng-2020.txt',
    year: 2020,
    tops: [
      { line: '一、2020年主要工作和成效', role: 'work' },
      { line: '二、存在的主要不足及原因', role: 'shortcomings' },
      { line: '三、2021年主要工作安排', role: 'plans' }
    ],
    closing: '全镇要在区委、区政府和镇党委的坚强领导下',
    parts: {
      leadership: ['(一)全面加强组织领导', '(二)着力强化法治思维'],
      publicity: ['(二)着力强化法治思维', '(三)积极转变政府职能'],
      enforcement: ['(四)严格规范公正文明执法', '(五)依法化解矛盾纠纷']
    }
  },
  {
    file: 'gekeng-2024.txt',
    year: 2024,
    tops: [
      { line: '一、推进法治政府建设的主要情况', role: 'work' },
      { line: '二、存在的问题与不足', role: 'shortcomings' },
      { line: '三、下一步工作打算', role: 'plans' }
    ],
    closing: '德化县葛坑镇人民政府',
    parts: {
      leadership: ['(二)切实履行职责', '(三)提升服务质效'],
      enforcement: ['(四)强化依法行政,推进治理规范', '(五)落实重大行政决策制度'],
      publicity: ['(七)深入开展普法宣传', '二、存在的问题与不足']
    }
  },
  {
    file: 'xiaduopu-2020.txt',
    year: 2020,
    tops: [
      { line: '一、法治建设开展情况及特点', role: 'work' },
      { line: '二、存在问题和不足', role: 'shortcomings' },
      { line: '三、下一步工作计划', role: 'plans' }
    ],
    closing: '夏铎铺镇人民政府\n',
    parts: {
      leadership: ['(一)坚持党建引领', '(二)加强依法行政'],
      publicity: ['(三)全面宣传引导', '二、存在问题和不足']
    }
  }
]

/** What counts as a passing mention of each work item (this generator's own words, wider than any checklist's). */
const TOPIC: Record<'leadership' | 'enforcement' | 'publicity', RegExp> = {
  leadership: /组织领导|领导小组|第一责任人|第一人|主要负责|党委会|党组会|常务会|专题研究|专题听取|述法|议事日程|主体责任|党建引领|全面领导|党的领导|党对法治|中心组|领导班子|带头/,
  enforcement: /执法|行政处罚|行政检查|三项制度|法制审核|持证上岗|双随机/,
  publicity: /普法|法治宣传|宣传教育|宪法|民法典|法律进|法治文化|法律明白人|以案释法|讲座|宣传日|学法|法治意识|安全教育日|法治教育|宣传活动|法律[七八]进|送法|宣传/
}
const PASSING_PLANS = /下一步|工作安排|工作打算|工作计划|明年/
const PASSING_SHORTCOMINGS = /不足|短板|差距|存在的问题/

// Real phrasings ({Y} the report's year, {N} the next), from domain.md §3.1–3.6 and later-sections.md.
const WORK_HEADINGS = [
  '{Y}年法治政府建设主要举措和成效',
  '{Y}年推进法治政府建设的主要举措和成效',
  '{Y}年度推进法治政府建设的主要举措和成效',
  '上一年度推进法治政府建设的主要举措和成效',
  '主要举措和成效',
  '主要举措及成效',
  '推进法治建设的主要举措和突出成效',
  '基本情况和主要成效',
  '{Y}年主要工作成效',
  '主要工作和成效',
  '{Y}年度法治政府建设情况',
  '{Y}年度法治政府建设主要情况',
  '{Y}年推进法治政府建设情况',
  '{Y}年工作开展情况',
  '工作完成情况',
  '{Y}年推进法治政府建设总体情况'
]
const SHORTCOMING_HEADINGS = [
  '{Y}年度推进法治政府建设存在的不足和原因',
  '上一年度推进法治政府建设存在的不足和原因',
  '法治政府建设工作存在的问题及原因',
  '存在的不足和原因',
  '存在的问题和不足',
  '存在的主要问题',
  '存在问题和不足',
  '存在的问题与不足'
]
const PLAN_HEADINGS = [
  '下一步工作打算',
  '{N}年工作安排',
  '下一年度推进法治政府建设的主要安排',
  '今后工作思路',
  '下步打算',
  '{N}年推进法治政府建设的主要措施',
  '下一步安排',
  '{N}年工作计划',
  '{N}年工作思路',
  '下一步工作计划',
  '今后工作安排',
  '{N}年工作打算'
]
const MERGED_HEADINGS = ['存在的问题及下一步打算', '存在问题及下一步工作打算', '存在的不足及下一步安排', '存在的问题和下一步工作安排', '存在的不足和原因及下一步工作打算']
const MERGED_SUBS: [string[], string[]] = [
  ['存在的问题', '存在的主要问题', '存在的不足'],
  ['下一步打算', '下一步工作安排', '{N}年工作计划', '下步打算']
]
const LEADERSHIP_TOPS = [
  '党政主要负责人履行推进法治建设第一责任人职责情况',
  '{Y}年党政主要负责人履行推进法治政府建设第一责任人职责情况',
  '镇政府主要负责同志履行推进法治建设第一责任人职责情况',
  '党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
  '加强党的领导，履行法治建设第一责任人职责'
]
const SUB_HEADINGS: Record<'leadership' | 'enforcement' | 'publicity', string[]> = {
  leadership: ['健全组织领导，统筹法治建设力量', '压实主体责任，法治政府建设有力有序', '强化组织领导', '加强法治政府建设领导', '坚持党对法治建设的统一领导', '党政主要负责人履行推进法治建设第一责任人职责'],
  enforcement: ['深化行政执法体制改革，提升行政执法水平', '规范执法行为，提升依法行政水平', '深化依法行政，提升执法效能', '规范行政执法行为'],
  publicity: ['深化普法教育，提升法治素养水平', '强化法治宣传，营造全民守法氛围', '提升法治宣传教育实效，增强群众法治意识', '实施多元举措，强化法治教育', '创新普法宣传，营造尊法守法氛围']
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** Numbering styles, outermost first: each is [top, sub] (a sub under 「1.」 is 「（1）」, under 「（一）」 it is 「1.」). */
export const NUMBERING = {
  '一、': [(i: number) => `${CN[i]}、`, (i: number) => `（${CN[i]}）`],
  第一部分: [(i: number) => `第${CN[i]}部分 `, (i: number) => `${CN[i]}、`],
  '1.': [(i: number) => `${i + 1}.`, (i: number) => `（${i + 1}）`],
  '（一）': [(i: number) => `（${CN[i]}）`, (i: number) => `${i + 1}.`],
  none: [() => '', (i: number) => `（${CN[i]}）`]
} as const
export type NumberingStyle = keyof typeof NUMBERING

export const LAYOUTS = ['standard', 'leadership-first', 'leadership-after-shortcomings', 'subsections-reversed', 'plans-before-shortcomings', 'merged-with-subheadings', 'merged', 'run-in'] as const
export type Layout = (typeof LAYOUTS)[number]
export type Cut = ItemId | null

export interface Variant {
  name: string
  file: string
  text: string
  cut: Cut
  /** Allowed statuses per item (the label's for items left in place; missing for the cut one). */
  expected: Record<ItemId, string[]>
}

/** A small deterministic generator (mulberry32), so every run makes the same variants. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Sub {
  heading: string
  /** Rest of a run-in heading's line, or ''. */
  runIn: string
  body: string[]
  topic: 'leadership' | 'enforcement' | 'publicity' | null
}
interface Top {
  role: 'work' | 'shortcomings' | 'plans' | 'leadership'
  heading: string
  lead: string[]
  subs: Sub[]
}

const SUB_MARK = /^\s*[(（]([一二三四五六七八九十])[)）]\s*/

function sentences(line: string): string[] {
  return line.match(/[^。;；!?！？]+[。;；!?！？]?/g) ?? []
}

function dropMentions(lines: string[], topic: RegExp): string[] {
  return lines.map((l) => sentences(l).filter((s) => !topic.test(s)).join('')).filter((l) => l.trim())
}

function parse(spec: ReportSpec, raw: string, cut: Cut): { head: string[]; tops: Top[]; closing: string[] } {
  let text = raw.replace(/\r/g, '')
  if (cut === 'leadership' || cut === 'enforcement' || cut === 'publicity') {
    const range = spec.parts[cut]
    if (range) {
      const a = text.indexOf(range[0])
      const b = text.indexOf(range[1], a + range[0].length)
      if (a < 0 || b < 0) throw new Error(`${spec.file}: markers of ${cut} not found`)
      text = text.slice(0, a) + text.slice(b)
    }
  }
  const closingAt = text.indexOf(spec.closing, text.indexOf(spec.tops[spec.tops.length - 1]!.line))
  const closing = text.slice(closingAt).split('\n').filter((l) => l.trim())
  const body = text.slice(0, closingAt).split('\n').filter((l) => l.trim())
  const firstTop = body.findIndex((l) => l.trim() === spec.tops[0]!.line)
  const head = body.slice(0, firstTop)
  const tops: Top[] = []
  let cur: Top | null = null
  let sub: Sub | null = null
  for (const raw of body.slice(firstTop)) {
    const line = raw.trim()
    const top = spec.tops.find((t) => t.line === line)
    if (top) {
      cur = { role: top.role, heading: line.replace(/^[一二三四五六七八九十]、/, ''), lead: [], subs: [] }
      sub = null
      tops.push(cur)
      continue
    }
    const m = cur?.role === 'work' ? SUB_MARK.exec(line) : null
    if (m && cur) {
      const rest = line.slice(m[0].length)
      const stop = rest.search(/[。]/)
      const runIn = stop >= 0 && stop < rest.length - 1
      const heading = runIn ? rest.slice(0, stop) : rest.replace(/。$/, '')
      const topic =
        (['leadership', 'enforcement', 'publicity'] as const).find((k) => spec.parts[k]?.[0].includes(heading.slice(0, 6))) ??
        (spec.leadershipSub && heading.startsWith(spec.leadershipSub) ? 'leadership' : null)
      sub = { heading, runIn: runIn ? rest.slice(stop + 1) : '', body: [], topic }
      cur.subs.push(sub)
      continue
    }
    if (sub) sub.body.push(line)
    else cur?.lead.push(line)
  }
  return { head, tops, closing }
}

function fill(t: string, year: number): string {
  return t.replace(/\{Y\}/g, String(year)).replace(/\{N\}/g, String(year + 1))
}

export interface VariantOptions {
  cut: Cut
  numbering: NumberingStyle
  layout: Layout
  /** Reword headings with other real phrasings. */
  reword: boolean
  seed: number
}

export function makeVariant(spec: ReportSpec, raw: string, o: VariantOptions): string {
  const pick = rng(o.seed)
  const choose = <T>(xs: readonly T[]): T => xs[Math.floor(pick() * xs.length)]!
  const { head: head0, tops: tops0, closing } = parse(spec, raw, o.cut)
  let head = head0
  let tops = tops0.filter((t) => !(o.cut === 'shortcomings' && t.role === 'shortcomings') && !(o.cut === 'plans' && t.role === 'plans'))
  // Passing mentions of the cut item go too, from the opening and the year's work.
  if (o.cut === 'leadership' || o.cut === 'enforcement' || o.cut === 'publicity') {
    const topic = TOPIC[o.cut]
    head = [...head.slice(0, -1), ...dropMentions(head.slice(-1), topic)]
    tops = tops.map((t) =>
      t.role !== 'work' ? t : { ...t, lead: dropMentions(t.lead, topic), subs: t.subs.map((s) => ({ ...s, runIn: dropMentions([s.runIn], topic).join(''), body: dropMentions(s.body, topic) })) }
    )
  }
  if (o.cut === 'plans') head = [...head.slice(0, -1), ...dropMentions(head.slice(-1), PASSING_PLANS)]
  if (o.cut === 'shortcomings') head = [...head.slice(0, -1), ...dropMentions(head.slice(-1), PASSING_SHORTCOMINGS)]

  if (o.reword) {
    tops = tops.map((t) => ({
      ...t,
      heading: fill(choose(t.role === 'work' ? WORK_HEADINGS : t.role === 'shortcomings' ? SHORTCOMING_HEADINGS : PLAN_HEADINGS), spec.year),
      subs: t.subs.map((s) => (s.topic && s.topic !== o.cut ? { ...s, heading: choose(SUB_HEADINGS[s.topic]) } : s))
    }))
  }
  const work = tops.find((t) => t.role === 'work')
  if (work && o.layout === 'subsections-reversed') work.subs.reverse()
  if (work && (o.layout === 'leadership-first' || o.layout === 'leadership-after-shortcomings') && o.cut !== 'leadership') {
    // The first-responsible-person part as a part of its own, first or after the shortcomings.
    const i = work.subs.findIndex((s) => s.topic === 'leadership')
    if (i >= 0) {
      const [l] = work.subs.splice(i, 1)
      const part: Top = { role: 'leadership', heading: fill(choose(LEADERSHIP_TOPS), spec.year), lead: [l!.heading + '。' + l!.runIn, ...l!.body].filter((x) => x.replace('。', '').trim()), subs: [] }
      const at = o.layout === 'leadership-first' ? 0 : tops.findIndex((t) => t.role === 'shortcomings') + 1 || tops.length
      tops.splice(at, 0, part)
    }
  }
  const si = tops.findIndex((t) => t.role === 'shortcomings')
  const pi = tops.findIndex((t) => t.role === 'plans')
  if (o.layout === 'plans-before-shortcomings' && si >= 0 && pi >= 0) [tops[si], tops[pi]] = [tops[pi]!, tops[si]!]
  if ((o.layout === 'merged' || o.layout === 'merged-with-subheadings') && si >= 0 && pi >= 0) {
    const s = tops[si]!
    const p = tops[pi]!
    const withSubs = o.layout === 'merged-with-subheadings'
    const merged: Top = {
      role: 'shortcomings',
      heading: choose(MERGED_HEADINGS),
      lead: withSubs ? [] : [...s.lead, ...p.lead],
      subs: withSubs
        ? [
            { heading: choose(MERGED_SUBS[0]), runIn: '', body: s.lead, topic: null },
            { heading: fill(choose(MERGED_SUBS[1]), spec.year), runIn: '', body: p.lead, topic: null }
          ]
        : []
    }
    tops = tops.filter((t) => t !== s && t !== p)
    tops.splice(Math.min(si, pi), 0, merged)
  }

  const [topNum, subNum] = NUMBERING[o.numbering]
  const out: string[] = [...head]
  tops.forEach((t, i) => {
    const h = `${topNum(i)}${t.heading}`
    if (o.layout === 'run-in' && t.lead.length && o.numbering !== 'none') {
      out.push(`${h}。${t.lead[0]}`, ...t.lead.slice(1))
    } else {
      out.push(h, ...t.lead)
    }
    t.subs.forEach((s, k) => {
      if (s.runIn) out.push(`${subNum(k)}${s.heading}。${s.runIn}`, ...s.body)
      else out.push(`${subNum(k)}${s.heading}`, ...s.body)
    })
  })
  out.push(...closing)
  return out.join('\n') + '\n'
}

interface Label {
  file: string
  expected: Record<ItemId, string[]>
}

/** Every variant of the three reports: 6 cuts × 5 numbering styles × 8 layouts, reworded, with a seed each. */
export function allVariants(): Variant[] {
  const labels = JSON.parse(fs.readFileSync(path.join(CORPUS, 'reports', 'labels.json'), 'utf8')) as Label[]
  const out: Variant[] = []
  let seed = Number(process.env.VARIANT_SEED ?? 1)
  for (const spec of SPECS) {
    const raw = fs.readFileSync(path.join(CORPUS, 'reports', spec.file), 'utf8')
    const label = labels.find((l) => l.file === spec.file)!
    for (const cut of [null, ...ITEMS] as Cut[]) {
      for (const numbering of Object.keys(NUMBERING) as NumberingStyle[]) {
        for (const layout of LAYOUTS) {
          const reword = seed % 4 !== 0 // one in four keeps the report's own headings
          const text = makeVariant(spec, raw, { cut, numbering, layout, reword, seed })
          const expected = Object.fromEntries(ITEMS.map((id) => [id, id === cut ? ['missing'] : label.expected[id]])) as Record<ItemId, string[]>
          out.push({ name: `${spec.file} cut=${cut ?? '—'} ${numbering} ${layout}${reword ? ' reworded' : ''} #${seed}`, file: spec.file, text, cut, expected })
          seed++
        }
      }
    }
  }
  return out
}
