// The roster: the units that must report, their submissions for a review year, and how far the
// reviewer has come with them.

import type { FindingCode, ItemStatus, ReportFormat, ReportLevel } from './report'
import type { ItemVerdict, OverallVerdict } from './review'
import type { Grade } from './rubric'

/** A unit expected to report (报送单位); kept across years. */
export interface Unit {
  id: number
  name: string
  level: ReportLevel | null
  aliases: string[]
  parentId: number | null
  contact: string
  /** The page on the unit's portal where its report is published, when known. */
  url: string | null
  position: number
}

export interface UnitInput {
  name: string
  level?: ReportLevel | null
  aliases?: string[]
  parentId?: number | null
  contact?: string
  url?: string | null
}

/** 未审 / 审核中 (some verdicts or notes, no overall verdict yet) / 已审 (an overall verdict given). */
export type ReviewState = 'unreviewed' | 'in-progress' | 'reviewed'
export const REVIEW_STATES: readonly ReviewState[] = ['unreviewed', 'in-progress', 'reviewed']

/** The project's review year and its deadlines. */
export interface RosterSettings {
  /** The year the reports under review cover (reports for 2024 are published in 2025). */
  reviewYear: number
  /** The reviewer set the year (else it is the year most reports cover): the library then shows that year first. */
  reviewYearSet?: boolean
  /** MM-DD of the following year by which a report must be public (《规定》: 4月1日). */
  publishBy: string
  /** MM-DD of the following year by which a department submits to its government (3月1日). */
  submitBy: string
}

/** A report read from its portal address: where it was public and when that was seen. */
export interface PageSource {
  /** The file (report) the page became. */
  reportId: number
  /** The address asked for (the roster's or the reviewer's). */
  url: string
  /** Where redirects ended, when elsewhere. */
  finalUrl: string | null
  /** When the page was fetched (ISO time). */
  fetchedAt: string
  /** The server's Last-Modified (ISO time), when it sent one: often the time of the last edit, not of publication. */
  lastModified: string | null
  /** The publication date the page itself shows (发布时间, YYYY-MM-DD), when it shows one. */
  published: string | null
}

/** One unit of the roster with its submission for the review year. */
export interface RosterRow {
  unitId: number
  unit: string
  level: ReportLevel | null
  contact: string
  submitted: boolean
  submissionId: number | null
  /** The file the workspace opens for this submission (the latest version), when there is one. */
  reportId: number | null
  files: number
  versions: number
  /** When the first file of the submission reached the project (YYYY-MM-DD). */
  received: string | null
  /**
   * Days a department's submission came after its deadline (3月1日); 0 on time; null when not a department,
   * nothing received, or imported outside the collection year (the import date then says nothing).
   */
  receivedLate: number | null
  /** The earliest publication date shown by any of its files (YYYY-MM-DD). */
  published: string | null
  /** Days after the deadline it was published; 0 on time, null when the date is unknown. */
  daysLate: number | null
  /** The portal page the report was fetched from (the earliest fetched of the submission's pages), when any. */
  pageUrl: string | null
  /** When that page was fetched (ISO time). */
  pageFetchedAt: string | null
  /** The publication date that page shows, when it shows one. */
  pagePublished: string | null
  review: ReviewState
  verdict: OverallVerdict | null
  reviewer: string | null
}

/** A submission that could not be attached to a unit with confidence (待归属). */
export interface UnassignedRow {
  submissionId: number
  reportId: number
  year: number | null
  issuer: string | null
  title: string
  files: Array<{ reportId: number; fileName: string }>
}

export interface RosterFigures {
  units: number
  submitted: number
  /** Submitted and published by the deadline. */
  onTime: number
  /** Submitted and published after the deadline. */
  late: number
  reviewed: number
  /** Reviewed with the overall verdict 通过. */
  passed: number
}

export interface Roster {
  year: number
  settings: RosterSettings
  units: RosterRow[]
  unassigned: UnassignedRow[]
  figures: RosterFigures
}

/** An item's tag in the library: the reviewer's verdict where set, the detected status otherwise. */
export interface ItemTag {
  id: string
  status: ItemStatus
  verdict: ItemVerdict | null
}

/** One row of the library: a submission, shown through the file of its latest version. */
export interface SubmissionRow {
  /** The report (file) the workspace opens. */
  id: number
  submissionId: number
  unitId: number | null
  unit: string | null
  /** Never empty: made from the unit (or issuer) and year when the text gives no title. */
  title: string
  titleMade: boolean
  issuer: string | null
  level: ReportLevel | null
  year: number | null
  published: string | null
  daysLate: number | null
  format: ReportFormat
  fileName: string
  importedAt: string
  files: number
  versions: number
  checklistId: string
  items: ItemTag[]
  completeness: number
  /** The file's own findings, then those of comparing it with the batch (copied or shared text). */
  findings: FindingCode[]
  /** Share (0–1) of the text copied from the unit's report of the year before (沿用上年); null when the project holds none or it is not compared yet. */
  copiedShare: number | null
  review: ReviewState
  verdict: OverallVerdict | null
  reviewer: string | null
  /** The graded review's total under the project's rubric (null when not scored), and its grade. */
  score: number | null
  grade: Grade | null
  /** The score is the app's proposal: the reviewer has set no points and given no overall verdict yet. */
  scoreProposed: boolean
}

/** What the roster view draws: timeliness, the items failed most, the grade distribution. */
export interface RosterCharts {
  year: number
  /** Units by how their report came: 按时公开, 逾期 1–7 天, 8–30 天, 30 天以上, 未见公开日期, 未报送. */
  timeliness: Array<{ key: 'on-time' | 'late-7' | 'late-30' | 'late-more' | 'unknown' | 'missing'; label: string; count: number }>
  /** Checklist items by how many submitted units fall short on them (the reviewer's verdict, else detected). */
  itemsFailed: Array<{ id: string; name: string; count: number; byReviewer: number }>
  /** Submitted units per grade; 未评分 when there is no rubric score. */
  grades: Array<{ grade: Grade | null; label: string; count: number }>
}

/** The files of a submission, version by version, for the workspace header and older versions. */
export interface SubmissionFiles {
  submissionId: number
  unitId: number | null
  unit: string | null
  year: number | null
  versions: Array<{ version: number; files: Array<{ reportId: number; fileName: string; format: ReportFormat; importedAt: string }> }>
}

/** What importing a roster (a sheet, a pasted list, the issuers) did. */
export interface UnitImportResult {
  added: number
  updated: number
  /** Submissions that waited for a unit and found theirs. */
  attached: number
  /** Rows that were not taken, or taken with a doubt, and why (row 0: not tied to one row). */
  problems: Array<{ row: number; reason: string }>
}
