// Findings beyond presence: late publication, shortcomings without causes, few figures, year mismatch.

import type { ChecklistFindingsConfig } from '../../shared/models/checklist'
import type { Finding, ReportMeta, Section } from '../../shared/models/report'
import { CAUSE, FIGURE } from './lexicon'

export { FIGURE }

export const NO_CAUSES_MESSAGE = '“存在的不足”部分只列举了问题，没有分析原因（规定要求写明不足和原因）。'

/** Whether a shortcomings part states causes (「原因主要是…」「由于…」), not merely the word 原因. */
export function givesCauses(text: string): boolean {
  return CAUSE.test(text)
}

export function countFigures(text: string): { count: number; example: string | null } {
  FIGURE.lastIndex = 0
  const matches = text.match(FIGURE) ?? []
  let example: string | null = null
  if (matches.length) {
    const i = text.search(new RegExp(matches[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    const from = Math.max(0, text.lastIndexOf('，', i) + 1, text.lastIndexOf(',', i) + 1, text.lastIndexOf('。', i) + 1)
    example = text.slice(from, i + matches[0]!.length).slice(-24)
  }
  return { count: matches.length, example }
}

function addDays(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86400000
}

export interface FindingsInput {
  text: string
  meta: ReportMeta
  sections: Section[]
  /** Title year and the year named in the body's opening (现将2020年…), when both are stated. */
  titleYear: number | null
  bodyYear: number | null
  config: ChecklistFindingsConfig
}

export function computeFindings(inp: FindingsInput): { findings: Finding[]; figures: number } {
  const { meta, sections, text, config } = inp
  const findings: Finding[] = []

  if (meta.year && meta.published) {
    const deadline = `${meta.year + 1}-${config.publishBy}`
    if (meta.published > deadline) {
      const days = Math.round(addDays(meta.published) - addDays(deadline))
      findings.push({
        code: 'late-publication',
        severity: 'error',
        message: `发布日期 ${meta.published} 晚于 ${deadline} 的公开期限（逾期 ${days} 天）。`
      })
    }
  }

  // The shortcomings may come in several parts (a list of problems, then 「法治建设不足的原因」): causes in
  // any of them count, headings included, except the first part's own heading (「存在的不足和原因」 promises, it does not give).
  const short = sections.filter((x) => x.role === 'shortcomings')
  const body = short.map((s, i) => text.slice(i === 0 && s.heading ? s.heading.end : s.start, s.end)).join('\n')
  if (short.length && body.replace(/\s/g, '').length >= 15 && !givesCauses(body)) {
    findings.push({ code: 'no-causes', severity: 'warning', message: NO_CAUSES_MESSAGE, start: short[0]!.start, end: short[short.length - 1]!.end })
  }

  const work = sections.filter((s) => s.role === 'work' || s.role === 'preamble').map((s) => text.slice(s.start, s.end)).join('\n')
  const { count, example } = countFigures(work)
  if (count < config.minFigures) {
    findings.push({
      code: 'few-figures',
      severity: 'warning',
      message: `工作成效部分只有 ${count} 处具体数据${example ? `（如“${example}”）` : ''}，少于 ${config.minFigures} 处，成效描述偏笼统。`
    })
  }

  if (meta.year) {
    const y = meta.year
    const problems: string[] = []
    if (inp.titleYear && inp.bodyYear && inp.titleYear !== inp.bodyYear) problems.push(`标题写 ${inp.titleYear} 年，正文写 ${inp.bodyYear} 年`)
    for (const [label, d] of [['发布日期', meta.published], ['落款日期', meta.signed]] as const) {
      if (!d) continue
      const dy = Number(d.slice(0, 4))
      if (dy < y) problems.push(`${label} ${d} 早于报告年度 ${y} 年`)
      else if (dy > y + 1) problems.push(`${label} ${d} 距报告年度 ${y} 年过远`)
      else if (dy === y && d < `${y}-12-01`) problems.push(`${label} ${d} 在 ${y} 年度结束之前`)
    }
    if (problems.length) {
      findings.push({ code: 'year-mismatch', severity: 'warning', message: `报告年度与日期不一致：${problems.join('；')}。` })
    }
  }
  return { findings, figures: count }
}
