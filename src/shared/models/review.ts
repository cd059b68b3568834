// The reviewer's work on a report: verdicts per item, the overall verdict and opinion, annotations,
// and the audit trail of every change.

import type { Analysis, Block } from './report'
import type { ReportRow } from './library'
import type { SubmissionFiles } from './roster'
import type { PageSource } from './roster'

export type ItemVerdict = 'meets' | 'partial' | 'missing' | 'not-applicable'
export type OverallVerdict = 'pass' | 'revise' | 'fail'

export const ITEM_VERDICTS: readonly ItemVerdict[] = ['meets', 'partial', 'missing', 'not-applicable']
export const OVERALL_VERDICTS: readonly OverallVerdict[] = ['pass', 'revise', 'fail']

export interface ItemVerdictRecord {
  itemId: string
  verdict: ItemVerdict
  reason: string
  updatedAt: string
}

/** Where a passage is: offsets into the report text, plus the quote and its context to re-find it. */
export interface Anchor {
  start: number
  end: number
  quote: string
  prefix: string
  suffix: string
}

export interface Annotation extends Anchor {
  id: number
  reportId: number
  itemId: string
  comment: string
  createdAt: string
  updatedAt: string
  /** False when the quote could not be found in the current text (shown, not highlighted). */
  anchored: boolean
}

export interface NewAnnotation {
  itemId: string
  start: number
  end: number
  comment?: string
}

/** How a change came about, when not an ordinary edit: replaying the reviewer's undo history. */
export type EditVia = 'undo' | 'redo'
export const EDIT_VIAS: readonly EditVia[] = ['undo', 'redo']

export interface AuditEntry {
  id: number
  reportId: number
  at: string
  reviewer: string
  /** e.g. 'item-verdict', 'overall', 'opinion', 'annotation-add', 'annotation-edit', 'annotation-delete' */
  action: string
  /** What changed: an item id, an annotation id, or 'report'. */
  target: string
  oldValue: string | null
  newValue: string | null
  /** Set when the change was an undo or a redo. */
  via: EditVia | null
  /** The entry's link in the audit trail's hash chain (store/audit-chain.ts). */
  hash?: string | null
}

export interface ReportReview {
  overall: OverallVerdict | null
  opinion: string
  updatedAt: string | null
}

/** Everything the review workspace shows for one report. */
export interface ReportDetail {
  row: ReportRow
  text: string
  blocks: Block[]
  warnings: string[]
  /** The file's analysis; its findings are followed by those of comparing it with the batch (copied or shared text). */
  analysis: Analysis
  verdicts: ItemVerdictRecord[]
  review: ReportReview
  annotations: Annotation[]
  /** The submission this file belongs to (its unit, year, and every version and file), with this file's version. */
  submission: (SubmissionFiles & { version: number }) | null
  /** The portal pages of this report's submission (this file or another format of it), earliest fetched first. */
  pages: PageSource[]
}

/** Another report of the same issuer and year that holds reviewer work (an earlier or corrected version). */
export interface OtherVersion {
  id: number
  fileName: string
  importedAt: string
  annotations: number
  verdicts: number
}

/** What 「带入批注和结论」 brought over from another version. */
export interface CarryOverResult {
  verdicts: number
  annotations: number
  /** The overall verdict was brought over (this version had none). */
  overall: boolean
  /** The opinion was brought over (this version's was empty). */
  opinion: boolean
  /** Quotes of annotations whose passage is not in this version's text. */
  notFound: string[]
}
