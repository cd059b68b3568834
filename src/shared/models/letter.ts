// What the reviewing body sends: its name, the 文号 and the notice the review follows, set once per
// project, and the results of writing letters.

import type { ItemVerdict, OverallVerdict } from './review'

export interface LetterSettings {
  /** The reviewing body (审核机关) that signs the letters, the 汇总表 and the 通报: 「某某县司法局」. */
  body: string
  /**
   * The 文号 printed on each letter, optional. `{n}` stands for the unit's number on the roster, so
   * 「某司函〔2025〕{n}号」 gives each letter its own; without it every letter carries the same.
   */
  docNumber: string
  /** The notice the units reported under, named in the letters' basis: 《关于做好…的通知》. Optional. */
  notice: string
  /** The date by which corrections are due (YYYY-MM-DD); null: 「收到本意见之日起15个工作日内」. */
  correctBy: string | null
}

export const DEFAULT_LETTER_SETTINGS: LetterSettings = { body: '', docNumber: '', notice: '', correctBy: null }

/** A letter not written, and why (not reviewed yet, no unit to address it to). */
export interface SkippedLetter {
  name: string
  reason: string
}

/** Several submissions given the same verdict or phrase at once (multi-select in the library). */
export interface BulkReview {
  reportIds: number[]
  overall?: OverallVerdict | null
  item?: { itemId: string; verdict: ItemVerdict | null; reason?: string }
  /** Appended to each opinion as a paragraph of its own (never replacing what is there). */
  appendPhrase?: string
}

export interface BulkResult {
  /** Reports whose stored work changed. */
  changed: number
  /** Reports left alone, and why. */
  skipped: Array<{ reportId: number; reason: string }>
}
