// The 汇总表: one row per unit of the roster (unit first, those that sent nothing included), shared by
// the Excel workbook and the CSV so that both hold the same cells; and the figures of the batch
// (报送率, 按时公开率, items failed, grades, the most common problems) behind the figures sheet,
// the 通报 and the roster view's charts.

import { ZH } from '../../shared/labels'
import { GRADES, type Grade } from '../../shared/models/rubric'
import { OVERALL_VERDICTS, type OverallVerdict } from '../../shared/models/review'
import type { Batch, BatchRow } from './model'
import { coveredByItem, shortfall } from './wording'

export type Cell = string | number | null
export type Tone = 'good' | 'fair' | 'poor' | 'none'

export interface SummaryTable {
  title: string
  header: string[]
  rows: Cell[][]
  /** Per row, per item column: the tone for colouring, and whether the value is detected rather than the reviewer's. */
  items: Array<Array<{ tone: Tone; detected: boolean }>>
  /** Per row: the score is the app's proposal. */
  proposed: boolean[]
  /** Per row: the unit sent nothing. */
  missing: boolean[]
  /** Index of the first item column. */
  itemStart: number
  /** Index of the 审核意见摘要 column (it wraps). */
  opinionColumn: number
  /** Notes printed under the table. */
  notes: string[]
}

const STATE: Record<BatchRow['state'], string> = { submitted: '已报送', missing: '未报送', unassigned: '待归属' }
/** Levels as a narrow column shows them. */
const LEVEL: Record<NonNullable<BatchRow['level']>, string> = { township: '乡镇', county: '县级', city: '市级', province: '省级', department: '部门' }

/** The opinion in a line or two for the table: the reviewer's words without the numbered heads. */
export function opinionSummary(opinion: string, max = 60): string {
  const text = opinion
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^[一二三四五六七八九十]+、[^。；]{1,24}$/.test(l))
    .join('')
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function itemCellOf(i: BatchRow['items'][number]): { text: string; tone: Tone; detected: boolean } {
  if (i.verdict) {
    const tone: Tone = i.verdict === 'meets' ? 'good' : i.verdict === 'partial' ? 'fair' : i.verdict === 'missing' ? 'poor' : 'none'
    return { text: ZH.verdict[i.verdict], tone, detected: false }
  }
  if (!i.detected || (i.optional && i.detected === 'missing')) return { text: '—', tone: 'none', detected: false }
  const tone: Tone = i.detected === 'present' ? 'good' : i.detected === 'partial' ? 'fair' : 'poor'
  return { text: `${ZH.status[i.detected]}（检测）`, tone, detected: true }
}

export function lateness(r: Pick<BatchRow, 'state' | 'daysLate'>): Cell {
  if (r.state === 'missing') return ''
  if (r.daysLate === null) return '未见日期'
  return r.daysLate === 0 ? '按时' : r.daysLate
}

export function summaryTitle(b: Pick<Batch, 'body' | 'year'>): string {
  return `${b.body ? `${b.body} ` : ''}${b.year}年度法治政府建设年度报告审核情况汇总表`
}

export function summaryTable(b: Batch): SummaryTable {
  const scored = !!b.rubric
  const header = [
    '序号',
    '单位',
    '层级',
    '报送情况',
    '收到日期',
    '公开日期',
    '逾期天数',
    ...b.checklist.items.map((i) => i.short?.zh ?? i.name.zh),
    '发现的问题',
    ...(scored ? ['得分', '等级'] : []),
    '审核结论',
    '审核意见摘要',
    '审核人'
  ]
  const rows: Cell[][] = []
  const items: SummaryTable['items'] = []
  b.rows.forEach((r, k) => {
    const sent = r.state !== 'missing'
    const cells = r.items.map(itemCellOf)
    rows.push([
      k + 1,
      r.unit,
      r.level === 'township' && /(?:街道|办事处)$/.test(r.unit) ? '街道' : r.level ? LEVEL[r.level] : '',
      STATE[r.state],
      r.received ?? '',
      r.published ?? (sent ? '未见' : ''),
      lateness(r),
      ...(sent ? cells.map((c) => c.text) : b.checklist.items.map(() => '')),
      r.findings.map((f) => f.name).join('、'),
      ...(scored ? [r.score ?? '', r.grade ? `${ZH.grade[r.grade]}${r.scoreProposed ? '（建议）' : ''}` : ''] : []),
      sent ? (r.overall ? ZH.overall[r.overall] : '未审核') : '',
      opinionSummary(r.opinion),
      r.reviewer ?? ''
    ])
    items.push(sent ? cells.map(({ tone, detected }) => ({ tone, detected })) : b.checklist.items.map(() => ({ tone: 'none' as const, detected: false })))
  })
  const notes = [
    `注：1. 审核项一栏为审核人的结论；标“（检测）”的为系统检测结果，尚未经审核人确认。`,
    `2. 公开期限为${b.year + 1}年${Number(b.deadline.slice(5, 7))}月${Number(b.deadline.slice(8, 10))}日，逾期天数按各单位报告最早的公开日期计算；“未见日期”指报告中未找到公开日期，请核实。`,
    ...(scored ? [`3. 得分按“${b.rubric!.name.zh}”（满分${b.rubric!.aspects.reduce((s, a) => s + a.max, 0)}分）计；等级标“（建议）”的为系统建议分，尚未经审核人确认。`] : [])
  ]
  return {
    title: summaryTitle(b),
    header,
    rows,
    items,
    proposed: b.rows.map((r) => r.scoreProposed),
    missing: b.rows.map((r) => r.state === 'missing'),
    itemStart: 7,
    opinionColumn: header.length - 2,
    notes
  }
}

