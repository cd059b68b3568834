// Pinia store for long work (imports, re-analysis, exports): the one subscription to 'job:progress',
// the jobs the window shows, cancelling any of them, and telling each feature when its own job ends.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, bridge } from '../../api'
import type { JobKind, JobSnapshot, JobSnapshotOf } from '../../../../shared/models/job'
import { feedback } from '../../components/common/feedback'

import { newer } from './snapshot'

type Listener<K extends JobKind> = (job: JobSnapshotOf<K>) => void

export const useJobsStore = defineStore('jobs', () => {
  /** Every job this window has heard of, by id (the newest snapshot of each). */
  const jobs = ref<Record<string, JobSnapshot>>({})
  /** Jobs asked to stop that have not finished yet. */
  const cancelling = ref<Record<string, true>>({})
  const progressListeners = new Set<{ kind: JobKind; fn: Listener<JobKind> }>()
  const endListeners = new Set<{ kind: JobKind; fn: Listener<JobKind> }>()

  /** Running jobs, oldest first: what the progress area shows. */
  const running = computed(() =>
    Object.values(jobs.value)
      .filter((j) => j.state === 'running')
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
  )
  /** Work that holds the project (import, re-analysis, export): another cannot start meanwhile. */
  const busy = computed(() => running.value.length > 0)

  /** Takes in a snapshot (an event, or the answer of the call that started the job); events may overtake answers. */
  function track(s: JobSnapshot) {
    const old = jobs.value[s.id]
    const next = old ? newer(old, s) : s
    if (next === old) return
    jobs.value[s.id] = next
    for (const l of progressListeners) if (l.kind === next.kind) l.fn(next)
    if (next.state !== 'running' && (!old || old.state === 'running')) {
      delete cancelling.value[next.id]
      for (const l of endListeners) if (l.kind === next.kind) l.fn(next)
    }
  }

  bridge.on('job:progress', track)

  /** Jobs already running when the window (re)loads: they are shown and can be cancelled too. */
  async function load() {
    for (const j of await api.jobs.list()) if (j.state === 'running') track(j)
  }

  async function cancel(id: string) {
    if (jobs.value[id]?.state !== 'running') return
    cancelling.value[id] = true
    try {
      // false: it finished meanwhile; its final event is on its way
      await api.jobs.cancel(id)
    } catch (e) {
      delete cancelling.value[id]
      feedback.error(e)
    }
  }

  /** The newest job of a kind, running or not. */
  function latest<K extends JobKind>(kind: K): JobSnapshotOf<K> | null {
    let best: JobSnapshot | null = null
    for (const j of Object.values(jobs.value)) if (j.kind === kind && (!best || j.startedAt > best.startedAt)) best = j
    return best as JobSnapshotOf<K> | null
  }

  function on<K extends JobKind>(set: typeof endListeners, kind: K, fn: Listener<K>): () => void {
    const entry = { kind, fn: fn as Listener<JobKind> }
    set.add(entry)
    return () => set.delete(entry)
  }

  return {
    jobs,
    cancelling,
    running,
    busy,
    track,
    load,
    cancel,
    latest,
    isRunning: (kind: JobKind) => running.value.some((j) => j.kind === kind),
    /** Called with each new snapshot of a job of this kind (the final one too, before `onEnd`). */
    onProgress: <K extends JobKind>(kind: K, fn: Listener<K>) => on(progressListeners, kind, fn),
    /** Called once when a job of this kind finishes (done, cancelled or failed). */
    onEnd: <K extends JobKind>(kind: K, fn: Listener<K>) => on(endListeners, kind, fn)
  }
})
