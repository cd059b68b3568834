// Readable table output for `report-audit check`, aligned for Chinese (double-width) characters: the
// file's name, the issuer, year and date, a mark per checklist item named in Chinese, findings in Chinese.

import path from 'node:path'
import type { Checklist } from '../shared/models/checklist'
import type { CheckedReport } from '../shared/models/check'
import { ZH } from '../shared/labels'
import { displayWidth } from '../shared/text-width'

function cell(s: string, width: number): string {
  let out = ''
  let w = 0
  for (const ch of s) {
    const cw = displayWidth(ch)
    if (w + cw > width - (displayWidth(s) > width ? 1 : 0)) {
      out += '…'
      w += 1
      break
    }
    out += ch
    w += cw
  }
  return out + ' '.repeat(Math.max(0, width - w))
}

const MARK = { present: '✔', partial: '◐', missing: '✘', none: '—' } as const
const COLS = { file: 28, issuer: 18, year: 6, published: 12 }

const itemName = (i: Checklist['items'][number]) => i.short?.zh ?? i.name.zh

export function formatHeader(checklist: Checklist): string {
  const items = checklist.items.map(itemName).join(' ')
  return `${cell('文件', COLS.file)}${cell('发布单位', COLS.issuer)}${cell('年度', COLS.year)}${cell('发布日期', COLS.published)}清单项目（${items}）  发现\n`
}

/** The legend under the table: what the marks mean. */
export function formatLegend(): string {
  return `✔ ${ZH.status.present}  ◐ ${ZH.status.partial}  ✘ ${ZH.status.missing}  — ${ZH.status.none}（可选项目）\n`
}

export function formatRow(r: CheckedReport, _checklist: Checklist): string {
  // The file's own name: a folder path cut to fit says nothing.
  const name = path.basename(r.file)
  if (!r.ok) {
    // A document that is not an annual report was read: it is refused, not unreadable (import --accept-not-report takes it).
    const what = r.error.code === 'not-a-report' ? '不作为年度报告分析' : '无法读取'
    return `${cell(name, COLS.file - 1)} ${what} [${r.error.code}] ${r.error.message}\n`
  }
  const marks = r.items.map((i) => MARK[i.status]).join(' ')
  const findings = r.findings.map((f) => ZH.finding[f.code] ?? f.code).join('、') || '—'
  return `${cell(name, COLS.file - 1)} ${cell(r.meta.issuer ?? '?', COLS.issuer)}${cell(String(r.meta.year ?? '?'), COLS.year)}${cell(r.meta.published ?? '—', COLS.published)}${marks}  ${findings}\n`
}
