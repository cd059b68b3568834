// ReviewApi: one report as the workspace shows it, and every judgement the reviewer records on it.

import { AppError } from '../../shared/errors'
import { makeAnchor, resolveAnchor } from '../../shared/anchor'
import { sketchSimilarity } from '../domain/sketch'
import type { ReviewApi } from '../../shared/ipc/contract'
import type { Annotation, AuditEntry, OtherVersion, ItemVerdict, ItemVerdictRecord, NewAnnotation, OverallVerdict, ReportDetail, ReportReview } from '../../shared/models/review'
import type { StoredAnnotation } from '../store/review-repository'
import type { SettingsService } from './settings-service'
import type { Workspace } from './workspace'

export class ReviewService implements ReviewApi {
  constructor(
    private readonly ws: Workspace,
    private readonly settings: SettingsService
  ) {}

  private get reviews() {
    return this.ws.project.reviews
  }

  private reviewer(): string {
    return this.settings.reviewer()
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
      const moved = makeAnchor(text, r.start, r.end)
      this.ws.project.db.prepare('UPDATE annotations SET start = ?, end = ?, quote = ?, prefix = ?, suffix = ? WHERE id = ?').run(moved.start, moved.end, moved.quote, moved.prefix, moved.suffix, a.id)
      return { ...a, ...moved, anchored: true }
    }
    return { ...a, anchored: true }
  }

  async open(reportId: number): Promise<ReportDetail> {
    const report = this.ws.project.reports.get(reportId)
    const t = this.ws.project.reports.text(reportId)
    if (!report || !t) throw new AppError('not-found', `项目中没有编号为 ${reportId} 的报告。`)
    const { analysis, sourcePath: _s, encoding: _e, ...row } = report
    return {
      row,
      text: t.text,
      blocks: t.blocks,
      warnings: t.warnings,
      analysis,
      verdicts: this.reviews.verdicts(reportId),
      review: this.reviews.review(reportId),
      annotations: this.reviews.annotations(reportId).map((a) => this.place(a, t.text))
    }
  }

  async setItemVerdict(reportId: number, itemId: string, verdict: ItemVerdict | null, reason: string): Promise<ItemVerdictRecord[]> {
    this.text(reportId)
    this.reviews.setItemVerdict(reportId, itemId, verdict, verdict ? reason : '', this.reviewer())
    return this.reviews.verdicts(reportId)
  }

  async setOverall(reportId: number, overall: OverallVerdict | null): Promise<ReportReview> {
    this.text(reportId)
    this.reviews.setOverall(reportId, overall, this.reviewer())
    return this.reviews.review(reportId)
  }

  async setOpinion(reportId: number, opinion: string): Promise<ReportReview> {
    this.text(reportId)
    this.reviews.setOpinion(reportId, opinion, this.reviewer())
    return this.reviews.review(reportId)
  }

  async addAnnotation(reportId: number, a: NewAnnotation): Promise<Annotation> {
    const text = this.text(reportId)
    if (!(a.start >= 0 && a.end > a.start && a.end <= text.length)) throw new AppError('invalid-argument', '选中的文字不在报告正文范围内。')
    const stored = this.reviews.addAnnotation(reportId, a.itemId, makeAnchor(text, a.start, a.end), a.comment ?? '', this.reviewer())
    return { ...stored, anchored: true }
  }

  async updateAnnotation(id: number, patch: { itemId?: string; comment?: string }): Promise<Annotation> {
    const a = this.reviews.updateAnnotation(id, patch, this.reviewer())
    if (!a) throw new AppError('not-found', '这条批注已不存在。')
    return this.place(a, this.text(a.reportId))
  }

  async deleteAnnotation(id: number): Promise<Annotation> {
    const a = this.reviews.deleteAnnotation(id, this.reviewer())
    if (!a) throw new AppError('not-found', '这条批注已不存在。')
    return { ...a, anchored: true }
  }

  /** Puts a deleted annotation back with its id (undo of a delete). */
  async restoreAnnotation(a: Annotation): Promise<Annotation> {
    if (this.reviews.annotation(a.id)) throw new AppError('invalid-argument', '这条批注仍然存在。')
    const text = this.text(a.reportId)
    const stored = this.reviews.addAnnotation(a.reportId, a.itemId, a, a.comment, this.reviewer(), undefined, a.id)
    return this.place(stored, text)
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
    const candidates = this.ws.project.db
      .prepare<[number], OtherVersion>(
        `SELECT r.id, r.file_name AS fileName, r.imported_at AS importedAt,
                (SELECT count(*) FROM annotations a WHERE a.report_id = r.id) AS annotations,
                (SELECT count(*) FROM item_verdicts v WHERE v.report_id = r.id) AS verdicts
           FROM reports r WHERE r.id <> ? ORDER BY r.id`
      )
      .all(reportId)
      .filter((v) => v.annotations > 0 || v.verdicts > 0)
    return candidates.filter((v) => sketchSimilarity(mine, reports.sketch(v.id) ?? new Uint32Array()) >= 0.5)
  }

  /**
   * Brings the reviewer's work from another version of the report: item verdicts the target has not
   * got yet, and every annotation, re-found in the target's text by its quote and context. Passages
   * that cannot be found are reported, not guessed.
   */
  async carryOver(fromId: number, toId: number): Promise<{ verdicts: number; annotations: number; notFound: string[] }> {
    const text = this.text(toId)
    this.text(fromId)
    const reviewer = this.reviewer()
    const have = new Set(this.reviews.verdicts(toId).map((v) => v.itemId))
    let verdicts = 0
    let annotations = 0
    const notFound: string[] = []
    this.ws.project.db.transaction(() => {
      for (const v of this.reviews.verdicts(fromId)) {
        if (have.has(v.itemId)) continue
        this.reviews.setItemVerdict(toId, v.itemId, v.verdict, v.reason, reviewer)
        verdicts++
      }
      const existing = new Set(this.reviews.annotations(toId).map((a) => `${a.itemId}|${a.quote}`))
      for (const a of this.reviews.annotations(fromId)) {
        const r = resolveAnchor(text, a)
        if (!r) {
          notFound.push(a.quote)
          continue
        }
        const anchor = makeAnchor(text, r.start, r.end)
        if (existing.has(`${a.itemId}|${anchor.quote}`)) continue
        this.reviews.addAnnotation(toId, a.itemId, anchor, a.comment, reviewer)
        annotations++
      }
    })()
    return { verdicts, annotations, notFound }
  }

  async auditTrail(reportId: number): Promise<AuditEntry[]> {
    return this.reviews.auditTrail(reportId)
  }
}

