// Import batches and the files in them that did not become new reports, kept so the summary of the
// last import survives a restart.

import type { Db } from './database'
import type { ImportOutcome, ImportSource, ImportSummary } from '../../shared/models/library'

interface ImportRecord {
  id: number
  started_at: string
  finished_at: string | null
  state: string
  total: number
  imported: number
  duplicates: number
  failed: number
  source: ImportSource
}

export class ImportRepository {
  constructor(private readonly db: Db) {}

  /** A new batch of `total` files (or, with source 'urls', addresses). */
  begin(total: number, now = new Date().toISOString(), source: ImportSource = 'files'): number {
    return Number(this.db.prepare('INSERT INTO imports (started_at, total, source) VALUES (?, ?, ?)').run(now, total, source).lastInsertRowid)
  }

  /** Records a failed or duplicate file and bumps the batch's count, in one transaction. */
  recordOutcome(importId: number, o: ImportOutcome & { reportId?: number | null }): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO import_outcomes (import_id, kind, file, code, message, report_id) VALUES (?, ?, ?, ?, ?, ?)')
        .run(importId, o.kind, o.file, o.code, o.message, o.reportId ?? null)
      this.db.prepare(`UPDATE imports SET ${o.kind === 'failed' ? 'failed = failed + 1' : 'duplicates = duplicates + 1'} WHERE id = ?`).run(importId)
    })()
  }

  countImported(importId: number): void {
    this.db.prepare('UPDATE imports SET imported = imported + 1 WHERE id = ?').run(importId)
  }

  finish(importId: number, state: 'done' | 'cancelled' | 'interrupted', now = new Date().toISOString()): void {
    this.db.prepare('UPDATE imports SET state = ?, finished_at = ? WHERE id = ?').run(state, now, importId)
  }

  summary(importId: number): ImportSummary | null {
    const r = this.db.prepare<[number], ImportRecord>('SELECT * FROM imports WHERE id = ?').get(importId)
    if (!r) return null
    const outcomes = this.db
      .prepare<[number], ImportOutcome>('SELECT file, kind, code, message FROM import_outcomes WHERE import_id = ? ORDER BY id')
      .all(importId)
    return {
      id: r.id,
      state: r.state as ImportSummary['state'],
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      total: r.total,
      imported: r.imported,
      duplicates: r.duplicates,
      failed: r.failed,
      outcomes,
      source: r.source
    }
  }

  /** Batches left 'running' by a crash or a kill are marked so when the project is next opened. */
  markInterrupted(): number {
    return this.db.prepare("UPDATE imports SET state = 'interrupted' WHERE state = 'running'").run().changes
  }

  latestId(): number | null {
    return this.db.prepare<[], { id: number }>('SELECT id FROM imports ORDER BY id DESC LIMIT 1').get()?.id ?? null
  }
}
