// Pinia store for the library: every report's row, full-text search hits, column filters.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../../api'
import type { ChecklistSummary } from '../../../../shared/ipc/contract'
import type { ReportRow, SearchHit } from '../../../../shared/models/library'
import type { Grade } from '../../../../shared/models/rubric'
import { feedback } from '../../components/common/feedback'

export const useLibraryStore = defineStore('library', () => {
  const rows = shallowRef<ReportRow[]>([])
  const loaded = ref(false)
  const checklists = ref<ChecklistSummary[]>([])
  const query = ref('')
  /** Reports whose text holds the current query (every hit, counted exactly); null when no query is active. */
  const hitIds = shallowRef<Set<number> | null>(null)
  /** Passages around the hits, fetched for the reports shown first (not for every hit). */
  const hits = shallowRef<Map<number, SearchHit> | null>(null)
  const searching = ref(false)
  /** Graded review per report shown for its submission: score, grade, whether it is the app's proposal, rank. */
  const scores = shallowRef<Map<number, { score: number; grade: Grade; proposed: boolean; rank: number }>>(new Map())

  /** The checklist whose items are the table's columns: the project's active one. */
  const checklist = computed<ChecklistSummary | null>(() => checklists.value.find((c) => c.active) ?? checklists.value[0] ?? null)

  const visible = computed(() => (hitIds.value ? rows.value.filter((r) => hitIds.value!.has(r.id)) : rows.value))

  async function refresh() {
    try {
      checklists.value = await api.checklists.list()
      rows.value = await api.library.list()
      const scored = (await api.library.submissions()).filter((r) => r.score !== null && r.grade !== null).sort((a, b) => b.score! - a.score!)
      // Ranked as reviewers rank: equal scores share a place.
      scores.value = new Map(scored.map((r) => [r.id, { score: r.score!, grade: r.grade!, proposed: r.scoreProposed, rank: scored.findIndex((x) => x.score === r.score) + 1 }]))
      loaded.value = true
      if (query.value.trim()) await search(query.value)
    } catch (e) {
      feedback.error(e)
    }
  }

  let seq = 0
  async function search(q: string) {
    query.value = q
    const mine = ++seq
    if (!q.trim()) {
      hits.value = null
      hitIds.value = null
      return
    }
    searching.value = true
    try {
      const found = await api.library.search(q)
      if (mine !== seq) return
      const ids = new Set(found.ids)
      // Passages for the first rows only: a common word in thousands of reports must not fetch them all.
      const first = rows.value.filter((r) => ids.has(r.id)).slice(0, 200).map((r) => r.id)
      const passages = first.length ? await api.library.snippets(q, first) : []
      if (mine !== seq) return
      hitIds.value = ids
      hits.value = new Map(passages.map((h) => [h.id, h]))
    } catch (e) {
      feedback.error(e)
    } finally {
      if (mine === seq) searching.value = false
    }
  }

  return { rows, loaded, checklists, checklist, query, hits, hitIds, searching, scores, visible, refresh, search }
})
