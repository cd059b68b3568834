// What the exports hold: the review document (the worksheet) per report, the letter (审核意见) per
// submission, and the batch (one row per unit of the roster) behind the 汇总表 and the 通报; built from
// the project by services/review-documents. Every exporter writes from these, so they agree.

import { ZH } from '../../shared/labels'
import type { Checklist } from '../../shared/models/checklist'
import type { ItemStatus, ReportLevel } from '../../shared/models/report'
import type { AuditEntry, ItemVerdict, OverallVerdict } from '../../shared/models/review'
import type { ReviewState } from '../../shared/models/roster'
import type { Grade, Rubric, ScoreSheet } from '../../shared/models/rubric'
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
  items: ReviewItem[]
  findings: Array<{ code: string; name: string; message: string }>
  annotations: Array<{ itemId: string; itemName: string; quote: string; comment: string; createdAt: string }>
  overall: OverallVerdict | null
  opinion: string
  reviewer: string
  /** The date the document was written, 2027年3月5日. */
  date: string
  /** Every recorded change of the reviewer's work on this report, oldest first. */
  audit: AuditEntry[]
  /** The graded review under the project's rubric, when scored. */
  score?: ScoreSheet | null
  /** The share of this report's text found in its unit's report of the year before (null when there is none to compare). */
  copiedShare: number | null
  /** Last year's report it shares text with, and where. */
  similar: Array<{ file: string; year: number | null; share: number; passages: Passage[] }>
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

/** The 审核意见 as a letter (公文) from the reviewing body to the unit. */
export interface OpinionLetter {
  reportId: number
  /** The unit as the roster names it (or the issuer, for a report not attached to a unit): file names and the 汇总表. */
  unit: string
  /** 主送机关: 「葛坑镇人民政府」. */
  addressee: string
  year: number | null
  /** 「关于葛坑镇2024年度法治政府建设情况报告的审核意见」 */
  title: string
  /** The title's phrases, where a long title may break. */
  titleParts: string[]
  /** The report as the unit titled it (or a title made from the unit and year). */
  reportTitle: string
  /** The reviewing body that signs it; empty when not set (the signature then says so). */
  body: string
  docNumber: string | null
  /** 《规定》 and the project's notice, when named. */
  basis: string[]
  conclusion: string
  /** The opinion, line by line: the reviewer's text, or the draft made from the review when they wrote none. */
  opinion: string[]
  /** The opinion was made by the app because the reviewer wrote none. */
  opinionMade: boolean
  /** The reviewer, as the letter's contact; null when unsigned. */
  contact: string | null
  /** 2025年4月20日 */
  date: string
  /** Not reviewed yet (no overall verdict): the header says 初审稿. */
  draft: boolean
  /** The internal worksheet (items, detected status, evidence), when the reviewer includes it. */
  appendix: ReviewDocument | null
}

/** One line of a letter's opinion, as the templates set it: a heading of the first or second level, or a paragraph. */
export function opinionLine(line: string): { kind: 'h1' | 'h2' | 'p'; text: string } {
  const t = line.trim()
  if (/^[一二三四五六七八九十]+、[^。；]{1,24}$/.test(t)) return { kind: 'h1', text: t }
  if (/^（[一二三四五六七八九十]+）[^。；]{1,24}$/.test(t)) return { kind: 'h2', text: t }
  return { kind: 'p', text: t }
}

/** One unit of the roster in the 汇总表 (or a report of the year not attached to a unit). */
export interface BatchRow {
  unit: string
  level: ReportLevel | null
  state: 'submitted' | 'missing' | 'unassigned'
  /** The report the workspace opens for this submission. */
  reportId: number | null
  title: string | null
  received: string | null
  published: string | null
  daysLate: number | null
  /** Aligned with the checklist's items. */
  items: Array<{ id: string; verdict: ItemVerdict | null; detected: ItemStatus | null; optional: boolean }>
  findings: Array<{ code: string; name: string }>
  score: number | null
  grade: Grade | null
  scoreProposed: boolean
  review: ReviewState
  overall: OverallVerdict | null
  opinion: string
  reviewer: string | null
  annotations: Array<{ itemName: string; quote: string; comment: string; createdAt: string }>
}

/** A year's batch: what the 汇总表, its figures sheet, the CSV and the 通报 are written from. */
export interface Batch {
  year: number
  /** The reviewing body; empty when not set. */
  body: string
  /** 2025年4月20日 */
  date: string
  /** The publication deadline of the year's reports, YYYY-MM-DD. */
  deadline: string
  checklist: Checklist
  rubric: Rubric | null
  rows: BatchRow[]
  /** The notice the units reported under, when named. */
  notice: string
}

/** Dates written the way the document writes them (2021-05-14 → 2021年5月14日), e.g. in a detector's message. */
export function chineseDates(s: string): string {
  return s.replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (_m, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)
    // and without the spaces a detector puts between Chinese and numbers (「逾期 43 天」)
    .replace(/(?<=[\u3400-\u9fff\uff08\uff09])[ \t]+(?=[\d\u3400-\u9fff])|(?<=\d)[ \t]+(?=[\u3400-\u9fff])/g, '')
}

/** The report's particulars heading every review opinion, in the order they are printed; what the report does not say is said so, not 「未识别」. */
export function particulars(d: ReviewDocument): Array<[string, string]> {
  return [
    ['报告标题', d.title],
    ['发布单位', d.issuer ?? '报告中未写明'],
    ['报告年度', d.year ? `${d.year}年度` : '报告中未写明'],
    ['发布日期', d.published ? chineseDates(d.published) : '报告中未见'],
    ['审核清单', d.checklistName],
    ['完整度', `${d.completeness}%`],
    // The worksheet is the reviewer's record: it says when the audit trail behind it was altered.
    ...(d.auditCheck.intact ? [] : ([['审核记录', `⚠ ${d.auditCheck.message}`]] as Array<[string, string]>))
  ]
}

export function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/**
 * An item's verdict as the worksheet states it: the reviewer's, else (the report reviewed as a whole)
 * that the item was not judged on its own, else that the report is not reviewed yet.
 */
export function worksheetVerdict(i: Pick<ReviewItem, 'verdict'>, overall: OverallVerdict | null): string {
  return i.verdict ? ZH.verdict[i.verdict] : overall ? '未单独认定' : '未审核'
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

/**
 * A name safe on every file system, from text found in a report: no control characters, none Windows
 * refuses, no trailing dot or space, not a device name (CON, NUL, COM1 …), at most 80 characters.
 */
export function safeFileName(base: string): string {
  const s =
    base
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, '')
      .replace(/[\\/:*?"<>|]+/g, '_')
      .trim()
      .slice(0, 80)
      .replace(/[. ]+$/, '') || '审核意见'
  return /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(s) ? `_${s}` : s
}

/** The letter's name on disk, from the unit and the year: 葛坑镇-2024-审核意见.docx (drafts: …（初审稿）). */
export function letterFileName(l: Pick<OpinionLetter, 'unit' | 'year' | 'draft'>, ext: string): string {
  const base = [l.unit, l.year ? String(l.year) : null, '审核意见'].filter(Boolean).join('-')
  return `${safeFileName(base)}${l.draft ? '（初审稿）' : ''}.${ext}`
}
