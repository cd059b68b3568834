// The reviewer's tables: item verdicts, the report review, annotations and the append-only audit trail.
// Every write records its audit entry in the same transaction.

import type { Db } from './database'
import { auditHash, chainHead } from './audit-chain'
import type { Anchor, Annotation, AuditEntry, EditVia, ItemVerdict, ItemVerdictRecord, OverallVerdict, ReportReview } from '../../shared/models/review'

/** An annotation as stored; whether it is still anchored is decided against the current text. */
export type StoredAnnotation = Omit<Annotation, 'anchored'>

interface AnnotationRecord {
  id: number
  report_id: number
  item_id: string
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
  comment: string
  created_at: string
  updated_at: string
}

const toAnnotation = (r: AnnotationRecord): StoredAnnotation => ({
  id: r.id,
  reportId: r.report_id,
  itemId: r.item_id,
  start: r.start,
  end: r.end,
  quote: r.quote,
  prefix: r.prefix,
  suffix: r.suffix,
  comment: r.comment,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

/** Who makes a change, and how: the reviewer's name, an undo/redo marker, and the time (now unless given). */
export interface Author {
  reviewer: string
  via?: EditVia | null
  at?: string
}

const stamp = (by: Author) => ({ reviewer: by.reviewer, via: by.via ?? null, at: by.at ?? new Date().toISOString() })

export class ReviewRepository {
  constructor(private readonly db: Db) {}

  /** Appends an entry chained to the last one by its hash (store/audit-chain.ts); called inside the change's transaction. */
  private audit(e: Omit<AuditEntry, 'id' | 'via'>, via: EditVia | null): void {
    const head = chainHead(this.db)
    const row = { id: head.id + 1, report_id: e.reportId, at: e.at, reviewer: e.reviewer, action: e.action, target: e.target, old_value: e.oldValue, new_value: e.newValue, via }
    this.db
      .prepare('INSERT INTO audit_log (id, report_id, at, reviewer, action, target, old_value, new_value, via, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, row.report_id, row.at, row.reviewer, row.action, row.target, row.old_value, row.new_value, row.via, head.hash, auditHash(row, head.hash))
  }

  verdicts(reportId: number): ItemVerdictRecord[] {
    return this.db
      .prepare<[number], { item_id: string; verdict: ItemVerdict; reason: string; updated_at: string }>('SELECT item_id, verdict, reason, updated_at FROM item_verdicts WHERE report_id = ? ORDER BY item_id')
      .all(reportId)
      .map((r) => ({ itemId: r.item_id, verdict: r.verdict, reason: r.reason, updatedAt: r.updated_at }))
  }

  /** Sets (or clears, with null) the verdict of one item. Returns false when nothing changed. */
  setItemVerdict(reportId: number, itemId: string, verdict: ItemVerdict | null, reason: string, by: Author): boolean {
    const { reviewer, at, via } = stamp(by)
    return this.db.transaction(() => {
      const old = this.db.prepare<[number, string], { verdict: string; reason: string }>('SELECT verdict, reason FROM item_verdicts WHERE report_id = ? AND item_id = ?').get(reportId, itemId)
      const oldValue = old ? JSON.stringify({ verdict: old.verdict, reason: old.reason }) : null
      const newValue = verdict ? JSON.stringify({ verdict, reason }) : null
      if (oldValue === newValue) return false
      if (verdict) {
        this.db
          .prepare(`INSERT INTO item_verdicts (report_id, item_id, verdict, reason, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (report_id, item_id) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason, updated_at = excluded.updated_at`)
          .run(reportId, itemId, verdict, reason, at)
      } else {
        this.db.prepare('DELETE FROM item_verdicts WHERE report_id = ? AND item_id = ?').run(reportId, itemId)
      }
      this.audit({ reportId, at, reviewer, action: 'item-verdict', target: itemId, oldValue, newValue }, via)
      return true
    })()
  }

  review(reportId: number): ReportReview {
    const r = this.db.prepare<[number], { overall: OverallVerdict | null; opinion: string; updated_at: string }>('SELECT overall, opinion, updated_at FROM report_reviews WHERE report_id = ?').get(reportId)
    return r ? { overall: r.overall, opinion: r.opinion, updatedAt: r.updated_at } : { overall: null, opinion: '', updatedAt: null }
  }

  private saveReview(reportId: number, field: 'overall' | 'opinion', value: string | null, by: Author): boolean {
    const { reviewer, at, via } = stamp(by)
    return this.db.transaction(() => {
      const cur = this.review(reportId)
      const old = field === 'overall' ? cur.overall : cur.opinion
      if ((old ?? null) === (value ?? null) || (field === 'opinion' && (old ?? '') === (value ?? ''))) return false
      const next = { ...cur, [field]: field === 'opinion' ? (value ?? '') : value }
      this.db
        .prepare(`INSERT INTO report_reviews (report_id, overall, opinion, updated_at) VALUES (?, ?, ?, ?)
                  ON CONFLICT (report_id) DO UPDATE SET overall = excluded.overall, opinion = excluded.opinion, updated_at = excluded.updated_at`)
        .run(reportId, next.overall, next.opinion, at)
      this.audit({ reportId, at, reviewer, action: field, target: 'report', oldValue: old || null, newValue: value || null }, via)
      return true
    })()
  }

  setOverall(reportId: number, overall: OverallVerdict | null, by: Author): boolean {
    return this.saveReview(reportId, 'overall', overall, by)
  }

  setOpinion(reportId: number, opinion: string, by: Author): boolean {
    return this.saveReview(reportId, 'opinion', opinion, by)
  }

  annotations(reportId: number): StoredAnnotation[] {
    return this.db.prepare<[number], AnnotationRecord>('SELECT * FROM annotations WHERE report_id = ? AND deleted_at IS NULL ORDER BY start, id').all(reportId).map(toAnnotation)
  }

  /** How many live annotations and item verdicts each report holds (reports with none are left out). */
  workCounts(): Map<number, { annotations: number; verdicts: number }> {
    const out = new Map<number, { annotations: number; verdicts: number }>()
    const bump = (id: number, key: 'annotations' | 'verdicts', n: number) => {
      const c = out.get(id) ?? { annotations: 0, verdicts: 0 }
      c[key] = n
      out.set(id, c)
    }
    for (const r of this.db.prepare<[], { id: number; n: number }>('SELECT report_id AS id, count(*) AS n FROM annotations WHERE deleted_at IS NULL GROUP BY report_id').all()) bump(r.id, 'annotations', r.n)
    for (const r of this.db.prepare<[], { id: number; n: number }>('SELECT report_id AS id, count(*) AS n FROM item_verdicts GROUP BY report_id').all()) bump(r.id, 'verdicts', r.n)
    return out
  }

  /** A live annotation by id (null when deleted or never made). */
  annotation(id: number): StoredAnnotation | null {
    const r = this.db.prepare<[number], AnnotationRecord>('SELECT * FROM annotations WHERE id = ? AND deleted_at IS NULL').get(id)
    return r ? toAnnotation(r) : null
  }

  addAnnotation(reportId: number, itemId: string, anchor: Anchor, comment: string, by: Author): StoredAnnotation {
    const { reviewer, at, via } = stamp(by)
    return this.db.transaction(() => {
      const newId = Number(
        this.db
          .prepare('INSERT INTO annotations (report_id, item_id, start, end, quote, prefix, suffix, comment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(reportId, itemId, anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix, comment, at, at).lastInsertRowid
      )
      const a = this.annotation(newId)!
      this.audit({ reportId, at, reviewer, action: 'annotation-add', target: String(newId), oldValue: null, newValue: JSON.stringify({ itemId, quote: anchor.quote, comment }) }, via)
      return a
    })()
  }

  /** Brings a deleted annotation back exactly as it was stored (undo of a delete); null when there is none to restore. */
  restoreAnnotation(id: number, by: Author): StoredAnnotation | null {
    const { reviewer, at, via } = stamp(by)
    return this.db.transaction(() => {
      const r = this.db.prepare<[number], AnnotationRecord>('SELECT * FROM annotations WHERE id = ? AND deleted_at IS NOT NULL').get(id)
      if (!r) return null
      this.db.prepare('UPDATE annotations SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(at, id)
      this.audit({ reportId: r.report_id, at, reviewer, action: 'annotation-restore', target: String(id), oldValue: null, newValue: JSON.stringify({ itemId: r.item_id, quote: r.quote, comment: r.comment }) }, via)
      return this.annotation(id)
    })()
  }

  /**
   * Moves an annotation to where its passage now is (the text changed under it): recorded in the audit
   * trail, since the quote and offsets are the reviewer's evidence.
   */
  reanchorAnnotation(id: number, anchor: Anchor, by: Author): StoredAnnotation | null {
    const { reviewer, at } = stamp(by)
    return this.db.transaction(() => {
      const old = this.annotation(id)
      if (!old) return null
      if (old.start === anchor.start && old.end === anchor.end && old.quote === anchor.quote) return old
      this.db.prepare('UPDATE annotations SET start = ?, end = ?, quote = ?, prefix = ?, suffix = ? WHERE id = ?').run(anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix, id)
      this.audit(
        {
          reportId: old.reportId,
          at,
          reviewer,
          action: 'annotation-move',
          target: String(id),
          oldValue: JSON.stringify({ start: old.start, end: old.end, quote: old.quote }),
          newValue: JSON.stringify({ start: anchor.start, end: anchor.end, quote: anchor.quote })
        },
        null
      )
      return this.annotation(id)
    })()
  }

  updateAnnotation(id: number, patch: { itemId?: string; comment?: string }, by: Author): StoredAnnotation | null {
    const { reviewer, at, via } = stamp(by)
    return this.db.transaction(() => {
      const old = this.annotation(id)
      if (!old) return null
      const next = { ...old, itemId: patch.itemId ?? old.itemId, comment: patch.comment ?? old.comment }
      if (next.itemId === old.itemId && next.comment === old.comment) return old
      this.db.prepare('UPDATE annotations SET item_id = ?, comment = ?, updated_at = ? WHERE id = ?').run(next.itemId, next.comment, at, id)
      this.audit(
        {
          reportId: old.reportId,
          at,
          reviewer,
          action: 'annotation-edit',
          target: String(id),
          oldValue: JSON.stringify({ itemId: old.itemId, comment: old.comment }),
          newValue: JSON.stringify({ itemId: next.itemId, comment: next.comment })
        },
        via
      )
      return this.annotation(id)
    })()
  }

  /** Deletes an annotation, keeping it as a tombstone so an undo can restore it as stored. */
  deleteAnnotation(id: number, by: Author): StoredAnnotation | null {
    const { reviewer, at, via } = stamp(by)
    return this.db.transaction(() => {
      const old = this.annotation(id)
      if (!old) return null
      this.db.prepare('UPDATE annotations SET deleted_at = ? WHERE id = ?').run(at, id)
      this.audit({ reportId: old.reportId, at, reviewer, action: 'annotation-delete', target: String(id), oldValue: JSON.stringify({ itemId: old.itemId, quote: old.quote, comment: old.comment }), newValue: null }, via)
      return old
    })()
  }

  auditTrail(reportId: number): AuditEntry[] {
    return this.db
      .prepare<[number], { id: number; report_id: number; at: string; reviewer: string; action: string; target: string; old_value: string | null; new_value: string | null; via: EditVia | null; hash: string | null }>(
        'SELECT * FROM audit_log WHERE report_id = ? ORDER BY id'
      )
      .all(reportId)
      .map((r) => ({ id: r.id, reportId: r.report_id, at: r.at, reviewer: r.reviewer, action: r.action, target: r.target, oldValue: r.old_value, newValue: r.new_value, via: r.via, hash: r.hash }))
  }

  /** The reviewer's points per aspect of a report's score (aspects left to the app's proposal are absent). */
  aspectScores(reportId: number): Map<string, { points: number; reason: string; at: string }> {
    return new Map(
      this.db
        .prepare<[number], { aspect_id: string; points: number; reason: string; updated_at: string }>('SELECT aspect_id, points, reason, updated_at FROM aspect_scores WHERE report_id = ?')
        .all(reportId)
        .map((r) => [r.aspect_id, { points: r.points, reason: r.reason, at: r.updated_at }])
    )
  }

  /** Sets (or with null clears, back to the app's proposal) the reviewer's points on one aspect, with the reason. */
  setAspectScore(reportId: number, aspectId: string, points: number | null, reason: string, by: Author): boolean {
    const { reviewer, at, via } = stamp(by)
    return this.db.transaction(() => {
      const old = this.db.prepare<[number, string], { points: number; reason: string }>('SELECT points, reason FROM aspect_scores WHERE report_id = ? AND aspect_id = ?').get(reportId, aspectId)
      const oldValue = old ? JSON.stringify({ points: old.points, reason: old.reason }) : null
      const newValue = points === null ? null : JSON.stringify({ points, reason })
      if (oldValue === newValue) return false
      if (points === null) this.db.prepare('DELETE FROM aspect_scores WHERE report_id = ? AND aspect_id = ?').run(reportId, aspectId)
      else
        this.db
          .prepare(`INSERT INTO aspect_scores (report_id, aspect_id, points, reason, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (report_id, aspect_id) DO UPDATE SET points = excluded.points, reason = excluded.reason, updated_at = excluded.updated_at`)
          .run(reportId, aspectId, points, reason, at)
      this.audit({ reportId, at, reviewer, action: 'score', target: aspectId, oldValue, newValue }, via)
      return true
    })()
  }
}
