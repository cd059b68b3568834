// Readable table output for `report-audit check`, aligned for Chinese (double-width) characters.

import type { Checklist } from '../shared/models/checklist'
import type { CheckedReport } from '../shared/models/check'
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

const MARK = { present: '✔', partial: '◐', missing: '✘' } as const
const COLS = { file: 28, issuer: 18, year: 6, published: 12 }

export function formatHeader(checklist: Checklist): string {
  const items = checklist.items.map((i) => i.id).join(' ')
  return `${cell('文件', COLS.file)}${cell('发布单位', COLS.issuer)}${cell('年度', COLS.year)}${cell('发布日期', COLS.published)}清单项目（${items}）  发现\n`
}

export function formatRow(r: CheckedReport, _checklist: Checklist): string {
  const name = r.file.length > 60 ? `…${r.file.slice(-59)}` : r.file
  if (!r.ok) return `${cell(name, COLS.file - 1)} 无法读取 [${r.error.code}] ${r.error.message}\n`
  const marks = r.items.map((i) => MARK[i.status]).join(' ')
  const findings = r.findings.map((f) => f.code).join(',') || '—'
  return `${cell(name, COLS.file - 1)} ${cell(r.meta.issuer ?? '?', COLS.issuer)}${cell(String(r.meta.year ?? '?'), COLS.year)}${cell(r.meta.published ?? '—', COLS.published)}${marks}  ${findings}\n`
}
