// The record `report-audit check --json` prints per file, also used by the importer.

import type { Evidence, Finding, ItemStatus, ReportFormat, ReportMeta } from './report'
import type { AppErrorCode } from '../errors'
import type { Passage } from './similarity'

export interface CheckedItem {
  id: string
  label: string
  status: ItemStatus
  score: number
  evidence: Evidence[]
  reason?: string
}

export interface CheckedReportOk {
  file: string
  ok: true
  format: ReportFormat
  encoding: string
  meta: ReportMeta
  items: CheckedItem[]
  findings: Finding[]
  warnings: string[]
  /**
   * With --compare-with: the reports of that folder sharing text with this one, most similar first;
   * `share` is the part of this report's text found in that one, standard wording not counted.
   */
  similar?: Array<{ file: string; share: number; passages: Passage[] }>
}

export interface CheckedReportError {
  file: string
  ok: false
  error: { code: AppErrorCode; message: string }
}

export type CheckedReport = CheckedReportOk | CheckedReportError
