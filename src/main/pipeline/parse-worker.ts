// Worker thread: reads and analyzes files sent by the pool, one at a time.

import { parentPort, workerData } from 'node:worker_threads'
import type { Checklist } from '../../shared/models/checklist'
import type { ExtractedDoc } from '../../shared/models/report'
import { analyzeDoc, checkBytes, checkFile, forStore } from './check-file'

export interface ParseRequest {
  id: number
  file: string
  /** Bytes already read by the caller; else the worker reads `file`. */
  bytes?: Uint8Array
  /** Text already extracted: analyze only. */
  doc?: ExtractedDoc
  /** Also return the text and full analysis (the importer stores them). */
  full: boolean
  /** Analyse a not-a-report instead of refusing it (a document sent for re-analysis always is). */
  acceptNotReport?: boolean
}

// Sent once at start, so its compiled patterns are cached for every file.
const checklist = (workerData as { checklist: Checklist }).checklist

parentPort?.on('message', async (req: ParseRequest) => {
  const opts = { acceptNotReport: req.acceptNotReport ?? !!req.doc }
  const outcome = req.doc ? analyzeDoc(req.doc, req.file, checklist, opts) : req.bytes ? await checkBytes(req.bytes, req.file, checklist, opts) : await checkFile(req.file, checklist, opts)
  // A document sent for analysis is not sent back: the caller has it.
  const reply = req.doc ? { report: outcome.report, analysis: outcome.analysis } : req.full ? forStore(outcome) : { report: outcome.report }
  parentPort!.postMessage({ id: req.id, outcome: reply })
})
