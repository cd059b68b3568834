// ImportsApi: imports run as exclusive jobs on the shared worker pool; the summary of each batch.

import fs from 'node:fs/promises'
import path from 'node:path'
import type { ImportsApi } from '../../shared/ipc/contract'
import type { JobSnapshotOf } from '../../shared/models/job'
import type { ImportSummary } from '../../shared/models/library'
import { AppError } from '../../shared/errors'
import type { JobManager } from '../jobs/job-manager'
import { importPaths, importUrls, type ImportProgress } from '../pipeline/import-files'
import { PageFetcher, type FetchPolicy } from '../pipeline/fetch-pages'
import type { JobContext } from '../jobs/job-manager'
import type { WorkerPools } from '../pipeline/parse-pool'
import { toCsv } from '../exporters/csv'
import { resourcesDir } from '../store/resources'
import type { Workspace } from './workspace'

export class ImportService implements ImportsApi {
  constructor(
    private readonly ws: Workspace,
    private readonly jobs: JobManager,
    private readonly pools: WorkerPools,
    /** Called after an import that stored reports has finished (the batch comparison starts then). */
    private readonly afterImport: () => void = () => {},
    /** How pages are fetched from their addresses (the e2e harness and tests allow 127.0.0.1). */
    private readonly fetchPolicy: Partial<FetchPolicy> = {}
  ) {}

  /** Paths from the window: only those the reviewer chose (a dialog, a drop, the command line). */
  async start(paths: string[]): Promise<JobSnapshotOf<'import'>> {
    return this.run(paths.map((p) => this.ws.grants.checkRead(p)))
  }

  /** Batches stopped by a store failure, told from memory: the project may not have been able to record all of it. */
  private readonly stoppedBatches = new Map<number, ImportSummary>()

  /** The batch's id, or the job's failure with the reason when the project could not be written any more. */
  private stopped(summary: ImportSummary): number {
    if (summary.stopReason) this.stoppedBatches.set(summary.id, summary)
    return stopped(summary)
  }

  private async run(paths: string[], accept: { acceptNotReport?: boolean } = {}): Promise<JobSnapshotOf<'import'>> {
    this.jobs.assertIdle()
    const project = this.ws.project
    const pool = await this.pools.forChecklist(this.ws.activeChecklist())
    const snapshot = this.jobs.start(
      'import',
      async (ctx) => {
        const summary = await importPaths(project, paths, { pool, signal: ctx.signal, onProgress: progressOf(ctx), ...accept })
        return { importId: this.stopped(summary) }
      },
      { exclusive: true }
    )
    return this.compareAfter(snapshot)
  }

  /** After an import that stored reports, the batch comparison starts. */
  private compareAfter(snapshot: JobSnapshotOf<'import'>): JobSnapshotOf<'import'> {
    void this.jobs.wait(snapshot.id).then((s) => {
      if ((s.counts.imported ?? 0) > 0) this.afterImport()
    })
    return snapshot
  }

  /** Fetches each address (one a line as pasted) and imports the page as a saved page would be; the same job as a file import. */
  startUrls(urls: string[]): Promise<JobSnapshotOf<'import'>> {
    return this.startAddresses(urls.map((url) => ({ url })))
  }

  private async startAddresses(addresses: Array<{ url: string; unitId?: number }>, accept: { acceptNotReport?: boolean } = {}): Promise<JobSnapshotOf<'import'>> {
    this.jobs.assertIdle()
    const project = this.ws.project
    const pool = await this.pools.forChecklist(this.ws.activeChecklist())
    const fetcher = new PageFetcher(this.fetchPolicy)
    const snapshot = this.jobs.start(
      'import',
      async (ctx) => {
        const summary = await importUrls(project, addresses, { pool, fetcher, signal: ctx.signal, onProgress: progressOf(ctx), ...accept })
        return { importId: this.stopped(summary) }
      },
      { exclusive: true }
    )
    return this.compareAfter(snapshot)
  }

  /** Fetches the report page of every roster unit that has an address (the roster's 报告网址 column). */
  async startUnitPages(): Promise<JobSnapshotOf<'import'>> {
    const units = this.ws.project.units.list().filter((u) => u.url)
    if (!units.length) throw new AppError('invalid-argument', '名单中没有填写报告网址的单位：请在名单表格的「报告网址」列填写各单位报告所在的网页，再导入名单。')
    return this.startAddresses(units.map((u) => ({ url: u.url!, unitId: u.id })))
  }

