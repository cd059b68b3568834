// The batch summary table (汇总表): one row per report, one column per checklist item, shared by the
// Excel workbook and the CSV so that both hold the same cells.

import { ZH } from '../../shared/labels'
import type { Checklist } from '../../shared/models/checklist'
import { itemCell, type ReviewDocument } from './model'

export interface SummaryTable {
  header: string[]
  rows: Array<Array<string | number | null>>
  /** Per row, per item column: the tone for colouring. */
  tones: Array<Array<'good' | 'fair' | 'poor' | 'none'>>
  /** Index of the first item column. */
  itemStart: number
}

export function summaryTable(docs: ReviewDocument[], checklist: Checklist): SummaryTable {
  const header = ['序号', '报告标题', '发布单位', '层级', '年度', '发布日期', ...checklist.items.map((i) => i.name.zh), '完整度', '发现的问题', '总体结论', '审核意见', '文件名']
  const rows: SummaryTable['rows'] = []
  const tones: SummaryTable['tones'] = []
  docs.forEach((d, k) => {
    const cells = d.items.map((i) => itemCell(i))
    rows.push([
      k + 1,
      d.title,
      d.issuer,
      d.level ? ZH.levels[d.level] : null,
      d.year,
      d.published,
      ...cells.map((c) => c.text),
      `${d.completeness}%`,
      d.findings.map((f) => f.name).join('、'),
      d.overall ? ZH.overall[d.overall] : '未审核',
      d.opinion,
      d.fileName
    ])
    tones.push(cells.map((c) => c.tone))
  })
  return { header, rows, tones, itemStart: 6 }
}

/** Counts per item and verdict (reviewer's verdict; "未审核" where none was given) and per overall verdict. */
export function countsTable(docs: ReviewDocument[], checklist: Checklist): { items: Array<Array<string | number>>; overall: Array<Array<string | number>> } {
  const verdicts = ['meets', 'partial', 'missing', 'not-applicable'] as const
  const items: Array<Array<string | number>> = [['清单项目', ...verdicts.map((v) => ZH.verdict[v]), '未审核', '其中检测为缺失']]
  checklist.items.forEach((def, idx) => {
    const col = docs.map((d) => d.items[idx]!)
    items.push([
      def.name.zh,
      ...verdicts.map((v) => col.filter((i) => i.verdict === v).length),
      col.filter((i) => !i.verdict).length,
      col.filter((i) => !i.verdict && i.detected === 'missing').length
    ])
  })
  const overall: Array<Array<string | number>> = [['总体结论', '报告数']]
  for (const o of ['pass', 'revise', 'fail'] as const) overall.push([ZH.overall[o], docs.filter((d) => d.overall === o).length])
  overall.push(['未审核', docs.filter((d) => !d.overall).length])
  overall.push(['合计', docs.length])
  return { items, overall }
}
