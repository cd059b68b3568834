// Pinia store for the library: one row per submission (a unit's report for a year, all its files and
// versions), the year shown, full-text search hits, and the filters that are not the table's own.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../../api'
import type { ChecklistSummary } from '../../../../shared/ipc/contract'
import type { SearchHit } from '../../../../shared/models/library'
import { decodeLibraryList, type LibraryRow } from '../../../../shared/library-list'
import { feedback } from '../../components/common/feedback'

/** The year filter: one year, or every year the project holds. */
export type YearChoice = number | 'all'

export const useLibraryStore = defineStore('library', () => {
  const rows = shallowRef<LibraryRow[]>([])
  const loaded = ref(false)
  const checklists = ref<ChecklistSummary[]>([])
  /** The project's review year, when the reviewer set it (the library then shows it first); the years it holds reports for. */
  const reviewYear = ref<number | null>(null)
  /** The year an export with nothing ticked covers: the roster's review year, set or not (the export services take it). */
  const exportYear = ref<number | null>(null)
  const years = ref<number[]>([])
  /** Which year the library shows; null follows the review year. */
  const yearChoice = ref<YearChoice | null>(null)
  /** 只看未审: submissions not yet reviewed (no overall verdict). */
  const unreviewedOnly = ref(false)
  const query = ref('')
  /** Submissions with a file holding the current query (every hit, counted exactly); null when no query is active. */
  const hitIds = shallowRef<Set<number> | null>(null)
  /** Passages around the hits by submission, fetched for the rows shown first (not for every hit). */
  const hits = shallowRef<Map<number, SearchHit> | null>(null)
  const searching = ref(false)

  /** The checklist whose items are the table's columns: the project's active one. */
  const checklist = computed<ChecklistSummary | null>(() => checklists.value.find((c) => c.active) ?? checklists.value[0] ?? null)
  const year = computed<YearChoice>(() => yearChoice.value ?? reviewYear.value ?? 'all')

  /** The rows of the year shown, before any search or filter. */
  const ofYear = computed(() => (year.value === 'all' ? rows.value : rows.value.filter((r) => r.year === year.value)))
  const visible = computed(() =>
    ofYear.value.filter((r) => (!unreviewedOnly.value || r.review !== 'reviewed') && (!hitIds.value || hitIds.value.has(r.submissionId)))
  )
  /** Submissions ranked by score (equal scores share a place), for the score column's hover. */
  const ranks = computed(() => {
    const scored = rows.value.filter((r) => r.score !== null).map((r) => r.score!).sort((a, b) => b - a)
    return new Map(rows.value.filter((r) => r.score !== null).map((r) => [r.submissionId, scored.indexOf(r.score!) + 1]))
  })

  async function refresh() {
    try {
      const [lists, submissions, settings, y] = await Promise.all([api.checklists.list(), api.library.submissions(), api.roster.settings(), api.roster.years()])
      checklists.value = lists
      rows.value = decodeLibraryList(submissions)
      reviewYear.value = settings.reviewYearSet ? settings.reviewYear : null
      exportYear.value = settings.reviewYear
      years.value = y
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
      const bySubmission = new Map(found.submissions.map((s) => [s.submissionId, s.reportId]))
      // Passages for the first rows only: a common word in thousands of reports must not fetch them all.
      const first = visibleFor(bySubmission).slice(0, 200)
      const passages = first.length ? await api.library.snippets(q, first.map((r) => bySubmission.get(r.submissionId)!)) : []
      if (mine !== seq) return
      const submissionOf = new Map(first.map((r) => [bySubmission.get(r.submissionId)!, r.submissionId]))
      hitIds.value = new Set(bySubmission.keys())
      hits.value = new Map(passages.map((h) => [submissionOf.get(h.id)!, h]))
    } catch (e) {
      feedback.error(e)
    } finally {
      if (mine === seq) searching.value = false
    }
  }
  const visibleFor = (hit: Map<number, number>) => ofYear.value.filter((r) => hit.has(r.submissionId))

  /** Clears the search and every filter that is the store's (the table clears its own). */
  function clearFilters() {
    unreviewedOnly.value = false
    void search('')
  }

  return { rows, loaded, checklists, checklist, reviewYear, exportYear, years, yearChoice, year, unreviewedOnly, query, hits, hitIds, searching, ofYear, visible, ranks, refresh, search, clearFilters }
})
