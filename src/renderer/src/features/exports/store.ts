// Pinia store for exports: the 审核意见 letters (a job, whose progress the jobs store shows) and the batch
// files (汇总表, 通报, review data).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../../api'
import { i18n } from '../../app/i18n'
import type { ReportFormatOut } from '../../../../shared/models/export'
import { feedback } from '../../components/common/feedback'
import { useJobsStore } from '../jobs/store'

export const useExportStore = defineStore('exports', () => {
  const jobs = useJobsStore()
  /** The last export's outcome, for tests and the status line. */
  const lastWritten = ref<string[]>([])
  const running = computed(() => jobs.isRunning('export'))

  jobs.onEnd('export', (s) => {
    const r = s.result ?? { files: [], failed: [], dir: '' }
    lastWritten.value = r.files
    const t = i18n.global.t
    const skipped = r.skipped ?? []
    // The submissions left out (not reviewed, no unit) are named with the outcome, in one notice.
    const left = skipped.length ? `\n${t('sending.skippedTitle', { n: skipped.length })}：\n${skipped.map((x) => `${x.name}：${x.reason}`).join('\n')}` : ''
    if (s.state === 'failed') feedback.error(new Error(s.error?.message ?? ''))
    else if (s.state === 'cancelled') feedback.notify.warning({ title: t('exports.cancelledTitle', { n: r.files.length }), content: r.dir, duration: 6000 })
    else if (!r.files.length && skipped.length) feedback.notify.warning({ title: t('sending.noLetters'), content: left.trim(), duration: 12000, closable: true })
    else feedback.notify.success({ title: t('exports.doneTitle', { n: r.files.length }), content: `${r.dir}${left}`, duration: skipped.length ? 12000 : 6000, closable: true })
    for (const f of r.failed) feedback.notify.error({ title: f.file, content: f.message, duration: 0 })
  })

  async function reports(ids: number[] | null, formats: ReportFormatOut[], opts: { drafts?: boolean; appendix?: boolean } = {}) {
    try {
      const s = await api.exports.pickAndExportReports({ reportIds: ids, formats, ...opts })
      if (s) jobs.track(s)
    } catch (e) {
      feedback.error(e)
    }
  }

  async function batch(kind: 'xlsx' | 'csv' | 'json' | 'notice', ids: number[] | null) {
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

  return { lastWritten, running, reports, batch }
})
