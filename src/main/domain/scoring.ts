// Graded review: the points the app proposes per aspect of a rubric, from the detected item statuses,
// the reviewer's verdicts, the findings and the publication date; the total and its grade. Pure.

import type { ItemStatus } from '../../shared/models/report'
import type { ItemVerdict } from '../../shared/models/review'
import type { AspectBasis, Grade, Rubric, RubricAspect } from '../../shared/models/rubric'

export interface ScoreInput {
  /** The checklist's items with what is known of each in this report. */
  items: Array<{ id: string; scope: string; weight: number; optional: boolean; status: ItemStatus | null; verdict: ItemVerdict | null }>
  /** Finding codes raised on the report. */
  findings: string[]
  /** Quantified statements counted in the work part; null when not known. */
  figures: number | null
  /** Days after the deadline it was published: 0 on time, null when no date was found. */
  daysLate: number | null
  /** What the report's form makes known. */
  form: { title: boolean; issuer: boolean; year: boolean; published: boolean }
}

export interface Proposal {
  points: number | null
  why: string
}

/** An item's share of credit: the reviewer's verdict where given, else the detected status; null when not applicable. */
function credit(i: ScoreInput['items'][number]): { value: number; byReviewer: boolean } | null {
  if (i.verdict === 'not-applicable') return null
  if (i.verdict) return { value: i.verdict === 'meets' ? 1 : i.verdict === 'partial' ? 0.5 : 0, byReviewer: true }
  if (!i.status) return { value: 0, byReviewer: false }
  return { value: i.status === 'present' ? 1 : i.status === 'partial' ? 0.5 : 0, byReviewer: false }
}

/** Points in half-point steps, as reviewers score on paper. */
const half = (x: number) => Math.round(x * 2) / 2

function itemsShare(items: ScoreInput['items']): { share: number; met: number; partial: number; of: number; reviewed: number } | null {
  let sum = 0
  let weights = 0
  let met = 0
  let partial = 0
  let of = 0
  let reviewed = 0
  for (const i of items) {
    const c = credit(i)
    if (!c) continue
    sum += c.value * i.weight
    weights += i.weight
    of++
    if (c.value === 1) met++
    else if (c.value === 0.5) partial++
    if (c.byReviewer) reviewed++
  }
  return weights > 0 ? { share: sum / weights, met, partial, of, reviewed } : null
}

const source = (reviewed: number, of: number) => (reviewed === of ? '（均为审核结论）' : reviewed ? `（${reviewed} 项为审核结论，其余为检测结果）` : '（检测结果）')

export function propose(basis: AspectBasis, max: number, inp: ScoreInput, findingName: (code: string) => string = (c) => c): Proposal {
  switch (basis.kind) {
    case 'items': {
      const s = itemsShare(inp.items.filter((i) => !i.optional))
      if (!s) return { points: null, why: '清单没有必备项目，请人工评分。' }
      return { points: half(max * s.share), why: `${s.of} 项必备内容中具备 ${s.met} 项、部分具备 ${s.partial} 项${source(s.reviewed, s.of)}。` }
    }
    case 'scope': {
      const s = itemsShare(inp.items.filter((i) => i.scope === basis.scope))
      if (!s) return { points: null, why: '清单中没有对应这一部分的项目，请人工评分。' }
      const hit = (basis.findings ?? []).filter((f) => inp.findings.includes(f))
      const factor = 0.5 ** hit.length
      const state = s.share === 1 ? '内容具备' : s.share > 0 ? '内容部分具备' : '内容缺失'
      return { points: half(max * s.share * factor), why: `${state}${source(s.reviewed, s.of)}${hit.length ? `；存在“${hit.map(findingName).join('、')}”，减半` : ''}。` }
    }
    case 'figures': {
      if (inp.figures === null) {
        const few = inp.findings.includes('few-figures')
        return { points: half(max * (few ? 0.5 : 1)), why: few ? '具体数据偏少。' : '有具体数据。' }
      }
      return { points: half(max * Math.min(1, inp.figures / basis.target)), why: `工作成效部分有 ${inp.figures} 处具体数据（${basis.target} 处及以上得满分）。` }
    }
    case 'timeliness': {
      if (inp.daysLate === null) return { points: half(max / 2), why: '未见公开日期，按一半计，请核实。' }
      if (inp.daysLate === 0) return { points: max, why: '按时公开。' }
      return { points: half(max * Math.max(0, 1 - inp.daysLate / basis.zeroAfterDays)), why: `逾期 ${inp.daysLate} 天公开（逾期 ${basis.zeroAfterDays} 天及以上不得分）。` }
    }
    case 'format': {
      const lacks = [
        !inp.form.title && '标题',
        !inp.form.issuer && '发布单位',
        !inp.form.year && '年度',
        !inp.form.published && '公开日期'
      ].filter((x): x is string => !!x)
      const mismatch = inp.findings.includes('year-mismatch')
      const faults = lacks.length + (mismatch ? 1 : 0)
      const why = faults ? `${lacks.length ? `未能识别${lacks.join('、')}` : ''}${lacks.length && mismatch ? '；' : ''}${mismatch ? '标题与正文年度不一致' : ''}。` : '标题、发布单位、年度、公开日期齐全。'
      return { points: half(max * Math.max(0, 1 - faults / 5)), why }
    }
    case 'manual':
      return { points: null, why: '由审核人评分。' }
  }
}

export function rubricMax(r: Rubric): number {
  return r.aspects.reduce((s, a) => s + a.max, 0)
}

export function gradeOf(total: number, r: Rubric): Grade {
  if (total >= r.grades.excellent) return 'excellent'
  if (total >= r.grades.good) return 'good'
  if (total >= r.grades.fair) return 'fair'
  return 'poor'
}

/** Each aspect's proposal, then the reviewer's points where given; the total and the grade. */
export function scoreReport(
  r: Rubric,
  inp: ScoreInput,
  adjusted: ReadonlyMap<string, { points: number }>,
  findingName?: (code: string) => string
): { aspects: Array<{ aspect: RubricAspect; proposal: Proposal; points: number }>; total: number; grade: Grade } {
  const aspects = r.aspects.map((aspect) => {
    const proposal = propose(aspect.basis, aspect.max, inp, findingName)
    const own = adjusted.get(aspect.id)
    return { aspect, proposal, points: Math.min(aspect.max, Math.max(0, own ? own.points : (proposal.points ?? 0))) }
  })
  const total = Math.round(aspects.reduce((s, a) => s + a.points, 0) * 10) / 10
  return { aspects, total, grade: gradeOf(total, r) }
}

/** The score input of one report: the checklist's items with their detected status and the reviewer's verdict. */
export function scoreInput(opts: {
  checklist: { items: Array<{ id: string; scope: string; weight: number; optional?: boolean }> }
  detected: ReadonlyArray<{ id: string; status: ItemStatus }>
  verdicts: ReadonlyMap<string, ItemVerdict>
  findings: string[]
  figures: number | null
  daysLate: number | null
  form: ScoreInput['form']
}): ScoreInput {
  const detected = new Map(opts.detected.map((i) => [i.id, i.status]))
  return {
    items: opts.checklist.items.map((i) => ({ id: i.id, scope: i.scope, weight: i.weight, optional: !!i.optional, status: detected.get(i.id) ?? null, verdict: opts.verdicts.get(i.id) ?? null })),
    findings: opts.findings,
    figures: opts.figures,
    daysLate: opts.daysLate,
    form: opts.form
  }
}
