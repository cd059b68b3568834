// A project: one SQLite file holding reports, imports and (in their own tables) the reviewer's work.

import path from 'node:path'
import { openDatabase, type Db, type OpenOptions } from './database'
import { ImportRepository } from './import-repository'
import { ReportRepository, type NewReport, type PageOrigin } from './report-repository'
import { ReviewRepository } from './review-repository'
import { SettingsRepository } from './settings-repository'
import { ChecklistRepository } from './checklist-repository'
import { UnitRepository } from './unit-repository'
import { DEFAULT_ROSTER_SETTINGS, SubmissionRepository } from './submission-repository'
import type { RosterSettings } from '../../shared/models/roster'
import { projectChecklist, resolveChecklist } from './checklist-files'
import type { Checklist } from '../../shared/models/checklist'

export class Project {
  readonly reports: ReportRepository
  readonly imports: ImportRepository
  readonly reviews: ReviewRepository
  readonly settings: SettingsRepository
  readonly checklists: ChecklistRepository
  readonly units: UnitRepository
  readonly submissions: SubmissionRepository

  private constructor(
    readonly file: string,
    readonly db: Db
  ) {
    this.reports = new ReportRepository(db)
    this.imports = new ImportRepository(db)
    this.reviews = new ReviewRepository(db)
    this.settings = new SettingsRepository(db)
    this.checklists = new ChecklistRepository(db)
    this.units = new UnitRepository(db)
    this.submissions = new SubmissionRepository(db, this.reports, this.units)
  }

  static open(file: string, opts?: OpenOptions): Project {
    const abs = path.resolve(file)
    const project = new Project(abs, openDatabase(abs, opts))
    project.imports.markInterrupted()
    // Reports stored before submissions existed are grouped once, on first open after the migration.
    project.submissions.attachMissing()
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

  /**
   * Stores one imported report, attaches it to its unit's submission and counts it in its batch: one
   * transaction per file. A fetched page keeps its address; one fetched from a unit's roster address
   * (`unitId`) goes to that unit when its text names none the roster knows.
   */
  addImported(r: NewReport & { importId: number; page?: PageOrigin; unitId?: number | null }): number {
    return this.db.transaction(() => {
      const id = this.reports.insert(r)
      if (r.page) this.reports.setPage(id, r.page)
      const at = this.submissions.attach(id)
      if (r.unitId && at.unitId === null && this.units.get(r.unitId)) this.submissions.assign(at.submissionId, r.unitId)
      this.imports.countImported(r.importId)
      return id
    })()
  }

  /** The review year and its deadlines; the year defaults to the one most reports cover. */
  rosterSettings(): RosterSettings {
    const year = Number(this.settings.get('reviewYear')) || this.commonYear() || new Date().getFullYear() - 1
    return {
      reviewYear: year,
      publishBy: this.settings.get('publishBy') ?? DEFAULT_ROSTER_SETTINGS.publishBy,
      submitBy: this.settings.get('submitBy') ?? DEFAULT_ROSTER_SETTINGS.submitBy
    }
  }

  setRosterSettings(patch: Partial<RosterSettings>): RosterSettings {
    if (patch.reviewYear !== undefined) this.settings.set('reviewYear', String(patch.reviewYear))
    if (patch.publishBy !== undefined) this.settings.set('publishBy', patch.publishBy)
    if (patch.submitBy !== undefined) this.settings.set('submitBy', patch.submitBy)
    return this.rosterSettings()
  }

  private commonYear(): number | null {
    return this.db.prepare<[], { year: number }>('SELECT year FROM reports WHERE year IS NOT NULL GROUP BY year ORDER BY count(*) DESC, year DESC LIMIT 1').get()?.year ?? null
  }

  /** A consistent copy of the project, taken while it stays open (SQLite's online backup). */
  async copyTo(target: string): Promise<void> {
    await this.db.backup(path.resolve(target))
  }

  close(): void {
    if (!this.db.open) return
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      this.db.close()
    }
  }
}
