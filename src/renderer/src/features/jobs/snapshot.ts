// Pure helpers over job snapshots: which of two is newer, how far along one is.
import type { JobSnapshot } from '../../../../shared/models/job'

/** Which of two snapshots of one job is newer: a finished one beats a running one, then the further along. */
export function newer(a: JobSnapshot, b: JobSnapshot): JobSnapshot {
  if ((a.state === 'running') !== (b.state === 'running')) return a.state === 'running' ? b : a
  return b.done >= a.done ? b : a
}

/** 0–100, for the progress bar; 0 until the total is known. */
export function percent(j: Pick<JobSnapshot, 'done' | 'total'>): number {
  return j.total > 0 ? Math.min(100, Math.round((j.done / j.total) * 100)) : 0
}
