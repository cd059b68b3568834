// Parse process entry: reads and analyzes the files the pool sends, one at a time (see parse-child.ts).

import { analyzeDoc, checkBytes, checkFile, forStore } from './check-file'
import { serveParseRequests } from './parse-child'

serveParseRequests(async (req, checklist) => {
  const opts = { acceptNotReport: req.acceptNotReport ?? !!req.doc }
  const outcome = req.doc ? analyzeDoc(req.doc, req.file, checklist, opts) : req.bytes ? await checkBytes(req.bytes, req.file, checklist, opts) : await checkFile(req.file, checklist, opts)
  // A document sent for analysis is not sent back: the caller has it.
  return req.doc ? { report: outcome.report, analysis: outcome.analysis } : req.full ? forStore(outcome) : { report: outcome.report }
})
