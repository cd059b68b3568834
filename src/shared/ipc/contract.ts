// The typed contract between renderer and main: one interface per service, and the events main pushes.

import type { ImportSummary, LibraryHits, ProjectInfo, ReportRow, SearchHit } from '../models/library'
import type { JobSnapshot, JobSnapshotOf } from '../models/job'
import type { Checklist } from '../models/checklist'
import type { Annotation, AuditEntry, CarryOverResult, EditVia, OtherVersion, ItemVerdict, ItemVerdictRecord, NewAnnotation, OverallVerdict, ReportDetail, ReportReview } from '../models/review'
import type { UserSettings } from '../models/settings'
import type { ReportFormatOut } from '../models/export'
import type { LibraryList } from '../library-list'
import type { Roster, RosterCharts, RosterSettings, SubmissionFiles, Unit, UnitImportResult, UnitInput } from '../models/roster'
import type { CommonWording, ComparePair, ReportSimilarity, SharedPassage, SimilarityStatus } from '../models/similarity'
import type { BulkResult, BulkReview, LetterSettings } from '../models/letter'
import type { Rubric, RubricSummary, ScoreSheet } from '../models/rubric'

export interface ChecklistSummary {
  id: string
  name: { zh: string; en: string }
  /** Bundled with the app (read-only) or the project's own. */
  source: 'bundled' | 'project'
  /** The checklist the project's reports are checked against. */
  active: boolean
  items: Array<{ id: string; name: { zh: string; en: string }; short: { zh: string; en: string } }>
}

export interface ProjectsApi {
  current(): Promise<ProjectInfo>
  /** Creates an empty project file and continues in it. */
  create(file: string): Promise<ProjectInfo>
  open(file: string): Promise<ProjectInfo>
  /** Copies the project to `file` (consistent even while open) and continues in the copy. */
  saveAs(file: string): Promise<ProjectInfo>
  /** The same through the system file dialog; null when the reviewer cancels it. */
  pickAndCreate(): Promise<ProjectInfo | null>
  pickAndOpen(): Promise<ProjectInfo | null>
  pickAndSaveAs(): Promise<ProjectInfo | null>
  /** A consistent copy of the open project (a backup), even while it is in use; the app stays in this project. */
  saveCopy(file: string): Promise<string>
  pickAndSaveCopy(): Promise<string | null>
}

/** Options of the 审核意见 letters: drafts (初审稿) for unreviewed submissions, the worksheet as an appendix. */
export interface LetterExportOptions {
  reportIds: number[] | null
  formats: ReportFormatOut[]
  /** Also letters for received submissions without an overall verdict, marked 初审稿. */
  drafts?: boolean
  /** The internal worksheet (items, detected status, evidence) appended. */
  appendix?: boolean
  /** The roster year when reportIds is null (the review year when absent). */
  year?: number | null
}

export interface ExportApi {
  /**
   * The 审核意见 letters, one file per submission and format, into a folder: a job ('job:progress').
   * Reviewed submissions only unless drafts are asked; the submissions of the year's roster when
   * reportIds is null. The result names the submissions left out and why.
   */
  reports(opts: LetterExportOptions & { dir: string }): Promise<JobSnapshotOf<'export'>>
  pickAndExportReports(opts: LetterExportOptions): Promise<JobSnapshotOf<'export'> | null>
  /**
   * The year's 汇总表 (xlsx, csv) and 通报 (notice, Word), following the roster (only the units of the
   * given reports when reportIds is set), and the review data (json); returns the files written.
   */
  batch(opts: { reportIds: number[] | null; year?: number | null; xlsx?: string; csv?: string; json?: string; notice?: string }): Promise<string[]>
  pickAndExportBatch(kind: 'xlsx' | 'csv' | 'json' | 'notice', reportIds: number[] | null, year?: number | null): Promise<string | null>
  /** The reviewing body, 文号, notice and correction date the letters carry (per project). */
  letterSettings(): Promise<LetterSettings>
  updateLetterSettings(patch: Partial<LetterSettings>): Promise<LetterSettings>
}

/** Graded review (集中评议): the rubrics (bundled and the project's own), a report's score, the reviewer's points. */
export interface GradingApi {
  rubrics(): Promise<RubricSummary[]>
  get(id: string): Promise<Rubric>
  /** Saves one of the project's own rubrics (validated); bundled ones must be duplicated first. */
  save(rubric: Rubric): Promise<RubricSummary>
  /** A copy under a new id and name, not saved until `save` is called with it. */
  duplicate(id: string): Promise<Rubric>
  remove(id: string): Promise<void>
  importJson(text: string): Promise<Rubric>
  exportJson(id: string): Promise<string>
  /** Grades the project's reports with this rubric from now on (the reviewer's points on aspects it shares stay). */
  activate(id: string): Promise<RubricSummary>
  /** A report's score: the app's proposal per aspect, the reviewer's points and reasons, the total and grade. */
  sheet(reportId: number): Promise<ScoreSheet>
  /** Sets the reviewer's points on one aspect, with the reason (required); null returns it to the app's proposal. Audited. */
  setPoints(reportId: number, aspectId: string, points: number | null, reason: string, via?: EditVia): Promise<ScoreSheet>
}

