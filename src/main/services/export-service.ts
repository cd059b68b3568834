// ExportApi: what the reviewing body sends. The 审核意见 letters per submission (Word, PDF, HTML, Markdown)
// as a job, reviewed submissions only unless drafts are asked; the year's 汇总表 (Excel, CSV) and 通报
// (Word) following the roster; the review data (JSON); the body's name, 文号 and notice.
// PDF comes from the host (Electron's printToPDF) through PdfHost.

import fs from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../../shared/errors'
import type { ExportApi } from '../../shared/ipc/contract'
import type { JobSnapshotOf } from '../../shared/models/job'
import type { ReportFormatOut } from '../../shared/models/export'
import type { LetterSettings, SkippedLetter } from '../../shared/models/letter'
import type { JobManager } from '../jobs/job-manager'
import type { Project } from '../store/project'
import { toCsv } from '../exporters/csv'
import { letterDocx } from '../exporters/docx'
import { letterHtml } from '../exporters/html'
import { reviewDataJson } from '../exporters/json'
import { letterMarkdown } from '../exporters/markdown'
import { letterFileName, safeFileName, type Batch, type OpinionLetter } from '../exporters/model'
import { noticeDocx } from '../exporters/notice'
import { summaryTable } from '../exporters/summary'
import { summaryWorkbook } from '../exporters/xlsx'
import { batchOf, commonYear, opinionLetters, reviewDocuments, type LetterOptions } from './review-documents'
import type { SettingsService } from './settings-service'
import type { Workspace } from './workspace'

/** Renders an HTML page to PDF; Electron's printToPDF in the app, Chromium in the tests. */
export interface PdfHost {
  htmlToPdf(html: string): Promise<Uint8Array>
}

/** Writes one letter in one format; returns the bytes or text to save. */
export async function renderLetter(l: OpinionLetter, format: ReportFormatOut, pdf: PdfHost | null): Promise<Uint8Array | string> {
  if (format === 'docx') return letterDocx(l)
  if (format === 'html') return letterHtml(l)
  if (format === 'md') return letterMarkdown(l)
  if (!pdf) throw new AppError('unsupported-format', '此环境不能生成 PDF（请在桌面应用中导出，或导出 Word 后另存为 PDF）。')
  return pdf.htmlToPdf(letterHtml(l))
}

/**
 * A letter's file name, unique within the batch: from the unit and year, so the same letter gets the
 * same name at every export (and replaces the earlier one); two letters that would share one (a report
 * not attached to a unit, named by its issuer) are told apart by （2）.
 */
