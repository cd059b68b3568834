// ExportApi: review opinions per report (Word, PDF, HTML, Markdown) as a job, and the batch summary
// (Excel, CSV, JSON). PDF comes from the host (Electron's printToPDF) through PdfHost.

import fs from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { ExportApi } from '../../shared/ipc/contract'
import type { JobSnapshotOf } from '../../shared/models/job'
import type { ReportFormatOut } from '../../shared/models/export'
import type { Checklist } from '../../shared/models/checklist'
import type { JobManager } from '../jobs/job-manager'
import type { Project } from '../store/project'
import { toCsv } from '../exporters/csv'
import { reviewDocx } from '../exporters/docx'
import { reviewHtml } from '../exporters/html'
import { reviewDataJson } from '../exporters/json'
import { reviewMarkdown } from '../exporters/markdown'
import { chineseDate, documentFileName, type ReviewDocument } from '../exporters/model'
import { auditCheck, buildReviewDocument, reviewDocuments } from './review-documents'
import { summaryTable } from '../exporters/summary'
import { summaryWorkbook } from '../exporters/xlsx'
import type { SettingsService } from './settings-service'
import type { Workspace } from './workspace'

/** Renders an HTML page to PDF; Electron's printToPDF in the app, Chromium in the tests. */
export interface PdfHost {
  htmlToPdf(html: string): Promise<Uint8Array>
}

/** Writes one review document in one format; returns the bytes or text to save. */
export async function renderReview(d: ReviewDocument, format: ReportFormatOut, pdf: PdfHost | null): Promise<Uint8Array | string> {
  if (format === 'docx') return reviewDocx(d)
  if (format === 'html') return reviewHtml(d)
  if (format === 'md') return reviewMarkdown(d)
  if (!pdf) throw new AppError('unsupported-format', '此环境不能生成 PDF（请在桌面应用中导出，或导出 Word 后另存为 PDF）。')
  return pdf.htmlToPdf(reviewHtml(d))
}

/** A name not yet used in the folder (…（2）.docx), so a batch never overwrites its own files. */
export async function freeName(dir: string, name: string, taken: Set<string>): Promise<string> {
  const ext = path.extname(name)
  const stem = name.slice(0, name.length - ext.length)
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}（${n}）${ext}`
    if (taken.has(candidate)) continue
    try {
      await fs.access(path.join(dir, candidate))
    } catch {
      taken.add(candidate)
      return candidate
    }
  }
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, renamed into place, so a full disk
 * or a reader opening it early never meets half a file.
 */
export async function writeWhole(file: string, data: string | Uint8Array): Promise<void> {
  const part = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${Date.now()}.part`)
  try {
    await fs.writeFile(part, data)
    await fs.rename(part, file)
  } catch (e) {
    await fs.rm(part, { force: true })
    throw e
  }
}

/** Writes one review document in one format into `dir` under a name not yet taken; returns its path. */
export async function writeReview(d: ReviewDocument, format: ReportFormatOut, dir: string, taken: Set<string>, pdf: PdfHost | null): Promise<string> {
  const file = path.join(dir, await freeName(dir, documentFileName(d, format), taken))
  await writeWhole(file, await renderReview(d, format, pdf))
  return file
}

export async function writeBatch(project: Project, checklist: Checklist, reviewer: string, ids: number[] | null, out: SummaryFiles): Promise<string[]> {
  const now = new Date()
  return writeSummaryFiles(project, reviewDocuments(project, checklist, reviewer, ids, now), checklist, reviewer, out, now)
}

export interface SummaryFiles {
  xlsx?: string
  csv?: string
  json?: string
}

