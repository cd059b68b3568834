// Pinia store for exports: review opinions per report (a job with progress) and the batch summary files.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, bridge } from '../../api'
import { i18n } from '../../app/i18n'
import type { ReportFormatOut } from '../../../../shared/models/export'
import type { JobSnapshot } from '../../../../shared/models/job'
import { feedback } from '../../components/common/feedback'

export const useExportStore = defineStore('exports', () => {
  const job = ref<JobSnapshot | null>(null)
  /** The last export's outcome, for tests and the status line. */
  const lastWritten = ref<string[]>([])

  bridge.on('job:progress', (s) => {
    if (s.kind !== 'export') return
    job.value = s
    if (s.state === 'running') return
    const r = (s.result ?? { files: [], failed: [], dir: '' }) as { dir: string; files: string[]; failed: Array<{ file: string; message: string }> }
    lastWritten.value = r.files
    const t = i18n.global.t
    if (s.state === 'failed') feedback.error(new Error(s.error?.message ?? ''))
    else feedback.notify.success({ title: t('exports.doneTitle', { n: r.files.length }), content: r.dir, duration: 6000 })
    for (const f of r.failed) feedback.notify.error({ title: f.file, content: f.message, duration: 0 })
  })

  async function reports(ids: number[] | null, formats: ReportFormatOut[]) {
    try {
      const s = await api.exports.pickAndExportReports({ reportIds: ids, formats })
      if (s && job.value?.id !== s.id) job.value = s
    } catch (e) {
      feedback.error(e)
    }
  }

  async function batch(kind: 'xlsx' | 'csv' | 'json', ids: number[] | null) {
    try {
      const file = await api.exports.pickAndExportBatch(kind, ids)
      if (file) {
        lastWritten.value = [file]
        feedback.ok(i18n.global.t('exports.saved', { file }))
      }
    } catch (e) {
      feedback.error(e)
    }
  }

  async function saveCopy() {
    try {
      const file = await api.projects.pickAndSaveCopy()
      if (file) feedback.ok(i18n.global.t('exports.copySaved', { file }))
    } catch (e) {
      feedback.error(e)
    }
  }

  return { job, lastWritten, reports, batch, saveCopy }
})
