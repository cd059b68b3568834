// Pinia store for the side-by-side comparison of one report: the reports sharing text with it (the
// unit's report of last year, other units' of the same year), the pair shown, the passage in focus,
// and the comparison job (re-run on demand; the open report and the library reload when it finishes).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api, bridge } from '../../api'
import type { JobSnapshot } from '../../../../shared/models/job'
import type { ComparePair, ReportSimilarity, SimilarReport } from '../../../../shared/models/similarity'
import { feedback } from '../../components/common/feedback'
import { useReviewStore } from '../review/store'
import { useLibraryStore } from '../library/store'

export const useCompareStore = defineStore('compare', () => {
  const reportId = ref<number | null>(null)
  const similarity = shallowRef<ReportSimilarity | null>(null)
  const otherId = ref<number | null>(null)
  const pair = shallowRef<ComparePair | null>(null)
  /** The passage in focus, an index into pair.passages. */
  const index = ref(0)
  const loading = ref(false)
  const job = ref<JobSnapshot | null>(null)

  const others = computed<SimilarReport[]>(() => (similarity.value ? [...(similarity.value.lastYear ? [similarity.value.lastYear] : []), ...similarity.value.sameYear] : []))
  const passage = computed(() => pair.value?.passages[index.value] ?? null)
  const running = computed(() => job.value?.state === 'running')

  bridge.on('job:progress', (s) => {
    if (s.kind !== 'compare') return
    job.value = s
    if (s.state === 'done') {
      // New results: the comparison shown, the open report's findings, the library's badges.
      if (reportId.value !== null) void open(reportId.value, otherId.value)
      const review = useReviewStore()
      if (review.reportId !== null) void review.reload()
      const library = useLibraryStore()
      if (library.loaded) void library.refresh()
    } else if (s.state === 'failed') feedback.error(new Error(s.error?.message ?? ''))
  })

  /** Loads a report's comparison and shows the pair with `preferred` (else last year's report, else the most similar). */
  async function open(id: number, preferred?: number | null) {
    loading.value = true
    try {
      const s = await api.similarity.report(id)
      reportId.value = id
      similarity.value = s
      const choice = others.value.find((o) => o.reportId === preferred) ?? others.value[0] ?? null
      await select(choice?.reportId ?? null)
    } catch (e) {
      feedback.error(e)
    } finally {
      loading.value = false
    }
  }

  async function select(other: number | null) {
    otherId.value = other
    index.value = 0
    if (other === null || reportId.value === null) {
      pair.value = null
      return
    }
    try {
      pair.value = await api.similarity.pair(reportId.value, other)
    } catch (e) {
      pair.value = null
      feedback.error(e)
    }
  }

  function step(delta: number) {
    const n = pair.value?.passages.length ?? 0
    if (n) index.value = Math.min(n - 1, Math.max(0, index.value + delta))
  }

  function go(i: number) {
    const n = pair.value?.passages.length ?? 0
    if (i >= 0 && i < n) index.value = i
  }

  async function run() {
    try {
      job.value = await api.similarity.run()
    } catch (e) {
      feedback.error(e)
    }
  }

  function close() {
    reportId.value = null
    similarity.value = null
    pair.value = null
    otherId.value = null
  }

  return { reportId, similarity, others, otherId, pair, index, passage, loading, job, running, open, select, step, go, run, close }
})
