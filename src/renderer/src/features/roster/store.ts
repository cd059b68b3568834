// Pinia store for the roster: the review year, every unit with its submission, what waits for a unit,
// and the roster's own actions (import a sheet or a pasted list, attach, export the reminder list).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../../api'
import type { Roster, RosterRow, Unit, UnitImportResult, UnitInput } from '../../../../shared/models/roster'
import { i18n } from '../../app/i18n'
import { feedback } from '../../components/common/feedback'

export type RosterFilter = 'all' | 'missing' | 'late' | 'unreviewed' | 'revise'

/** Whether a unit's row shows under a filter chip. */
export function matchesFilter(u: RosterRow, f: RosterFilter): boolean {
  if (f === 'missing') return !u.submitted
  if (f === 'late') return u.submitted && ((u.daysLate ?? 0) > 0 || (u.receivedLate ?? 0) > 0)
  if (f === 'unreviewed') return u.submitted && u.review !== 'reviewed'
  if (f === 'revise') return u.verdict === 'revise' || u.verdict === 'fail'
  return true
}

export const useRosterStore = defineStore('roster', () => {
  const roster = shallowRef<Roster | null>(null)
  const years = ref<number[]>([])
  const units = shallowRef<Unit[]>([])
  /** The year shown; null follows the project's review year. */
  const year = ref<number | null>(null)
  const filter = ref<RosterFilter>('all')
  const loading = ref(false)

  const visible = computed(() => (roster.value ? roster.value.units.filter((u) => matchesFilter(u, filter.value)) : []))
  const counts = computed(() => {
    const all = roster.value?.units ?? []
    return Object.fromEntries((['all', 'missing', 'late', 'unreviewed', 'revise'] as RosterFilter[]).map((f) => [f, all.filter((u) => matchesFilter(u, f)).length])) as Record<RosterFilter, number>
  })

  async function refresh() {
    loading.value = true
    try {
      const [r, y, u] = await Promise.all([api.roster.get(year.value), api.roster.years(), api.roster.units()])
      roster.value = r
      years.value = y
      units.value = u
    } catch (e) {
      feedback.error(e)
    } finally {
      loading.value = false
    }
  }

  /** Shows year `y` and makes it the project's review year; a read-only project (`save` false) only shows it. */
  async function setYear(y: number, save = true) {
    year.value = y
    if (save) await api.roster.updateSettings({ reviewYear: y })
    await refresh()
  }

  function reportImport(r: UnitImportResult | null) {
    if (!r) return
    const t = i18n.global.t
    // 「0 份待归属的报告找到了单位」 said nothing: the attached reports only when there are some
    feedback.ok(t('roster.imported', { added: r.added, updated: r.updated }) + (r.attached ? t('roster.importedAttached', { n: r.attached }) : ''))
    if (r.problems.length) {
      feedback.notify.warning({
        title: t('roster.importProblems', { n: r.problems.length }),
        content: r.problems.map((p) => (p.row ? `第 ${p.row} 行：${p.reason}` : p.reason)).join('\n'),
        duration: 12_000
      })
    }
  }

  async function act<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const r = await fn()
      await refresh()
      return r
    } catch (e) {
      feedback.error(e)
      return undefined
    }
  }

  const saved = (file: string | null | undefined) => file && feedback.ok(i18n.global.t('roster.saved', { file }))

  return {
    roster,
    years,
    units,
    year,
    filter,
    loading,
    visible,
    counts,
    refresh,
    setYear,
    importSheet: async () => reportImport((await act(() => api.roster.pickAndImportUnits())) ?? null),
    importText: async (text: string) => reportImport((await act(() => api.roster.importUnitsText(text))) ?? null),
    fromIssuers: async () => reportImport((await act(() => api.roster.unitsFromIssuers())) ?? null),
    exportTemplate: async () => saved(await act(() => api.roster.pickAndExportTemplate())),
    exportChaser: async () => saved(await act(() => api.roster.pickAndExportChaser(year.value))),
    assign: async (submissionId: number, unitId: number) => {
      await act(() => api.roster.assign(submissionId, unitId))
      const unit = units.value.find((u) => u.id === unitId)
      if (unit) feedback.ok(i18n.global.t('roster.unassigned.assigned', { unit: unit.name }))
    },
    saveUnit: (u: UnitInput & { id?: number }) => act(() => api.roster.saveUnit(u)),
    removeUnit: (id: number) => act(() => api.roster.removeUnit(id))
  }
})
