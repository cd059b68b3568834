// Long work runs as a job: progress counts, cancellable, always finishes with a state.

export type JobKind = 'import' | 'reanalyze' | 'export' | 'compare'
export const JOB_KINDS: readonly JobKind[] = ['import', 'reanalyze', 'export', 'compare']
export type JobState = 'running' | 'done' | 'cancelled' | 'failed'

/** What each kind of job returns when it finishes. */
export interface JobResults {
  /** The import batch whose summary to show. */
  import: { importId: number }
  /** The checklist the project was switched to. */
  reanalyze: { checklistId: string }
  /** 审核意见 letters written into a folder, the ones that could not be, and the submissions left out (not reviewed, no unit) with the reason. */
  export: { dir: string; files: string[]; failed: Array<{ file: string; message: string }>; skipped?: Array<{ name: string; reason: string }> }
  /** The batch comparison (copied and shared text): reports compared, pairs sharing text, when. */
  compare: { reports: number; pairs: number; computedAt: string }
}

/** A job's state as the window sees it; `result` is typed by `kind`. */
export type JobSnapshot = { [K in JobKind]: JobSnapshotOf<K> }[JobKind]

export interface JobSnapshotOf<K extends JobKind> {
  id: string
  kind: K
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
  /** The job's result once it is done (null while running, and when cancelled or failed before a result). */
  result: JobResults[K] | null
}
