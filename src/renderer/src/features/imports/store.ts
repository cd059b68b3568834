// Pinia store for imports: start one (drop, dialog, samples), and once its job ends show its summary;
// copy or save the list of files that were not imported.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../../api'
import type { JobSnapshotOf } from '../../../../shared/models/job'
import type { ImportSummary } from '../../../../shared/models/library'
import { feedback } from '../../components/common/feedback'
import { i18n } from '../../app/i18n'
import { useJobsStore } from '../jobs/store'
import { useProjectStore } from '../projects/store'
import { outcomesText } from './outcomes'

export const useImportStore = defineStore('imports', () => {
  const jobs = useJobsStore()
  const project = useProjectStore()
  const summary = ref<ImportSummary | null>(null)
  /** Called when reports were added: while the job runs (about once a second) and when it ends. */
  const listeners = new Set<() => void>()
  const running = computed(() => jobs.isRunning('import'))

  function notify() {
    for (const l of listeners) l()
  }

  let current: string | null = null
  let lastImported = 0
  let lastRefresh = 0
  jobs.onProgress('import', (s) => {
    if (s.id !== current) {
      // a new import: the last one's summary goes (its events may come before the answer that started it)
      current = s.id
      summary.value = null
      lastImported = 0
    }
    const imported = s.counts.imported ?? 0
    // Reports appear in the library as they come in, at most about once a second.
    if (imported !== lastImported && Date.now() - lastRefresh > 1000) {
      lastImported = imported
      lastRefresh = Date.now()
      notify()
    }
  })

  jobs.onEnd('import', async (s) => {
    notify()
    try {
      if (s.state === 'failed') {
        // A batch stopped because the project could not be written (a full disk): its summary says why and
        // what was kept, and stays on screen; any other failure is said in a message.
        const last = await api.imports.summary(null)
        if (last?.stopReason) summary.value = last
        else feedback.error(new Error(s.error?.message ?? ''))
        return
      }
      summary.value = await api.imports.summary(s.result?.importId ?? null)
    } catch (e) {
      feedback.error(s.state === 'failed' ? new Error(s.error?.message ?? '') : e)
    }
  })

  async function begin(start: () => Promise<JobSnapshotOf<'import'> | null>) {
    // a drop on a read-only project: said here, where the reviewer is, not as the store's refusal
    if (project.lockTip) return void feedback.error(new Error(project.lockTip))
    try {
      const s = await start()
      if (s) jobs.track(s)
    } catch (e) {
      // main refuses while other work holds the project, and says which
      feedback.error(e)
    }
  }

  /** The summary of an import cut short by a crash, shown when the project opens. */
  async function loadLastSummary() {
    const s = await api.imports.summary()
    summary.value = s?.state === 'interrupted' ? s : null
  }

  /** The files that were not imported (failed, then duplicates), one per line with the reason, on the clipboard. */
  async function copyOutcomes() {
    const s = summary.value
    if (!s) return
    const t = i18n.global.t
    const words = { header: [t('import.outcomeFile'), t('import.outcomeKind'), t('import.outcomeReason')] as [string, string, string], failed: t('import.failed'), duplicate: t('import.duplicate') }
    const sorted = [...s.outcomes.filter((o) => o.kind === 'failed'), ...s.outcomes.filter((o) => o.kind === 'duplicate')]
    try {
      await navigator.clipboard.writeText(outcomesText(sorted, words))
      feedback.ok(i18n.global.t('import.copied'))
    } catch (e) {
      feedback.error(e)
    }
  }

  /** The same list as a CSV table, through the save dialog. */
  async function exportOutcomes() {
    const s = summary.value
    if (!s) return
    try {
      const file = await api.imports.pickAndExportOutcomes(s.id)
      if (file) feedback.ok(i18n.global.t('exports.saved', { file }))
    } catch (e) {
      feedback.error(e)
    }
  }

  return {
    summary,
    running,
    onReportsAdded: (l: () => void) => listeners.add(l),
    importPaths: (paths: string[]) => begin(() => api.imports.start(paths)),
    importSamples: () => begin(() => api.imports.startSamples()),
    importUrls: (urls: string[]) => begin(() => api.imports.startUrls(urls)),
    importUnitPages: () => begin(() => api.imports.startUnitPages()),
    pick: (kind: 'files' | 'folder') => begin(() => api.imports.pickAndStart(kind)),
    /** 「仍然导入」: files of the summary's batch refused as not annual reports (all of them when null). */
    importAnyway: (files: string[] | null) => {
      const id = summary.value?.id
      return id === undefined ? Promise.resolve() : begin(() => api.imports.startNotReports(id, files))
    },
    dismissSummary() {
      summary.value = null
    },
    loadLastSummary,
    copyOutcomes,
    exportOutcomes
  }
})
