// Writer thread of an import: stores each report (file, text, search indexes, submission) in one
// transaction on a connection of its own, so the main thread's event loop never waits for SQLite.

import { parentPort } from 'node:worker_threads'
import { createStoreHandler, storeError, type StoreMessage } from './store-tasks'

const handle = createStoreHandler()

parentPort?.on('message', (req: { id: number; msg: StoreMessage }) => {
  try {
    parentPort!.postMessage({ id: req.id, result: handle(req.msg) })
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: storeError(e) })
  }
})
