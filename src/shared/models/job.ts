// Long work runs as a job: progress counts, cancellable, always finishes with a state.

export type JobKind = 'import' | 'reanalyze' | 'export'
export type JobState = 'running' | 'done' | 'cancelled' | 'failed'

export interface JobSnapshot {
  id: string
  kind: JobKind
  state: JobState
  /** Files (or reports) to process, once known. */
  total: number
  /** Processed so far, whatever the outcome. */
  done: number
  /** Named counts: for an import, read / imported / duplicates / failed. */
  counts: Record<string, number>
  /** The item in hand, for the progress line. */
  current: string | null
  startedAt: string
  finishedAt: string | null
  /** Why a job failed as a whole (individual file failures are counts, not job failure). */
  error: { code: string; message: string } | null
  /** Job-specific result once finished, e.g. the import id whose summary to show. */
  result: unknown
}