export function uniqueName(name: string, taken: Set<string>): string {
  const ext = path.extname(name)
  const stem = name.slice(0, name.length - ext.length)
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}（${n}）${ext}`
    if (!taken.has(candidate)) {
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

/** Writes one letter in one format into `dir`; returns its path. */
export async function writeLetter(l: OpinionLetter, format: ReportFormatOut, dir: string, taken: Set<string>, pdf: PdfHost | null): Promise<string> {
  const file = path.join(dir, uniqueName(letterFileName(l, format), taken))
  await writeWhole(file, await renderLetter(l, format, pdf))
  return file
}

export interface SummaryFiles {
  xlsx?: string
  csv?: string
  json?: string
  /** The 通报 (Word). */
  notice?: string
}

/** The 汇总表 (xlsx, csv) and the 通报 (docx) of a batch, and the review data (json) of these reports (all when null). */
export async function writeSummaryFiles(project: Project, batch: Batch, out: SummaryFiles, opts: { reviewer: string; reportIds?: number[] | null; now?: Date }): Promise<string[]> {
  const written: string[] = []
  const now = opts.now ?? new Date()
  if (out.xlsx) {
    await writeWhole(out.xlsx, await summaryWorkbook(batch))
    written.push(out.xlsx)
  }
  if (out.csv) {
    const t = summaryTable(batch)
    await writeWhole(out.csv, toCsv([t.header, ...t.rows]))
    written.push(out.csv)
  }
  if (out.notice) {
    await writeWhole(out.notice, await noticeDocx(batch, { correctBy: project.letterSettings().correctBy }))
    written.push(out.notice)
  }
  if (out.json) {
    const checklist = project.activeChecklist()
    await writeWhole(out.json, reviewDataJson(project.name, reviewDocuments(project, checklist, opts.reviewer, opts.reportIds ?? null, now), checklist, now))
    written.push(out.json)
  }
  return written
}

/** Letters for a batch, in every format asked, into `dir`; the submissions left out with the reason. */
export async function writeLetters(
  project: Project,
  opts: LetterOptions & { formats: ReportFormatOut[]; dir: string; pdf?: PdfHost | null; signal?: AbortSignal; onProgress?: (done: number, total: number, current: string) => void }
): Promise<{ files: string[]; failed: Array<{ file: string; message: string }>; skipped: SkippedLetter[] }> {
  const { letters, skipped } = opinionLetters(project, opts)
  await fs.mkdir(opts.dir, { recursive: true })
  const taken = new Set<string>()
  const files: string[] = []
  const failed: Array<{ file: string; message: string }> = []
  let done = 0
  for (const l of letters) {
    if (opts.signal?.aborted) break
    for (const format of opts.formats) {
      try {
        files.push(await writeLetter(l, format, opts.dir, taken, opts.pdf ?? null))
      } catch (e) {
        failed.push({ file: letterFileName(l, format), message: (e as Error).message })
      }
      opts.onProgress?.(++done, letters.length * opts.formats.length, path.basename(files.at(-1) ?? ''))
    }
  }
  return { files, failed, skipped }
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

  async reports(opts: { reportIds: number[] | null; formats: ReportFormatOut[]; dir: string; drafts?: boolean; appendix?: boolean; year?: number | null }): Promise<JobSnapshotOf<'export'>> {
    this.jobs.assertIdle()
    if (opts.formats.includes('pdf') && !this.pdf) throw new AppError('unsupported-format', '此环境不能生成 PDF。')
    const project = this.ws.project
    const reviewer = this.reviewer()
    // Only into a folder the reviewer chose (or one inside it).
    const dir = this.ws.grants.checkFolder(opts.dir)
    return this.jobs.start(
      'export',
      async (ctx) => {
        ctx.update({ total: 0, done: 0, counts: { written: 0, failed: 0, skipped: 0 } })
        const r = await writeLetters(project, {
          ...opts,
          dir,
          reviewer,
          pdf: this.pdf,
          signal: ctx.signal,
          onProgress: (done, total, current) => ctx.update({ done, total, current, counts: { written: done, failed: 0, skipped: 0 } })
        })
        ctx.update({ counts: { written: r.files.length, failed: r.failed.length, skipped: r.skipped.length } })
        return { dir, ...r }
      },
      { exclusive: true }
    )
  }

  async pickAndExportReports(opts: { reportIds: number[] | null; formats: ReportFormatOut[]; drafts?: boolean; appendix?: boolean }): Promise<JobSnapshotOf<'export'> | null> {
    const dir = await this.ws.dialogs.pickFolder('选择保存审核意见的文件夹')
    return dir ? this.reports({ ...opts, dir }) : null
  }

  async batch(opts: { reportIds: number[] | null; year?: number | null } & SummaryFiles): Promise<string[]> {
    if (!opts.xlsx && !opts.csv && !opts.json && !opts.notice) throw new AppError('invalid-argument', '请指定至少一种导出格式。')
    const project = this.ws.project
    // Only where the reviewer chose to save, with the format's extension, never over another file.
    const g = this.ws.grants
    const out: SummaryFiles = {
      xlsx: opts.xlsx && g.checkSave(opts.xlsx, '.xlsx'),
      csv: opts.csv && g.checkSave(opts.csv, '.csv'),
      json: opts.json && g.checkSave(opts.json, '.json'),
      notice: opts.notice && g.checkSave(opts.notice, '.docx')
    }
    return writeSummaryFiles(project, batchOf(project, { year: opts.year, reportIds: opts.reportIds }), out, { reviewer: this.reviewer(), reportIds: opts.reportIds })
  }

  async pickAndExportBatch(kind: 'xlsx' | 'csv' | 'json' | 'notice', reportIds: number[] | null, year?: number | null): Promise<string | null> {
    const project = this.ws.project
    const y = year ?? (reportIds?.length ? commonYear(project, reportIds) : null) ?? project.rosterSettings().reviewYear
    const body = project.letterSettings().body
    const day = new Date().toISOString().slice(0, 10)
    const suggested =
      kind === 'json'
        ? `${project.name}-审核数据-${day}.json`
        : kind === 'notice'
          ? `${safeFileName(`${body ? `${body}-` : ''}${y}年度法治政府建设年度报告情况通报`)}.docx`
          : `${safeFileName(`${body ? `${body}-` : ''}${y}年度审核情况汇总表`)}.${kind}`
    const file = await this.ws.dialogs.pickSavePath(suggested, kind === 'notice' ? 'docx' : kind)
    if (!file) return null
    const [written] = await this.batch({ reportIds, year: y, [kind]: file })
    return written ?? null
  }

  async letterSettings(): Promise<LetterSettings> {
    return this.ws.project.letterSettings()
  }

  async updateLetterSettings(patch: Partial<LetterSettings>): Promise<LetterSettings> {
    return this.ws.project.setLetterSettings(patch)
  }
}
