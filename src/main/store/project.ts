// A project: one SQLite file holding reports, imports and (in their own tables) the reviewer's work.

import path from 'node:path'
import { openProjectDatabase, type Db, type OpenOptions } from './database'
import { storageErrorInfo } from '../../shared/errors'
import { ImportRepository } from './import-repository'
import { ReportRepository, type NewReport } from './report-repository'
import { ReviewRepository } from './review-repository'
import { SettingsRepository } from './settings-repository'
import { ChecklistRepository } from './checklist-repository'
import { projectChecklist, resolveChecklist } from './checklist-files'
import type { Checklist } from '../../shared/models/checklist'
import { verifyAuditChain, type AuditIntegrity } from './audit-chain'

export class Project {
  readonly reports: ReportRepository
  readonly imports: ImportRepository
  readonly reviews: ReviewRepository
  readonly settings: SettingsRepository
  readonly checklists: ChecklistRepository

  private constructor(
    readonly file: string,
    readonly db: Db,
    /** Why the project can only be read and exported (a read-only file or place), or null. */
    readonly readOnly: string | null = null
  ) {
    this.reports = new ReportRepository(db)
    this.imports = new ImportRepository(db)
    this.reviews = new ReviewRepository(db)
    this.settings = new SettingsRepository(db)
    this.checklists = new ChecklistRepository(db)
  }

  private integrityAtOpen: AuditIntegrity | null = null

  /** The audit trail's hash chain, walked now (exports) or as it was found when the project was opened. */
  auditIntegrity(opts: { fresh?: boolean } = {}): AuditIntegrity {
    if (opts.fresh || !this.integrityAtOpen) this.integrityAtOpen = verifyAuditChain(this.db)
    return this.integrityAtOpen
  }

  static open(file: string, opts?: OpenOptions): Project {
    const abs = path.resolve(file)
    const opened = openProjectDatabase(abs, opts)
    const project = new Project(abs, opened.db, opened.readOnly)
    if (!opened.readOnly) {
      try {
        project.imports.markInterrupted()
      } catch (e) {
        // A full disk: the project still opens, to be read and exported; the batch stays marked running.
        if (!storageErrorInfo(e)) throw e
      }
    }
    // Verified on opening: the app says at once when the trail was tampered with, and where.
    project.auditIntegrity({ fresh: true })
    return project
  }

  get name(): string {
    return path.basename(this.file, path.extname(this.file))
  }

  /** The id of the checklist the project's reports are checked against. */
  activeChecklistId(): string {
    return this.settings.get('checklistId') ?? 'default'
  }

  /** That checklist (the default when the one named is gone). */
  activeChecklist(): Checklist {
    return projectChecklist(this.checklists, this.settings.get('checklistId'))
  }

  /** A checklist by id: the project's own first, then the bundled ones. */
  checklist(id: string): Checklist {
    return resolveChecklist(this.checklists, id)
  }

  /** Runs `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  /** Stores one imported report and counts it in its batch: one transaction per file. */
  addImported(r: NewReport & { importId: number }): number {
    return this.db.transaction(() => {
      const id = this.reports.insert(r)
      this.imports.countImported(r.importId)
      return id
    })()
  }

  /** A consistent copy of the project, taken while it stays open (SQLite's online backup). */
  async copyTo(target: string): Promise<void> {
    await this.db.backup(path.resolve(target))
  }

  close(): void {
    if (!this.db.open) return
    try {
      if (!this.readOnly) this.db.pragma('wal_checkpoint(TRUNCATE)')
    } catch (e) {
      // A full disk or a lost share: the WAL stays beside the file and SQLite replays it at the next opening.
      if (!storageErrorInfo(e)) throw e
    } finally {
      this.db.close()
    }
  }
}
