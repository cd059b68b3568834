// Worker thread: reads and analyzes files sent by the pool, one at a time.

import { parentPort, workerData } from 'node:worker_threads'
import type { Checklist } from '../../shared/models/checklist'
import { checkBytes, checkFile } from '../services/check-service'

export interface ParseRequest {
  id: number
  file: string
  /** Bytes already read by the caller; else the worker reads `file`. */
  bytes?: Uint8Array
  /** Also return the text and full analysis (the importer stores them). */
  full: boolean
}

// Sent once at start, so its compiled patterns are cached for every file.
const checklist = (workerData as { checklist: Checklist }).checklist

parentPort?.on('message', async (req: ParseRequest) => {
  const outcome = req.bytes ? await checkBytes(req.bytes, req.file, checklist) : await checkFile(req.file, checklist)
  parentPort!.postMessage({ id: req.id, outcome: req.full ? outcome : { report: outcome.report } })
})