  startSamples(): Promise<JobSnapshotOf<'import'>> {
    return this.run([path.join(resourcesDir(), 'samples')])
  }

  async pickAndStart(kind: 'files' | 'folder'): Promise<JobSnapshotOf<'import'> | null> {
    const paths = await this.ws.dialogs.pickReports(kind)
    return paths.length ? this.start(paths) : null
  }

  async summary(importId?: number | null): Promise<ImportSummary | null> {
    const imports = this.ws.project.imports
    const id = importId ?? imports.latestId()
    if (id === null) return null
    const stored = imports.summary(id)
    // A batch stopped by a full disk may have been recorded only in part: memory holds all of it, and why.
    const told = this.stoppedBatches.get(id)
    return told && stored ? { ...told, state: 'interrupted' } : stored
  }

  /**
   * 「仍然导入」: the files (or addresses) of a batch refused as not annual reports, imported on purpose; the
   * reason stays with each as a warning. Only what that batch refused can be asked for, and a file only
   * while the reviewer's choice of it (dialog or drop) holds, as for any import.
   */
  async startNotReports(importId: number, files: string[] | null): Promise<JobSnapshotOf<'import'>> {
    const summary = await this.summary(importId)
    if (!summary) throw new AppError('not-found', `没有编号为 ${importId} 的导入记录。`)
    const refused = summary.outcomes.filter((o) => o.kind === 'failed' && o.code === 'not-a-report').map((o) => o.file)
    const wanted = files ?? refused
    const unknown = wanted.find((f) => !refused.includes(f))
    if (unknown !== undefined) throw new AppError('invalid-argument', `「${unknown}」不在这次导入被判为“不像年度报告”的文件之中，不能按“仍然导入”处理。`)
    if (!wanted.length) throw new AppError('invalid-argument', '这次导入中没有被判为“不像年度报告”的文件。')
    const urls = wanted.filter((f) => /^https?:\/\//i.test(f))
    const paths = wanted.filter((f) => !/^https?:\/\//i.test(f))
    if (urls.length && paths.length) throw new AppError('invalid-argument', '文件和网址请分别选择“仍然导入”。')
    if (urls.length) return this.startAddresses(urls.map((url) => ({ url })), { acceptNotReport: true })
    const granted = paths.map((p) => {
      try {
        return this.ws.grants.checkRead(p)
      } catch {
        throw new AppError('invalid-argument', `「${path.basename(p)}」是之前选择的文件，本次启动后未再选择：请重新拖放或用“导入文件…”选择它，再点“仍然导入”。`)
      }
    })
    return this.run(granted, { acceptNotReport: true })
  }

  /** The failed and duplicate files of a batch as a CSV table (file, outcome, reason), to send or keep. */
  async pickAndExportOutcomes(importId: number): Promise<string | null> {
    const summary = await this.summary(importId)
    if (!summary) throw new AppError('not-found', `没有编号为 ${importId} 的导入记录。`)
    const picked = await this.ws.dialogs.pickSavePath(`导入问题文件-${summary.startedAt.slice(0, 10)}.csv`, 'csv')
    if (!picked) return null
    const file = this.ws.grants.checkSave(picked, '.csv')
    await fs.writeFile(file, outcomesCsv(summary), 'utf8')
    return file
  }
}

function progressOf(ctx: JobContext): (p: ImportProgress) => void {
  return (p) => ctx.update({ total: p.total, done: p.done, current: p.current, counts: { ...p.counts } })
}

/** The project could not be written any more: the job ends with the reason and what was kept. */
function stopped(summary: ImportSummary): number {
  if (summary.stopReason) {
    const left = summary.total - summary.imported - summary.duplicates - summary.failed
    throw new AppError('io-error', `${summary.stopReason}导入已停止：已导入 ${summary.imported} 个文件（已保存在项目中），${left} 个未处理。`)
  }
  return summary.id
}

/** The batch's failed and duplicate files as CSV rows with a header, in the order the summary lists them. */
export function outcomesCsv(summary: ImportSummary): string {
  const rows = summary.outcomes.map((o) => [o.file, o.kind === 'failed' ? '失败' : '重复', o.code, o.message])
  return toCsv([['文件', '结果', '代码', '原因'], ...rows])
}