/** The summary table (xlsx, csv) and the review data (json) of documents already built. */
export async function writeSummaryFiles(project: Project, docs: ReviewDocument[], checklist: Checklist, reviewer: string, out: SummaryFiles, now = new Date()): Promise<string[]> {
  const written: string[] = []
  if (out.xlsx) {
    await writeWhole(out.xlsx, await summaryWorkbook(docs, checklist, { project: project.name, reviewer, date: chineseDate(now) }))
    written.push(out.xlsx)
  }
  if (out.csv) {
    const t = summaryTable(docs, checklist)
    await writeWhole(out.csv, toCsv([t.header, ...t.rows]))
    written.push(out.csv)
  }
  if (out.json) {
    await writeWhole(out.json, reviewDataJson(project.name, docs, checklist, now))
    written.push(out.json)
  }
  return written
}

export class ExportService implements ExportApi {
  constructor(
    private readonly ws: Workspace,
    private readonly jobs: JobManager,
    private readonly settings: SettingsService,
    private readonly pdf: PdfHost | null
  ) {}

  private reviewer(): string {
    return this.settings.reviewer()
  }

  async reports(opts: { reportIds: number[] | null; formats: ReportFormatOut[]; dir: string }): Promise<JobSnapshotOf<'export'>> {
    this.jobs.assertIdle()
    if (opts.formats.includes('pdf') && !this.pdf) throw new AppError('unsupported-format', '此环境不能生成 PDF。')
    const dir = this.ws.grants.checkFolder(opts.dir)
    await fs.mkdir(dir, { recursive: true })
    const project = this.ws.project
    const checklist = this.ws.activeChecklist()
    const reviewer = this.reviewer()
    const ids = opts.reportIds ?? project.reports.ids()
    const check = auditCheck(project)
    return this.jobs.start(
      'export',
      async (ctx) => {
      const taken = new Set<string>()
      const files: string[] = []
      const failed: Array<{ file: string; message: string }> = []
      ctx.update({ total: ids.length * opts.formats.length, done: 0, counts: { written: 0, failed: 0 } })
      let done = 0
      for (const id of ids) {
        if (ctx.signal.aborted) break
        const d = buildReviewDocument(project, id, checklist, reviewer, new Date(), check)
        for (const format of opts.formats) {
          try {
            files.push(await writeReview(d, format, dir, taken, this.pdf))
          } catch (e) {
            failed.push({ file: documentFileName(d, format), message: (e as Error).message })
          }
          done++
          ctx.update({ done, current: path.basename(files.at(-1) ?? ''), counts: { written: files.length, failed: failed.length } })
        }
      }
      return { dir, files, failed }
      },
      { exclusive: true }
    )
  }

  async pickAndExportReports(opts: { reportIds: number[] | null; formats: ReportFormatOut[] }): Promise<JobSnapshotOf<'export'> | null> {
    const dir = await this.ws.dialogs.pickFolder('选择导出审核意见的文件夹')
    return dir ? this.reports({ ...opts, dir }) : null
  }

  async batch(opts: { reportIds: number[] | null } & SummaryFiles): Promise<string[]> {
    if (!opts.xlsx && !opts.csv && !opts.json) throw new AppError('invalid-argument', '请指定至少一种导出格式。')
    // Only where the reviewer chose to save, with the format's extension, never over another file.
    const g = this.ws.grants
    const out: SummaryFiles = {
      xlsx: opts.xlsx && g.checkSave(opts.xlsx, '.xlsx'),
      csv: opts.csv && g.checkSave(opts.csv, '.csv'),
      json: opts.json && g.checkSave(opts.json, '.json')
    }
    return writeBatch(this.ws.project, this.ws.activeChecklist(), this.reviewer(), opts.reportIds, out)
  }

  async pickAndExportBatch(kind: 'xlsx' | 'csv' | 'json', reportIds: number[] | null): Promise<string | null> {
    const suggested = `${this.ws.project.name}-${kind === 'json' ? '审核数据' : '审核汇总表'}-${new Date().toISOString().slice(0, 10)}.${kind}`
    const file = await this.ws.dialogs.pickSavePath(suggested, kind)
    if (!file) return null
    const [written] = await this.batch({ reportIds, [kind]: file })
    return written ?? null
  }
}
