// Worker thread: reads and analyzes files sent by the pool, one at a time.

import { parentPort } from 'node:worker_threads'
import type { Checklist } from '../../shared/models/checklist'
import { checkFile } from '../services/check-service'

export interface ParseRequest {
  id: number
  file: string
  checklist: Checklist
  /** Also return the text and full analysis (the importer stores them). */
  full: boolean
}

let lastChecklistJson = ''
let lastChecklist: Checklist | null = null

parentPort?.on('message', async (req: ParseRequest) => {
  // Reuse the parsed checklist object so compiled patterns are cached across files.
  const json = JSON.stringify(req.checklist)
  if (json !== lastChecklistJson) {
    lastChecklistJson = json
    lastChecklist = req.checklist
  }
  const outcome = await checkFile(req.file, lastChecklist!)
  parentPort!.postMessage({ id: req.id, outcome: req.full ? outcome : { report: outcome.report } })
})
