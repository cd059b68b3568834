// ReviewApi: one report as the workspace shows it, and every judgement the reviewer records on it.

import { AppError } from '../../shared/errors'
import { makeAnchor, resolveAnchor } from '../../shared/anchor'
import { SAME_REPORT } from '../domain/sketch'
import type { ReviewApi } from '../../shared/ipc/contract'
import type { Annotation, AuditEntry, CarryOverResult, EditVia, OtherVersion, ItemVerdict, ItemVerdictRecord, NewAnnotation, OverallVerdict, ReportDetail, ReportReview } from '../../shared/models/review'
import type { Author, StoredAnnotation } from '../store/review-repository'
import type { BulkResult, BulkReview } from '../../shared/models/letter'
import { draftOpinion } from '../exporters/wording'
import { draftInput } from './review-documents'
import type { SettingsService } from './settings-service'
import type { Workspace } from './workspace'
import { reportSimilarity } from './similarity-service'
import { notReportWarning } from '../pipeline/check-file'

/** The audit trail's name for changes the app makes by itself (an annotation moved with its passage). */
export const SYSTEM = '系统'

export class ReviewService implements ReviewApi {
  constructor(
    private readonly ws: Workspace,
    private readonly settings: SettingsService
  ) {}

  private get reviews() {
    return this.ws.project.reviews
  }

  private by(via?: EditVia): Author {
    return { reviewer: this.settings.reviewer(), via: via ?? null }
  }

  /** Verdicts and annotations are on items of the project's checklist; anything else is refused. */
  private checkItem(itemId: string): void {
    const checklist = this.ws.activeChecklist()
    if (!checklist.items.some((i) => i.id === itemId)) throw new AppError('invalid-argument', `当前清单「${checklist.name.zh}」中没有审核项 ${itemId}。`)
  }

  private text(reportId: number): string {
    const t = this.ws.project.reports.text(reportId)
    if (!t) throw new AppError('not-found', `项目中没有编号为 ${reportId} 的报告。`)
    return t.text
  }

  /** An annotation placed in the current text: re-found by quote and context when the offsets no longer hold. */
  private place(a: StoredAnnotation, text: string): Annotation {
    const r = resolveAnchor(text, a)
    if (!r) return { ...a, anchored: false }
    if (r.how !== 'exact') {
      // Keep the re-found place, so the next opening is exact; the quote follows the text.
      const moved = this.reviews.reanchorAnnotation(a.id, makeAnchor(text, r.start, r.end), { reviewer: SYSTEM })
      return { ...(moved ?? a), anchored: true }
    }
    return { ...a, anchored: true }
  }

  async open(reportId: number): Promise<ReportDetail> {
    const report = this.ws.project.reports.get(reportId)
    const t = this.ws.project.reports.text(reportId)
    if (!report || !t) throw new AppError('not-found', `项目中没有编号为 ${reportId} 的报告。`)
    const { analysis, sha256: _h, sourcePath: _s, encoding: _e, ...row } = report
    // The findings of comparing it with the batch (copied or shared text) beside the file's own.
    const batch = reportSimilarity(this.ws.project, reportId, this.ws.activeChecklist().findings, false).findings
    const submissionId = this.ws.project.submissions.submissionOf(reportId)
    return {
      row,
      text: t.text,
      blocks: t.blocks,
      // a document imported on purpose though it is not a report (「仍然导入」) says so where the reviewer reads it
      warnings: analysis.notReport ? [...t.warnings, notReportWarning(analysis.notReport)] : t.warnings,
      analysis: batch.length ? { ...analysis, findings: [...analysis.findings, ...batch] } : analysis,
      verdicts: this.reviews.verdicts(reportId),
      review: this.reviews.review(reportId),
      annotations: this.reviews.annotations(reportId).map((a) => this.place(a, t.text)),
      submission: this.submissionOf(reportId),
      pages: submissionId === null ? [] : this.ws.project.submissions.pages(submissionId)
    }
  }

