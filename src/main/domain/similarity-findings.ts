// The findings of comparing a report with the batch: text carried over from the unit's report of the
// year before (沿用上年文字), passages shared with other units' reports of the same year (与其他单位雷同),
// and last year's year left in copied text (沿用上年年份). They depend on the batch, not on the file,
// so they are kept apart from the file's own analysis and made when read, with the checklist's thresholds.

import type { ChecklistFindingsConfig } from '../../shared/models/checklist'
import type { Finding } from '../../shared/models/report'

export const DEFAULT_COPY_SHARE = 0.3
export const DEFAULT_SHARED_MIN_CHARS = 100
/** At most this many findings of one kind per report: the side-by-side view shows the rest. */
const MAX_EACH = 5

export interface SimilarityFindingsInput {
  /** The report's own year, when known. */
  year: number | null
  /** The unit's report of the year before: how much of this text is found in it, in how many passages, the first of them. */
  lastYear: { year: number | null; label: string; share: number; passages: number; first: { start: number; end: number } | null } | null
  /** Other units' reports of the same year, with the normalised characters of this report found in each. */
  sameYear: Array<{ label: string; chars: number; share: number; passages: number; first: { start: number; end: number } | null }>
  staleYears: Array<{ start: number; end: number; text: string }>
}

const pct = (x: number) => `${Math.round(x * 100)}%`

export function similarityThresholds(config: Partial<ChecklistFindingsConfig> | undefined): { copyShare: number; sharedMinChars: number } {
  return { copyShare: config?.copyShare ?? DEFAULT_COPY_SHARE, sharedMinChars: config?.sharedMinChars ?? DEFAULT_SHARED_MIN_CHARS }
}

/** Which of the three findings a report has, from its stored figures only (the library's badges). */
export function similarityFindingCodes(s: { copiedShare: number | null; staleYears: number; shared: number[] }, config?: Partial<ChecklistFindingsConfig>): Array<Finding['code']> {
  const t = similarityThresholds(config)
  const out: Array<Finding['code']> = []
  if (s.copiedShare !== null && s.copiedShare >= t.copyShare) out.push('copied-from-last-year')
  if (s.shared.some((c) => c >= t.sharedMinChars)) out.push('shared-text')
  if (s.staleYears > 0) out.push('stale-year')
  return out
}

export function similarityFindings(inp: SimilarityFindingsInput, config?: Partial<ChecklistFindingsConfig>): Finding[] {
  const t = similarityThresholds(config)
  const out: Finding[] = []
  const ly = inp.lastYear
  if (ly && ly.share >= t.copyShare) {
    const first = ly.first
    out.push({
      code: 'copied-from-last-year',
      severity: ly.share >= Math.min(0.9, t.copyShare * 2) ? 'error' : 'warning',
      message: `与${ly.label}${ly.year ? `${ly.year}年度` : '上一年度'}报告相同的文字约占全文 ${pct(ly.share)}（${ly.passages} 段），达到 ${pct(t.copyShare)} 的提示线。`,
      ...(first ? { start: first.start, end: first.end } : {})
    })
  }
  for (const s of inp.sameYear.filter((x) => x.chars >= t.sharedMinChars).slice(0, MAX_EACH)) {
    const first = s.first
    out.push({
      code: 'shared-text',
      severity: 'warning',
      message: `与${s.label}的报告有 ${s.passages} 段文字相同（约 ${s.chars} 字，占本报告 ${pct(s.share)}）。`,
      ...(first ? { start: first.start, end: first.end } : {})
    })
  }
  for (const y of inp.staleYears.slice(0, MAX_EACH)) {
    out.push({
      code: 'stale-year',
      severity: 'warning',
      message: `沿用上年报告的文字中仍写作「${y.text}」${inp.year ? `，本报告为 ${inp.year} 年度` : ''}。`,
      start: y.start,
      end: y.end
    })
  }
  return out
}
