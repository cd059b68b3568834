// Pinia store for the review workspace: the open report, its verdicts and annotations, the place in
// the library's list, and undo/redo of the reviewer's actions in this session.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { api } from '../../api'
import type { Annotation, AuditEntry, EditVia, ItemVerdict, OtherVersion, OverallVerdict, ReportDetail } from '../../../../shared/models/review'
import { i18n } from '../../app/i18n'
import { feedback } from '../../components/common/feedback'
import { useLibraryStore } from '../library/store'

/**
 * One reviewer action that can be undone and redone; each step is a call to main, so it is stored and
 * audited. `via` is absent the first time (an ordinary edit) and says 'undo' or 'redo' when replayed,
 * so the audit trail tells them apart.
 */
interface Command {
  reportId: number
  label: string
  redo(via?: EditVia): Promise<void>
  undo(via: EditVia): Promise<void>
}

export const useReviewStore = defineStore('review', () => {
  const detail = shallowRef<ReportDetail | null>(null)
  const reportId = ref<number | null>(null)
  /** The library's rows in the order shown when the report was opened: previous / next walk it. */
  const order = ref<number[]>([])
  const selectedItem = ref<string | null>(null)
  /** A passage to scroll to and flash (evidence, a finding, an annotation). */
  const focus = ref<{ start: number; end: number; seq: number } | null>(null)
  const audit = ref<AuditEntry[]>([])
  const undoStack = ref<Command[]>([])
  const redoStack = ref<Command[]>([])
  const loading = ref(false)
  /** Other versions of the open report that hold reviewer work, to bring it over. */
  const versions = ref<OtherVersion[]>([])

  /** Where the report on screen is in the library's order: its own row, or the row of its submission when another of its files is read. */
  const position = computed(() => {
    if (reportId.value === null) return -1
    const own = order.value.indexOf(reportId.value)
    if (own >= 0) return own
    const siblings = detail.value?.submission?.versions.flatMap((v) => v.files.map((f) => f.reportId)) ?? []
    return order.value.findIndex((id) => siblings.includes(id))
  })
  const library = useLibraryStore()
  /**
   * The next report in the list's order (wrapping round) whose submission is not reviewed yet, for
   * 下一份未审; null when every other one is reviewed.
   */
  const nextUnreviewedId = computed<number | null>(() => {
    const state = new Map(library.rows.map((r) => [r.id, r.review]))
    const n = order.value.length
    const from = position.value
    for (let k = 1; k < n; k++) {
      const id = order.value[(from + k + n) % n]!
      if (id !== reportId.value && state.get(id) !== 'reviewed') return id
    }
    return null
  })

  /** Fields holding text the reviewer typed and not yet saved (the opinion, reasons, comments): saved before leaving a report. */
  const drafts = new Set<() => Promise<void>>()
  function registerDraft(flush: () => Promise<void>): () => void {
    drafts.add(flush)
    return () => drafts.delete(flush)
  }
  async function flushDrafts() {
    await Promise.all([...drafts].map((f) => f()))
  }

  async function open(id: number, listOrder?: number[]) {
    if (listOrder) order.value = listOrder
    loading.value = true
    try {
      const d = await api.review.open(id)
      // Undo and redo belong to the report they were made in: another report starts with none.
      if (id !== reportId.value) {
        undoStack.value = []
        redoStack.value = []
      }
      detail.value = d
      reportId.value = id
      selectedItem.value = null
      focus.value = null
      versions.value = d.annotations.length || d.verdicts.length ? [] : await api.review.versions(id)
    } catch (e) {
      feedback.error(e)
    } finally {
      loading.value = false
    }
  }

  /** Back to the library: what the reviewer typed is saved first. */
  async function close() {
    await flushDrafts()
    reportId.value = null
    detail.value = null
  }

  /** The previous (-1) or next (+1) report in the library's order; what the reviewer typed is saved first. */
  async function step(delta: number) {
    const i = position.value + delta
    if (i < 0 || i >= order.value.length) return
    await flushDrafts()
    await open(order.value[i]!)
  }

  /** Another file of the same submission (another format or version), in place of the one on screen. */
  async function openFile(id: number) {
    await flushDrafts()
    await open(id)
  }

  /** 下一份未审: the next submission in the list's order not reviewed yet; the library's states are refreshed first. */
  async function openNextUnreviewed() {
    await flushDrafts()
    await library.refresh()
    const id = nextUnreviewedId.value
    if (id === null) feedback.info(i18n.global.t('review.allReviewed'))
    else await open(id)
  }

  async function reload() {
    if (reportId.value !== null) detail.value = await api.review.open(reportId.value)
  }

  async function run(cmd: Command) {
    try {
      await cmd.redo()
      undoStack.value.push(cmd)
      redoStack.value = []
    } catch (e) {
      feedback.error(e)
    }
    await reload()
  }

  /** Takes the newest command off one stack, runs one of its directions, and puts it on the other. */
  async function replay(from: typeof undoStack, to: typeof undoStack, direction: 'undo' | 'redo') {
    const cmd = from.value.pop()
    if (!cmd) return
    try {
      await cmd[direction](direction)
      to.value.push(cmd)
    } catch (e) {
      feedback.error(e)
    }
    await reload()
  }
  const undo = () => replay(undoStack, redoStack, 'undo')
  const redo = () => replay(redoStack, undoStack, 'redo')

  function setVerdict(itemId: string, verdict: ItemVerdict | null, reason?: string) {
    const d = detail.value
    if (!d) return
    const id = d.row.id
    const old = d.verdicts.find((v) => v.itemId === itemId)
    const nextReason = reason ?? old?.reason ?? ''
    return run({
      reportId: id,
      label: 'verdict',
      redo: async (via) => void (await api.review.setItemVerdict(id, itemId, verdict, nextReason, via)),
      undo: async (via) => void (await api.review.setItemVerdict(id, itemId, old?.verdict ?? null, old?.reason ?? '', via))
    })
  }

  function setOverall(overall: OverallVerdict | null) {
    const d = detail.value
    if (!d) return
    const id = d.row.id
    const old = d.review.overall
    return run({
      reportId: id,
      label: 'overall',
      redo: async (via) => void (await api.review.setOverall(id, overall, via)),
      undo: async (via) => void (await api.review.setOverall(id, old, via))
    })
  }

  function setOpinion(opinion: string) {
    const d = detail.value
    if (!d || d.review.opinion === opinion) return
    const id = d.row.id
    const old = d.review.opinion
    return run({
      reportId: id,
      label: 'opinion',
      redo: async (via) => void (await api.review.setOpinion(id, opinion, via)),
      undo: async (via) => void (await api.review.setOpinion(id, old, via))
    })
  }

  function annotate(itemId: string, start: number, end: number, comment = '') {
    const d = detail.value
    if (!d) return
    const id = d.row.id
    let created: Annotation | null = null
    return run({
      reportId: id,
      label: 'annotation-add',
      redo: async (via) => {
        created = created ? await api.review.restoreAnnotation(created.id, via) : await api.review.addAnnotation(id, { itemId, start, end, comment })
      },
      undo: async (via) => {
        if (created) created = await api.review.deleteAnnotation(created.id, via)
      }
    })
  }

  function updateAnnotation(a: Annotation, patch: { itemId?: string; comment?: string }) {
    const old = { itemId: a.itemId, comment: a.comment }
    return run({
      reportId: a.reportId,
      label: 'annotation-edit',
      redo: async (via) => void (await api.review.updateAnnotation(a.id, patch, via)),
      undo: async (via) => void (await api.review.updateAnnotation(a.id, old, via))
    })
  }

  function deleteAnnotation(a: Annotation) {
    let removed: Annotation = a
    return run({
      reportId: a.reportId,
      label: 'annotation-delete',
      redo: async (via) => {
        removed = await api.review.deleteAnnotation(a.id, via)
      },
      undo: async (via) => void (await api.review.restoreAnnotation(removed.id, via))
    })
  }

  async function carryOver(fromId: number) {
    const id = reportId.value
    if (id === null) return
    try {
      const r = await api.review.carryOver(fromId, id)
      const t = i18n.global.t
      feedback.ok(t('review.carried', { verdicts: r.verdicts, annotations: r.annotations, overall: r.overall ? t('review.carriedOverall') : '', opinion: r.opinion ? t('review.carriedOpinion') : '' }))
      if (r.notFound.length) feedback.notify.warning({ title: t('review.notFoundTitle', { n: r.notFound.length }), content: r.notFound.map((q) => `“${q}”`).join('\n'), duration: 10_000 })
      versions.value = []
    } catch (e) {
      feedback.error(e)
    }
    await reload()
  }

  async function loadAudit() {
    if (reportId.value !== null) audit.value = await api.review.auditTrail(reportId.value)
  }

  function show(start: number, end: number) {
    focus.value = { start, end, seq: (focus.value?.seq ?? 0) + 1 }
  }

  return {
    nextUnreviewedId,
    openNextUnreviewed,
    detail,
    reportId,
    order,
    position,
    openFile,
    selectedItem,
    focus,
    audit,
    loading,
    canUndo: computed(() => undoStack.value.length > 0),
    canRedo: computed(() => redoStack.value.length > 0),
    open,
    close,
    registerDraft,
    flushDrafts,
    step,
    reload,
    undo,
    redo,
    setVerdict,
    setOverall,
    setOpinion,
    annotate,
    updateAnnotation,
    deleteAnnotation,
    loadAudit,
    show,
    versions,
    carryOver
  }
})