export interface BatchFigures {
  /** Units on the roster (应报). */
  units: number
  /** Roster units that sent their report (已报). */
  submitted: number
  /** Reports of the year not attached to a roster unit (待归属): shown, not counted in the rates. */
  unassigned: number
  /** Submitted and published by the deadline. */
  onTime: number
  late: number
  /** Submitted, no publication date found. */
  unknownDate: number
  /** 已报 ÷ 应报, null when the roster is empty. */
  submissionRate: number | null
  /** 按时公开 ÷ 已报, null when none submitted. */
  onTimeRate: number | null
  reviewed: number
  overall: Record<OverallVerdict, number>
  /** Submitted reports (roster and 待归属) falling short on each item: by the reviewer's verdict, and by detection where none. */
  items: Array<{ id: string; name: string; byReviewer: number; detected: number; failed: number; units: string[] }>
  /** Submitted reports per grade; null: not scored. */
  grades: Array<{ grade: Grade | null; count: number }>
  /** Every problem and how many reports have it, most common first. */
  problems: Array<{ key: string; name: string; count: number; units: string[] }>
  /** Late units by how late: 1–7, 8–30, over 30 days. */
  lateBy: { upTo7: number; upTo30: number; more: number }
}

export function batchFigures(b: Batch): BatchFigures {
  const roster = b.rows.filter((r) => r.state !== 'unassigned')
  const sentRoster = roster.filter((r) => r.state === 'submitted')
  const sent = b.rows.filter((r) => r.state !== 'missing')
  const items = b.checklist.items.map((def, idx) => {
    let byReviewer = 0
    let detected = 0
    const units: string[] = []
    for (const r of sent) {
      const i = r.items[idx]
      if (!i || !shortfall(i)) continue
      if (i.verdict) byReviewer++
      else detected++
      units.push(r.unit)
    }
    return { id: def.id, name: def.name.zh, byReviewer, detected, failed: byReviewer + detected, units }
  })
  const findings = new Map<string, { name: string; units: string[] }>()
  for (const r of sent) {
    // A finding about a part an item already counts as short (no causes, the shortcomings item) is one problem, not two: as the letters say it.
    const shortScopes = new Set(b.checklist.items.flatMap((def, idx) => (def.scope && r.items[idx] && shortfall(r.items[idx]!) ? [def.scope] : [])))
    for (const f of r.findings) {
      if (coveredByItem(f.code, shortScopes)) continue
      const e = findings.get(f.code) ?? { name: f.name, units: [] }
      e.units.push(r.unit)
      findings.set(f.code, e)
    }
  }
  const problems = [
    ...items.filter((i) => i.failed).map((i) => ({ key: `item:${i.id}`, name: `“${i.name}”内容缺失或不够具体`, count: i.failed, units: i.units })),
    ...[...findings].map(([code, e]) => ({ key: `finding:${code}`, name: e.name, count: e.units.length, units: e.units }))
  ].sort((a, c) => c.count - a.count || a.name.localeCompare(c.name, 'zh-CN'))
  const late = sentRoster.filter((r) => (r.daysLate ?? 0) > 0)
  return {
    units: roster.length,
    submitted: sentRoster.length,
    unassigned: b.rows.length - roster.length,
    onTime: sentRoster.filter((r) => r.daysLate === 0).length,
    late: late.length,
    unknownDate: sentRoster.filter((r) => r.daysLate === null).length,
    submissionRate: roster.length ? sentRoster.length / roster.length : null,
    onTimeRate: sentRoster.length ? sentRoster.filter((r) => r.daysLate === 0).length / sentRoster.length : null,
    reviewed: sent.filter((r) => r.overall).length,
    overall: Object.fromEntries(OVERALL_VERDICTS.map((o) => [o, sent.filter((r) => r.overall === o).length])) as Record<OverallVerdict, number>,
    items,
    grades: [...GRADES.map((g) => ({ grade: g as Grade | null, count: sent.filter((r) => r.grade === g).length })), { grade: null, count: sent.filter((r) => !r.grade).length }],
    problems,
    lateBy: {
      upTo7: late.filter((r) => r.daysLate! <= 7).length,
      upTo30: late.filter((r) => r.daysLate! > 7 && r.daysLate! <= 30).length,
      more: late.filter((r) => r.daysLate! > 30).length
    }
  }
}

export const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`)
