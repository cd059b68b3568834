// Reads and analyzes one report: bytes → extracted text → analysis. The same code serves the CLI,
// the importer and the workers.

import fs from 'node:fs/promises'
import type { Checklist } from '../../shared/models/checklist'
import type { CheckedReport } from '../../shared/models/check'
import type { Analysis, ExtractedDoc } from '../../shared/models/report'
import { AppError, toErrorInfo } from '../../shared/errors'
import { analyze } from '../domain/analyze'
import { textSketch } from '../domain/sketch'
import { readReport } from '../readers'
import { LIMITS } from '../readers/limits'

export interface CheckOutcome {
  report: CheckedReport
  /** Present when the file was read: the text and full analysis, for the store. */
  doc?: ExtractedDoc
  analysis?: Analysis
  /** The text's fingerprint (domain/sketch), made off the main thread for the store. */
  sketch?: Uint32Array
}

/** The outcome with what the store needs besides the analysis: the text's fingerprint. */
export function forStore(o: CheckOutcome): CheckOutcome {
  return o.doc ? { ...o, sketch: textSketch(o.doc.text) } : o
}

export async function readFileBounded(file: string): Promise<Uint8Array> {
  const st = await fs.stat(file)
  if (!st.isFile()) throw new AppError('io-error', '不是普通文件。')
  if (st.size > LIMITS.maxFileBytes) {
    throw new AppError('too-large', `文件过大（${(st.size / 1048576).toFixed(1)} MB，上限 ${LIMITS.maxFileBytes / 1048576} MB）。`)
  }
  return new Uint8Array(await fs.readFile(file))
}

export async function checkBytes(bytes: Uint8Array, file: string, checklist: Checklist): Promise<CheckOutcome> {
  let doc: ExtractedDoc
  try {
    doc = await readReport(bytes, file)
  } catch (e) {
    return { report: { file, ok: false, error: toErrorInfo(e) } }
  }
  return analyzeDoc(doc, file, checklist)
}

/** Analyzes an extracted document; the same path for a new file and for re-analysis. */
export function analyzeDoc(doc: ExtractedDoc, file: string, checklist: Checklist): CheckOutcome {
  try {
    const { notReport, ...analysis } = analyze(doc, checklist)
    if (notReport) throw new AppError('not-a-report', notReport)
    return {
      report: {
        file,
        ok: true,
        format: doc.format,
        encoding: doc.encoding,
        meta: analysis.meta,
        items: analysis.items,
        findings: analysis.findings.map(({ code, severity, message }) => ({ code, severity, message })),
        warnings: doc.warnings
      },
      doc,
      analysis
    }
  } catch (e) {
    return { report: { file, ok: false, error: toErrorInfo(e) } }
  }
}

export async function checkFile(file: string, checklist: Checklist): Promise<CheckOutcome> {
  let bytes: Uint8Array
  try {
    bytes = await readFileBounded(file)
  } catch (e) {
    return { report: { file, ok: false, error: toErrorInfo(e) } }
  }
  return checkBytes(bytes, file, checklist)
}
