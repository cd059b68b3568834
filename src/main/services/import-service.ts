// ImportsApi and JobsApi: imports run as jobs on the shared worker pool; one import at a time per project.

import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { ImportsApi, JobsApi } from '../../shared/ipc/contract'
import type { JobSnapshot } from '../../shared/models/job'
import type { ImportSummary } from '../../shared/models/library'
import type { JobManager } from '../jobs/job-manager'
import { createParsePool, type ParsePool } from '../jobs/parse-pool'
import { loadChecklist } from './checklists'
import { importPaths } from './importer'
import { resourcesDir } from './resources'
import type { Workspace } from './workspace'

export class ImportService implements ImportsApi, JobsApi {
  private pool: ParsePool | null = null
  private activeJob: string | null = null

  constructor(
    private readonly ws: Workspace,
    private readonly jobs: JobManager,
    private readonly poolFactory: () => ParsePool = () => createParsePool(loadChecklist('default'))
  ) {
    ws.busy = () => (this.activeJob ? '正在导入报告，请等导入完成或取消后再切换项目。' : null)
  }

  /** Workers are started on first use and kept warm: pdf.js loads once per worker, not per import. */
  private getPool(): ParsePool {
    this.pool ??= this.poolFactory()
    return this.pool
  }

  async start(paths: string[]): Promise<JobSnapshot> {
    if (this.activeJob) throw new AppError('invalid-argument', '已有导入正在进行，请等它完成或取消后再导入。')
    const project = this.ws.project
    const pool = this.getPool()
    const snap = this.jobs.start('import', async (ctx) => {
      const summary = await importPaths(project, paths, {
        pool,
        signal: ctx.signal,
        onProgress: (p) => ctx.update({ total: p.total, done: p.done, current: p.current, counts: { ...p.counts } })
      })
      return { importId: summary.id }
    })
    this.activeJob = snap.id
    void this.jobs.wait(snap.id).finally(() => {
      if (this.activeJob === snap.id) this.activeJob = null
    })
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
    await this.pool?.close()
    this.pool = null
  }
}
