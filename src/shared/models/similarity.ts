// Copied text: what a report shares with its unit's report of the year before and with other units'
// reports of the same year, the passages side by side, and the standard wording not counted.

import type { Block, Finding } from './report'

/** A passage two reports share: [start, end) in this report's extracted text, [otherStart, otherEnd) in the other's. */
export interface Passage {
  start: number
  end: number
  otherStart: number
  otherEnd: number
}

/** 'last-year': the same unit's report of the year before; 'same-year': another unit's report of the same year. */
export type SimilarityKind = 'last-year' | 'same-year'

/** Another report this one shares text with. */
export interface SimilarReport {
  kind: SimilarityKind
  reportId: number
  submissionId: number | null
  unit: string | null
  year: number | null
  title: string
  fileName: string
  /** Share (0–1) of this report's text found in the other, standard wording not counted. */
  share: number
  /** Share of the other report's text found in this one. */
  otherShare: number
  passages: Passage[]
}

/** One report's comparison with the batch. */
export interface ReportSimilarity {
  reportId: number
  year: number | null
  /** When the batch comparison was last made (null: never, or this report was not part of it). */
  computedAt: string | null
  /** The reports changed since (imports, units assigned): the figures may be out of date until the next run. */
  stale: boolean
  /** Share of the text copied from the unit's report of the year before; null when the project holds none. */
  copiedShare: number | null
  lastYear: SimilarReport | null
  /** Other units' reports of the same year sharing text, most shared first. */
  sameYear: SimilarReport[]
  /** Standard wording in this report's text (not counted as copied). */
  common: Array<{ start: number; end: number }>
  /** copied-from-last-year, shared-text and stale-year, with their places in the text. */
  findings: Finding[]
}

/** A report as the side-by-side view shows it. */
export interface CompareSide {
  reportId: number
  title: string
  unit: string | null
  year: number | null
  fileName: string
  text: string
  blocks: Block[]
  /** Standard wording in this text. */
  common: Array<{ start: number; end: number }>
}

/** Two reports side by side with the passages they share (offsets into each text). */
export interface ComparePair {
  kind: SimilarityKind
  report: CompareSide
  other: CompareSide
  share: number
  otherShare: number
  passages: Passage[]
  /** Years of the other report left in this one inside copied text (「2023年」 in a 2024 report). */
  staleYears: Array<{ start: number; end: number }>
}

/** A passage found in the reports of two or more units of the same year. */
export interface SharedPassage {
  year: number | null
  /** The passage as the longest of its copies reads. */
  text: string
  /** Normalised characters (no spaces or punctuation) of the longest copy. */
  chars: number
  reports: Array<{ reportId: number; unit: string | null; title: string; start: number; end: number }>
}

/** An entry of the standard wording not counted as copied. */
export interface CommonWording {
  phrase: string
  /** 'builtin': the app's list (formulas and the regulation's item names); 'reviewer': added by a reviewer; 'learned': found in many reports of the batch. */
  source: 'builtin' | 'reviewer' | 'learned'
  /** For learned wording: in how many reports of its year it was found. */
  reports: number | null
  year: number | null
}

/** Where the batch comparison stands. */
export interface SimilarityStatus {
  computedAt: string | null
  stale: boolean
  /** Reports compared at the last run. */
  reports: number
  /** A comparison job running now, if any. */
  jobId: string | null
}
