// The inside of a parse process (Node's child_process.fork or Electron's utilityProcess): takes the
// checklist and then one file at a time from the pool, answers each, and watches its own memory from
// a second thread, so a file that makes it grow past its budget is stopped even while the parser is busy.

import { Worker } from 'node:worker_threads'
import type { Checklist } from '../../shared/models/checklist'
import type { ExtractedDoc } from '../../shared/models/report'
import type { CheckOutcome } from './check-file'

export interface ChildInit {
  type: 'init'
  checklist: Checklist
  /** Resident memory above which the process ends itself (bytes). */
  memoryLimitBytes: number
}

export interface ChildTask {
  type: 'task'
  id: number
  file: string
  /** Bytes already read by the caller; else the process reads `file`. */
  bytes?: Uint8Array
  /** Text already extracted: analyze only. */
  doc?: ExtractedDoc
  /** Also return the text and full analysis (the importer stores them). */
  full: boolean
  /** Analyse a not-a-report instead of refusing it (a document sent for re-analysis always is). */
  acceptNotReport?: boolean
}

export type ToChild = ChildInit | ChildTask

export interface ChildResult {
  type: 'result'
  id: number
  outcome: CheckOutcome
  /** The process's resident memory after the file, so the pool can replace a process that has grown. */
  rssBytes: number
}

export type FromChild = ChildResult | { type: 'ready' }

/** Written to stderr by the watchdog before it ends the process: `RA-MEMORY-EXCEEDED <rss bytes>`. */
export const MEMORY_MARK = 'RA-MEMORY-EXCEEDED'

// Runs on its own thread: the parser's thread may be stuck in a loop or a huge inflate, this one is not.
// `process.memoryUsage.rss()` is the whole process's (ArrayBuffers, wasm and native memory included).
const WATCHDOG = `
const { workerData } = require('node:worker_threads')
const fs = require('node:fs')
setInterval(() => {
  const rss = process.memoryUsage.rss()
  if (rss <= workerData.limit) return
  try { fs.writeSync(2, '\\n${MEMORY_MARK} ' + rss + '\\n') } catch {}
  process.kill(process.pid, 'SIGKILL')
}, 20)
`

interface Port {
  on(listener: (msg: ToChild) => void): void
  post(msg: FromChild): void
}

/** Electron's utility process talks through process.parentPort, a forked Node process through process.send. */
function parentPort(): Port {
  const electron = (process as unknown as { parentPort?: { on(e: 'message', l: (ev: { data: ToChild }) => void): void; postMessage(m: unknown): void } }).parentPort
  if (electron) return { on: (l) => electron.on('message', (ev) => l(ev.data)), post: (m) => electron.postMessage(m) }
  if (!process.send) throw new Error('parse process started without a channel to its parent')
  return { on: (l) => process.on('message', (m) => l(m as ToChild)), post: (m) => process.send!(m) }
}

export type TaskHandler = (task: ChildTask, checklist: Checklist) => Promise<CheckOutcome>

export function serveParseRequests(handle: TaskHandler): void {
  const port = parentPort()
  let checklist: Checklist | null = null
  let chain = Promise.resolve()
  port.on((msg) => {
    if (msg.type === 'init') {
      checklist = msg.checklist
      new Worker(WATCHDOG, { eval: true, workerData: { limit: msg.memoryLimitBytes } }).unref()
      port.post({ type: 'ready' })
      return
    }
    // One file at a time, in the order sent (the pool sends one anyway).
    chain = chain.then(async () => {
      const outcome = await handle(msg, checklist!)
      port.post({ type: 'result', id: msg.id, outcome, rssBytes: process.memoryUsage.rss() })
    })
  })
  // The pool ends the process by killing it; a lost parent ends it too.
  process.on('disconnect', () => process.exit(0))
}
