// Runs long work as jobs: progress pushed at most every ~100 ms, cancellation through an AbortSignal,
// and a final state whatever happens. No electron: events go to whatever sink the host provides.

import { randomUUID } from 'node:crypto'
import type { JobKind, JobSnapshot } from '../../shared/models/job'
import { toErrorInfo } from '../../shared/errors'

export interface JobContext {
  readonly signal: AbortSignal
  /** Merges a change into the job's snapshot; listeners hear of it at most every `intervalMs`. */
  update(patch: Partial<Pick<JobSnapshot, 'total' | 'done' | 'current'>> & { counts?: Record<string, number> }): void
}

export type JobListener = (snapshot: JobSnapshot) => void

export class JobManager {
  private readonly jobs = new Map<string, { snapshot: JobSnapshot; controller: AbortController; finished: Promise<JobSnapshot> }>()
  private readonly listeners = new Set<JobListener>()

  constructor(private readonly intervalMs = 100) {}

  onProgress(listener: JobListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  start(kind: JobKind, work: (ctx: JobContext) => Promise<unknown>): JobSnapshot {
    const controller = new AbortController()
    const snapshot: JobSnapshot = {
      id: randomUUID(),
      kind,
      state: 'running',
      total: 0,
      done: 0,
      counts: {},
      current: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
      result: null
    }
    let lastEmit = 0
    let timer: NodeJS.Timeout | null = null
    const emit = () => {
      if (timer) clearTimeout(timer)
      timer = null
      lastEmit = Date.now()
      const copy = structuredClone(snapshot)
      for (const l of this.listeners) l(copy)
    }
    const ctx: JobContext = {
      signal: controller.signal,
      update: (patch) => {
        const { counts, ...rest } = patch
        Object.assign(snapshot, rest)
        if (counts) Object.assign(snapshot.counts, counts)
        const wait = this.intervalMs - (Date.now() - lastEmit)
        if (wait <= 0) emit()
        else timer ??= setTimeout(emit, wait)
      }
    }
    const finished = (async () => {
      try {
        snapshot.result = (await work(ctx)) ?? null
        snapshot.state = controller.signal.aborted ? 'cancelled' : 'done'
      } catch (e) {
        snapshot.state = controller.signal.aborted ? 'cancelled' : 'failed'
        if (snapshot.state === 'failed') snapshot.error = toErrorInfo(e)
      }
      snapshot.current = null
      snapshot.finishedAt = new Date().toISOString()
      emit()
      return structuredClone(snapshot)
    })()
    this.jobs.set(snapshot.id, { snapshot, controller, finished })
    emit()
    return structuredClone(snapshot)
  }

  get(id: string): JobSnapshot | null {
    const j = this.jobs.get(id)
    return j ? structuredClone(j.snapshot) : null
  }

  list(): JobSnapshot[] {
    return [...this.jobs.values()].map((j) => structuredClone(j.snapshot))
  }

  /** Asks a job to stop; it finishes the item in hand and ends as 'cancelled'. */
  cancel(id: string): boolean {
    const j = this.jobs.get(id)
    if (!j || j.snapshot.state !== 'running') return false
    j.controller.abort()
    return true
  }

  /** Resolves when the job has finished, with its final snapshot. */
  wait(id: string): Promise<JobSnapshot> {
    const j = this.jobs.get(id)
    if (!j) return Promise.reject(new Error(`no job ${id}`))
    return j.finished
  }

  running(): JobSnapshot[] {
    return this.list().filter((j) => j.state === 'running')
  }
}
