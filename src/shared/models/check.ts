// The record `report-audit check --json` prints per file, also used by the importer.

import type { Evidence, Finding, ItemStatus, ReportFormat, ReportMeta } from './report'
import type { AppErrorCode } from '../errors'

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
}

export interface CheckedReportError {
  file: string
  ok: false
  error: { code: AppErrorCode; message: string }
}

export type CheckedReport = CheckedReportOk | CheckedReportError
