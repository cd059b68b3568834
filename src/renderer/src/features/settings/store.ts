// Pinia store for settings: the reviewer's name and language (per user), the project's checklists,
// and the re-analysis job that switching checklists starts.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, bridge } from '../../api'
import { i18n, setLocale, type Locale } from '../../app/i18n'
import type { Checklist } from '../../../../shared/models/checklist'
import type { JobSnapshot } from '../../../../shared/models/job'
import type { UserSettings } from '../../../../shared/models/settings'
import { feedback } from '../../components/common/feedback'
import { useLibraryStore } from '../library/store'
import { useReviewStore } from '../review/store'

export const useSettingsStore = defineStore('settings', () => {
  const user = ref<UserSettings>({ reviewerName: '', locale: 'zh-CN' })
  const reanalysis = ref<JobSnapshot | null>(null)

  async function load() {
    user.value = await api.settings.get()
    if (user.value.locale !== i18n.global.locale.value) setLocale(user.value.locale)
  }

  async function update(patch: Partial<UserSettings>) {
    try {
      user.value = await api.settings.update(patch)
    } catch (e) {
      feedback.error(e)
    }
  }

  async function setLanguage(locale: Locale) {
    setLocale(locale)
    await update({ locale })
  }

  bridge.on('job:progress', (s) => {
    if (s.kind !== 'reanalyze') return
    reanalysis.value = s
    if (s.state === 'running') return
    void useLibraryStore().refresh()
    void useReviewStore().reload()
    if (s.state === 'done') {
      const id = (s.result as { checklistId?: string } | null)?.checklistId
      const c = useLibraryStore().checklists.find((x) => x.id === id)
      feedback.ok(i18n.global.t('settings.reanalyzed', { name: c ? c.name.zh : (id ?? '') }))
    } else if (s.error) feedback.error(new Error(s.error.message))
  })

  async function activate(id: string) {
    try {
      const snap = await api.checklists.activate(id)
      // Progress events may have overtaken the answer (a small project finishes at once); keep the newest.
      if (reanalysis.value?.id !== snap.id) reanalysis.value = snap
      await useLibraryStore().refresh()
    } catch (e) {
      feedback.error(e)
    }
  }

  async function act<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      const r = await work()
      await useLibraryStore().refresh()
      return r
    } catch (e) {
      feedback.error(e)
      return null
    }
  }

  return {
    user,
    reanalysis,
    load,
    update,
    setLanguage,
    activate,
    duplicate: (id: string) => act(() => api.checklists.duplicate(id)),
    remove: (id: string) => act(() => api.checklists.remove(id)),
    save: (c: Checklist) => act(() => api.checklists.save(c)),
    importJson: (text: string) => act(() => api.checklists.importJson(text)),
    exportJson: (id: string) => api.checklists.exportJson(id),
    get: (id: string) => api.checklists.get(id)
  }
})
