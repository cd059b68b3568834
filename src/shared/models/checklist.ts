// A checklist defined as data (resources/checklists/*.json), editable without code.

import type { SectionRole } from './report'

export interface Term {
  /** A literal phrase, or a regular expression when it starts and ends with '/'. */
  term: string
  weight: number
}

export interface ChecklistItem {
  id: string
  name: { zh: string; en: string }
  /** A column-width label for tables; the name is used when absent. */
  short?: { zh: string; en: string }
  /** Which part of the report counts as evidence. */
  scope: Exclude<SectionRole, 'preamble' | 'closing'> | 'any'
  /** Heading phrasings (regular expressions over normalized text). */
  headings: string[]
  /** Body vocabulary with weights. */
  vocabulary: Term[]
  /** Score needed for 'present' and for 'partial'. */
  thresholds: { present: number; partial: number }
  /** Weight of the item in the completeness score. */
  weight: number
  /** Optional items ('other matters') are never reported missing as a fault. */
  optional?: boolean
  /** Standard sentences for the review opinion when the item is not met (the app's own when absent). */
  phrases?: ItemPhrases
}

/**
 * Sentences the opinion draft is made of. Placeholders: {item} the item's name, {published} the
 * publication date, {deadline} the deadline, {days} days late, {message} the finding as detected.
 */
export interface ItemPhrases {
  missing?: string
  partial?: string
}

export interface ChecklistPhrases {
  /** Per finding code (late-publication, no-causes, …). */
  findings?: Record<string, string>
}

export interface ChecklistFindingsConfig {
  /** Fewer quantified statements than this in the work part raises few-figures. */
  minFigures: number
  /** Month and day (MM-DD) of the following year by which the report must be public. */
  publishBy: string
  /** Share of the text (0–1) found word for word in the unit's report of the year before that raises copied-from-last-year; 0.3 when absent. */
  copyShare?: number
  /** Characters of text shared with another unit's report of the same year that raise shared-text; 100 when absent. */
  sharedMinChars?: number
}

export interface Checklist {
  id: string
  name: { zh: string; en: string }
  description?: string
  version: number
  items: ChecklistItem[]
  findings: ChecklistFindingsConfig
  /** Standard sentences for the findings (optional: older checklist files have none). */
  phrases?: ChecklistPhrases
}