  private submissionOf(reportId: number): ReportDetail['submission'] {
    const sid = this.ws.project.submissions.submissionOf(reportId)
    const files = sid === null ? null : this.ws.project.submissions.files(sid)
    if (!files) return null
    const version = files.versions.find((v) => v.files.some((f) => f.reportId === reportId))?.version ?? 1
    return { ...files, version }
  }

  async setItemVerdict(reportId: number, itemId: string, verdict: ItemVerdict | null, reason: string, via?: EditVia): Promise<ItemVerdictRecord[]> {
    this.text(reportId)
    if (verdict) this.checkItem(itemId)
    this.reviews.setItemVerdict(reportId, itemId, verdict, verdict ? reason : '', this.by(via))
    return this.reviews.verdicts(reportId)
  }

  async setOverall(reportId: number, overall: OverallVerdict | null, via?: EditVia): Promise<ReportReview> {
    this.text(reportId)
    this.reviews.setOverall(reportId, overall, this.by(via))
    return this.reviews.review(reportId)
  }

  async setOpinion(reportId: number, opinion: string, via?: EditVia): Promise<ReportReview> {
    this.text(reportId)
    this.reviews.setOpinion(reportId, opinion, this.by(via))
    return this.reviews.review(reportId)
  }

  async addAnnotation(reportId: number, a: NewAnnotation, via?: EditVia): Promise<Annotation> {
    const text = this.text(reportId)
    this.checkItem(a.itemId)
    if (!(a.start >= 0 && a.end > a.start && a.end <= text.length)) throw new AppError('invalid-argument', '选中的文字不在报告正文范围内。')
    const stored = this.reviews.addAnnotation(reportId, a.itemId, makeAnchor(text, a.start, a.end), a.comment ?? '', this.by(via))
    return { ...stored, anchored: true }
  }

  async updateAnnotation(id: number, patch: { itemId?: string; comment?: string }, via?: EditVia): Promise<Annotation> {
    if (patch.itemId !== undefined) this.checkItem(patch.itemId)
    const a = this.reviews.updateAnnotation(id, patch, this.by(via))
    if (!a) throw new AppError('not-found', '这条批注已不存在。')
    return this.place(a, this.text(a.reportId))
  }

  async deleteAnnotation(id: number, via?: EditVia): Promise<Annotation> {
    const a = this.reviews.deleteAnnotation(id, this.by(via))
    if (!a) throw new AppError('not-found', '这条批注已不存在。')
    return { ...a, anchored: true }
  }

  /** Puts a deleted annotation back exactly as it was stored (undo of a delete). */
  async restoreAnnotation(annotationId: number, via?: EditVia): Promise<Annotation> {
    const stored = this.reviews.restoreAnnotation(annotationId, this.by(via))
    if (!stored) throw new AppError('not-found', '没有可恢复的批注（它未被删除，或不存在）。')
    return this.place(stored, this.text(stored.reportId))
  }

  /**
   * Other versions of this report that hold reviewer work: reports whose text shares most of its
   * passages with this one, by their stored fingerprints (metadata alone is not enough: a corrected
   * version may be dated or headed differently).
   */
  async versions(reportId: number): Promise<OtherVersion[]> {
    const reports = this.ws.project.reports
    const mine = reports.sketch(reportId)
    if (!mine) throw new AppError('not-found', `项目中没有编号为 ${reportId} 的报告。`)
    // Candidates come from the fingerprint index (no scan of every report); only those holding reviewer work count.
    const work = this.reviews.workCounts()
    const out: OtherVersion[] = []
    for (const { id } of this.ws.project.submissions.similar(reportId, mine, SAME_REPORT)) {
      const w = work.get(id)
      const r = w && reports.get(id)
      if (r) out.push({ id, fileName: r.fileName, importedAt: r.importedAt, ...w })
    }
    return out.sort((a, b) => a.id - b.id)
  }

