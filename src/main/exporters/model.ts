// What the exports hold, read once from the project: a review document per report and the batch rows.
// Every exporter (docx, pdf/html, markdown, xlsx, csv, json) writes from these, so they agree.

import { ZH } from '../../shared/labels'
import type { Checklist } from '../../shared/models/checklist'
import type { ItemStatus, ReportLevel } from '../../shared/models/report'
import type { ItemVerdict, OverallVerdict } from '../../shared/models/review'
import type { Project } from '../store/project'

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
  title: string
  issuer: string | null
  level: ReportLevel | null
  year: number | null
  published: string | null
  checklistName: string
  completeness: number
  items: ReviewItem[]
  findings: Array<{ code: string; name: string; message: string }>
  annotations: Array<{ itemId: string; itemName: string; quote: string; comment: string; createdAt: string }>
  overall: OverallVerdict | null
  opinion: string
  reviewer: string
  /** The date the document was written, 2027年3月5日. */
  date: string
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

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s)

export function buildReviewDocument(project: Project, reportId: number, checklist: Checklist, reviewer: string, now = new Date()): ReviewDocument {
  const r = project.reports.get(reportId)
  if (!r) throw new Error(`no report ${reportId}`)
  const verdicts = new Map(project.reviews.verdicts(reportId).map((v) => [v.itemId, v]))
  const review = project.reviews.review(reportId)
  const names = new Map(checklist.items.map((i) => [i.id, i.name.zh]))
  const items: ReviewItem[] = checklist.items.map((def) => {
    const found = r.analysis.items.find((i) => i.id === def.id)
    const v = verdicts.get(def.id)
    return {
      id: def.id,
      name: def.name.zh,
      detected: found?.status ?? null,
      verdict: v?.verdict ?? null,
      reason: v?.reason ?? '',
      evidence: clip(found?.evidence[0]?.quote.replace(/\s+/g, ' ') ?? '', 160)
    }
  })
  return {
    reportId,
    fileName: r.fileName,
    title: r.title ?? r.fileName.replace(/\.[^.]+$/, ''),
    issuer: r.issuer,
    level: r.level,
    year: r.year,
    published: r.published,
    checklistName: checklist.name.zh,
    completeness: r.completeness,
    items,
    findings: r.analysis.findings.map((f) => ({ code: f.code, name: ZH.finding[f.code] ?? f.code, message: f.message })),
    annotations: project.reviews.annotations(reportId).map((a) => ({ itemId: a.itemId, itemName: names.get(a.itemId) ?? a.itemId, quote: a.quote, comment: a.comment, createdAt: a.createdAt })),
    overall: review.overall,
    opinion: review.opinion,
    reviewer,
    date: chineseDate(now)
  }
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

export const SUMMARY_COLUMNS = ['序号', '报告标题', '发布单位', '层级', '年度', '发布日期'] as const
