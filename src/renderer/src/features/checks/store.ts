// Pinia store for checking reports: results, the chosen checklist, errors to show.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../../api'
import type { ChecklistSummary } from '../../../../shared/ipc/contract'
import type { CheckedReport } from '../../../../shared/models/check'

export const useChecksStore = defineStore('checks', () => {
  const checklists = ref<ChecklistSummary[]>([])
  const checklistId = ref('default')
  const results = ref<CheckedReport[]>([])
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function loadChecklists() {
    checklists.value = await api.reports.checklists()
  }

  async function checkSamples() {
    busy.value = true
    error.value = null
    try {
      results.value = await api.reports.checkSamples(checklistId.value)
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      busy.value = false
    }
  }

  return { checklists, checklistId, results, busy, error, loadChecklists, checkSamples }
})
