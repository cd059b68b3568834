// ChecklistsApi: the bundled checklists and the project's own (edited, duplicated, imported), and
// switching the project to another one, which re-runs detection as a job and leaves every verdict
// and annotation where it is.

import { AppError } from '../../shared/errors'
import type { ChecklistSummary, ChecklistsApi } from '../../shared/ipc/contract'
import type { Checklist } from '../../shared/models/checklist'
import type { JobSnapshotOf } from '../../shared/models/job'
import type { JobManager } from '../jobs/job-manager'
import { inLanes } from '../pipeline/lanes'
import { bundledChecklistIds, isBundled, parseChecklist } from '../store/checklist-files'
import type { WorkerPools } from '../pipeline/parse-pool'
import type { Workspace } from './workspace'

export class ChecklistService implements ChecklistsApi {
  constructor(
    private readonly ws: Workspace,
    private readonly jobs: JobManager,
    private readonly pools: WorkerPools
  ) {}

  private summary(c: Checklist, active: string): ChecklistSummary {
    return {
      id: c.id,
      name: c.name,
      source: isBundled(c.id) ? 'bundled' : 'project',
      active: c.id === active,
      items: c.items.map((i) => ({ id: i.id, name: i.name, short: i.short ?? i.name }))
    }
  }

  async list(): Promise<ChecklistSummary[]> {
    const active = this.ws.activeChecklistId()
    const ids = [...bundledChecklistIds(), ...this.ws.project.checklists.ids().filter((id) => !isBundled(id))]
    return ids.map((id) => this.summary(this.ws.checklist(id), active))
  }

  async get(id: string): Promise<Checklist> {
    return this.ws.checklist(id)
  }

  /** Saves a checklist of the project's own (bundled ones are read-only: duplicate them first). */
  async save(value: unknown): Promise<ChecklistSummary> {
    const c = parseChecklist(value, '（编辑中的清单）')
    if (isBundled(c.id)) throw new AppError('invalid-argument', `“${c.name.zh}”是内置清单，不能直接修改：请先复制一份再编辑。`)
    const old = this.ws.project.checklists.json(c.id)
    const next = { ...c, version: old ? (JSON.parse(old) as Checklist).version + 1 : c.version }
    this.ws.project.checklists.save(c.id, JSON.stringify(next))
    return this.summary(next, this.ws.activeChecklistId())
  }

  /** A copy of a checklist under a new id and name, not yet saved: it is kept only when the reviewer saves it. */
  async duplicate(id: string): Promise<Checklist> {
    const src = this.ws.checklist(id)
    const taken = new Set([...bundledChecklistIds(), ...this.ws.project.checklists.ids()])
    let n = 1
    while (taken.has(`${src.id}-copy${n > 1 ? n : ''}`)) n++
    const copy: Checklist = {
      ...structuredClone(src),
      id: `${src.id}-copy${n > 1 ? n : ''}`,
      name: { zh: `${src.name.zh}（副本${n > 1 ? n : ''}）`, en: `${src.name.en} (copy${n > 1 ? ` ${n}` : ''})` },
      version: 1
    }
    return copy
  }

  async remove(id: string): Promise<void> {
    if (isBundled(id)) throw new AppError('invalid-argument', '内置清单不能删除。')
    if (id === this.ws.activeChecklistId()) throw new AppError('invalid-argument', '正在使用的清单不能删除：请先换用其他清单。')
    this.ws.project.checklists.remove(id)
  }

  /** A checklist from JSON text (a file the reviewer chose); an id already taken gets a new one. */
  async importJson(text: string): Promise<Checklist> {
    let json: unknown
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (e) {
      throw new AppError('invalid-argument', `不是有效的 JSON：${(e as Error).message}`)
    }
    const c = parseChecklist(json, '导入的清单')
    const taken = new Set([...bundledChecklistIds(), ...this.ws.project.checklists.ids()])
    let id = c.id
    for (let n = 2; taken.has(id); n++) id = `${c.id}-${n}`
    const saved = { ...c, id }
    this.ws.project.checklists.save(id, JSON.stringify(saved))
    return saved
  }

  async exportJson(id: string): Promise<string> {
    return `${JSON.stringify(this.ws.checklist(id), null, 2)}\n`
  }

  /**
   * Makes `id` the project's checklist and re-runs detection on every report as a job. Only the
   * analysis is rewritten; verdicts and annotations are untouched (items the new checklist lacks keep
   * their verdicts, unseen, until a checklist with them returns).
   */
  async activate(id: string): Promise<JobSnapshotOf<'reanalyze'>> {
    this.jobs.assertIdle()
    const checklist = this.ws.checklist(id)
    const project = this.ws.project
    project.settings.set('checklistId', checklist.id)
    const pool = this.pools.fresh(checklist)
    return this.jobs.start(
      'reanalyze',
      async (ctx) => {
      const ids = project.reports.ids()
      let done = 0
      let failed = 0
      ctx.update({ total: ids.length, done: 0, counts: { analyzed: 0, failed: 0 } })
      try {
        await inLanes(ids, pool.threads + 1, ctx.signal, async (reportId) => {
          const doc = project.reports.doc(reportId)
          const outcome = doc ? await pool.analyzeDoc(doc, String(reportId), ctx.signal) : null
          if (outcome?.analysis) project.reports.updateAnalysis(reportId, outcome.analysis)
          else if (!ctx.signal.aborted) failed++
          done++
          ctx.update({ done, current: project.reports.get(reportId)?.fileName ?? null, counts: { analyzed: done - failed, failed } })
        })
      } finally {
        await pool.close()
      }
      return { checklistId: checklist.id }
      },
      { exclusive: true }
    )
  }
}
