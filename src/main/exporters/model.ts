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
  /** The project's audit trail checked as this document was written (its hash chain). */
  auditCheck: AuditCheck
}

/** The audit trail's hash chain as checked for an export: whole, or where it breaks. */
export interface AuditCheck {
  intact: boolean
  entries: number
  /** The last entry's hash, which a recipient can keep to compare with a later export. */
  head: string
  brokenAt: { id: number; at: string } | null
  message: string
}

/** The report's particulars heading every review opinion, in the order they are printed. */
export function particulars(d: ReviewDocument): Array<[string, string]> {
  return [
    ['报告标题', d.title],
    ['发布单位', d.issuer ?? '未识别'],
    ['报告年度', d.year ? `${d.year}年度` : '未识别'],
    ['发布日期', d.published ?? '未识别'],
    ['审核清单', d.checklistName],
    ['完整度', `${d.completeness}%`],
    // A trail altered behind the app's back is said on the opinion itself.
    ...(d.auditCheck.intact ? [] : ([['审核记录', `⚠ ${d.auditCheck.message}`]] as Array<[string, string]>))
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

/** The review document's name on disk: issuer, year and title, without what Windows refuses in a name. */
export function documentFileName(d: ReviewDocument, ext: string): string {
  const base = [d.issuer, d.year ? `${d.year}年度` : null, '审核意见'].filter(Boolean).join('-') || d.title
  return `${safeFileStem(base)}.${ext}`
}

/**
 * A name stem Windows accepts, from text found in a report: no reserved or control characters, no
 * trailing dot or space, not a device name (CON, NUL, COM1 …), at most 80 characters.
 */
export function safeFileStem(text: string): string {
  // eslint-disable-next-line no-control-regex
  let s = text.replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, '_').slice(0, 80)
  s = s.replace(/[. ]+$/, '')
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(s)) s = `_${s}`
  return s || '审核意见'
}
