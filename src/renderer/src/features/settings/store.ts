// Pinia store for settings: the reviewer's name and language (per user), the project's checklists,
// and what follows the re-analysis job that switching checklists starts.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../../api'
import { i18n, setLocale, type Locale } from '../../app/i18n'
import type { Checklist } from '../../../../shared/models/checklist'
import type { UserSettings } from '../../../../shared/models/settings'
import { feedback } from '../../components/common/feedback'
import { useJobsStore } from '../jobs/store'
import { useLibraryStore } from '../library/store'
import { useReviewStore } from '../review/store'

/** Set once the reviewer has been asked for their name at first start (kept on this machine, like the language). */
const NAME_ASKED_KEY = 'report-audit.reviewer-name-asked'

export const useSettingsStore = defineStore('settings', () => {
  const user = ref<UserSettings>({ reviewerName: '', locale: 'zh-CN' })
  const jobs = useJobsStore()
  const reanalyzing = computed(() => jobs.isRunning('reanalyze'))

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

  /** A new reviewer (no name yet, never asked) is asked once; they may skip it and set it later. */
  function shouldAskName(): boolean {
    return !user.value.reviewerName.trim() && localStorage.getItem(NAME_ASKED_KEY) !== '1'
  }
  function nameAsked() {
    localStorage.setItem(NAME_ASKED_KEY, '1')
  }

  async function setLanguage(locale: Locale) {
    setLocale(locale)
    await update({ locale })
  }

  jobs.onEnd('reanalyze', async (s) => {
    const library = useLibraryStore()
    await library.refresh()
    void useReviewStore().reload()
    const t = i18n.global.t
    const c = library.checklists.find((x) => x.id === s.result?.checklistId)
    const name = c ? (i18n.global.locale.value === 'en' ? c.name.en : c.name.zh) : (s.result?.checklistId ?? '')
    if (s.state === 'done') feedback.ok(t('settings.reanalyzed', { name }))
    else if (s.state === 'cancelled') feedback.notify.warning({ title: t('settings.reanalysisCancelled', { done: s.done, total: s.total, name }), duration: 10_000 })
    else if (s.error) feedback.error(new Error(s.error.message))
  })

  async function activate(id: string) {
    try {
      jobs.track(await api.checklists.activate(id))
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
    reanalyzing,
    load,
    update,
    setLanguage,
    shouldAskName,
    nameAsked,
    activate,
    duplicate: (id: string) => act(() => api.checklists.duplicate(id)),
    remove: (id: string) => act(() => api.checklists.remove(id)),
    save: (c: Checklist) => act(() => api.checklists.save(c)),
    importJson: (text: string) => act(() => api.checklists.importJson(text)),
    exportJson: (id: string) => api.checklists.exportJson(id),
    get: (id: string) => api.checklists.get(id)
  }
})
