// Pinia store for exports: the 审核意见 letters (a job with progress) and the batch files (汇总表, 通报, data).
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
    const r = (s.result ?? { files: [], failed: [], dir: '' }) as { dir: string; files: string[]; failed: Array<{ file: string; message: string }>; skipped?: Array<{ name: string; reason: string }> }
    lastWritten.value = r.files
    const t = i18n.global.t
    const skipped = r.skipped ?? []
    // The submissions left out are named with the outcome, in one notice that goes away by itself.
    const left = skipped.length ? `\n${t('sending.skippedTitle', { n: skipped.length })}：\n${skipped.map((x) => `${x.name}：${x.reason}`).join('\n')}` : ''
    if (s.state === 'failed') feedback.error(new Error(s.error?.message ?? ''))
    else if (!r.files.length && skipped.length) feedback.notify.warning({ title: t('sending.noLetters'), content: left.trim(), duration: 12000, closable: true })
    else feedback.notify.success({ title: t('exports.doneTitle', { n: r.files.length }), content: `${r.dir}${left}`, duration: skipped.length ? 12000 : 6000, closable: true })
    for (const f of r.failed) feedback.notify.error({ title: f.file, content: f.message, duration: 0 })
  })

  async function reports(ids: number[] | null, formats: ReportFormatOut[], opts: { drafts?: boolean; appendix?: boolean } = {}) {
    try {
      const s = await api.exports.pickAndExportReports({ reportIds: ids, formats, ...opts })
      if (s && job.value?.id !== s.id) job.value = s
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
