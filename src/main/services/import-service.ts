// ImportsApi and JobsApi: imports run as jobs on the shared worker pool; one import at a time per project.

import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { ImportsApi, JobsApi } from '../../shared/ipc/contract'
import type { JobSnapshot } from '../../shared/models/job'
import type { ImportSummary } from '../../shared/models/library'
import type { JobManager } from '../jobs/job-manager'
import { createParsePool, type ParsePool } from '../pipeline/parse-pool'
import type { Checklist } from '../../shared/models/checklist'
import { importPaths } from '../pipeline/import-files'
import { resourcesDir } from '../store/resources'
import type { Workspace } from './workspace'

export class ImportService implements ImportsApi, JobsApi {
  private pool: { key: string; pool: ParsePool } | null = null
  private activeJob: string | null = null

  constructor(
    private readonly ws: Workspace,
    private readonly jobs: JobManager,
    private readonly poolFactory: (checklist: Checklist) => ParsePool = (checklist) => createParsePool(checklist)
  ) {
    ws.busy = () => (this.activeJob ? '有任务正在进行（导入或重新检测），请等它完成或取消后再切换项目。' : null)
  }

  /**
   * Workers are started on first use and kept warm: the PDF engine (PDFium in WebAssembly) loads once per worker, not per import.
   * They hold the checklist, so a different checklist gets new workers.
   */
  private async getPool(checklist: Checklist): Promise<ParsePool> {
    const key = JSON.stringify(checklist)
    if (this.pool?.key === key) return this.pool.pool
    await this.pool?.pool.close()
    this.pool = { key, pool: this.poolFactory(checklist) }
    return this.pool.pool
  }

  /** Marks the service busy while other work (re-analysis) writes to the project. */
  claim(jobId: string): void {
    this.activeJob = jobId
    void this.jobs.wait(jobId).finally(() => {
      if (this.activeJob === jobId) this.activeJob = null
    })
  }

  get busy(): boolean {
    return this.activeJob !== null
  }

  /** Workers for another checklist (re-analysis), started fresh and closed by the caller. */
  poolFor(checklist: Checklist): ParsePool {
    return this.poolFactory(checklist)
  }

  async start(paths: string[]): Promise<JobSnapshot> {
    if (this.activeJob) throw new AppError('invalid-argument', '已有任务正在进行，请等它完成或取消后再导入。')
    const project = this.ws.project
    const pool = await this.getPool(this.ws.activeChecklist())
    const snap = this.jobs.start('import', async (ctx) => {
      const summary = await importPaths(project, paths, {
        pool,
        signal: ctx.signal,
        onProgress: (p) => ctx.update({ total: p.total, done: p.done, current: p.current, counts: { ...p.counts } })
      })
      return { importId: summary.id }
    })
    this.claim(snap.id)
    return snap
  }

  startSamples(): Promise<JobSnapshot> {
    return this.start([path.join(resourcesDir(), 'samples')])
  }

  async pickAndStart(kind: 'files' | 'folder'): Promise<JobSnapshot | null> {
    const paths = await this.ws.dialogs.pickReports(kind)
    return paths.length ? this.start(paths) : null
  }

  async summary(importId?: number | null): Promise<ImportSummary | null> {
    const imports = this.ws.project.imports
    const id = importId ?? imports.latestId()
    return id === null ? null : imports.summary(id)
  }

  async list(): Promise<JobSnapshot[]> {
    return this.jobs.list()
  }

  async cancel(jobId: string): Promise<boolean> {
    return this.jobs.cancel(jobId)
  }

  async close(): Promise<void> {
    for (const j of this.jobs.running()) this.jobs.cancel(j.id)
    await Promise.allSettled(this.jobs.list().map((j) => this.jobs.wait(j.id)))
    await this.pool?.pool.close()
    this.pool = null
  }
}
