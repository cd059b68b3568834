// What the library shows: one row per stored report, search hits, the open project, import summaries.

import type { FindingCode, ItemStatus, ReportFormat, ReportLevel, Severity } from './report'

export interface ReportRow {
  id: number
  fileName: string
  format: ReportFormat
  sizeBytes: number
  importedAt: string
  title: string | null
  issuer: string | null
  level: ReportLevel | null
  year: number | null
  published: string | null
  checklistId: string
  items: Array<{ id: string; status: ItemStatus; score: number }>
  /** 0–100: present items count fully, partial ones half. */
  completeness: number
  findings: Array<{ code: FindingCode; severity: Severity; message: string }>
}

/** A search hit: the report and a few passages around the matches, split so the renderer can mark them as text. */
export interface SearchHit {
  id: number
  /** Matches found, counted up to what the passages need. */
  count: number
  snippets: Array<Array<{ text: string; hit: boolean }>>
}

/** What a full-text search found: every file holding the query, and the submissions they belong to. */
export interface LibraryHits {
  /** Submissions with a file holding every term (the library's rows), counted exactly. */
  total: number
  /** The files (reports) holding every term, in id order. */
  ids: number[]
  /** Each submission hit, with the first of its files that holds the query (for its passages). */
  submissions: Array<{ submissionId: number; reportId: number }>
}

export interface ProjectInfo {
  file: string
  name: string
  isDefault: boolean
  /** The reports the library lists: one per submission (a unit's report of a year, however many files). */
  reportCount: number
  /** The files imported (a submission may have several formats and versions). */
  fileCount: number
  /** Why the project can only be read and exported (a read-only file or place, a full disk); absent when it can be written. */
  readOnly?: string | null
  /** Where the audit trail's hash chain breaks (an entry changed or removed behind the app's back); absent when it holds. */
  auditBroken?: string | null
  /** Why no project is open (the file could not be opened): the app starts without one and says so. */
  unavailable?: string | null
}

export interface ImportOutcome {
  file: string
  kind: 'failed' | 'duplicate'
  code: string
  message: string
}

/** What a batch was made of: files and folders, or addresses fetched (「从网址导入」). */
export type ImportSource = 'files' | 'urls'

export interface ImportSummary {
  id: number
  state: 'running' | 'done' | 'cancelled' | 'interrupted'
  startedAt: string
  finishedAt: string | null
  total: number
  imported: number
  duplicates: number
  failed: number
  outcomes: ImportOutcome[]
  /** Files or addresses: what `total` counts (absent in summaries made before it was recorded: files). */
  source?: ImportSource
  /** Why the batch stopped before its end (the project could not be written: disk full, read-only). */
  stopReason?: string | null
}
