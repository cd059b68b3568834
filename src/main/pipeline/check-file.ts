// Reads and analyzes one report: bytes → extracted text → analysis. The same code serves the CLI,
// the importer and the workers.

import fs from 'node:fs/promises'
import type { Checklist } from '../../shared/models/checklist'
import type { CheckedReport } from '../../shared/models/check'
import type { Analysis, ExtractedDoc } from '../../shared/models/report'
import { AppError, toErrorInfo } from '../../shared/errors'
import { analyze } from '../domain/analyze'
import { textSketch } from '../domain/sketch'
import { searchGrams } from '../domain/search-grams'
import { readReport } from '../readers'
import { LIMITS } from '../readers/limits'

export interface CheckOutcome {
  report: CheckedReport
  /** Present when the file was read: the text and full analysis, for the store. */
  doc?: ExtractedDoc
  analysis?: Analysis
  /** The text's fingerprint (domain/sketch), made off the main thread for the store. */
  sketch?: Uint32Array
  /** The text's characters and pairs for the short-term search index (domain/search-grams), likewise. */
  grams?: string
}

/** The outcome with what the store needs besides the analysis: the text's fingerprint and search grams. */
export function forStore(o: CheckOutcome): CheckOutcome {
  return o.doc ? { ...o, sketch: textSketch(o.doc.text), grams: searchGrams(o.doc.text) } : o
}

export async function readFileBounded(file: string): Promise<Uint8Array> {
  const st = await fs.stat(file)
  if (!st.isFile()) throw new AppError('io-error', '不是普通文件。')
  if (st.size > LIMITS.maxFileBytes) {
    throw new AppError('too-large', `文件过大（${(st.size / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxFileBytes / 1048576} MB）。`)
  }
  return new Uint8Array(await fs.readFile(file))
}

export interface CheckOptions {
  /**
   * Analyse a document that does not look like an annual report (a 解读, a news item, a 工作要点 …) instead of
   * refusing it as `not-a-report`: the reviewer imports it on purpose. The reason stays in the warnings and
   * in `analysis.notReport`.
   */
  acceptNotReport?: boolean
}

export async function checkBytes(bytes: Uint8Array, file: string, checklist: Checklist, opts: CheckOptions = {}): Promise<CheckOutcome> {
  let doc: ExtractedDoc
  try {
    doc = await readReport(bytes, file)
  } catch (e) {
    return { report: { file, ok: false, error: toErrorInfo(e) } }
  }
  return analyzeDoc(doc, file, checklist, opts)
}

/** The warning a document imported on purpose though it does not look like an annual report carries. */
export function notReportWarning(reason: string): string {
  return `不像法治政府建设年度报告：${reason}已按要求照常分析。`
}

/** Analyzes an extracted document; the same path for a new file and for re-analysis. */
export function analyzeDoc(doc: ExtractedDoc, file: string, checklist: Checklist, opts: CheckOptions = {}): CheckOutcome {
  try {
    const analysis = analyze(doc, checklist)
    const notReport = analysis.notReport
    if (notReport && !opts.acceptNotReport) throw new AppError('not-a-report', notReport)
    const warnings = notReport ? [...doc.warnings, notReportWarning(notReport)] : doc.warnings
    return {
      report: {
        file,
        ok: true,
        format: doc.format,
        encoding: doc.encoding,
        meta: analysis.meta,
        items: analysis.items,
        findings: analysis.findings.map(({ code, severity, message }) => ({ code, severity, message })),
        warnings
      },
      doc,
      analysis
    }
  } catch (e) {
    return { report: { file, ok: false, error: toErrorInfo(e) } }
  }
}

export async function checkFile(file: string, checklist: Checklist, opts: CheckOptions = {}): Promise<CheckOutcome> {
  let bytes: Uint8Array
  try {
    bytes = await readFileBounded(file)
  } catch (e) {
    return { report: { file, ok: false, error: toErrorInfo(e) } }
  }
  return checkBytes(bytes, file, checklist, opts)
}
