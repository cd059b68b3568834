// Runs long work as jobs: progress pushed at most every ~100 ms, cancellation through an AbortSignal,
// a final state whatever happens, and one exclusive lock for work that writes to the project.
// No electron: events go to whatever sink the host provides.

import { randomUUID } from 'node:crypto'
import { AppError, toErrorInfo } from '../../shared/errors'
import type { JobKind, JobResults, JobSnapshot, JobSnapshotOf } from '../../shared/models/job'

export interface JobContext {
  readonly signal: AbortSignal
  /** Merges a change into the job's snapshot; listeners hear of it at most every `intervalMs`. */
  update(patch: Partial<Pick<JobSnapshot, 'total' | 'done' | 'current'>> & { counts?: Record<string, number> }): void
}

export type JobListener = (snapshot: JobSnapshot) => void

export interface StartOptions {
  /**
   * The job writes to (or reads throughout) the open project: no other exclusive job may start and the
   * project may not be switched or closed under it until it has finished.
   */
  exclusive?: boolean
}

interface Entry {
  snapshot: JobSnapshot
  controller: AbortController
  finished: Promise<JobSnapshot>
  exclusive: boolean
}

const KIND_NAMES: Record<JobKind, string> = { import: '导入', reanalyze: '重新检测', export: '导出', compare: '比对文字' }

export class JobManager {
  private readonly jobs = new Map<string, Entry>()
  private readonly listeners = new Set<JobListener>()

  constructor(private readonly intervalMs = 100) {}

  onProgress(listener: JobListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Why exclusive work cannot start now (a sentence for the reviewer), or null when it can. */
  busyReason(): string | null {
    const j = [...this.jobs.values()].find((e) => e.exclusive && e.snapshot.state === 'running')
    return j ? `正在${KIND_NAMES[j.snapshot.kind]}，请等它完成或取消后再试。` : null
  }

  /** Throws the busy reason when exclusive work is running. */
  assertIdle(): void {
    const why = this.busyReason()
    if (why) throw new AppError('busy', why)
  }

  start<K extends JobKind>(kind: K, work: (ctx: JobContext) => Promise<JobResults[K]>, opts: StartOptions = {}): JobSnapshotOf<K> {
    const exclusive = opts.exclusive ?? false
    if (exclusive) this.assertIdle()
    const controller = new AbortController()
    const snapshot: JobSnapshotOf<K> = {
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
      const copy = structuredClone(snapshot) as JobSnapshot
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
    // The entry is registered before the work starts, so the lock holds from the first await on.
    let settle!: (s: JobSnapshot) => void
    const finished = new Promise<JobSnapshot>((r) => (settle = r))
    this.jobs.set(snapshot.id, { snapshot: snapshot as JobSnapshot, controller, finished, exclusive })
    emit()
    void (async () => {
      try {
        snapshot.result = await work(ctx)
        snapshot.state = controller.signal.aborted ? 'cancelled' : 'done'
      } catch (e) {
        snapshot.state = controller.signal.aborted ? 'cancelled' : 'failed'
        if (snapshot.state === 'failed') snapshot.error = toErrorInfo(e)
      }
      snapshot.current = null
      snapshot.finishedAt = new Date().toISOString()
      emit()
      settle(structuredClone(snapshot) as JobSnapshot)
    })()
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

  /** Cancels every running job and waits until all have finished (closing a project, quitting). */
  async cancelAll(): Promise<void> {
    for (const j of this.jobs.values()) if (j.snapshot.state === 'running') j.controller.abort()
    await Promise.allSettled([...this.jobs.values()].map((j) => j.finished))
  }
}