export interface LibraryApi {
  /** Every report (file) in the project, one row each. */
  list(): Promise<ReportRow[]>
  /** One row per submission (a unit's report for a year, all its files and versions), through its latest version; compact (decodeLibraryList). */
  submissions(): Promise<LibraryList>
  /** Every file whose text holds every term of the query, and the submissions they belong to, counted exactly. */
  search(query: string): Promise<LibraryHits>
  /** Passages around the query's matches in these reports (the ones on screen), split so the hits can be marked as text. */
  snippets(query: string, ids: number[]): Promise<SearchHit[]>
}

export interface ImportsApi {
  /** Starts importing files and folders (recursively); progress arrives as 'job:progress' events. */
  start(paths: string[]): Promise<JobSnapshotOf<'import'>>
  /**
   * Fetches each address (a portal page, or a PDF or Word file linked directly) and imports it as a saved
   * page: the address, the time it was fetched and the server's Last-Modified are kept with the report.
   * The same job as a file import; an address that cannot be fetched is listed with the reason.
   */
  startUrls(urls: string[]): Promise<JobSnapshotOf<'import'>>
  /** The same for the report address of every roster unit that has one; each page goes to its unit. */
  startUnitPages(): Promise<JobSnapshotOf<'import'>>
  /**
   * 「仍然导入」: the files (or addresses) of a batch that were refused as not annual reports (`not-a-report`:
   * a 解读, a news item, a 工作要点 …), imported on purpose with the reason kept as a warning; all of them
   * when `files` is null. The same job as any import.
   */
  startNotReports(importId: number, files: string[] | null): Promise<JobSnapshotOf<'import'>>
  /** Imports the sample reports bundled with the app. */
  startSamples(): Promise<JobSnapshotOf<'import'>>
  /** Asks for files or a folder with the system dialog, then imports them; null when cancelled. */
  pickAndStart(kind: 'files' | 'folder'): Promise<JobSnapshotOf<'import'> | null>
  /** The summary of an import (the latest when no id is given): counts and every failed or duplicate file. */
  summary(importId?: number | null): Promise<ImportSummary | null>
  /** Saves the failed and duplicate files of a batch as a CSV table (file, outcome, code, reason); null when cancelled. */
  pickAndExportOutcomes(importId: number): Promise<string | null>
}

export interface JobsApi {
  list(): Promise<JobSnapshot[]>
  cancel(jobId: string): Promise<boolean>
}

export interface ChecklistsApi {
  list(): Promise<ChecklistSummary[]>
  get(id: string): Promise<Checklist>
  /** Saves one of the project's own checklists (validated); bundled ones must be duplicated first. */
  save(checklist: Checklist): Promise<ChecklistSummary>
  /** A copy under a new id and name, not saved until `save` is called with it (cancelling leaves nothing behind). */
  duplicate(id: string): Promise<Checklist>
  remove(id: string): Promise<void>
  importJson(text: string): Promise<Checklist>
  exportJson(id: string): Promise<string>
  /** Switches the project to this checklist and re-runs detection as a job ('job:progress'). */
  activate(id: string): Promise<JobSnapshotOf<'reanalyze'>>
}

/**
 * Every write takes an optional `via`: 'undo' or 'redo' when the change replays the reviewer's undo
 * history, so the audit trail tells an undo from an ordinary edit.
 */
export interface ReviewApi {
  open(reportId: number): Promise<ReportDetail>
  /** Sets or (with null) clears the reviewer's verdict on one item. */
  setItemVerdict(reportId: number, itemId: string, verdict: ItemVerdict | null, reason: string, via?: EditVia): Promise<ItemVerdictRecord[]>
  setOverall(reportId: number, overall: OverallVerdict | null, via?: EditVia): Promise<ReportReview>
  setOpinion(reportId: number, opinion: string, via?: EditVia): Promise<ReportReview>
  addAnnotation(reportId: number, annotation: NewAnnotation, via?: EditVia): Promise<Annotation>
  updateAnnotation(id: number, patch: { itemId?: string; comment?: string }, via?: EditVia): Promise<Annotation>
  deleteAnnotation(id: number, via?: EditVia): Promise<Annotation>
  /** Puts a deleted annotation back (undo of a delete), by its id: only what was stored comes back. */
  restoreAnnotation(annotationId: number, via?: EditVia): Promise<Annotation>
  auditTrail(reportId: number): Promise<AuditEntry[]>
  /** Other versions of this report (same issuer and year) that hold reviewer work. */
  versions(reportId: number): Promise<OtherVersion[]>
  /**
   * Brings the reviewer's work over from another version: item verdicts, the overall verdict and the
   * opinion (where this version has none yet) and the annotations, each passage re-found in this text.
   */
  carryOver(fromId: number, toId: number): Promise<CarryOverResult>
  /**
   * 「根据审核结果生成草稿」: the opinion made from the verdicts (the detected status where none) and the
   * findings, in the checklist's standard phrases, with the correction request. Returned, not saved:
   * the reviewer edits it and saves it as the opinion.
   */
  draftOpinion(reportId: number): Promise<string>
  /** The same overall verdict, item verdict or phrase on several reports at once (multi-select); every change audited. */
  bulk(opts: BulkReview): Promise<BulkResult>
}

