// What the exports hold: a review document per report (built from the project by services/review-documents)
// and the batch rows. Every exporter (docx, pdf/html, markdown, xlsx, csv, json) writes from these, so they agree.

import { ZH } from '../../shared/labels'
import type { ItemStatus, ReportLevel } from '../../shared/models/report'
import type { AuditEntry, ItemVerdict, OverallVerdict } from '../../shared/models/review'
import type { Passage } from '../../shared/models/similarity'

export interface ReviewItem {
  id: string
  name: string
  detected: ItemStatus | null
  verdict: ItemVerdict | null
  reason: string
  /** The first evidence quote, as found in the report. */
  evidence: string
}

export interface ReviewDocument {
  reportId: number
  fileName: string
  sha256: string
  title: string
  issuer: string | null
  level: ReportLevel | null
  year: number | null
  published: string | null
  checklistName: string
  completeness: number
  /** Share (0–1) of the text copied from the unit's report of the year before (沿用上年), for the 汇总表; null when the project holds none. */
  copiedShare: number | null
  /** The unit's report of the year before when the project holds it: the share of this text found in it and the passages (offsets into each text). */
  similar: Array<{ file: string; year: number | null; share: number; passages: Passage[] }>
  items: ReviewItem[]
  /** The file's own findings, then those of comparing it with the batch (copied or shared text). */
  findings: Array<{ code: string; name: string; message: string }>
  annotations: Array<{ itemId: string; itemName: string; quote: string; comment: string; createdAt: string }>
  overall: OverallVerdict | null
  opinion: string
  reviewer: string
  /** The date the document was written, 2027年3月5日. */
  date: string
  /** Every recorded change of the reviewer's work on this report, oldest first. */
  audit: AuditEntry[]
}

/** The report's particulars heading every review opinion, in the order they are printed. */
export function particulars(d: ReviewDocument): Array<[string, string]> {
  return [
    ['报告标题', d.title],
    ['发布单位', d.issuer ?? '未识别'],
    ['报告年度', d.year ? `${d.year}年度` : '未识别'],
    ['发布日期', d.published ?? '未识别'],
    ['审核清单', d.checklistName],
    ['完整度', `${d.completeness}%`]
  ]
}

export function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** An item's cell in the summary table: the reviewer's verdict, or the detected status marked as such. */
export function itemCell(i: Pick<ReviewItem, 'verdict' | 'detected'>): { text: string; tone: 'good' | 'fair' | 'poor' | 'none'; byReviewer: boolean } {
  if (i.verdict) {
    const tone = i.verdict === 'meets' ? 'good' : i.verdict === 'partial' ? 'fair' : i.verdict === 'missing' ? 'poor' : 'none'
    return { text: ZH.verdict[i.verdict], tone, byReviewer: true }
  }
  if (!i.detected) return { text: '—', tone: 'none', byReviewer: false }
  const tone = i.detected === 'present' ? 'good' : i.detected === 'partial' ? 'fair' : 'poor'
  return { text: `${ZH.status[i.detected]}（检测）`, tone, byReviewer: false }
}

/** The review document's name on disk: issuer, year and title, without characters Windows refuses. */
export function documentFileName(d: ReviewDocument, ext: string): string {
  const base = [d.issuer, d.year ? `${d.year}年度` : null, '审核意见'].filter(Boolean).join('-') || d.title
  return `${base.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 80)}.${ext}`
}