  /**
   * Brings the reviewer's work from another version of the report: item verdicts the target has not
   * got yet, the overall verdict and the opinion where the target has none, and every annotation,
   * re-found in the target's text by its quote and context. Passages that cannot be found are
   * reported, not guessed; nothing the target already holds is overwritten.
   */
  async carryOver(fromId: number, toId: number): Promise<CarryOverResult> {
    const text = this.text(toId)
    this.text(fromId)
    const by = this.by()
    const have = new Set(this.reviews.verdicts(toId).map((v) => v.itemId))
    let verdicts = 0
    let annotations = 0
    let overall = false
    let opinion = false
    const notFound: string[] = []
    this.ws.project.transaction(() => {
      for (const v of this.reviews.verdicts(fromId)) {
        if (have.has(v.itemId)) continue
        this.reviews.setItemVerdict(toId, v.itemId, v.verdict, v.reason, by)
        verdicts++
      }
      const from = this.reviews.review(fromId)
      const to = this.reviews.review(toId)
      if (from.overall && !to.overall) overall = this.reviews.setOverall(toId, from.overall, by)
      if (from.opinion.trim() && !to.opinion.trim()) opinion = this.reviews.setOpinion(toId, from.opinion, by)
      // The reviewer's points on the score travel with the verdicts (aspects the target has none on).
      const scored = this.reviews.aspectScores(toId)
      for (const [aspectId, s] of this.reviews.aspectScores(fromId)) if (!scored.has(aspectId)) this.reviews.setAspectScore(toId, aspectId, s.points, s.reason, by)
      const existing = new Set(this.reviews.annotations(toId).map((a) => `${a.itemId}|${a.quote}`))
      for (const a of this.reviews.annotations(fromId)) {
        const r = resolveAnchor(text, a)
        if (!r) {
          notFound.push(a.quote)
          continue
        }
        const anchor = makeAnchor(text, r.start, r.end)
        if (existing.has(`${a.itemId}|${anchor.quote}`)) continue
        this.reviews.addAnnotation(toId, a.itemId, anchor, a.comment, by)
        annotations++
      }
    })
    return { verdicts, annotations, overall, opinion, notFound }
  }

  async auditTrail(reportId: number): Promise<AuditEntry[]> {
    return this.reviews.auditTrail(reportId)
  }

  async draftOpinion(reportId: number): Promise<string> {
    this.text(reportId)
    return draftOpinion(draftInput(this.ws.project, reportId))
  }

  /**
   * One overall verdict, item verdict or phrase for several reports (the library's multi-select), in
   * one transaction: each change is audited as if made one by one; a phrase is appended to the
   * opinion as a paragraph of its own, never replacing it, and not again where it already stands.
   */
  async bulk(opts: BulkReview): Promise<BulkResult> {
    if (opts.overall === undefined && !opts.item && !opts.appendPhrase) throw new AppError('invalid-argument', '请选择要批量设置的结论或用语。')
    if (opts.item?.verdict) this.checkItem(opts.item.itemId)
    const by = this.by()
    const skipped: BulkResult['skipped'] = []
    let changed = 0
    const ids = [...new Set(opts.reportIds)]
    this.ws.project.transaction(() => {
      for (const id of ids) {
        if (!this.ws.project.reports.text(id)) {
          skipped.push({ reportId: id, reason: `项目中没有编号为 ${id} 的报告。` })
          continue
        }
        let any = false
        if (opts.overall !== undefined) any = this.reviews.setOverall(id, opts.overall, by) || any
        if (opts.item) any = this.reviews.setItemVerdict(id, opts.item.itemId, opts.item.verdict, opts.item.verdict ? (opts.item.reason ?? '') : '', by) || any
        if (opts.appendPhrase) {
          const phrase = opts.appendPhrase.trim()
          const cur = this.reviews.review(id).opinion
          if (cur.split('\n').some((l) => l.trim() === phrase)) skipped.push({ reportId: id, reason: '审核意见中已有这句用语。' })
          else any = this.reviews.setOpinion(id, cur.trim() ? `${cur.replace(/\s+$/, '')}\n${phrase}` : phrase, by) || any
        }
        if (any) changed++
      }
    })
    return { changed, skipped }
  }
}

