// Pinia store for imports: start one (drop, dialog, samples), follow its job, show its summary.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, bridge } from '../../api'
import type { JobSnapshot } from '../../../../shared/models/job'
import type { ImportSummary } from '../../../../shared/models/library'
import { feedback } from '../../components/common/feedback'
import { i18n } from '../../app/i18n'

export const useImportStore = defineStore('imports', () => {
  const job = ref<JobSnapshot | null>(null)
  const summary = ref<ImportSummary | null>(null)
  const cancelling = ref(false)
  /** Called when reports were added: while the job runs (throttled) and when it ends. */
  const listeners = new Set<() => void>()
  const running = computed(() => job.value?.state === 'running')

  let lastImported = 0
  let lastRefresh = 0
  bridge.on('job:progress', (s) => {
    if (s.kind !== 'import' || (job.value && s.id !== job.value.id && job.value.state === 'running')) return
    job.value = s
    const imported = s.counts.imported ?? 0
    // Reports appear in the library as they come in, at most about once a second.
    if (s.state === 'running' && imported !== lastImported && Date.now() - lastRefresh > 1000) {
      lastImported = imported
      lastRefresh = Date.now()
      notify()
    }
    if (s.state !== 'running') void finished(s)
  })

  function notify() {
    for (const l of listeners) l()
  }

  async function finished(s: JobSnapshot) {
    cancelling.value = false
    notify()
    if (s.state === 'failed') {
      feedback.error(new Error(s.error?.message ?? ''))
      return
    }
    const id = (s.result as { importId?: number } | null)?.importId
    summary.value = await api.imports.summary(id)
  }

  async function begin(start: () => Promise<JobSnapshot | null>) {
    if (running.value) {
      feedback.info(i18n.global.t('import.busy'))
      return
    }
    try {
      const s = await start()
      if (!s) return
      summary.value = null
      lastImported = 0
      // Events may have overtaken the answer; keep the newest.
      if (!job.value || job.value.id !== s.id) job.value = s
    } catch (e) {
      feedback.error(e)
    }
  }

  /** The summary of an import cut short by a crash, shown when the project opens. */
  async function loadLastSummary() {
    const s = await api.imports.summary()
    summary.value = s?.state === 'interrupted' ? s : null
  }

  return {
    job,
    summary,
    running,
    cancelling,
    onReportsAdded: (l: () => void) => listeners.add(l),
    importPaths: (paths: string[]) => begin(() => api.imports.start(paths)),
    importSamples: () => begin(() => api.imports.startSamples()),
    importUrls: (urls: string[]) => begin(() => api.imports.startUrls(urls)),
    importUnitPages: () => begin(() => api.imports.startUnitPages()),
    pick: (kind: 'files' | 'folder') => begin(() => api.imports.pickAndStart(kind)),
    async cancel() {
      if (!job.value) return
      cancelling.value = true
      await api.jobs.cancel(job.value.id)
    },
    dismissSummary() {
      summary.value = null
      if (job.value?.state !== 'running') job.value = null
    },
    loadLastSummary
  }
})
