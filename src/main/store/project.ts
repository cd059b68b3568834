// A project: one SQLite file holding reports, imports and (in their own tables) the reviewer's work.

import path from 'node:path'
import { openProjectDatabase, openWriterConnection, type Db, type OpenOptions } from './database'
import { storageErrorInfo } from '../../shared/errors'
import { ImportRepository } from './import-repository'
import { ReportRepository, type NewReport, type PageOrigin } from './report-repository'
import { ReviewRepository } from './review-repository'
import { SettingsRepository } from './settings-repository'
import { ChecklistRepository } from './checklist-repository'
import { UnitRepository } from './unit-repository'
import { DEFAULT_ROSTER_SETTINGS, SubmissionRepository } from './submission-repository'
import { SimilarityRepository } from './similarity-repository'
import type { RosterSettings } from '../../shared/models/roster'
import { projectChecklist, resolveChecklist } from './checklist-files'
import type { Checklist } from '../../shared/models/checklist'
import { verifyAuditChain, type AuditIntegrity } from './audit-chain'
import { RubricRepository } from './rubric-repository'
import { projectRubric, resolveRubric } from './rubric-files'
import type { Rubric } from '../../shared/models/rubric'
import { DEFAULT_LETTER_SETTINGS, type LetterSettings } from '../../shared/models/letter'

export class Project {
  readonly reports: ReportRepository
  readonly imports: ImportRepository
  readonly reviews: ReviewRepository
  readonly settings: SettingsRepository
  readonly checklists: ChecklistRepository
  readonly units: UnitRepository
  readonly submissions: SubmissionRepository
  readonly similarity: SimilarityRepository
  readonly rubrics: RubricRepository

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
    this.units = new UnitRepository(db)
    this.submissions = new SubmissionRepository(db, this.reports, this.units)
    this.similarity = new SimilarityRepository(db, this.settings)
    this.rubrics = new RubricRepository(db)
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
    if (!opened.readOnly) {
      // Reports stored before submissions existed are grouped once, on first open after the migration,
      // and indexed for short search terms (a file opened at an older schema, as tests do, has neither).
      if (project.hasTable('submissions')) project.submissions.attachMissing()
      if (project.hasTable('report_grams')) project.reports.indexMissingGrams()
    }
    // Verified on opening: the app says at once when the trail was tampered with, and where.
    project.auditIntegrity({ fresh: true })
    return project
  }

  /**
   * The same project on a connection of its own, for writing imported reports off the main thread
   * (pipeline/store-worker): no migration, repair or check beyond the file's mark and version, which the
   * first connection already did.
   */
  static openWriter(file: string, opts: { maxPageCount?: number } = {}): Project {
    return new Project(path.resolve(file), openWriterConnection(path.resolve(file), opts))
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

  /** The id of the rubric the project grades reports with (集中评议). */
  activeRubricId(): string {
    return this.settings.get('rubricId') ?? 'default'
  }

  /** That rubric (the bundled default when the one named is gone). */
  activeRubric(): Rubric {
    return projectRubric(this.rubrics, this.settings.get('rubricId'))
  }

  /** A rubric by id: the project's own first, then the bundled ones. */
  rubric(id: string): Rubric {
    return resolveRubric(this.rubrics, id)
  }

  /** What scores a report: the active rubric against the active checklist's items. */
  scoring(): { rubric: Rubric; checklist: Checklist } {
    return { rubric: this.activeRubric(), checklist: this.activeChecklist() }
  }

  /** The reviewing body, the 文号, the notice and the correction date the letters carry. */
  letterSettings(): LetterSettings {
    const correctBy = this.settings.get('letter.correctBy')
    return {
      body: this.settings.get('letter.body') ?? DEFAULT_LETTER_SETTINGS.body,
      docNumber: this.settings.get('letter.docNumber') ?? DEFAULT_LETTER_SETTINGS.docNumber,
      notice: this.settings.get('letter.notice') ?? DEFAULT_LETTER_SETTINGS.notice,
      correctBy: correctBy || null
    }
  }

  setLetterSettings(patch: Partial<LetterSettings>): LetterSettings {
    if (patch.body !== undefined) this.settings.set('letter.body', patch.body.trim())
    if (patch.docNumber !== undefined) this.settings.set('letter.docNumber', patch.docNumber.trim())
    if (patch.notice !== undefined) this.settings.set('letter.notice', patch.notice.trim())
    if (patch.correctBy !== undefined) this.settings.set('letter.correctBy', patch.correctBy ?? '')
    return this.letterSettings()
  }

  /**
   * Changes when anything in the file changed: a commit by another connection (the import's writer
   * thread, another window) moves SQLite's data_version, a write on this one its total_changes().
   */
  changeState(): string {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number
    const own = this.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n
    return `${dataVersion}:${own}`
  }

  /**
   * The submissions whose library rows changed since revision `since` (0 for every row; migration 13
   * stamps them), and the latest revision; `submissions` is null when they are not known (the first
   * look, or a file without the stamps) and every row is to be made.
   */
  libraryChanges(since: number | null): { rev: number; submissions: number[] | null } {
    if (!this.hasTable('library_changes')) return { rev: 0, submissions: null }
    if (since === null) return { rev: this.db.prepare<[], { rev: number }>('SELECT coalesce(max(rev), 0) AS rev FROM library_changes').get()!.rev, submissions: null }
    const changed = this.db.prepare<[number], { submission_id: number; rev: number }>('SELECT submission_id, rev FROM library_changes WHERE rev > ?').all(since)
    return { rev: changed.reduce((m, r) => Math.max(m, r.rev), since), submissions: changed.map((r) => r.submission_id) }
  }

  hasTable(name: string): boolean {
    return !!this.db.prepare<[string], { n: number }>("SELECT 1 AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)
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
      reviewYearSet: !!Number(this.settings.get('reviewYear')),
      publishBy: this.publishBy(),
      submitBy: this.settings.get('submitBy') ?? DEFAULT_ROSTER_SETTINGS.submitBy
    }
  }

  /** The date (MM-DD of the year after) reports are due to be published by. */
  publishBy(): string {
    return this.settings.get('publishBy') ?? DEFAULT_ROSTER_SETTINGS.publishBy
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
      if (!this.readOnly) this.db.pragma('wal_checkpoint(TRUNCATE)')
    } catch (e) {
      // A full disk or a lost share: the WAL stays beside the file and SQLite replays it at the next opening.
      if (!storageErrorInfo(e)) throw e
    } finally {
      this.db.close()
    }
  }
}