/** The roster of units that must report, the review year, and who has reported. */
export interface RosterApi {
  /** The units with their submissions for the review year (or another year), what waits for a unit, the figures. */
  get(year?: number | null): Promise<Roster>
  /** Years the project holds reports for, and the review year. */
  years(): Promise<number[]>
  settings(): Promise<RosterSettings>
  updateSettings(patch: Partial<RosterSettings>): Promise<RosterSettings>
  units(): Promise<Unit[]>
  /** Adds a unit (no id) or changes one; reports waiting for a unit are matched again. */
  saveUnit(unit: UnitInput & { id?: number }): Promise<Unit>
  removeUnit(id: number): Promise<void>
  /** Units pasted as a list: one a line, or name, level and aliases separated by tabs. */
  importUnitsText(text: string): Promise<UnitImportResult>
  /** Units from an Excel or CSV sheet chosen in the file dialog; null when cancelled. */
  pickAndImportUnits(): Promise<UnitImportResult | null>
  /** Units made from the issuers of the reports that wait for one. */
  unitsFromIssuers(): Promise<UnitImportResult>
  /** Saves the roster template (an Excel sheet with the columns to fill in); null when cancelled. */
  pickAndExportTemplate(): Promise<string | null>
  /** Attaches a waiting submission to a unit; its issuer is remembered as the unit's alias. */
  assign(submissionId: number, unitId: number): Promise<void>
  /** A submission's files, version by version. */
  submission(submissionId: number): Promise<SubmissionFiles>
  /** Saves the list of units not reported or late (催报名单) as Excel; null when cancelled. */
  pickAndExportChaser(year?: number | null): Promise<string | null>
  /** What the roster view draws for a year: timeliness, the items failed most, the grade distribution. */
  charts(year?: number | null): Promise<RosterCharts>
}

/**
 * Copied text: each report against its unit's report of the year before and against the other units'
 * reports of its year. Computed as a job ('compare') after each import and on demand, and stored.
 */
export interface SimilarityApi {
  /** When the comparison was last made, whether the reports changed since, a comparison running now. */
  status(): Promise<SimilarityStatus>
  /** Compares the batch again, as a job ('job:progress'); a comparison already running is cancelled first. */
  run(): Promise<JobSnapshotOf<'compare'>>
  /** One report: its share copied from last year with the passages, the same-year reports sharing text, its findings. */
  report(reportId: number): Promise<ReportSimilarity>
  /** Two reports side by side with the passages they share (offsets into each text). */
  pair(reportId: number, otherId: number): Promise<ComparePair>
  /** Passages found in the reports of two or more units of one year (the review year when none is given), with the units. */
  shared(year?: number | null): Promise<SharedPassage[]>
  /** The standard wording not counted as copied: built in, added by a reviewer, learnt from the batch. */
  commonWording(): Promise<CommonWording[]>
  /** Adds a phrase to the standard wording (and compares again). */
  addCommonWording(phrase: string): Promise<CommonWording[]>
  /** Takes a phrase off the standard wording, whatever its source (and compares again). */
  removeCommonWording(phrase: string): Promise<CommonWording[]>
}

export interface SettingsApi {
  get(): Promise<UserSettings>
  update(patch: Partial<UserSettings>): Promise<UserSettings>
}

export interface AppApi {
  version(): Promise<string>
}

export interface Api {
  projects: ProjectsApi
  library: LibraryApi
  imports: ImportsApi
  jobs: JobsApi
  checklists: ChecklistsApi
  review: ReviewApi
  roster: RosterApi
  similarity: SimilarityApi
  exports: ExportApi
  grading: GradingApi
  settings: SettingsApi
  app: AppApi
}

/** Events main pushes to the renderer. */
export interface EventMap {
  'job:progress': JobSnapshot
  'project:changed': ProjectInfo
}
export type EventName = keyof EventMap
export const EVENT_NAMES: readonly EventName[] = ['job:progress', 'project:changed']

/** What the preload adds beside the service calls: events, and the path of a dropped file. */
export interface Bridge {
  on<K extends EventName>(event: K, listener: (payload: EventMap[K]) => void): () => void
  /** The file-system path of a File from a drop (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string
}

/** What crosses the boundary: a result envelope, turned back into a rejected promise by the preload. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
