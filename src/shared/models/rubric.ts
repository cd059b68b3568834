// A scoring rubric for graded review (集中评议) as data (resources/rubrics/*.json): the aspects a report
// is scored on, their maximum points, how the app proposes points, and the grade bands.

export type Grade = 'excellent' | 'good' | 'fair' | 'poor'
export const GRADES: readonly Grade[] = ['excellent', 'good', 'fair', 'poor']

/** Where the parts of a report come from, for an aspect scored on the items of one part. */
export type ItemScope = 'work' | 'shortcomings' | 'plans' | 'other' | 'any'

/** How the app proposes an aspect's points from the detection, the reviewer's verdicts and the findings. */
export type AspectBasis =
  /** The share of the checklist's required items met (the reviewer's verdict, else the detected status), by weight. */
  | { kind: 'items' }
  /** The items of one part of the report (the shortcomings, the plans); each finding listed halves the points. */
  | { kind: 'scope'; scope: ItemScope; findings?: string[] }
  /** Quantified statements in the account of the year's work: full points at `target`. */
  | { kind: 'figures'; target: number }
  /** Full points when published by the deadline, falling to none at `zeroAfterDays` days late. */
  | { kind: 'timeliness'; zeroAfterDays: number }
  /** Title, issuer, year and publication date identified, and the years consistent. */
  | { kind: 'format' }
  /** No proposal: the reviewer scores it. */
  | { kind: 'manual' }

export interface RubricAspect {
  id: string
  name: { zh: string; en: string }
  /** What the aspect asks for, shown beside it. */
  description?: string
  max: number
  basis: AspectBasis
}

export interface Rubric {
  id: string
  name: { zh: string; en: string }
  description?: string
  version: number
  aspects: RubricAspect[]
  /** The lowest total of each grade (of the sum of the aspects' maxima); poor starts at 0. */
  grades: Record<Grade, number>
}

/** One aspect of a report's score: what the app proposes and what the reviewer set. */
export interface AspectScore {
  id: string
  name: string
  max: number
  /** What the app proposes; null when the aspect is scored by hand only. */
  proposed: number | null
  /** How the proposal was reached, in a sentence. */
  why: string
  /** The points counted: the reviewer's where set, else the proposal (0 when there is none). */
  points: number
  /** The reviewer's own points, with the reason given. */
  adjusted: { points: number; reason: string; at: string } | null
}

export interface ScoreSheet {
  reportId: number
  rubricId: string
  rubricName: string
  aspects: AspectScore[]
  total: number
  max: number
  grade: Grade
  /** No aspect was set by the reviewer and no overall verdict given: the total is the app's proposal. */
  proposed: boolean
}

/** What the bundled and the project's rubrics look like in a list. */
export interface RubricSummary {
  id: string
  name: { zh: string; en: string }
  source: 'bundled' | 'project'
  active: boolean
  max: number
}
