// A parse process for tests only: the real parser, except for files whose name asks it to behave as a
// hostile file makes a parser behave: grow without end outside the JS heap (as a Flate bomb does in
// ArrayBuffers), fill the JS heap, loop forever, or crash. It proves the pool's outer budgets without
// depending on any one reader still having a weakness.

import { analyzeDoc, checkBytes, checkFile, forStore } from '../../src/main/pipeline/check-file'
import { serveParseRequests } from '../../src/main/pipeline/parse-child'

const keep: unknown[] = []

serveParseRequests(async (req, checklist) => {
  const name = req.file
  if (name.includes('hostile-buffers')) {
    // 16 MB at a time, touched so it is really resident, never let go.
    for (;;) keep.push(new Uint8Array(16 << 20).fill(7))
  }
  if (name.includes('hostile-heap')) {
    for (let i = 0; ; i++) keep.push({ i, s: `${i}`.repeat(20), a: [i, i + 1, i + 2] })
  }
  if (name.includes('hostile-loop')) {
    for (;;) {
      /* a parser stuck in a pattern that never ends */
    }
  }
  if (name.includes('hostile-crash')) process.kill(process.pid, 'SIGSEGV')
  const outcome = req.doc ? analyzeDoc(req.doc, req.file, checklist) : req.bytes ? await checkBytes(req.bytes, req.file, checklist) : await checkFile(req.file, checklist)
  return req.doc ? { report: outcome.report, analysis: outcome.analysis } : req.full ? forStore(outcome) : { report: outcome.report }
})
