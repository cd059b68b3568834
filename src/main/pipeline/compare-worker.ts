// Worker thread for the batch comparison: answers the orchestrator's messages (compare-tasks.ts).

import { parentPort } from 'node:worker_threads'
import { createCompareHandler, type CompareMessage } from './compare-tasks'

const handle = createCompareHandler()

parentPort?.on('message', (req: { id: number; msg: CompareMessage }) => {
  try {
    const { reply, transfer } = handle(req.msg)
    parentPort!.postMessage({ id: req.id, reply }, transfer)
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) })
  }
})
